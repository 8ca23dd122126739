// Properties of predict() over generated scenarios (fast-check; a failure prints the seed
// and path to replay it with `fc.assert(..., { seed, path })`).
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import {
  requestHeaderLineArb,
  safelistedRequestHeaderArb,
  scenarioArb,
} from '../scenario/arbitraries.js';
import { normalizeHeaders } from '../scenario/placeholders.js';
import type {
  CredentialsMode,
  HeadersInit,
  Prediction,
  ResponseSpec,
  Scenario,
} from '../scenario/types.js';
import { headerValueNormalize } from './header-list.js';
import { predict } from './predict.js';
import { CHROMIUM, FIREFOX, SPEC, WEBKIT } from '../engine-facts/index.js';
import { isCORSSafelistedRequestHeader } from './request-headers.js';

const ENGINES = [SPEC, CHROMIUM, FIREFOX, WEBKIT];
const RUNS = { numRuns: 150 };

function chainOf(p: Prediction): Prediction[] {
  const out: Prediction[] = [];
  for (let q: Prediction | undefined = p; q !== undefined; q = q.then) out.push(q);
  return out;
}

test('a server that allows exactly the request (origin, method, headers, credentials) lets it through', () => {
  const arb = fc.record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'CHICKEN', 'put', 'delete'),
    headers: fc.uniqueArray(
      fc.constantFrom<[string, string]>(
        ['X-A', '1'],
        ['x-b', 'two'],
        ['X-Custom-Thing', 'a b'],
        ['Authorization', 'Bearer t'],
        ['Content-Type', 'application/json'],
        ['Cache-Control', 'no-cache'],
        ['Accept', 'text/html'],
      ),
      { selector: ([n]) => n.toLowerCase(), maxLength: 4 },
    ),
    credentials: fc.constantFrom<CredentialsMode>('omit', 'same-origin', 'include'),
    api: fc.constantFrom('fetch' as const, 'xhr' as const),
    uploadListener: fc.boolean(),
    client: fc.constantFrom('page' as const, 'opaque-origin' as const),
  });
  fc.assert(
    fc.property(arb, (a) => {
      const allow: Record<string, string> = { 'Access-Control-Allow-Origin': '<origin>' };
      if (a.credentials === 'include') allow['Access-Control-Allow-Credentials'] = 'true';
      const s: Scenario = {
        client: a.client,
        request: { method: a.method, headers: a.headers, credentials: a.credentials, api: a.api },
        server: {
          preflight: {
            status: 204,
            headers: {
              ...allow,
              'Access-Control-Allow-Methods': '<acrm>',
              'Access-Control-Allow-Headers': '<acrh>',
            },
          },
          actual: { status: 200, headers: allow },
        },
      };
      if (a.api === 'xhr') s.request.uploadListener = a.uploadListener;
      for (const engine of ENGINES) {
        const p = predict(s, { engine });
        expect(p.outcome, `${engine.name}: ${JSON.stringify(p.because)}`).toBe('ok');
        expect(p.actualSent).toBe(true);
      }
    }),
    RUNS,
  );
});

function withoutACAO(h: HeadersInit | undefined): HeadersInit {
  return normalizeHeaders(h).filter(([n]) => n.toLowerCase() !== 'access-control-allow-origin');
}

function stripResponse(r: ResponseSpec | null | undefined): ResponseSpec | null | undefined {
  if (r === null || r === undefined) return r;
  return { ...r, headers: withoutACAO(r.headers) };
}

function stripACAO(s: Scenario): Scenario {
  if (s.server === undefined) return s;
  const server = { ...s.server };
  const preflight = stripResponse(server.preflight);
  if (preflight !== undefined) server.preflight = preflight;
  const actual = stripResponse(server.actual);
  if (actual !== undefined && actual !== null) server.actual = actual;
  if (server.redirects !== undefined)
    server.redirects = server.redirects.map((hop) => {
      const out = { ...hop, headers: withoutACAO(hop.headers) };
      const pre = stripResponse(hop.preflight);
      if (pre !== undefined) out.preflight = pre;
      return out;
    });
  return { ...s, server };
}

test('removing Access-Control-Allow-Origin never turns a failure into a success', () => {
  fc.assert(
    fc.property(scenarioArb, fc.constantFrom(...ENGINES), (s, engine) => {
      const before = chainOf(predict(s, { engine }));
      const after = chainOf(predict(stripACAO(s), { engine }));
      expect(after).toHaveLength(before.length);
      before.forEach((b, i) => {
        if (b.outcome !== 'ok') expect(after[i]?.outcome).not.toBe('ok');
      });
    }),
    RUNS,
  );
});

test('a CORS-safelisted header with a valid value never adds a preflight', () => {
  const arb = fc.record({
    method: fc.constantFrom('GET', 'HEAD', 'POST', 'get', 'post'),
    api: fc.constantFrom('fetch' as const, 'xhr' as const),
    credentials: fc.constantFrom<CredentialsMode>('omit', 'same-origin', 'include'),
    header: safelistedRequestHeaderArb,
    engine: fc.constantFrom(...ENGINES),
  });
  fc.assert(
    fc.property(arb, ({ method, api, credentials, header, engine }) => {
      const [name, raw] = header;
      fc.pre(isCORSSafelistedRequestHeader(name, headerValueNormalize(raw), engine));
      const base: Scenario = { request: { method, api, credentials } };
      const withHeader: Scenario = { request: { ...base.request, headers: [[name, raw]] } };
      expect(predict(withHeader, { engine }).preflight).toBe(predict(base, { engine }).preflight);
      expect(predict(withHeader, { engine }).preflight).toBe(false);
    }),
    RUNS,
  );
});

test('ACRH is lowercase, byte-sorted and duplicate-free', () => {
  const arb = fc.record({
    method: fc.constantFrom('GET', 'PUT', 'POST'),
    headers: fc.array(requestHeaderLineArb, { maxLength: 6 }),
    api: fc.constantFrom('fetch' as const, 'xhr' as const),
    engine: fc.constantFrom(...ENGINES),
  });
  fc.assert(
    fc.property(arb, ({ method, headers, api, engine }) => {
      const p = predict({ request: { method, headers, api } }, { engine });
      for (const w of p.wire ?? []) {
        if (!w.preflight || w.acrh === null || w.acrh === undefined) continue;
        const names = w.acrh.split(',');
        expect(names.every((n) => n === n.toLowerCase() && n !== '')).toBe(true);
        expect(new Set(names).size).toBe(names.length);
        const sorted = [...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
        expect(names).toEqual(sorted);
      }
    }),
    RUNS,
  );
});

test('predict never throws and is deterministic on generated scenarios', () => {
  fc.assert(
    fc.property(scenarioArb, fc.constantFrom(...ENGINES), (s, engine) => {
      const a = predict(s, { engine });
      expect(predict(s, { engine })).toEqual(a);
      for (const p of chainOf(a)) {
        expect(p.because.length).toBeGreaterThan(0);
        if (p.outcome !== 'ok') expect(p.status).toBeNull();
        if (p.responseType === 'opaque' || p.responseType === 'opaqueredirect')
          expect(p.status).toBe(0);
      }
    }),
    RUNS,
  );
});
