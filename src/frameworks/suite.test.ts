// The fixed-seed regression run `npm test` carries: the CI-sized run (100 generated cases)
// through every built-in Node adapter finds the known bug of each older version, and the
// current version of the same package does not show it. Shrinking is kept short here; the
// findings themselves, not their smallest form, are under test. About 15-25 s.
import { expect, test } from '@playwright/test';
import { nodeSuiteAdapters } from './node-adapters.js';
import type { DisagreementKind } from './oracle.js';
import { DEFAULT_SUITE_RUNS, runSuite, type SuiteReport } from './suite.js';

/** Old version, what it gets wrong, the current version that must not. */
const KNOWN: [string, DisagreementKind, string][] = [
  // cors 2.8.5 "Fix setting maxAge option to 0": 2.8.4 leaves the header out (5 s cache).
  ['express+cors@2.8.4', 'max-age', 'express+cors@2.8.6'],
  // cors 2.8.2 "Send Vary: Origin when using regular expressions": 2.8.1 only on allowed origins.
  ['express+cors@2.8.1', 'vary-missing', 'express+cors@2.8.6'],
  // fastify/fastify-cors#151, fixed in 6.0.3 (#152): a RegExp with the g flag keeps lastIndex.
  ['fastify@3+fastify-cors@6.0.2', 'unstable', 'fastify+@fastify/cors@11.4.3'],
  // GHSA-88fw-hqm2-52qc (CVE-2026-54290): `*` with credentials echoes any origin.
  ['hono@4.12.24', 'too-permissive', 'hono@4.13.19'],
  // GHSA-q7jf-gf43-6x6p: the request's Vary copied into the answer.
  ['hono@4.10.2', 'vary-from-request', 'hono@4.13.19'],
  // GHSA-qxrj-hx23-xp82 (CVE-2023-49803): no origin set echoes any origin (with credentials,
  // any site reads; 5.0.0 still does that when credentials are on, see docs/frameworks.md).
  ['koa+@koa/cors@4.0.0', 'too-permissive', ''],
];

let report: SuiteReport;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const adapters = nodeSuiteAdapters();
  try {
    report = await runSuite({ adapters, seed: 1, runs: DEFAULT_SUITE_RUNS, maxShrinkRuns: 10 });
  } finally {
    for (const a of adapters) await a.close?.();
  }
});

test('every adapter ran every case it can express, without errors', () => {
  expect(report.runs).toBe(DEFAULT_SUITE_RUNS);
  for (const s of report.adapters) {
    expect(s.unavailable, s.adapter).toBeNull();
    expect(s.errors, `${s.adapter}: ${s.firstError ?? ''}`).toBe(0);
    expect(s.run + s.skipped, s.adapter).toBe(DEFAULT_SUITE_RUNS);
  }
});

for (const [old, kind, current] of KNOWN) {
  test(`${old}: ${kind} is found${current === '' ? '' : `, not in ${current}`}`, () => {
    const s = report.adapters.find((a) => a.adapter === old);
    expect(s?.byKind[kind] ?? 0).toBeGreaterThan(0);
    expect(report.findings.some((f) => f.adapter === old && f.kind === kind)).toBe(true);
    if (current !== '') {
      const c = report.adapters.find((a) => a.adapter === current);
      expect(c?.byKind[kind] ?? 0, current).toBe(0);
    }
  });
}
