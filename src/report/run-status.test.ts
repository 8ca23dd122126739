// A run that was stopped, or whose tests did not all report, never passes for a whole one:
// results.json, index.html and the terminal summary say so with what ran and what did not.
// Engine restarts are listed too. The files are replaced atomically.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { TestCase, TestResult } from '@playwright/test/reporter';
import type { CaseResult } from '../harness/types.js';
import { writeFilesAtomic } from './atomic-write.js';
import ConformanceReporter from './conformance-reporter.js';
import type { ReportData } from './report-data.js';
import { runStatusLine } from './run-status.js';
import { sampleResults } from './fixtures/sample-results.js';

function fakeTest(id: string, suite: string, engine: string): TestCase {
  const project = { name: engine, use: { corsBrowser: engine } };
  return { id, title: `${id}: x`, parent: { title: suite, project: () => project } } as never;
}

function ended(status: TestResult['status'], r: CaseResult | null): TestResult {
  const body =
    r === null ? [] : [{ name: 'case-result.json', body: Buffer.from(JSON.stringify(r)) }];
  return { status, attachments: body, errors: [{ message: 'browser closed' }] } as never;
}

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'cc-status-'));
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true });
  }
}

test('an interrupted run is marked in results.json, index.html and the summary, with what did not run', async () => {
  await withDir(async (dir) => {
    const out: string[] = [];
    const reporter = new ConformanceReporter({ outDir: dir, write: (t) => out.push(t) });
    const [one, two] = sampleResults().filter((r) => r.engine === 'chromium' && r.scenario.id);
    const tests = [
      fakeTest('a', 'smoke', 'chromium'),
      fakeTest('b', 'smoke', 'chromium'),
      fakeTest('c', 'redirects', 'chromium'),
      fakeTest('d', 'redirects', 'chromium'),
      fakeTest('e', 'redirects', 'chromium'),
    ];
    const [a, b, c, d, e] = tests as [TestCase, TestCase, TestCase, TestCase, TestCase];
    reporter.onBegin({ rootDir: dir } as never, { allTests: () => tests } as never);
    reporter.onTestEnd(a, ended('passed', one ?? null));
    // Failed before the stop: a harness error that stays.
    reporter.onTestEnd(c, ended('failed', null));
    process.emit('SIGINT');
    // Failed after the stop (its browser was closed under it): not run, not a harness error.
    reporter.onTestEnd(b, ended('failed', null));
    reporter.onTestEnd(d, ended('interrupted', null));
    // Interrupted after attaching its case's result: it ran.
    reporter.onTestEnd(e, ended('interrupted', two ?? null));
    await reporter.onEnd({ status: 'interrupted' } as never);

    const data = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as ReportData;
    expect(data.run).toMatchObject({ status: 'interrupted', expected: 5, ran: 3 });
    expect(data.run?.notRun).toEqual([
      { engine: 'chromium', suite: 'smoke', ran: 1, expected: 2 },
      { engine: 'chromium', suite: 'redirects', ran: 2, expected: 3 },
    ]);
    expect(data.cases).toHaveLength(3);
    expect(data.cases.filter((k) => k.verdict === 'harness-error')).toHaveLength(1);
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    expect(html).toContain('INTERRUPTED (stopped by a signal): 3 of 5 tests ran');
    const summary = out.join('');
    expect(summary).toContain(
      'INTERRUPTED (stopped by a signal): 3 of 5 tests ran; not run: chromium smoke 1/2, chromium redirects 2/3',
    );
    expect(summary).not.toContain('every case passes');
  });
});

