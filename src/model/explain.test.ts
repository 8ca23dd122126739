import { expect, test } from '@playwright/test';
import type { Prediction, Scenario } from '../scenario/types.js';
import {
  algorithmName,
  explainPrediction,
  formatReason,
  outcomeLine,
  wireSummary,
} from './explain.js';

const failed: Prediction = {
  preflight: false,
  acrm: null,
  acrh: null,
  actualSent: true,
  outcome: 'network-error',
  status: null,
  responseType: null,
  originHeader: 'http://example.net:4001',
  readableHeaders: [],
  because: [
    {
      algorithm: 'concept-cors-check',
      step: '4',
      message:
        '`Access-Control-Allow-Origin` is `http://example.com:4001`, request origin is `http://example.net:4001`',
    },
  ],
};

const cached: Prediction = {
  preflight: true,
  acrm: 'PUT',
  acrh: 'x-foo',
  actualSent: true,
  outcome: 'ok',
  status: 200,
  responseType: 'cors',
  originHeader: 'http://example.com:4001',
  readableHeaders: ['content-type', 'x-seen'],
  wire: [
    {
      hop: 0,
      preflight: true,
      method: 'OPTIONS',
      origin: 'http://example.com:4001',
      acrm: 'PUT',
      acrh: 'x-foo',
    },
    { hop: 0, preflight: false, method: 'PUT', origin: 'http://example.com:4001', cookie: true },
  ],
  because: [
    {
      algorithm: 'cors-preflight-fetch',
      step: '7',
      message: '`Access-Control-Allow-Headers` is `*`, which covers `authorization`',
      deviation: 'wildcardCoversAuthorization',
    },
  ],
  then: {
    preflight: false,
    acrm: null,
    acrh: null,
    actualSent: true,
    outcome: 'ok',
    status: 200,
    responseType: 'cors',
    originHeader: 'http://example.com:4001',
    readableHeaders: ['content-type'],
    because: [
      { algorithm: 'concept-cache-match', step: '1', message: 'a method cache entry matches' },
    ],
  },
};

test('a network error leads with the deciding step, as the issue shows it', () => {
  expect(outcomeLine(failed, 'spec')).toBe(
    'network error: CORS check step 4: `Access-Control-Allow-Origin` is `http://example.com:4001`, request origin is `http://example.net:4001`',
  );
});

test('wire summary says preflight yes/no, ACRM/ACRH, actual sent and Origin', () => {
  expect(wireSummary(failed)).toBe(
    'preflight: no; actual request: sent; Origin: http://example.net:4001',
  );
  expect(wireSummary(cached)).toBe(
    'preflight: yes (Access-Control-Request-Method: PUT, Access-Control-Request-Headers: x-foo); actual request: sent; Origin: http://example.com:4001',
  );
  expect(wireSummary({ ...failed, actualSent: false })).toBe(
    'preflight: no; actual request: not sent',
  );
});

test('a deviation names the profile knob and the engine', () => {
  const reason = cached.because[0];
  if (reason === undefined) throw new Error('fixture');
  expect(formatReason(reason, 'chromium')).toContain(
    '[chromium deviates from the spec here: profile knob `wildcardCoversAuthorization`]',
  );
});

test('unknown algorithm ids print as they are', () => {
  expect(algorithmName('concept-cors-check')).toBe('CORS check');
  expect(algorithmName('something-new')).toBe('something-new');
});

test('the full account: headline, wire, readable headers, reasons, then chain', () => {
  const scenario: Scenario = {
    id: 'cache/put-then-again',
    request: { method: 'PUT', headers: { 'X-Foo': '1' } },
    then: { delayMs: 1000, request: { headers: { 'X-Foo': null }, method: 'PUT' } },
  };
  const text = explainPrediction(scenario, cached, 'chromium');
  expect(text.split('\n')).toEqual([
    'cache/put-then-again (engine: chromium)',
    '  ok: status 200, response type cors',
    '  chromium departs from the spec here through profile knob `wildcardCoversAuthorization`',
    '  preflight: yes (Access-Control-Request-Method: PUT, Access-Control-Request-Headers: x-foo); actual request: sent; Origin: http://example.com:4001',
    '  on the wire:',
    '    1. hop 0, OPTIONS preflight, Origin: http://example.com:4001, ACRM: PUT, ACRH: x-foo',
    '    2. hop 0, PUT, Origin: http://example.com:4001, with cookie',
    '  readable headers: content-type, x-seen',
    '  because:',
    '    - CORS-preflight fetch step 7: `Access-Control-Allow-Headers` is `*`, which covers `authorization` [chromium deviates from the spec here: profile knob `wildcardCoversAuthorization`]',
    '  then #1, 1000 ms later, method "PUT", without X-Foo:',
    '    ok: status 200, response type cors',
    '    preflight: no; actual request: sent; Origin: http://example.com:4001',
    '    readable headers: content-type',
    '    because:',
    '      - CORS-preflight cache lookup step 1: a method cache entry matches',
  ]);
});

test('an error has no readable headers and an unnamed scenario is called scenario', () => {
  const text = explainPrediction({ request: {} }, failed, 'spec');
  expect(text).toMatch(/^scenario \(engine: spec\)\n {2}network error: CORS check step 4/);
  expect(text).toContain('readable headers: (no response)');
});
