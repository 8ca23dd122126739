import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { TestCase, TestResult } from '@playwright/test/reporter';
import type { CaseResult } from '../harness/types.js';
import ConformanceReporter, { caseResultOf } from './conformance-reporter.js';
import { htmlFiles, scriptJson, toHtml } from './html.js';
import { toJunitXml, xmlEscape } from './junit.js';
import { buildReport, fromResultsJson, matrixOf, toResultsJson } from './report-data.js';
import { sampleResults } from './fixtures/sample-results.js';
import { sectionOf, sortSections } from './sections.js';
import { formatSummary, progressLine } from './summary.js';

const AT = '2026-11-26T04:00:00.000Z';
const report = () => buildReport(sampleResults(), { generatedAt: AT });

/** A small well-formedness check: tags nest, attributes quoted, text has no raw `<` or bare `&`. */
function wellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(body); m !== null; m = tag.exec(body)) {
    const text = body.slice(last, m.index);
    expect(text, 'text between tags').not.toMatch(/<|&(?!(amp|lt|gt|quot|apos);)/);
    last = m.index + m[0].length;
    const [, close, name, , selfClose] = m;
    if (close === '/') expect(stack.pop(), `closing </${name}>`).toBe(name);
    else if (selfClose !== '/') stack.push(name ?? '');
  }
  expect(body.slice(last).trim()).toBe('');
  expect(stack).toEqual([]);
}

test('sections: first anchor decides, known sections first in their order', () => {
  expect(sectionOf(['concept-cors-check', 'cors-safelisted-method'])).toBe('CORS check');
  expect(sectionOf(['cors-preflight-fetch-0'])).toBe('CORS-preflight fetch');
  expect(sectionOf(['dom-xmlhttprequest-send'])).toBe('XMLHttpRequest');
  expect(sectionOf(['concept-tao-check'])).toBe('TAO check');
  expect(sectionOf([])).toBe('(no anchor)');
  expect(sortSections(['Zeta', 'Redirects', 'CORS check', 'Redirects'])).toEqual([
    'CORS check',
    'Redirects',
    'Zeta',
  ]);
});

