// index.html in a real browser: generated from the fixed sample results, opened from disk
// (file://), the matrix counts read back, a cell and a case clicked, the detail checked.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { chromium, type Browser } from 'playwright';
import { findEngine, isMissing } from '../harness/engines/detect.js';
import { writeHtmlReport } from './html-files.js';
import { buildReport } from './report-data.js';
import { sampleResults } from './fixtures/sample-results.js';

let browser: Browser | undefined;
let dir = '';
let url = '';

test.beforeAll(async () => {
  const found = await findEngine('chromium');
  test.skip(isMissing(found), `no Chromium here: ${isMissing(found) ? found.fix : ''}`);
  if (isMissing(found)) return;
  browser = await chromium.launch({ executablePath: found.executable, args: ['--no-sandbox'] });
  dir = await mkdtemp(join(tmpdir(), 'cc-html-'));
  // index.html with its details/ files beside it, as a run writes them.
  await writeHtmlReport(
    dir,
    buildReport(sampleResults(), { generatedAt: '2026-11-26T04:00:00.000Z' }),
  );
  url = pathToFileURL(join(dir, 'index.html')).href;
});

test.afterAll(async () => {
  await browser?.close();
  if (dir !== '') await rm(dir, { recursive: true });
});

test('index.html from disk: matrix counts, a cell lists its cases, a case shows request and diff', async () => {
  test.setTimeout(20_000);
  if (browser === undefined) return;
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);

  // Rows are spec sections, columns engines, cells count per verdict.
  const matrix = page.locator('#matrix');
  await expect(matrix.locator('thead th')).toHaveText([
    'spec section',
    'chromium',
    'firefox',
    'webkit',
  ]);
  await expect(matrix.locator('tbody > tr > th')).toHaveText([
    'CORS-preflight fetch',
    'CORS check',
    'Redirects',
  ]);
  const cell = (section: string, engine: string) =>
    matrix.locator(`button[data-section="${section}"][data-engine="${engine}"]`);
  await expect(cell('CORS check', 'firefox')).toHaveText('1 pass');
  await expect(cell('CORS-preflight fetch', 'chromium')).toHaveText('1 fail');
  await expect(cell('CORS-preflight fetch', 'chromium')).toHaveClass(/w-fail/);
  await expect(cell('Redirects', 'webkit')).toHaveClass(/w-unexpected-pass/);
  await expect(cell('Redirects', 'chromium')).toHaveText('1 harness-error');
  await expect(matrix.locator('tr[data-section="Redirects"] td').nth(1)).toHaveText('-');
  await expect(page.locator('#totals [data-engine="chromium"]')).toContainText('1 fail');

  // A cell lists its scenarios; a scenario shows its detail.
  await cell('CORS-preflight fetch', 'chromium').click();
  const list = page.locator('#cases li');
  await expect(list).toHaveCount(1);
  await list.locator('a', { hasText: 'preflight-response/put-without-acam' }).click();
  await expect(page).toHaveURL(/#case=preflight-response\/put-without-acam@chromium$/);
  const detail = page.locator('#detail');
  await expect(detail.locator('h2')).toContainText('fail');
  await expect(detail.locator('#request')).toContainText('PUT');
  await expect(detail.locator('#request')).toContainText('cross-origin');
  // Each hop: the preflight and the actual request, with the scenario's answers.
  await expect(detail.locator('#hops tr.hop')).toHaveCount(2);
  await expect(detail.locator('#hops tr.hop').first()).toContainText('preflight OPTIONS');
  await expect(detail.locator('#hops tr.hop').first()).toContainText(
    'Access-Control-Allow-Origin: <origin>',
  );
  // Prediction and observation side by side, the differing field highlighted.
  const diffRows = detail.locator('#comparison tr.diff');
  await expect(diffRows).toHaveCount(1);
  await expect(diffRows.locator('th')).toHaveText('actualSent');
  await expect(diffRows.locator('td.predicted')).toHaveText('false');
  await expect(diffRows.locator('td.observed')).toHaveText('true');
  await expect(detail.locator('#reasons a').first()).toHaveAttribute(
    'href',
    /^https:\/\/fetch\.spec\.whatwg\.org\/#/,
  );
  await expect(detail.locator('#console')).toContainText('blocked by CORS policy');

  // A deep link opens a case directly.
  await page.goto(`${url}#case=redirects/302-to-cross-origin@webkit`);
  await expect(page.locator('#detail h2')).toContainText('unexpected-pass');
  await expect(page.locator('#detail #note')).toContainText('remove the entry');
  await expect(page.locator('#cases li')).toHaveCount(1);

  expect(errors).toEqual([]);
  expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
  await page.close();
});
