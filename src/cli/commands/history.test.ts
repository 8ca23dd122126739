import { emptyVerdictCounts } from '../../harness/verdict.js';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { buildReport, toResultsJson } from '../../report/report-data.js';
import { sampleResults } from '../../report/fixtures/sample-results.js';
import type { CliIo } from '../io.js';
import { runHistory } from './history.js';

function memoryIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    readStdin: () => Promise.resolve(''),
    readFile: (p: string) => readFile(p, 'utf8'),
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
  };
  return io;
}

const counts = emptyVerdictCounts();

function resultsJson(time: string, statusObserved: number | null): string {
  const fail = statusObserved !== null;
  return JSON.stringify({
    format: 'cors-conformance-results',
    generatedAt: time,
    engines: ['chromium'],
    engineVersions: { chromium: '156.0.8078.108' },
    totals: { chromium: { ...counts, pass: fail ? 1 : 2, fail: fail ? 1 : 0 } },
    cases: [
      { key: 'a/x@chromium', id: 'a/x', engine: 'chromium', verdict: 'pass', diffs: [] },
      {
        key: 'a/y@chromium',
        id: 'a/y',
        engine: 'chromium',
        verdict: fail ? 'fail' : 'pass',
        diffs: fail ? [{ field: 'status', predicted: 200, observed: statusObserved }] : [],
      },
    ],
  });
}

test('history: first run, an unchanged run, a planted change (exit 0, 0, 1) and bad input (2)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cc-history-cli-'));
  try {
    const results = join(dir, 'results.json');
    const hist = join(dir, 'history');
    const args = (id: string) => ['--results', results, '--dir', hist, '--run-id', id];

    await writeFile(results, resultsJson('2026-11-24T02:00:00.000Z', null));
    await writeFile(join(dir, 'index.html'), '<p>night 1</p>');
    let io = memoryIo();
    expect(await runHistory(io, [...args('night1'), '--seed', '42'])).toBe(0);
    expect(io.out).toContain('drift no baseline (first run): none');

    await writeFile(results, resultsJson('2026-11-25T02:00:00.000Z', null));
    io = memoryIo();
    expect(await runHistory(io, args('night2'))).toBe(0);
    expect(io.out).toContain('drift since run night1 (2026-11-24T02:00:00.000Z): none');

    // The engine changed overnight: a/y now answers 0.
    await writeFile(results, resultsJson('2026-11-26T02:00:00.000Z', 0));
    io = memoryIo();
    expect(await runHistory(io, args('night3'))).toBe(1);
    expect(io.out).toContain('new failures (1):\n  a/y@chromium (pass → fail): status=0');
    const drift = JSON.parse(await readFile(join(dir, 'drift.json'), 'utf8')) as {
      exitCode: number;
      newFailures: { key: string }[];
    };
    expect(drift.exitCode).toBe(1);
    expect(drift.newFailures.map((i) => i.key)).toEqual(['a/y@chromium']);

    expect((await readdir(hist)).sort()).toEqual([
      'index.html',
      'night1.json',
      'night2.json',
      'night3.json',
      'runs',
    ]);
    const night1 = JSON.parse(await readFile(join(hist, 'night1.json'), 'utf8')) as {
      fuzzSeed: string;
      link: string;
      modelSpecCommit: string;
      frameworks: Record<string, string>;
      engines: Record<string, { version: string }>;
    };
    expect(night1.fuzzSeed).toBe('42');
    expect(night1.link).toBe('runs/night1.html');
    expect(night1.modelSpecCommit).toMatch(/^586cd2a/);
    expect(night1.frameworks.express).toBeDefined();
    expect(night1.engines.chromium?.version).toBe('156.0.8078.108');
    const page = await readFile(join(hist, 'index.html'), 'utf8');
    expect(page).toContain('History: 3 runs');

    // Against an explicit baseline, without recording.
    io = memoryIo();
    await writeFile(join(dir, 'old.json'), resultsJson('2026-11-20T02:00:00.000Z', 500));
    expect(
      await runHistory(io, [...args('night4'), '--baseline', join(dir, 'old.json'), '--no-record']),
    ).toBe(1);
    expect(io.out).toContain('was status=500; now status=0');
    expect((await readdir(hist)).includes('night4.json')).toBe(false);

    io = memoryIo();
    expect(await runHistory(io, ['--results', join(dir, 'absent.json'), '--dir', hist])).toBe(2);
    expect(io.err).toMatch(/absent\.json: cannot read the results: no such file\n$/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('history puts the drift on top of a full report and archives that matrix', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cc-history-full-'));
  try {
    const data = buildReport(sampleResults(), { generatedAt: '2026-11-26T02:00:00.000Z' });
    const results = join(dir, 'results.json');
    await writeFile(results, toResultsJson(data));
    const io = memoryIo();
    const code = await runHistory(io, [
      '--results',
      results,
      '--dir',
      join(dir, 'history'),
      '--run-id',
      'n1',
    ]);
    // The sample has drift verdicts and no baseline: each failing case is new.
    expect(code).toBe(1);
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    expect(html).toContain('class="cc-drift"');
    expect(html).toContain('href="history/index.html"');
    expect(html.indexOf('cc-drift')).toBeLessThan(html.indexOf('<h2>Totals</h2>'));
    expect(await readFile(join(dir, 'history/runs/n1.html'), 'utf8')).toBe(html);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
