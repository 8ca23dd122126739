// The asset check's findings and its text report, from results built by hand: the model's
// failure, an engine-only failure, a disagreement covered by a deviation rule, notes every
// asset shares said once.
import { expect, test } from '@playwright/test';
import type { AssetEngineResult, AssetResult } from './assets.js';
import { findingOf } from './assets.js';
import type { VerifyReport } from './index.js';
import { formatVerifyText } from './text.js';

const MIXED = 'an https page loading an http URL is mixed content';

function asset(path: string, over: Partial<AssetResult> = {}): AssetResult {
  return {
    asset: {
      kind: 'font',
      url: `http://127.0.0.1:3000${path}`,
      crossorigin: 'absent',
      source: 'assets.txt:1',
    },
    from: 'https://app.example.com',
    response: { request: [['Origin', 'https://app.example.com']], status: 200, headers: [] },
    model: { mode: 'cors', credentials: 'same-origin', loaded: true, tainted: null, reason: '' },
    verdict: 'ok',
    blockedBy: null,
    finding: null,
    notes: [MIXED],
    browsers: [],
    ...over,
  };
}

function engine(over: Partial<AssetEngineResult>): AssetEngineResult {
  return {
    engine: 'webkit 2.50.6',
    loaded: true,
    tainted: null,
    detail: '@font-face face loaded',
    verdict: 'ok',
    agreesWithModel: true,
    knownDeviations: [],
    ...over,
  };
}

test("findings: the model's failure first, else an engine's, with what to check", () => {
  const modelFails = asset('/bad.woff', {
    verdict: 'fails',
    model: {
      mode: 'cors',
      credentials: 'same-origin',
      loaded: false,
      tainted: null,
      reason: 'CORS check step 2: the response has no Access-Control-Allow-Origin header',
    },
  });
  expect(findingOf(modelFails)).toBe(
    'fails to load: CORS check step 2: the response has no Access-Control-Allow-Origin header',
  );
  expect(findingOf(asset('/good.woff', { browsers: [engine({})] }))).toBeNull();
  const engineFails = asset('/good.woff', {
    browsers: [
      engine({ loaded: false, verdict: 'fails', detail: 'error', agreesWithModel: false }),
    ],
  });
  expect(findingOf(engineFails)).toBe(
    'fails to load in webkit 2.50.6 (error), where the model predicts it loads: the CORS answer passes; check the body and its Content-Type, which the model does not read',
  );
  const tainted = asset('/x.css', {
    browsers: [engine({ tainted: true, verdict: 'tainted', agreesWithModel: false })],
  });
  expect(findingOf(tainted)).toMatch(/^is tainted although the page asks for CORS in webkit/);
});

test('text: one line per asset, a covered disagreement names its rule, shared notes once', () => {
  const bad = asset('/bad.woff', {
    verdict: 'fails',
    blockedBy: 'Access-Control-Allow-Origin',
    model: {
      mode: 'cors',
      credentials: 'same-origin',
      loaded: false,
      tainted: null,
      reason: 'CORS check step 2: the response has no Access-Control-Allow-Origin header',
    },
    browsers: [
      engine({
        agreesWithModel: false,
        knownDeviations: ['fonts-fetched-without-cors (unconfirmed)'],
      }),
    ],
  });
  bad.finding = findingOf(bad);
  const report: VerifyReport = {
    target: 'http://127.0.0.1:3000/',
    cases: [],
    counts: { 'as-intended': 0, 'too-strict': 0, 'too-permissive': 0 },
    generated: null,
    skipped: [],
    from: 'https://app.example.com',
    assets: [asset('/good.woff', { browsers: [engine({})] }), bad],
  };
  const text = formatVerifyText(report);
  expect(text.split('\n').slice(0, 4)).toEqual([
    'assets loaded from a page on https://app.example.com: 2 assets, 1 with findings',
    'ok      font http://127.0.0.1:3000/good.woff [cors] webkit 2.50.6: loaded',
    'FAILS   font http://127.0.0.1:3000/bad.woff [cors] webkit 2.50.6: loaded (DISAGREES with the model: known deviation fonts-fetched-without-cors (unconfirmed))',
    `note (every asset): ${MIXED}`,
  ]);
  expect(text).toContain(
    '  finding: fails to load: CORS check step 2: the response has no Access-Control-Allow-Origin header (blocked by Access-Control-Allow-Origin)',
  );
  // The good asset has nothing of its own to say; the shared note is not repeated.
  expect(text).not.toContain('good.woff (assets.txt:1)');
  expect(text.split(MIXED).length).toBe(2);
});