test('report data: totals per engine, drift list, sorted cases, hops, reasons', () => {
  const data = report();
  expect(data.engines).toEqual(['chromium', 'firefox', 'webkit']);
  expect(data.totals.chromium).toEqual({
    pass: 1,
    'known-deviation': 0,
    'unconfirmed-deviation': 0,
    'unexpected-pass': 0,
    fail: 1,
    'harness-error': 1,
  });
  expect(data.totals.firefox?.['known-deviation']).toBe(1);
  expect(data.drift).toEqual([
    'preflight-response/put-without-acam@chromium',
    'redirects/302-to-cross-origin@chromium',
    'redirects/302-to-cross-origin@webkit',
  ]);
  expect(data.sections).toEqual(['CORS-preflight fetch', 'CORS check', 'Redirects']);
  expect(data.cases.map((c) => c.key)[0]).toBe('cors-check/simple-get-star@chromium');
  const put = data.cases.find((c) => c.key === 'preflight-response/put-without-acam@chromium');
  expect(put?.area).toBe('preflight-response');
  expect(put?.diffs.map((d) => d.field)).toEqual(['actualSent']);
  expect(put?.specDiffs.map((d) => d.field)).toEqual(['actualSent']);
  expect(put?.hops).toHaveLength(2);
  expect(put?.hops[0]).toMatchObject({
    preflight: true,
    method: 'OPTIONS',
    response: { status: 204, headers: [['Access-Control-Allow-Origin', '<origin>']] },
  });
  expect(put?.hops[1]?.response?.status).toBe(200);
  expect(put?.reasons.length).toBeGreaterThan(0);
  expect(put?.reasons[0]?.url).toMatch(/^https:\/\/fetch\.spec\.whatwg\.org\/#/);
  expect(put?.explanation).toContain('preflight-response/put-without-acam');
  const stored = JSON.parse(toResultsJson(data)) as { cases: object[] };
  for (const c of stored.cases) expect(c).not.toHaveProperty('hops');
  const parsed = fromResultsJson(stored) as typeof data;
  expect(parsed.cases).toHaveLength(7);
  const parsedPut = parsed.cases.find((c) => c.key === put?.key);
  expect(parsedPut?.journal).toHaveLength(2);
  expect(parsed.format).toBe('cors-conformance-results');
  expect(matrixOf(data)['Redirects']?.webkit?.['unexpected-pass']).toBe(1);
});

test('junit: well formed, one testcase per scenario x engine, failures carry the diffs', () => {
  const data = buildReport(sampleResults(), {
    generatedAt: AT,
    skipped: [{ engine: 'safari', reason: 'not on Linux & never <here>' }],
  });
  const xml = toJunitXml(data);
  wellFormed(xml);
  expect(xml.match(/<testcase /g)).toHaveLength(8); // 7 cases + the skipped engine
  expect(xml).toContain('<testsuites name="cors-conformance" tests="7" failures="2" errors="1"');
  expect(xml).toMatch(
    /classname="preflight-response"[^>]*\[chromium\]" time="0">\s*<failure message="fail: actualSent: predicted false, observed true" type="fail">actualSent: predicted false, observed true/,
  );
  expect(xml).toMatch(/<failure message="unexpected-pass: listed as a known deviation/);
  expect(xml).toMatch(/<error message="harness-error: chromium: Target page/);
  expect(xml).toContain('<skipped message="not on Linux &amp; never &lt;here&gt;"/>');
  expect(xmlEscape('a<b>&"\'\u0001\u0000z')).toBe('a&lt;b&gt;&amp;&quot;&apos;z');
});

test('html: a page with the matrix and a summary embedded; case details in a file per section and engine', () => {
  const results = sampleResults();
  const first = results[0] as CaseResult;
  first.console = ['</script><script>alert(1)</script>'];
  const data = buildReport(results, { generatedAt: AT });
  const html = toHtml(data);
  expect(html).toContain('<table id="matrix">');
  expect(html).not.toMatch(/<script[^>]+src=|<link |@import|url\(/);
  // The only script end tags are the two of the page itself.
  expect(html.match(/<\/script>/g)).toHaveLength(2);
  const json = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)?.[1];
  const summary = JSON.parse(json ?? 'null') as { cases: Record<string, unknown>[] };
  expect(summary.cases).toHaveLength(7);
  // The page holds no case detail: the details files do, one per section.
  expect(Object.keys(summary.cases[0] ?? {}).sort()).toEqual(
    ['engine', 'id', 'key', 'n', 'section', 'title', 'verdict'].sort(),
  );
  const files = htmlFiles(data);
  // One details file per section and engine that has cases.
  const chunks = new Set(data.cases.map((c) => `${c.section} ${c.engine}`)).size;
  expect(files.map(([p]) => p)).toEqual([
    'index.html',
    ...Array.from({ length: chunks }, (_, n) => `details/${n}.js`),
  ]);
  const withConsole = files.find(([, body]) => body.includes('alert(1)'))?.[1] ?? '';
  expect(withConsole).not.toContain('</script>');
  const payload = /^window\.__corsDetails\((\d+), (.*)\);\n$/s.exec(withConsole);
  const d = JSON.parse(payload?.[2] ?? 'null') as { cases: Record<string, { console: string[] }> };
  expect(
    Object.values(d.cases).some((c) => c.console[0] === '</script><script>alert(1)</script>'),
  ).toBe(true);
  expect(scriptJson({ a: '<!--' })).toBe('{"a":"\\u003c!--"}');
});

test('terminal: progress line and a summary with totals and the drift list', () => {
  const data = buildReport(sampleResults(), {
    generatedAt: AT,
    skipped: [{ engine: 'webkit', reason: 'no WebKitWebDriver' }],
  });
  expect(
    progressLine('chromium', 180, 420, {
      pass: 170,
      'known-deviation': 8,
      'unconfirmed-deviation': 1,
      'unexpected-pass': 0,
      fail: 2,
      'harness-error': 0,
    }),
  ).toBe('[chromium] 180/420 pass 170, deviation (evidenced) 8, deviation (unconfirmed) 1, fail 2');
  const text = formatSummary(data, ['reports/index.html']);
  expect(text).toMatch(
    /chromium +3 cases +pass 1 +deviation \(evidenced\) 0 +deviation \(unconfirmed\) 0 +unexpected-pass 0 +fail 1 +harness-error 1/,
  );
  expect(text).toContain('skipped: no WebKitWebDriver');
  expect(text).toContain('drift (3):');
  expect(text).toContain(
    'FAIL [chromium] preflight-response/put-without-acam: actualSent: predicted false, observed true',
  );
  expect(text).toContain('UNEXPECTED-PASS [webkit] redirects/302-to-cross-origin: listed');
  expect(text).toContain('reports: reports/index.html');
  const clean = buildReport(sampleResults().slice(0, 3), { generatedAt: AT });
  expect(formatSummary(clean)).toContain('no drift');
});

function fakeTest(id: string, title: string, engine: string | null, merged = false): TestCase {
  const use = engine === null || merged ? {} : { corsBrowser: engine };
  const project = { name: engine ?? 'unit', use };
  return { id, title, parent: { project: () => project } } as unknown as TestCase;
}
function fakeResult(
  status: TestResult['status'],
  r: CaseResult | null,
  viaPath?: string,
): TestResult {
  const attachments: TestResult['attachments'] =
    r === null
      ? []
      : viaPath !== undefined
        ? [{ name: 'case-result.json', contentType: 'application/json', path: viaPath }]
        : [
            {
              name: 'case-result.json',
              contentType: 'application/json',
              body: Buffer.from(JSON.stringify(r)),
            },
          ];
  return {
    status,
    attachments,
    errors: [{ message: '\u001b[31mworker crashed\u001b[39m\nstack' }],
  } as unknown as TestResult;
}

test('reporter: collects attachments, prints progress every 2 s (engines that moved), writes the three files', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cc-report-'));
  try {
    let clock = 0;
    const out: string[] = [];
    const reporter = new ConformanceReporter({
      outDir: join(dir, 'out'),
      write: (t) => out.push(t),
      now: () => clock,
    });
    const samples = sampleResults().slice(0, 4);
    // The firefox test as a merged blob report has it: no `use` options kept.
    const tests = samples.map((r, i) =>
      fakeTest(`t${i}`, `${r.scenario.id ?? ''}: x`, r.engine, r.engine === 'firefox'),
    );
    const unit = fakeTest('u', 'a unit test', null);
    const dead = fakeTest('t9', 'redirects/x: died', 'webkit');
    reporter.onBegin(
      { rootDir: dir, configFile: join(dir, 'playwright.config.ts') } as never,
      { allTests: () => [...tests, unit, dead] } as never,
    );
    reporter.onTestEnd(unit, fakeResult('passed', null));
    const example = {
      id: 'ex',
      title: 'x',
      parent: { project: () => ({ name: 'example', use: { corsBrowser: 'chromium' } }) },
    };
    reporter.onTestEnd(example as unknown as TestCase, fakeResult('passed', samples[0] ?? null));
    tests.forEach((t, i) => {
      clock += 900;
      reporter.onTestEnd(t, fakeResult(i === 3 ? 'failed' : 'passed', samples[i] ?? null));
    });
    // A scenario test that died before attaching its result.
    clock += 3000;
    reporter.onTestEnd(dead, fakeResult('timedOut', null));
    expect(out.filter((l) => l.startsWith('['))).toEqual([
      '[chromium] 1/2 pass 1\n',
      '[firefox] 1/1 pass 1\n',
      '[webkit] 1/2 pass 1\n',
      '[chromium] 2/2 pass 1, fail 1\n',
      '[webkit] 2/2 pass 1, harness-error 1\n',
    ]);
    await reporter.onEnd({ status: 'failed' } as never);
    const data = fromResultsJson(
      JSON.parse(await readFile(join(dir, 'out', 'results.json'), 'utf8')),
    ) as {
      cases: { key: string; verdict: string; note?: string }[];
    };
    expect(data.cases.map((c) => c.key)).toContain('redirects/x@webkit');
    expect(data.cases.find((c) => c.key === 'redirects/x@webkit')?.note).toBe(
      'the test timedOut without a result: worker crashed',
    );
    expect(await readFile(join(dir, 'out', 'junit.xml'), 'utf8')).toContain('<testsuites');
    expect(await readFile(join(dir, 'out', 'index.html'), 'utf8')).toContain('id="matrix"');
    expect(out.join('')).toContain('drift (2):');
  } finally {
    await rm(dir, { recursive: true });
  }
});

test('reporter: a run with unit tests only writes nothing; attachments may come as files', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cc-report-'));
  try {
    const out: string[] = [];
    const reporter = new ConformanceReporter({
      outDir: join(dir, 'out'),
      write: (t) => out.push(t),
    });
    reporter.onBegin({ rootDir: dir } as never, { allTests: () => [] } as never);
    reporter.onTestEnd(fakeTest('u', 'unit', null), fakeResult('failed', null));
    await reporter.onEnd({ status: 'failed' } as never);
    expect(out).toEqual([]);
    await expect(readFile(join(dir, 'out', 'results.json'))).rejects.toThrow(/ENOENT/);
    const r = sampleResults()[0] as CaseResult;
    const path = join(dir, 'case.json');
    await import('node:fs/promises').then((fs) => fs.writeFile(path, JSON.stringify(r)));
    expect(caseResultOf(fakeResult('passed', r, path))?.scenario.id).toBe(r.scenario.id);
  } finally {
    await rm(dir, { recursive: true });
  }
});

test("the report states each engine's run conditions (Chromium's cookie policy) and counts deviations by evidence", () => {
  const data = buildReport(sampleResults(), { generatedAt: AT });
  expect(data.conditions.chromium?.[0]).toMatch(/off-the-record/);
  expect(formatSummary(data)).toMatch(
    /chromium +note: cookies: the harness runs in a fresh browser context .*off-the-record/,
  );
  expect(toHtml(data)).toMatch(/class="meta conditions" data-engine="chromium">chromium: cookies:/);
  expect(formatSummary(data)).toMatch(/deviation \(evidenced\) \d+ +deviation \(unconfirmed\) \d+/);
});

test('results.json version 3: each scenario once, repeated values in tables; read back in the full shape', () => {
  const data = buildReport(sampleResults(), { generatedAt: AT });
  const text = toResultsJson(data);
  const v3 = JSON.parse(text) as {
    version: number;
    tables: { headers: unknown[]; reasons: unknown[]; strings: unknown[] };
    scenarios: Record<string, { scenario: unknown; specPrediction: { because: unknown[] } | null }>;
    cases: Record<string, unknown>[];
  };
  expect(v3.version).toBe(3);
  const ids = new Set(data.cases.map((c) => c.id));
  expect(Object.keys(v3.scenarios).sort()).toEqual([...ids].sort());
  for (const c of v3.cases) {
    for (const gone of ['scenario', 'reasons', 'explanation', 'hops', 'title', 'section', 'key']) {
      expect(c).not.toHaveProperty(gone);
    }
  }
  // Reasons and header lines are stored once and named by index.
  const reasons = Object.values(v3.scenarios).flatMap((s) => s.specPrediction?.because ?? []);
  expect(reasons.length).toBeGreaterThan(0);
  for (const r of reasons) expect(typeof r).toBe('number');
  expect(v3.tables.headers.length).toBeGreaterThan(0);
  // One case per line: a diff of two runs shows the cases that changed.
  expect(text.split('\n').filter((l) => l.startsWith('{"id":'))).toHaveLength(7);
  const back = fromResultsJson(v3) as typeof data;
  expect(back.cases.map((c) => c.key)).toEqual(data.cases.map((c) => c.key));
  for (const [i, c] of back.cases.entries()) {
    const was = data.cases[i];
    expect(c.scenario).toEqual(was?.scenario);
    expect(c.prediction).toEqual(was?.prediction);
    expect(c.specPrediction).toEqual(was?.specPrediction);
    expect(c.observation).toEqual(was?.observation);
    expect(c.journal).toEqual(was?.journal);
    expect(c.console).toEqual(was?.console);
    expect(c.specDiffs).toEqual(was?.specDiffs);
    expect(c.client).toBe(was?.client);
    expect(c.reasons).toEqual(was?.reasons);
    expect(c.explanation).toEqual(was?.explanation);
    expect(c.section).toBe(was?.section);
    expect(c.hops.map((h) => h.method)).toEqual(was?.hops.map((h) => h.method));
  }
  // Version 1 (and anything else) comes back as it is.
  const v1 = { format: 'cors-conformance-results', version: 1, cases: [] };
  expect(fromResultsJson(v1)).toBe(v1);
});

test('results.json version 2 is still read, and written again as version 3 it reads back the same', async () => {
  const file = new URL('./fixtures/results-v2.json', import.meta.url);
  const v2 = JSON.parse(await readFile(file, 'utf8')) as { version: number };
  expect(v2.version).toBe(2);
  const data = fromResultsJson(v2) as ReturnType<typeof report>;
  expect(data.cases).toHaveLength(7);
  expect(data.cases.some((c) => c.reasons.length > 0 && c.journal.length > 0)).toBe(true);
  const again = fromResultsJson(JSON.parse(toResultsJson(data))) as typeof data;
  expect(again.version).toBe(3);
  expect(JSON.parse(JSON.stringify({ ...again, version: 2 }))).toEqual(
    JSON.parse(JSON.stringify(data)),
  );
});
