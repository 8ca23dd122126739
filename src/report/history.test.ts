import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import {
  appendHistory,
  archiveMatrix,
  buildHistoryRecord,
  caseMark,
  emptyCounts,
  frameworkVersions,
  historyPage,
  historySection,
  loadHistory,
  parseCaseMark,
  runIdFromTime,
  runIndependent,
  safeRunId,
  specCommitFrom,
  trendSvg,
  writeHistoryIndex,
  type HistoryRecord,
  type RunResults,
} from './history.js';
import { buildReport } from './report-data.js';
import { sampleResults } from './fixtures/sample-results.js';

function results(over: Partial<RunResults> = {}): RunResults {
  return {
    engines: ['chromium', 'firefox'],
    totals: {
      chromium: { ...emptyCounts(), pass: 2, fail: 1 },
      firefox: { ...emptyCounts(), pass: 2, 'known-deviation': 1 },
    },
    engineVersions: { chromium: '156.0.8078.108', firefox: '153.7.0esr' },
    cases: [
      { key: 'a/one@chromium', id: 'a/one', engine: 'chromium', verdict: 'pass', diffs: [] },
      {
        key: 'a/two@chromium',
        id: 'a/two',
        engine: 'chromium',
        verdict: 'fail',
        diffs: [
          { field: 'outcome', predicted: 'ok', observed: 'network-error' },
          { field: 'acrh', predicted: 'x-a', observed: null },
        ],
      },
      {
        key: 'a/two@firefox',
        id: 'a/two',
        engine: 'firefox',
        verdict: 'harness-error',
        diffs: [],
        note: 'firefox:   crashed\n twice',
      },
    ],
    ...over,
  };
}

function record(id: string, time: string, pass: number, fail: number): HistoryRecord {
  return buildHistoryRecord(
    results({
      totals: {
        chromium: { ...emptyCounts(), pass, fail },
        firefox: { ...emptyCounts(), pass: pass + 1 },
      },
    }),
    { id, time, frameworks: {}, modelSpecCommit: null },
  );
}

test('a case mark is the verdict plus a stable, sorted why', () => {
  const r = results();
  expect(caseMark(r.cases[0]!)).toBe('pass');
  expect(caseMark(r.cases[1]!)).toBe('fail acrh=null outcome="network-error"');
  expect(caseMark(r.cases[2]!)).toBe('harness-error firefox: crashed twice');
  expect(parseCaseMark('fail acrh=null outcome="network-error"')).toEqual({
    verdict: 'fail',
    why: 'acrh=null outcome="network-error"',
  });
  expect(parseCaseMark('pass')).toEqual({ verdict: 'pass', why: '' });
});

test('the why leaves out what changes every run: ports and URL tokens', () => {
  expect(runIndependent('originHeader="http://example.com:38383" x')).toBe(
    'originHeader="http://example.com:<port>" x',
  );
  expect(runIndependent('GET http://127.0.0.1:4011/x?i=eyJhbGciOiJIUzI1 failed')).toBe(
    'GET http://127.0.0.1:<port>/x?i=<token> failed',
  );
  const a = caseMark({
    key: 'k',
    id: 'k',
    engine: 'chromium',
    verdict: 'fail',
    diffs: [{ field: 'originHeader', predicted: null, observed: 'http://example.com:41001' }],
  });
  expect(a).toBe('fail originHeader="http://example.com:<port>"');
});

test('the record keeps versions, counts, frameworks, spec commit, seed and link', () => {
  const r = buildHistoryRecord(results(), {
    id: '1234/5',
    time: '2026-11-26T02:23:00.000Z',
    frameworks: { express: '5.3.0' },
    modelSpecCommit: '586cd2a',
    fuzzSeed: '1764123780',
    link: 'runs/1234-5.html',
  });
  expect(r.id).toBe('1234-5');
  expect(r.engines.chromium).toEqual({
    version: '156.0.8078.108',
    counts: { ...emptyCounts(), pass: 2, fail: 1 },
  });
  expect(r.fuzzSeed).toBe('1764123780');
  expect(r.link).toBe('runs/1234-5.html');
  expect(Object.keys(r.cases)).toEqual(['a/one@chromium', 'a/two@chromium', 'a/two@firefox']);
  const without = buildHistoryRecord(results({ engineVersions: {} }), {
    id: 'x',
    time: 't',
    frameworks: {},
    modelSpecCommit: null,
  });
  expect(without.engines.firefox?.version).toBeNull();
  expect(without).not.toHaveProperty('fuzzSeed');
});

