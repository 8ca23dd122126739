// Fetch and main fetch: which path a request takes, tainting,
// and the filtered response page JS receives.
import { clearCacheEntries } from './cors-preflight-cache.js';
import {
  cacheRequestOf,
  corsUnsafeNames,
  initialHeadersForcePreflight,
  unsafeNamesDeviation,
} from './cors-preflight-fetch.js';
import { currentURL, failWith, isNetworkError, note } from './fetch-params.js';
import type { FetchParams, FetchResponse } from './fetch-params.js';
import {
  basicFilteredResponse,
  corsFilteredResponse,
  opaqueFilteredResponse,
  setCORSExposedHeaderNameList,
} from './filtered-response.js';
import { headerListAppend, headerListContains } from './header-list.js';
import { httpFetch } from './http-fetch.js';
import { isCORSSafelistedMethod } from './methods.js';
import { isSameOrigin, originOfURL } from './origin.js';
import { fail } from './result.js';

const ALGORITHM = 'concept-main-fetch';

// https://fetch.spec.whatwg.org/#concept-fetch
/** Fetch: the UA's `Accept` header, then main fetch. */
export function fetch(fp: FetchParams): FetchResponse {
  const request = fp.request;
  // 1-11. Timing, client, window, priority, preloads: not observed.
  // 12. No `Accept` from the author: append `Accept: */*` (it counts toward the 1024-byte
  //     total of safelisted values).
  if (!headerListContains(request.headerList, 'Accept'))
    request.headerList = headerListAppend(request.headerList, 'Accept', '*/*');
  // 13-14. `Accept-Language`: its value is the UA's own; not modelled.
  // 15-19. Main fetch.
  return mainFetch(fp, false);
}

// https://fetch.spec.whatwg.org/#concept-main-fetch
export function mainFetch(fp: FetchParams, recursive: boolean): FetchResponse {
  const request = fp.request;
  const url = currentURL(request);
  // 1-2. request, response.
  // 3-10. Local-URLs-only, CSP, mixed content, bad ports, referrer, HSTS: not modelled (the
  //       harness serves plain fixture origins on allowed ports).
  // 11. (In parallel: the model has no time of its own.)
  // 12. Choose the path: the first matching statement.
  let response: FetchResponse;
  const urlOrigin = originOfURL(url);
  if (
    (isSameOrigin(urlOrigin, request.origin) && request.responseTainting === 'basic') ||
    url.startsWith('data:') ||
    request.mode === 'navigate' ||
    request.mode === 'websocket'
  ) {
    // Same origin, still basic (or a navigation or WebSocket handshake): basic tainting, a
    // plain fetch, no CORS at all.
    request.responseTainting = 'basic';
    const which =
      request.mode === 'navigate' || request.mode === 'websocket'
        ? `mode ${request.mode}`
        : `${url} is same-origin with the request's origin and tainting is basic`;
    note(fp, ALGORITHM, 12, `${which}: no CORS`);
    response = httpFetch(fp, false);
  } else if (request.mode === 'same-origin') {
    response = failWith(fp, fail(ALGORITHM, 12, `mode same-origin and ${url} is cross-origin`));
  } else if (request.mode === 'no-cors') {
    if (request.redirectMode !== 'follow') {
      response = failWith(
        fp,
        fail(
          ALGORITHM,
          '12.1',
          `mode no-cors to cross-origin ${url} needs redirect mode follow, got \`${request.redirectMode}\``,
        ),
      );
    } else {
      request.responseTainting = 'opaque';
      note(
        fp,
        ALGORITHM,
        '12.2',
        `mode no-cors to cross-origin ${url}: opaque tainting, no preflight, no CORS check`,
      );
      response = httpFetch(fp, false);
    }
  } else if (!/^https?:/.test(url)) {
    response = failWith(fp, fail(ALGORITHM, 12, `${url} is not an HTTP(S) URL`));
  } else {
    const unsafe = corsUnsafeNames(fp, request);
    const methodUnsafe = !isCORSSafelistedMethod(request.method);
    let deviation = unsafeNamesDeviation(fp, request);
    // Knob `redirectPreflightHeaders: 'initial-decides'`: unsafe headers the request started
    // with force a preflight although a redirect removed them.
    if (!request.useCORSPreflight && initialHeadersForcePreflight(fp, request)) {
      request.useCORSPreflight = true;
      deviation = 'redirectPreflightHeaders';
      note(
        fp,
        ALGORITHM,
        '12.1',
        `the request started with CORS-unsafe headers a redirect removed: the engine preflights it all the same`,
        deviation,
      );
    }
    if (
      request.useCORSPreflight ||
      (request.unsafeRequest && (methodUnsafe || unsafe.length > 0))
    ) {
      // CORS with a preflight.
      request.responseTainting = 'cors';
      const why = request.useCORSPreflight
        ? 'the use-CORS-preflight flag is set'
        : [
            methodUnsafe ? `method \`${request.method}\` is not CORS-safelisted` : '',
            unsafe.length > 0 ? `the CORS-unsafe request-header names are ${unsafe.join(',')}` : '',
          ]
            .filter((s) => s !== '')
            .join(' and ');
      note(
        fp,
        ALGORITHM,
        '12.1',
        `cross-origin ${url}: ${why}; cors tainting, CORS-preflight needed`,
        deviation,
      );
      response = httpFetch(fp, true);
      // 12.3 A network error clears the preflight-cache entries for this request.
      if (isNetworkError(response)) {
        const req = cacheRequestOf(fp, request);
        fp.cache = clearCacheEntries(fp.cache, req, fp.profile);
        // Knob `preflightCacheKeptAfterNetworkError`: what was stored for the URL stays, so
        // later lookups may still hit.
        if (
          fp.profile.preflightCacheKeptAfterNetworkError &&
          fp.cache.entries.some((e) => e.url === req.url)
        )
          note(
            fp,
            ALGORITHM,
            '12.3',
            `the engine keeps the preflight-cache item for ${req.url} after the network error`,
            'preflightCacheKeptAfterNetworkError',
          );
      }
    } else {
      request.responseTainting = 'cors';
      note(
        fp,
        ALGORITHM,
        '12.1',
        `cross-origin ${url} with a CORS-safelisted method and headers: cors tainting, no preflight`,
        deviation,
      );
      response = httpFetch(fp, false);
    }
  }
  // 13. A recursive call (a redirect) returns the response as is.
  if (recursive) return response;
  // 14. Not a network error and not yet filtered: wrap it per tainting.
  if (!isNetworkError(response) && response.internal === undefined) {
    // 14.1 cors tainting: the CORS-exposed header-name list.
    if (request.responseTainting === 'cors') {
      const why = setCORSExposedHeaderNameList(response, request.credentialsMode);
      note(fp, ALGORITHM, '14.1', why);
    }
    // 14.2 The filtered response.
    switch (request.responseTainting) {
      case 'basic':
        response = basicFilteredResponse(response);
        break;
      case 'cors':
        response = corsFilteredResponse(response);
        break;
      case 'opaque':
        response = opaqueFilteredResponse(response);
        break;
    }
  }
  // 15-24. URL list, timing, CSP/MIME/nosniff blocking: not modelled.
  // 25. Opaque range responses to a request without Range: scenario bodies are not ranged.
  // 26-28. Body handling and integrity: not observed.
  return response;
}
