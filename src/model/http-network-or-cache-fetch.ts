// HTTP-network-or-cache fetch, reduced to what CORS observes: the `Origin` header, whether
// credentials (the scenario's cookie) go along, and what the scenario's server answers.
import type { HeaderList, WireRequest } from '../scenario/types.js';
import { currentURL, note } from './fetch-params.js';
import type { FetchParams, ModelRequest, ModelResponse } from './fetch-params.js';
import {
  cookieIsSent,
  cookieNeutralProfile,
  decidingCookieKnob,
  storeSetCookieHeaders,
  type CookieJar,
} from './cookies.js';
import type { EngineProfile } from './engine-profile.js';
import { appendTheFetchMetadataHeaders } from './fetch-metadata.js';
import { headerListAppend, headerListGet } from './header-list.js';
import { byteCaseInsensitiveMatch } from './http-tokens.js';
import { byteSerializingARequestOrigin, isSameOrigin, originOfURL } from './origin.js';

// https://fetch.spec.whatwg.org/#append-a-request-origin-header
/** The header list with `Origin` appended when the request calls for one. */
export function appendARequestOriginHeader(request: ModelRequest): HeaderList {
  // 1. (The origin is never "client" here.)
  // 2. serializedOrigin: the byte-serialized request origin (`null` once tainted).
  let serializedOrigin = byteSerializingARequestOrigin(request.origin, request.urlList);
  // 3. cors tainting or mode websocket: always append it.
  if (request.responseTainting === 'cors' || request.mode === 'websocket')
    return headerListAppend(request.headerList, 'Origin', serializedOrigin);
  // 4. Otherwise only for methods other than GET and HEAD ...
  if (request.method === 'GET' || request.method === 'HEAD') return request.headerList;
  // 4.1 ... where a non-cors mode lets the referrer policy turn it into `null`.
  if (request.mode !== 'cors') {
    const url = currentURL(request);
    switch (request.referrerPolicy) {
      case 'no-referrer':
        serializedOrigin = 'null';
        break;
      case 'no-referrer-when-downgrade':
      case 'strict-origin':
      case 'strict-origin-when-cross-origin':
        if (
          request.origin.kind === 'tuple' &&
          request.origin.scheme === 'https' &&
          !url.startsWith('https:')
        )
          serializedOrigin = 'null';
        break;
      case 'same-origin':
        if (!isSameOrigin(request.origin, originOfURL(url))) serializedOrigin = 'null';
        break;
      default:
        break;
    }
  }
  // 4.2 Append it.
  return headerListAppend(request.headerList, 'Origin', serializedOrigin);
}

/** Options for a CORS-preflight request. */
export interface PreflightWire {
  acrm: string;
  acrh: string | null;
}

// https://fetch.spec.whatwg.org/#concept-http-network-or-cache-fetch
/**
 * Sends the request (recording it on the wire) and returns the server's response. A 421 is
 * sent once more with `isNewConnectionFetch` true (step 17): the wire then holds both copies,
 * and the second answer (the fixture server answers every copy alike) is the response.
 */
