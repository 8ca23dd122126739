// HTTP-network-or-cache fetch step 17: a 421 is sent once more on a new connection, for a
// preflight, a GET and a POST whose body can be sent again, never for a body without a
// source, and never a third time.
import { expect, test } from '@playwright/test';
import type { Prediction, Scenario } from '../scenario/types.js';
import { CHROMIUM, FIREFOX, SPEC, WEBKIT } from '../engine-facts/index.js';
import type { EngineProfile } from './engine-profile.js';
import { newRequest, type FetchParams, type ModelRequest } from './fetch-params.js';
import { httpNetworkOrCacheFetch } from './http-network-or-cache-fetch.js';
import { parseSerializedOrigin } from './origin.js';
import { EMPTY_PREFLIGHT_CACHE } from './cors-preflight-cache.js';
import { predict } from './predict.js';
import type { Network } from './scenario-network.js';

const PAGE = 'http://example.com:4001';
const ALL: EngineProfile[] = [SPEC, CHROMIUM, FIREFOX, WEBKIT];
const STEP_17 = { algorithm: 'concept-http-network-or-cache-fetch', step: '17' };

const allow = { 'Access-Control-Allow-Origin': '<origin>' };

function run(s: Scenario, engine: EngineProfile): Prediction {
  return predict(s, { engine });
}

function retries(p: Prediction): number {
  return p.because.filter((r) => r.algorithm === STEP_17.algorithm && r.step === STEP_17.step)
    .length;
}

for (const engine of ALL) {
  test(`${engine.name}: a preflight answered 421 is sent twice, then fails the ok-status check`, () => {
    const p = run(
      {
        request: { method: 'PUT' },
        server: {
          preflight: { status: 421, headers: { ...allow, 'Access-Control-Allow-Methods': 'PUT' } },
          actual: { status: 200, headers: allow },
        },
      },
      engine,
    );
    expect(p.wire?.map((w) => [w.method, w.preflight, w.hop])).toEqual([
      ['OPTIONS', true, 0],
      ['OPTIONS', true, 0],
    ]);
    expect(p.actualSent).toBe(false);
    expect(p.outcome).toBe('network-error');
    expect(retries(p)).toBe(1);
  });

  test(`${engine.name}: a GET answered 421 is sent twice and the second 421 is readable`, () => {
    const p = run({ request: {}, server: { actual: { status: 421, headers: allow } } }, engine);
    expect(p.wire?.map((w) => w.method)).toEqual(['GET', 'GET']);
    expect(p.outcome).toBe('ok');
    expect(p.status).toBe(421);
    expect(retries(p)).toBe(1);
  });

  test(`${engine.name}: a POST with a string body (its source kept) answered 421 is sent twice`, () => {
    const p = run(
      { request: { method: 'POST', body: 'a=1' }, server: { actual: { status: 421 } } },
      engine,
    );
    expect(p.wire?.map((w) => w.method)).toEqual(['POST', 'POST']);
    // No ACAO: the CORS check fails the (second) response.
    expect(p.outcome).toBe('network-error');
  });
}

test('a 421 at a redirect hop is retried there and ends the chain (421 is no redirect)', () => {
  const p = run(
    {
      request: {},
      server: {
        redirects: [{ status: 421, to: 'cross-origin', headers: allow }],
        actual: { status: 200, headers: allow },
      },
    },
    SPEC,
  );
  expect(p.wire?.map((w) => w.hop)).toEqual([0, 0]);
  expect(p.status).toBe(421);
  expect(p.actualSent).toBe(false);
});

test('the retry sends the cookie that the first 421 set', () => {
  const p = run(
    {
      request: { credentials: 'include' },
      setup: { cookies: [{ on: 'same-origin', name: 'c', value: '1' }] },
      server: {
        actual: {
          status: 421,
          headers: [
            ['Access-Control-Allow-Origin', '<origin>'],
            ['Access-Control-Allow-Credentials', 'true'],
            ['Set-Cookie', 'c=2; Path=/'],
          ],
        },
      },
    },
    SPEC,
  );
  expect(p.wire?.map((w) => w.cookie)).toEqual([false, true]);
});

test('other statuses are sent once', () => {
  for (const status of [400, 401, 407, 408, 420, 422, 500]) {
    const p = run({ request: {}, server: { actual: { status, headers: allow } } }, SPEC);
    expect(p.wire, String(status)).toHaveLength(1);
  }
});

/** Fetch params over a network that answers every request 421. */
function always421(): { fp: FetchParams; request: ModelRequest } {
  const url = 'http://example.net:4001/cors/model/0';
  const network: Network = {
    hopURL: () => url,
    hopOf: () => 0,
    answer: () => ({ status: 421, headers: [] }),
    cookieHosts: [],
    clientOrigin: PAGE,
  };
  // Main fetch has already set cors tainting on a cross-origin cors request.
  const request: ModelRequest = {
    ...newRequest(url, { method: 'POST', origin: parseSerializedOrigin(PAGE), mode: 'cors' }),
    responseTainting: 'cors',
  };
  const fp: FetchParams = {
    request,
    profile: SPEC,
    network,
    now: 0,
    cache: EMPTY_PREFLIGHT_CACHE,
    wire: [],
    because: [],
  };
  return { fp, request };
}

test('a body whose source is null (a stream) is not sent again', () => {
  const { fp, request } = always421();
  request.body = { stream: true };
  const response = httpNetworkOrCacheFetch(fp, request);
  expect(response.status).toBe(421);
  expect(fp.wire).toHaveLength(1);
});

test('a body whose source is kept is sent again, and only once more', () => {
  const { fp, request } = always421();
  request.body = { stream: false };
  expect(httpNetworkOrCacheFetch(fp, request).status).toBe(421);
  expect(fp.wire).toHaveLength(2);
});

test('a fetch that is already the new-connection fetch is not retried', () => {
  const { fp, request } = always421();
  httpNetworkOrCacheFetch(fp, request, undefined, true);
  expect(fp.wire).toHaveLength(1);
});
