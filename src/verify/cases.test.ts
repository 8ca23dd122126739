import { expect, test } from '@playwright/test';
import { UNLISTED_HEADER, UNRELATED_ORIGIN, caseOrigins, generateCases } from './cases.js';
import { liveModel } from '../live/replay.js';
import { getEngineProfile } from '../engine-facts/index.js';
import { MODEL_OPAQUE_PARENT, pageOf, requestOf } from './probe-cases.js';

const policy = {
  origins: ['https://app.example.com', 'https://*.example.org'],
  methods: ['GET', 'POST', 'PUT'],
  requestHeaders: ['Content-Type', 'X-Token'],
  credentials: false,
};

test('origins: allowed ones and pattern instances first, then lookalikes, null and an unrelated site', () => {
  const origins = caseOrigins(policy);
  expect(origins.slice(0, 2)).toEqual([
    { origin: 'https://app.example.com', kind: 'allowed' },
    { origin: 'https://app.example.org', kind: 'pattern-instance' },
  ]);
  const byOrigin = new Map(origins.map((o) => [o.origin, o.kind]));
  expect(byOrigin.get('https://app.example.com.evil.test')).toBe('lookalike-prefix');
  expect(byOrigin.get('https://evilapp.example.com')).toBe('lookalike-suffix');
  expect(byOrigin.get('https://appxexample.com')).toBe('lookalike-unescaped-dot');
  expect(byOrigin.get('http://app.example.com')).toBe('lookalike-other-scheme');
  expect(byOrigin.get('https://evil.app.example.com')).toBe('lookalike-subdomain');
  // The pattern's apex and an unescaped-dot variant of its instance.
  expect(byOrigin.get('https://example.org')).toBe('lookalike-apex');
  expect(byOrigin.get('https://appxexample.org')).toBe('lookalike-unescaped-dot');
  // A sub-domain of a pattern instance is allowed by the pattern: not a lookalike.
  expect(byOrigin.has('https://evil.app.example.org')).toBe(false);
  expect(byOrigin.get('null')).toBe('null');
  expect(byOrigin.get(UNRELATED_ORIGIN)).toBe('unrelated');
});

test('cases: intents follow the policy (origin, method, header, credentials)', () => {
  const cases = generateCases(policy);
  const byId = new Map(cases.map((c) => [c.id, c]));
  expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  expect(byId.get('simple-get/https://app.example.com')?.intent).toBe('allow');
  expect(byId.get('simple-get-credentials/https://app.example.com')).toMatchObject({
    intent: 'deny',
    deniedBecause: 'the policy does not allow credentials',
  });
  expect(byId.get('preflight-method-PUT/https://app.example.com')?.intent).toBe('allow');
  expect(byId.get('preflight-method-DELETE-not-in-policy/https://app.example.com')?.intent).toBe(
    'deny',
  );
  expect(byId.get('preflight-headers/https://app.example.org')).toMatchObject({
    intent: 'allow',
    headers: [
      ['Content-Type', 'application/json'],
      ['X-Token', 'cors-conformance'],
    ],
  });
  expect(byId.get(`preflight-header-not-in-policy/https://app.example.com`)?.headers).toEqual([
    [UNLISTED_HEADER, '1'],
  ]);
  expect(byId.get('simple-get/https://appxexample.com')).toMatchObject({
    intent: 'deny',
    deniedBecause: 'origin https://appxexample.com is not in the policy',
  });
  expect(byId.get(`preflight-method-PUT/${UNRELATED_ORIGIN}`)?.intent).toBe('deny');
  expect(
    cases
      .filter((c) => c.intent === 'allow')
      .every((c) => c.originKind === 'allowed' || c.originKind === 'pattern-instance'),
  ).toBe(true);
  // Counts: 2 allowed origins x 6 cases, 10 lookalikes/null x 2, the unrelated site x 4.
  expect(cases.length).toBe(12 + 2 * (caseOrigins(policy).length - 3) + 4);
});

test('cases that should be preflighted are, for the model', () => {
  const target = new URL('http://127.0.0.1:9/api');
  for (const c of generateCases({ ...policy, credentials: true })) {
    const dry = liveModel(target, {
      ...pageOf(c, MODEL_OPAQUE_PARENT),
      request: requestOf(c),
    }).predict({ preflight: null, actual: { status: 200 } }, getEngineProfile('spec'));
    expect(dry.preflight, c.id).toBe(c.id.startsWith('preflight-'));
  }
});