test('framework versions come from package.json, aliases included', () => {
  expect(
    frameworkVersions({
      dependencies: { playwright: '1.64.1', ajv: '8' },
      devDependencies: { express: '5.3.0', 'cors-v2-8-4': 'npm:cors@2.8.4', eslint: '10' },
    }),
  ).toEqual({ express: '5.3.0', 'cors-v2-8-4': 'npm:cors@2.8.4', playwright: '1.64.1' });
});

test('the spec commit is read from the model README', async () => {
  expect(specCommitFrom('**Pinned spec:** whatwg/fetch `fetch.bs` at commit\n`586cd2a44c2a`')).toBe(
    '586cd2a44c2a',
  );
  expect(specCommitFrom('no commit here')).toBeNull();
  const readme = await readFile(new URL('../model/README.md', import.meta.url), 'utf8');
  expect(specCommitFrom(readme)).toMatch(/^586cd2a/);
});

test('run ids are safe file names', () => {
  expect(runIdFromTime('2026-11-26T02:23:00.123Z')).toBe('2026-11-26T02-23-00Z');
  expect(safeRunId('../../etc/passwd')).toBe('etc-passwd');
  expect(() => safeRunId('///')).toThrow(/no usable characters/);
});

test('the trend chart draws a line per verdict with a point per run', () => {
  const runs = [
    record('r1', '2026-11-24T02:00:00Z', 20, 0),
    record('r2', '2026-11-25T02:00:00Z', 18, 2),
    record('r3', '2026-11-26T02:00:00Z', 19, 1),
  ];
  const svg = trendSvg(runs, 'chromium');
  expect(svg).toContain('<svg');
  expect(svg.match(/<polyline[^>]*data-verdict="pass"/g)).toHaveLength(1);
  expect(svg.match(/<circle data-verdict="fail"/g)).toHaveLength(3);
  // Firefox never failed: no fail line for it.
  expect(trendSvg(runs, 'firefox')).not.toContain('data-verdict="fail"');
  // The highest count sits at the top of the plot area, zero at the bottom.
  const passPoints = /data-verdict="pass"[^>]*points="([^"]+)"/.exec(svg)?.[1]?.split(' ');
  expect(passPoints?.[0]?.split(',')[1]).toBe('12.0');
});

test('the history page links each run, newest first, and needs nothing from the network', () => {
  const runs = [
    record('r1', '2026-11-24T02:00:00Z', 20, 0),
    record('r2', '2026-11-25T02:00:00Z', 18, 2),
  ];
  runs[1]!.link = 'runs/r2.html';
  const html = historyPage(runs);
  expect(html).toContain('<figcaption>chromium</figcaption>');
  expect(html).toContain('<figcaption>firefox</figcaption>');
  expect(html.indexOf('href="runs/r2.html"')).toBeLessThan(html.indexOf('<td>r1</td>'));
  expect(html).not.toMatch(/<script|<link|src="http/);
  expect(historySection([])).toContain('No runs recorded yet');
});

test('append, load and render round-trip through a folder', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cc-history-'));
  try {
    expect(await loadHistory(join(dir, 'absent'))).toEqual([]);
    await appendHistory(dir, record('r2', '2026-11-25T02:00:00Z', 18, 2));
    await appendHistory(dir, record('r1', '2026-11-24T02:00:00Z', 20, 0));
    const loaded = await loadHistory(dir);
    expect(loaded.map((r) => r.id)).toEqual(['r1', 'r2']);
    const index = await writeHistoryIndex(dir, loaded);
    expect(await readFile(index, 'utf8')).toContain('History: 2 runs');
    const matrix = join(dir, 'matrix.html');
    await writeFile(matrix, '<p>matrix</p>');
    expect(await archiveMatrix(dir, 'r2', matrix)).toBe('runs/r2.html');
    expect(await readFile(join(dir, 'runs/r2.html'), 'utf8')).toBe('<p>matrix</p>');
    await writeFile(join(dir, 'bad.json'), '{"format":"other"}');
    await expect(loadHistory(dir)).rejects.toThrow(
      /bad\.json: not a cors-conformance history record/,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('results.json names each engine build: from the results, or as the caller says', () => {
  const rs = sampleResults().map((r) => ({ ...r, engineVersion: `${r.engine}-1.2.3` }));
  const data = buildReport(rs, { generatedAt: 't' });
  for (const e of data.engines) expect(data.engineVersions[e]).toBe(`${e}-1.2.3`);
  const told = buildReport(rs, { generatedAt: 't', engineVersions: { chromium: '156' } });
  expect(told.engineVersions.chromium).toBe('156');
  // And the history record keeps them.
  const record = buildHistoryRecord(data, {
    id: 'r',
    time: 't',
    frameworks: {},
    modelSpecCommit: null,
  });
  expect(record.engines[data.engines[0] ?? '']?.version).toBe(`${data.engines[0]}-1.2.3`);
});