test('a complete run says nothing extra; a run whose tests did not all report is incomplete', async () => {
  await withDir(async (dir) => {
    const out: string[] = [];
    const reporter = new ConformanceReporter({ outDir: dir, write: (t) => out.push(t) });
    const [one] = sampleResults().filter((r) => r.verdict === 'pass');
    const t = fakeTest('a', 'smoke', one?.engine ?? 'chromium');
    // An engine test that attaches no result (the fuzz suite's) and one skipped on purpose ran too.
    const fuzz = fakeTest('f', 'fuzz', one?.engine ?? 'chromium');
    const skipped = {
      ...fakeTest('s', 'smoke', one?.engine ?? 'chromium'),
      expectedStatus: 'skipped',
    };
    const all = [t, fuzz, skipped as TestCase];
    reporter.onBegin({ rootDir: dir } as never, { allTests: () => all } as never);
    reporter.onTestEnd(t, ended('passed', one ?? null));
    reporter.onTestEnd(fuzz, ended('passed', null));
    reporter.onTestEnd(skipped as TestCase, ended('skipped', null));
    await reporter.onEnd({ status: 'passed' } as never);
    const data = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as ReportData;
    expect(data.run?.status).toBe('complete');
    expect(await readFile(join(dir, 'index.html'), 'utf8')).not.toContain('role="alert"');
    expect(out.join('')).toContain('no drift: every case passes or is a known deviation');
  });
  await withDir(async (dir) => {
    const reporter = new ConformanceReporter({ outDir: dir, write: () => undefined });
    const tests = [fakeTest('a', 'smoke', 'webkit'), fakeTest('b', 'smoke', 'webkit')];
    reporter.onBegin({ rootDir: dir } as never, { allTests: () => tests } as never);
    // A run stopped before any scenario reported still replaces the old report, marked.
    await reporter.onEnd({ status: 'passed' } as never);
    const data = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as ReportData;
    expect(runStatusLine(data.run)).toBe(
      'INCOMPLETE (some tests did not run): 0 of 2 tests ran; not run: webkit smoke 0/2',
    );
  });
});

test('an engine restart is recorded: the cases that ran in the new browser and why', async () => {
  await withDir(async (dir) => {
    const out: string[] = [];
    const reporter = new ConformanceReporter({ outDir: dir, write: (t) => out.push(t) });
    const [one] = sampleResults().filter((r) => r.engine === 'chromium');
    const restarted = { ...(one as CaseResult), restart: 'EngineCrashed: chromium went away' };
    const t = fakeTest('a', 'smoke', 'chromium');
    reporter.onBegin({ rootDir: dir } as never, { allTests: () => [t] } as never);
    reporter.onTestEnd(t, ended('passed', restarted));
    await reporter.onEnd({ status: 'passed' } as never);
    const data = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as ReportData;
    expect(data.run?.restarts).toEqual([
      { engine: 'chromium', cause: 'EngineCrashed: chromium went away', cases: 1 },
    ]);
    expect(data.cases[0]?.restart).toBe('EngineCrashed: chromium went away');
    const line =
      'chromium was restarted (EngineCrashed: chromium went away); 1 case ran in the new browser';
    expect(out.join('')).toContain(line);
    expect(await readFile(join(dir, 'index.html'), 'utf8')).toContain(line);
  });
});

test('report files are replaced whole: a failure leaves the old ones and no temporary file', async () => {
  await withDir(async (dir) => {
    await writeFile(join(dir, 'results.json'), 'old results');
    const files: [string, string][] = [
      [join(dir, 'results.json'), 'new results'],
      [join(dir, 'missing-folder', 'index.html'), 'new page'],
    ];
    await expect(writeFilesAtomic(files)).rejects.toThrow(/ENOENT/);
    expect(await readFile(join(dir, 'results.json'), 'utf8')).toBe('old results');
    expect(await readdir(dir)).toEqual(['results.json']);
    await writeFilesAtomic([[join(dir, 'results.json'), 'new results']]);
    expect(await readFile(join(dir, 'results.json'), 'utf8')).toBe('new results');
    expect(await readdir(dir)).toEqual(['results.json']);
  });
});

test('a reporter that cannot write its folder says so in one line instead of failing the run', async () => {
  const out: string[] = [];
  const reporter = new ConformanceReporter({ outDir: '/proc/nope', write: (t) => out.push(t) });
  const [one] = sampleResults();
  const t = fakeTest('a', 'smoke', one?.engine ?? 'chromium');
  reporter.onBegin({ rootDir: '/' } as never, { allTests: () => [t] } as never);
  reporter.onTestEnd(t, ended('passed', one ?? null));
  await reporter.onEnd({ status: 'passed' } as never);
  expect(out.join('')).toMatch(/conformance reporter: cannot write \/proc\/nope: .*\n$/);
});
