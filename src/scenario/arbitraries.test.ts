import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import {
  corsResponseHeaderLineArb,
  methodArb,
  requestHeaderLineArb,
  scenarioArb,
} from './arbitraries.js';
import { ScenarioError, parseScenario } from './validate.js';

// Fixed seed in CI, fresh otherwise; a failure prints seed and path for a replay.
const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined;
const params = { numRuns: 300, ...(seed !== undefined ? { seed } : {}) };

function errorOf(json: unknown): ScenarioError | null {
  try {
    parseScenario(json);
    return null;
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
}

test('every generated scenario passes parseScenario, also after a JSON round trip', () => {
  fc.assert(
    fc.property(scenarioArb, (scenario) => {
      const json: unknown = JSON.parse(JSON.stringify(scenario));
      expect(errorOf(json)?.message ?? null).toBeNull();
      expect(parseScenario(json)).toEqual(scenario);
    }),
    params,
  );
});

test('generators cover the space: case variants, custom methods, forbidden headers', () => {
  const methods = fc.sample(methodArb, { numRuns: 400, seed: 1 });
  expect(methods).toContain('patch');
  expect(methods.some((m) => !/^(GET|HEAD|POST|PUT|DELETE|PATCH|OPTIONS)$/i.test(m))).toBe(true);
  const names = fc.sample(requestHeaderLineArb, { numRuns: 400, seed: 1 }).map(([n]) => n);
  expect(names.some((n) => n === n.toUpperCase() && n !== n.toLowerCase())).toBe(true);
  expect(names.map((n) => n.toLowerCase())).toContain('cookie');
});

test('a generated Cache-Control always forbids storing (the model has no HTTP cache)', () => {
  const lines = fc.sample(corsResponseHeaderLineArb, { numRuns: 3000, seed: 1 });
  const cacheControl = lines.filter(([n]) => n.toLowerCase() === 'cache-control');
  expect(cacheControl.length).toBeGreaterThan(0);
  expect(new Set(cacheControl.map(([, v]) => v))).toEqual(new Set(['no-store']));
});

test('an unknown field anywhere in the request is reported at its path', () => {
  fc.assert(
    fc.property(scenarioArb, fc.constantFrom('mdoe', 'header', 'taget'), (scenario, typo) => {
      const json = JSON.parse(JSON.stringify(scenario)) as { request: Record<string, unknown> };
      json.request[typo] = 'x';
      const err = errorOf(json);
      expect(err?.path).toBe(`$.request.${typo}`);
      expect(err?.problem).toMatch(/^unknown field/);
    }),
    { ...params, numRuns: 100 },
  );
});

test('a header value with a byte JS cannot send is reported at that header', () => {
  fc.assert(
    fc.property(
      scenarioArb,
      fc.constantFrom('\n', '\r', '\u0000', '\u0100', '\u20ac'),
      (scenario, bad) => {
        const json = JSON.parse(JSON.stringify(scenario)) as { request: Record<string, unknown> };
        json.request.headers = [
          ['x-ok', 'fine'],
          ['x-bad', `v${bad}`],
        ];
        const err = errorOf(json);
        expect(err?.path).toBe('$.request.headers[1][1]');
        expect(err?.problem).toMatch(/^header value contains U\+/);
      },
    ),
    { ...params, numRuns: 100 },
  );
});