export function httpNetworkOrCacheFetch(
  fp: FetchParams,
  request: ModelRequest,
  preflight?: PreflightWire,
  isNewConnectionFetch = false,
): ModelResponse {
  // 1-7. Set-up.
  // 8.1-8.2 httpRequest: a copy of the request (its header list is not shared).
  const httpRequest: ModelRequest = {
    ...request,
    headerList: request.headerList.map(([n, v]) => [n, v]),
  };
  // 8.3 includeCredentials: mode include, or same-origin while tainting is still basic.
  //     (8.4 COEP credentialless: not modelled; pages are not cross-origin isolated.)
  const includeCredentials =
    request.credentialsMode === 'include' ||
    (request.credentialsMode === 'same-origin' && request.responseTainting === 'basic');
  // 8.5-8.11 Content-Length and Referer: not observed by the model.
  // 8.12 Append a request `Origin` header.
  httpRequest.headerList = appendARequestOriginHeader(httpRequest);
  // 8.14-8.20 User-Agent, cache-mode headers, HTTP's own headers: not observed.
  // 8.21 With credentials, the `Cookie` header: a scenario cookie the jar sends to this URL
  //      (host-only; Secure, SameSite and the engine's third-party policy: cookies.ts).
  const url = currentURL(httpRequest);
  const host = new URL(url).hostname;
  const jar = fp.cookies;
  const neutral = cookieNeutralProfile(fp.profile);
  const sends = (list: CookieJar, profile: EngineProfile): boolean =>
    jar !== undefined &&
    list.some((c) => jar.names.includes(c.name) && cookieIsSent(c, url, jar.topLevel, profile));
  const cookie =
    includeCredentials &&
    (jar === undefined ? fp.network.cookieHosts.includes(host) : sends(jar.jar, fp.profile));
  if (includeCredentials && jar !== undefined && cookie !== sends(jar.neutralJar, neutral)) {
    note(
      fp,
      'concept-http-network-or-cache-fetch',
      '8.21',
      `the scenario's cookie is ${cookie ? '' : 'not '}sent to ${url}, unlike under the spec's cookie rules`,
      decidingCookieKnob(url, jar.topLevel, fp.profile),
    );
  }
  // 8.22-8.26 Proxy auth and the HTTP cache: not modelled (fixture responses carry
  //           `Cache-Control: no-store`, so nothing is reused).
  // 9-11. HTTP-network fetch: what the scenario's server answers (a stream body never gets
  //       here: http-fetch.ts, step 4.3).
  const headers = cookie
    ? headerListAppend(httpRequest.headerList, 'Cookie', '<scenario>')
    : httpRequest.headerList;
  const answer = fp.network.answer(url, httpRequest.method, headers);
  const hop = fp.network.hopOf(url) ?? -1;
  const wire: WireRequest = {
    hop,
    preflight: preflight !== undefined,
    method: httpRequest.method,
    origin: headerListGet(httpRequest.headerList, 'Origin'),
    cookie,
  };
  if (preflight !== undefined) {
    wire.acrm = preflight.acrm;
    wire.acrh = preflight.acrh;
  }
  // 8.13 The Fetch Metadata headers (only to potentially trustworthy URLs).
  const secFetch = appendTheFetchMetadataHeaders(httpRequest, fp.profile);
  if (secFetch !== undefined) wire.secFetch = secFetch;
  fp.wire.push(wire);
  // 11 (HTTP-network fetch): with credentials, `Set-Cookie` is stored, before any CORS
  //    check; without, it is ignored. Preflights never include credentials.
  if (includeCredentials && preflight === undefined && jar !== undefined) {
    fp.cookies = {
      ...jar,
      jar: storeSetCookieHeaders(jar.jar, answer.headers, url, jar.topLevel, fp.profile),
      neutralJar: storeSetCookieHeaders(jar.neutralJar, answer.headers, url, jar.topLevel, neutral),
    };
  }
  // 12. The response's URL list is the request's.
  // 13-14. Range-requested and request-includes-credentials: not observed.
  // 15-16. 401 prompts (none in an automated run) and 407 retries: not modelled.
  // 17. A 421 (Misdirected Request) is tried once more on a new connection, unless this is
  //     already that second try or the body cannot be sent again (its source is null, a
  //     stream). The second try runs the whole algorithm again: a new httpRequest, the cookie
  //     jar as the first answer left it, its own copy on the wire.
  //     (17.1 Cancellation: nothing cancels a modelled fetch.)
  if (
    answer.status === 421 &&
    !isNewConnectionFetch &&
    (request.body === null || !request.body.stream)
  ) {
    note(
      fp,
      'concept-http-network-or-cache-fetch',
      17,
      `the ${preflight === undefined ? '' : 'preflight '}421 from ${url} is retried once on a new connection`,
    );
    // 17.2 The retry's response replaces this one.
    return httpNetworkOrCacheFetch(fp, request, preflight, true);
  }
  // 18. Authentication entries: not modelled. 19. Return the response.
  return {
    type: 'default',
    status: answer.status,
    ...receivedHeaders(fp, answer.headers, url),
    urlList: [...httpRequest.urlList],
    corsExposed: [],
    readable: [],
  };
}

// https://fetch.spec.whatwg.org/#concept-header-list-get
/**
 * The response's header list as the engine's network layer keeps it. The spec keeps every
 * line, so `get` joins an empty line's value too (`a, `); with the knob
 * emptyRepeatedResponseHeaderLinesIgnored the empty lines of a repeated name are dropped
 * (one is kept when all are empty), as a merge that ignores empty values does, and the lines
 * as sent stay beside them.
 */
function receivedHeaders(
  fp: FetchParams,
  headers: HeaderList,
  url: string,
): { headers: HeaderList; linesAsSent?: HeaderList } {
  if (!fp.profile.emptyRepeatedResponseHeaderLinesIgnored) return { headers };
  const sameName = (name: string): HeaderList =>
    headers.filter(([n]) => byteCaseInsensitiveMatch(n, name));
  const kept = headers.filter((line) => {
    const [name, value] = line;
    if (value !== '') return true;
    const same = sameName(name);
    return same.length < 2 || (same.every(([, v]) => v === '') && same[0] === line);
  });
  if (kept.length === headers.length) return { headers };
  const names = [...new Set(headers.filter((h) => !kept.includes(h)).map(([n]) => n))];
  note(
    fp,
    'concept-header-list-get',
    '2',
    `the empty ${names.join(', ')} line(s) from ${url} are ignored where the spec joins them`,
    'emptyRepeatedResponseHeaderLinesIgnored',
  );
  return { headers: kept, linesAsSent: headers };
}
