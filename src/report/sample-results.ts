// A small fixed set of CaseResults covering every verdict, for the report's tests (and for
// trying the HTML report without a browser run). Predictions come from the real model.
import type { JournalEntry } from '../../servers/instruction.js';
import type { CaseResult, Observation } from '../harness/types.js';
import { compare } from '../harness/verdict.js';
import { getEngineProfile } from '../engine-facts/index.js';
import { predict } from '../model/predict.js';
import type { Prediction, Scenario } from '../scenario/types.js';

function observe(p: Prediction, over: Partial<Observation> = {}): Observation {
  const o: Observation = {
    preflight: p.preflight,
    acrm: p.acrm,
    acrh: p.acrh,
    actualSent: p.actualSent,
    outcome: p.outcome,
    status: p.status,
    statusText: p.status === 200 ? 'OK' : null,
    responseType: p.responseType,
    url: null,
    redirected: false,
    originHeader: p.originHeader,
    readableHeaders: p.readableHeaders,
    body: null,
    error: p.outcome === 'ok' ? null : { name: 'TypeError', message: 'Failed to fetch' },
    elapsedMs: 3,
    wire: p.wire ?? [],
    ...over,
  };
  return o;
}

function entry(seq: number, hop: number, method: string, preflight: boolean): JournalEntry {
  return {
    kind: 'request',
    seq,
    time: 1_700_000_000_000 + seq,
    token: 'tok',
    hop,
    method,
    target: `/cors/tok/${hop}?i=abc`,
    origin: 'http://example.net:4001',
    rawHeaders: preflight
      ? [
          ['Host', 'example.net:4001'],
          ['Origin', 'http://example.com:4001'],
          ['Access-Control-Request-Method', method === 'OPTIONS' ? 'PUT' : method],
        ]
      : [
          ['Host', 'example.net:4001'],
          ['Origin', 'http://example.com:4001'],
        ],
    preflight,
    bodyLength: 0,
  };
}

const ALLOW = { 'Access-Control-Allow-Origin': '<origin>' };

export const SAMPLE_SCENARIOS = {
  star: {
    id: 'cors-check/simple-get-star',
    title: 'simple GET, ACAO *',
    anchors: ['concept-cors-check'],
    request: { method: 'GET', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  putDenied: {
    id: 'preflight-response/put-without-acam',
    title: 'PUT without ACAM: preflight only, network error',
    anchors: ['cors-preflight-fetch-0'],
    request: { method: 'PUT', target: 'cross-origin' },
    server: { preflight: { status: 204, headers: ALLOW }, actual: { status: 200, headers: ALLOW } },
  },
  redirect: {
    id: 'redirects/302-to-cross-origin',
    title: '302 to another origin, ACAO on both',
    anchors: ['http-redirect-fetch'],
    request: { method: 'GET', target: 'cross-origin' },
    server: {
      redirects: [{ status: 302, to: 'cross-origin-2', headers: ALLOW }],
      actual: { status: 200, headers: ALLOW },
    },
  },
} satisfies Record<string, Scenario>;

function result(
  scenario: Scenario,
  engine: string,
  observation: Observation | null,
  extra: Partial<CaseResult> = {},
): CaseResult {
  const prediction = predict(scenario, { engine: getEngineProfile('spec') });
  return {
    scenario,
    engine,
    client: 'page',
    token: 'tok',
    prediction,
    specPrediction: prediction,
    observation,
    journal: [],
    console: [],
    verdict: 'pass',
    diffs: [],
    ...extra,
  };
}

/** Seven cases in three engines: pass ×3, fail, known-deviation, unexpected-pass, harness-error. */
export function sampleResults(): CaseResult[] {
  const spec = getEngineProfile('spec');
  const star = predict(SAMPLE_SCENARIOS.star, { engine: spec });
  const put = predict(SAMPLE_SCENARIOS.putDenied, { engine: spec });
  const redirect = predict(SAMPLE_SCENARIOS.redirect, { engine: spec });
  // The engine sent the PUT although the preflight did not allow it.
  const putObserved = observe(put, { actualSent: true });
  const putJournal = [entry(1, 0, 'OPTIONS', true), entry(2, 0, 'PUT', false)];
  return [
    result(SAMPLE_SCENARIOS.star, 'chromium', observe(star)),
    result(SAMPLE_SCENARIOS.star, 'firefox', observe(star)),
    result(SAMPLE_SCENARIOS.star, 'webkit', observe(star)),
    result(SAMPLE_SCENARIOS.putDenied, 'chromium', putObserved, {
      verdict: 'fail',
      diffs: compare(put, putObserved),
      journal: putJournal,
      console: [
        'Access to fetch at http://example.net:4001/cors/tok/0 has been blocked by CORS policy',
      ],
    }),
    result(SAMPLE_SCENARIOS.putDenied, 'firefox', observe(put), {
      verdict: 'known-deviation',
      note: 'engine profile knob preflightCache (departs from the spec in preflight)',
      journal: [entry(1, 0, 'OPTIONS', true)],
    }),
    result(SAMPLE_SCENARIOS.redirect, 'webkit', observe(redirect), {
      verdict: 'unexpected-pass',
      note: 'listed as a known deviation, but the engine now does what the spec says: remove the entry',
    }),
    result(SAMPLE_SCENARIOS.redirect, 'chromium', null, {
      verdict: 'harness-error',
      prediction: null,
      specPrediction: null,
      note: 'chromium: Target page, context or browser has been closed',
    }),
  ];
}
