// Generated cases are reproducible: a seed and a fast-check path name one case, the same
// one fast-check's runner and shrinker reach, and probes resolve against their policy.
import fc from 'fast-check';
import { expect, test } from '@playwright/test';
import { ATTACKER_LABEL, ATTACKER_SUFFIX } from '../policy/index.js';
import type { SuiteCase } from './generate.js';
import {
  caseAt,
  oddAcrhValue,
  resolveOrigin,
  resolveRequest,
  sampleCases,
  suiteCaseArb,
} from './generate.js';
import type { FrameworkPolicy } from './vocabulary.js';

const policy: FrameworkPolicy = {
  origins: { kind: 'list', entries: ['https://*.example.org', 'https://app.example.com'] },
  methods: ['PUT', 'PATCH'],
  requestHeaders: ['X-Token'],
  exposedHeaders: [],
  credentials: false,
};

test('sampleCases(seed, start, n) are the cases fast-check runs at those indices', async () => {
  const seen: SuiteCase[] = [];
  await fc.assert(
    fc.asyncProperty(suiteCaseArb, (c) => {
      seen.push(c);
      return Promise.resolve(true);
    }),
    { seed: 42, numRuns: 12 },
  );
  expect(sampleCases(42, 0, 12)).toEqual(seen);
  expect(sampleCases(42, 5, 3)).toEqual(seen.slice(5, 8));
});

test('the path fast-check shrinks to replays with caseAt', async () => {
  // A property that fails on policies with credentials and any probe from `null`.
  const fails = (c: SuiteCase): boolean =>
    c.policy.credentials && c.probes.some((p) => p.origin.kind === 'null');
  const details = await fc.check(
    fc.asyncProperty(suiteCaseArb, (c) => Promise.resolve(!fails(c))),
    { seed: 7 },
  );
  expect(details.failed).toBe(true);
  const path = details.counterexamplePath ?? '';
  expect(path.split(':').length).toBeGreaterThan(1);
  expect(caseAt(7, path)).toEqual(details.counterexample?.[0]);
  expect(fails(caseAt(7, path))).toBe(true);
});

test('origin picks resolve against the policy: instances, deeper sub-domains, lookalikes, null', () => {
  expect(resolveOrigin(policy, { kind: 'allowed', entry: 0, deeper: false })).toBe(
    'https://app.example.org',
  );
  expect(resolveOrigin(policy, { kind: 'allowed', entry: 2, deeper: true })).toBe(
    'https://x.app.example.org',
  );
  expect(resolveOrigin(policy, { kind: 'allowed', entry: 1, deeper: true })).toBe(
    'https://app.example.com',
  );
  expect(resolveOrigin(policy, { kind: 'lookalike', entry: 1, which: 0 })).toBe(
    `https://app.example.com.${ATTACKER_LABEL}.${ATTACKER_SUFFIX}`,
  );
  expect(resolveOrigin(policy, { kind: 'null' })).toBe('null');
  const any: FrameworkPolicy = { ...policy, origins: { kind: 'any' } };
  expect(resolveOrigin(any, { kind: 'allowed', entry: 1, deeper: false })).toBe(
    'http://localhost:3000',
  );
});

test('a request probe becomes what page JS sends: method case, repeated headers', () => {
  const r = resolveRequest(policy, {
    kind: 'request',
    origin: { kind: 'allowed', entry: 1, deeper: false },
    method: { from: 'policy', index: 1, lower: true },
    headers: [{ from: 'policy', index: 0, nameCase: 'upper', twice: true }],
    credentials: true,
    repeat: false,
    requestVary: false,
    oddAcrh: null,
  });
  expect(r).toEqual({
    origin: 'https://app.example.com',
    jsMethod: 'patch',
    method: 'patch',
    headers: [
      ['X-TOKEN', 'cors-conformance'],
      ['X-TOKEN', 'cors-conformance'],
    ],
    credentials: true,
  });
  const put = resolveRequest(policy, {
    kind: 'request',
    origin: { kind: 'unrelated' },
    method: { from: 'policy', index: 0, lower: true },
    headers: [],
    credentials: false,
    repeat: false,
    requestVary: false,
    oddAcrh: null,
  });
  expect(put?.method).toBe('PUT');
});

test('odd Access-Control-Request-Headers forms', () => {
  expect(oddAcrhValue('content-type,x-token', 'spaces')).toBe('content-type ,  x-token');
  expect(oddAcrhValue('content-type,x-token', 'case')).toBe('CONTENT-TYPE,X-TOKEN');
  expect(oddAcrhValue('x-token', 'duplicate')).toBe('x-token, x-token');
});
