import { test, expect } from '@playwright/test';
import {
  caseStatesOf,
  compareRuns,
  driftCount,
  driftExitCode,
  driftHtml,
  driftJson,
  formatDrift,
} from './drift.js';
import { emptyCounts, type RunResults } from './history.js';

const base = {
  'a/pass@chromium': 'pass',
  'a/fail@chromium': 'fail outcome="network-error"',
  'a/kd@chromium': 'known-deviation then.preflight=false',
  'a/gone@chromium': 'pass',
  'a/flaky@chromium': 'harness-error crashed',
};

test('identical runs: no drift, even with failures both times', () => {
  const d = compareRuns(base, { ...base, 'a/flaky@chromium': 'pass' }, 'r1');
  expect(d.newPasses.map((i) => i.key)).toEqual(['a/flaky@chromium']);
  const same = { ...base };
  delete (same as Record<string, string>)['a/flaky@chromium'];
  const none = compareRuns(same, same, 'r1');
  expect(driftCount(none)).toBe(0);
  expect(driftExitCode(none)).toBe(0);
  expect(formatDrift(none)).toBe('drift since r1: none\n');
});

test('each kind of change lands in its group', () => {
  const d = compareRuns(
    base,
    {
      'a/pass@chromium': 'fail status=500',
      'a/fail@chromium': 'fail outcome="ok"',
      'a/kd@chromium': 'pass',
      'a/flaky@chromium': 'harness-error crashed',
      'a/new@chromium': 'unexpected-pass',
    },
    'r1',
  );
  expect(d.newFailures.map((i) => [i.key, i.before, i.after])).toEqual([
    ['a/new@chromium', null, 'unexpected-pass'],
    ['a/pass@chromium', 'pass', 'fail'],
  ]);
  expect(d.changedReasons.map((i) => i.key)).toEqual(['a/fail@chromium', 'a/kd@chromium']);
  expect(d.harnessErrors.map((i) => i.key)).toEqual(['a/flaky@chromium']);
  expect(d.newPasses).toEqual([]);
  expect(d.missing).toEqual(['a/gone@chromium']);
  expect(driftExitCode(d)).toBe(1);
  const text = formatDrift(d);
  expect(text).toContain(
    'drift since r1: 2 new failures, 0 new passes, 2 changed failure reasons, 1 harness errors, 1 missing (in the baseline, not run this time)',
  );
  expect(text).toContain('  a/pass@chromium (pass → fail): status=500');
  expect(text).toContain('  a/fail@chromium (fail): was outcome="network-error"; now outcome="ok"');
  expect(text).toContain('missing (in the baseline, not run this time) (1):\n  a/gone@chromium');
});

test('cases missing since the baseline are drift, not "none"', () => {
  // An interrupted run that had only one of the baseline's cases, and that one unchanged.
  const d = compareRuns(
    { 'a@chromium': 'pass', 'b@chromium': 'pass' },
    { 'a@chromium': 'pass' },
    'r1',
  );
  expect(d.missing).toEqual(['b@chromium']);
  expect(driftExitCode(d)).toBe(1);
  expect(formatDrift(d)).not.toContain(': none');
  expect(driftHtml(d)).toContain('data-drift="missing"');
  expect(driftHtml(d)).not.toContain('none');
});

test('without a baseline every failing case is new', () => {
  const d = compareRuns(null, { 'x@webkit': 'fail status=1', 'y@webkit': 'pass' });
  expect(d.baseline).toBeNull();
  expect(d.newFailures.map((i) => i.key)).toEqual(['x@webkit']);
  expect(formatDrift(d)).toMatch(/^drift no baseline \(first run\): 1 new failures/);
});

test('case states come from a results.json', () => {
  const r: RunResults = {
    engines: ['firefox'],
    totals: { firefox: emptyCounts() },
    cases: [
      {
        key: 'p/q@firefox',
        id: 'p/q',
        engine: 'firefox',
        verdict: 'fail',
        diffs: [{ field: 'status', predicted: 200, observed: 0 }],
      },
    ],
  };
  expect(caseStatesOf(r)).toEqual({ 'p/q@firefox': 'fail status=0' });
});

test('the HTML summary deep-links each case and escapes text', () => {
  const d = compareRuns({ 'a<b@chromium': 'pass' }, { 'a<b@chromium': 'fail x="<i>"' }, 'r&1');
  const html = driftHtml(d);
  expect(html).toContain('Drift since r&amp;1');
  expect(html).toContain('href="#case=a%3Cb%40chromium"');
  expect(html).not.toContain('<i>');
  expect(driftHtml(compareRuns({}, {}, 'r'))).toContain('none');
  expect(JSON.parse(driftJson(d))).toMatchObject({ exitCode: 1, baseline: 'r&1' });
});
