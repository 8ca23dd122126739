// The Python adapters (Starlette's CORSMiddleware, flask-cors) from Debian's packages: one
// long-lived process each, a policy per control request, judged like every adapter. Skipped
// with the install command when the packages are missing.
import { expect, test } from '@playwright/test';
import type { RequestProbe, SuiteCase } from './generate.js';
import { pythonSuiteAdapters } from './python-adapters.js';
import { pythonPattern, starletteKwargs } from './python-options.js';
import { runCase } from './run-case.js';

const probe = (credentials: boolean, kind: 'allowed' | 'unrelated'): RequestProbe => ({
  kind: 'request',
  origin: kind === 'allowed' ? { kind, entry: 0, deeper: false } : { kind },
  method: { from: 'pool', index: 0, lower: false },
  headers: [],
  credentials,
  repeat: true,
  requestVary: true,
  oddAcrh: null,
});

const allowed: SuiteCase = {
  policy: {
    origins: { kind: 'list', entries: ['https://*.example.org', 'https://app.example.com'] },
    methods: ['PUT'],
    requestHeaders: ['X-Token'],
    exposedHeaders: ['X-Total'],
    credentials: true,
  },
  probes: [probe(true, 'allowed'), probe(false, 'unrelated')],
};
const starWithCredentials: SuiteCase = {
  policy: {
    origins: { kind: 'any' },
    methods: [],
    requestHeaders: [],
    exposedHeaders: [],
    credentials: true,
  },
  probes: [probe(true, 'unrelated')],
};

test('patterns become anchored Python regular expressions', () => {
  expect(pythonPattern('https://*.example.org:8443')).toBe(
    '^https://[^.:/]+(\\.[^.:/]+)*\\.example\\.org:8443$',
  );
  expect(starletteKwargs(allowed.policy)).toEqual({
    options: {
      allow_origins: ['https://app.example.com'],
      allow_origin_regex: '^https://[^.:/]+(\\.[^.:/]+)*\\.example\\.org$',
      allow_methods: ['GET', 'HEAD', 'POST', 'PUT'],
      allow_headers: ['X-Token'],
      allow_credentials: true,
      expose_headers: ['X-Total'],
    },
  });
});

for (const adapter of pythonSuiteAdapters()) {
  test(`${adapter.name}: serves policy after policy from one process`, async () => {
    test.setTimeout(60_000);
    const why = await adapter.unavailable?.();
    test.skip(why !== null, why ?? '');
    try {
      const ok = await runCase(adapter, allowed);
      expect(ok.error).toBeNull();
      expect(ok.probes[0]).toMatchObject({ intent: 'allow', read: true, verdict: 'as-intended' });
      expect(ok.probes.find((p) => p.what.includes('unrelated'))).toMatchObject({
        intent: 'deny',
        read: false,
      });
      // `*` with credentials: both middlewares echo the origin with credentials (documented in
      // docs/frameworks.md), so any site reads a logged-in user's answers.
      const star = await runCase(adapter, starWithCredentials);
      expect(star.url).toBe(ok.url);
      expect(star.disagreements.map((d) => d.kind)).toContain('too-permissive');
    } finally {
      await adapter.close?.();
    }
  });
}
