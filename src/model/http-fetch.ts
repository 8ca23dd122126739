// HTTP fetch: the preflight (when the cache does not cover the request), the
// request itself, the CORS check on every response of a cors-tainted chain, and redirects.
import { corsCheckOf } from './cors-check.js';
import { lookupPreflightCache } from './cors-preflight-cache.js';
import { cacheRequestOf, corsPreflightFetch } from './cors-preflight-fetch.js';
import { failWith, isNetworkError, note } from './fetch-params.js';
import type { FetchParams, FetchResponse } from './fetch-params.js';
import { opaqueRedirectFilteredResponse } from './filtered-response.js';
import { httpNetworkOrCacheFetch } from './http-network-or-cache-fetch.js';
import { httpRedirectFetch } from './http-redirect-fetch.js';
import { fail } from './result.js';

const ALGORITHM = 'concept-http-fetch';

/** 301, 302, 303, 307, 308. */
export function isRedirectStatus(status: number): boolean {
  return [301, 302, 303, 307, 308].includes(status);
}

// https://fetch.spec.whatwg.org/#concept-http-fetch
export function httpFetch(fp: FetchParams, makeCORSPreflight: boolean): FetchResponse {
  // 1-2. request, response.
  const request = fp.request;
  // 3. Service workers: none registered on the fixture origins.
  // 4.1 The preflight, unless the CORS-preflight cache covers the request.
  if (makeCORSPreflight) {
    const lookup = lookupPreflightCache(fp.cache, cacheRequestOf(fp, request), fp.profile, fp.now);
    fp.cache = lookup.cache;
    if (lookup.needed) {
      note(fp, ALGORITHM, '4.1', `CORS-preflight fetch: ${lookup.message}`, lookup.deviation);
      const preflightResponse = corsPreflightFetch(fp, request);
      // 4.1.2 A failed preflight is the fetch's network error; the request is not sent.
      if (isNetworkError(preflightResponse)) return preflightResponse;
    } else {
      note(fp, ALGORITHM, '4.1', `no preflight: ${lookup.message}`, lookup.deviation);
    }
  }
  // 4.2 Service-workers mode: not modelled.
  // 4.3 HTTP-network-or-cache fetch. Its HTTP-network fetch (step 8.3) refuses a body whose
  //     source is null (a ReadableStream) on an HTTP/1.x connection, and the fixture servers
  //     speak HTTP/1.1: a network error before the request leaves the browser.
  if (request.body?.stream === true)
    return failWith(
      fp,
      fail(
        'concept-http-network-fetch',
        '8.3',
        'the request body is a ReadableStream and the connection is HTTP/1.1: network error',
      ),
    );
  const response = httpNetworkOrCacheFetch(fp, request);
  // HTTP-network fetch waits past a 1xx (an interim response, step 8.5's loop) for the final
  // one, which the scenario's server never sends: the fetch ends in a network error.
  if (response.status >= 100 && response.status <= 199)
    return failWith(
      fp,
      fail(
        'concept-http-network-fetch',
        '8.5',
        `the ${response.status} is an interim response and no final response follows: network error`,
      ),
    );
  // 4.4 cors tainting: the CORS check, on every response (a 3xx included).
  if (request.responseTainting === 'cors') {
    const check = corsCheckOf(request, response, fp.profile);
    const url = response.urlList[response.urlList.length - 1] ?? '';
    if (!check.ok) {
      // The CORS check's own failed step is the decisive reason; this step gives the context.
      note(
        fp,
        ALGORITHM,
        '4.4',
        `the ${response.status} response from ${url} fails the CORS check`,
      );
      return failWith(fp, check);
    }
    note(fp, ALGORITHM, '4.4', `the ${response.status} response from ${url} passes the CORS check`);
  }
  // 4.5 TAO: not observed. 5. CORP: fixture responses carry no CORP header.
  // 6. A redirect status: act on the redirect mode.
  if (isRedirectStatus(response.status)) {
    switch (request.redirectMode) {
      case 'error':
        return failWith(
          fp,
          fail(ALGORITHM, '6.3', `redirect mode error and the response is a ${response.status}`),
        );
      case 'manual':
        note(
          fp,
          ALGORITHM,
          '6.3',
          `redirect mode manual: an opaque-redirect filtered response for the ${response.status}`,
        );
        return opaqueRedirectFilteredResponse(response);
      case 'follow':
        return httpRedirectFetch(fp, response);
    }
  }
  // 7. Return it.
  return response;
}
