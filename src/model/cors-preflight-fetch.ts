// The CORS-preflight fetch (https://fetch.spec.whatwg.org/#cors-preflight-fetch-0) and the cache view of a
// request. A failure is a network error naming the step; success stores the result.
import type { HeaderList } from '../scenario/types.js';
import { corsCheckOf } from './cors-check.js';
import type { EngineProfile } from './engine-profile.js';
import type { CacheRequest } from './cors-preflight-cache.js';
import { storePreflightResult } from './cors-preflight-cache.js';
import { currentURL, failWith, note } from './fetch-params.js';
import type { FetchParams, FetchResponse, ModelRequest } from './fetch-params.js';
import { extractHeaderListValues } from './header-list.js';
import { byteCaseInsensitiveMatch } from './http-tokens.js';
import { httpNetworkOrCacheFetch } from './http-network-or-cache-fetch.js';
import { parseAccessControlMaxAge } from './max-age.js';
import { isCORSSafelistedMethod } from './methods.js';
import { byteSerializingARequestOrigin, serializeAnOrigin } from './origin.js';
import { SPEC } from './spec-profile.js';
import {
  getCORSUnsafeRequestHeaderNames,
  isCORSNonWildcardRequestHeaderName,
} from './request-headers.js';
import { fail } from './result.js';

const ALGORITHM = 'cors-preflight-fetch-0';

/** The header list the engine judges: the current one, or (knob) the initial one after a redirect. */
function judgedHeaderList(fp: FetchParams, request: ModelRequest): HeaderList {
  const initial = fp.initialHeaderList;
  return fp.profile.redirectPreflightHeaders === 'initial' &&
    request.redirectCount > 0 &&
    initial !== undefined
    ? initial
    : request.headerList;
}

/**
 * Knob `redirectPreflightHeaders: 'initial-decides'`: a redirected request whose initial
 * header list had CORS-unsafe names the current one lacks is preflighted all the same.
 */
export function initialHeadersForcePreflight(fp: FetchParams, request: ModelRequest): boolean {
  const initial = fp.initialHeaderList;
  if (fp.profile.redirectPreflightHeaders !== 'initial-decides') return false;
  if (request.redirectCount === 0 || initial === undefined) return false;
  const current = getCORSUnsafeRequestHeaderNames(request.headerList, fp.profile);
  return getCORSUnsafeRequestHeaderNames(initial, fp.profile).some((n) => !current.includes(n));
}

/** The CORS-unsafe request-header names under the engine's profile. */
export function corsUnsafeNames(fp: FetchParams, request: ModelRequest): string[] {
  return getCORSUnsafeRequestHeaderNames(judgedHeaderList(fp, request), fp.profile);
}

/** Which knob made the engine's CORS-unsafe list differ from the spec's, if one did. */
export function unsafeNamesDeviation(fp: FetchParams, request: ModelRequest): string | undefined {
  const spec = getCORSUnsafeRequestHeaderNames(request.headerList, SPEC).join(',');
  const judged = judgedHeaderList(fp, request);
  const mine = getCORSUnsafeRequestHeaderNames(judged, fp.profile).join(',');
  if (spec === mine) return undefined;
  if (judged !== request.headerList) {
    const current = getCORSUnsafeRequestHeaderNames(request.headerList, fp.profile).join(',');
    if (current !== mine) return 'redirectPreflightHeaders';
  }
  const p = fp.profile;
  // The first knob that alone turns the spec's answer into this engine's names it.
  const knobs = [
    'extraSafelistedRequestHeaders',
    'rangeUnitCaseInsensitive',
    'rangePositionLimit',
    'nonASCIIByteIsCORSUnsafe',
    'safelistedValueTotalLimit',
  ] as const;
  for (const knob of knobs) {
    if (p[knob] === SPEC[knob]) continue;
    const alone = getCORSUnsafeRequestHeaderNames(request.headerList, { ...SPEC, [knob]: p[knob] });
    if (alone.join(',') !== spec) return knob;
  }
  return knobs.find((k) => p[k] !== SPEC[k]) ?? 'safelistedValueTotalLimit';
}

/** Which knob made the engine's max-age differ from the spec's, if one did. */
function maxAgeDeviation(fp: FetchParams, headers: HeaderList): string | undefined {
  // Compare the outcome (seconds, or not cached), not the wording.
  const outcome = (p: EngineProfile): string => {
    const m = parseAccessControlMaxAge(headers, p);
    return 'notCached' in m ? 'not cached' : String(m.seconds);
  };
  const mine = outcome(fp.profile);
  if (outcome(SPEC) === mine) return undefined;
  const cappedOnly = outcome({ ...SPEC, maxAgeCapSeconds: fp.profile.maxAgeCapSeconds }) === mine;
  return cappedOnly ? 'maxAgeCapSeconds' : 'maxAgeParsing';
}

/** The request as the CORS-preflight cache sees it. */
export function cacheRequestOf(fp: FetchParams, request: ModelRequest): CacheRequest {
  return {
    serializedOrigin: byteSerializingARequestOrigin(request.origin, request.urlList),
    untaintedOrigin: serializeAnOrigin(request.origin),
    url: currentURL(request),
    method: request.method,
    credentialsMode: request.credentialsMode,
    cacheMode: request.cacheMode,
    useCORSPreflight: request.useCORSPreflight,
    unsafeHeaderNames: corsUnsafeNames(fp, request),
  };
}

// https://fetch.spec.whatwg.org/#cors-preflight-fetch-0
/** Sends the preflight for `request` and checks its response; stores the result on success. */
export function corsPreflightFetch(fp: FetchParams, request: ModelRequest): FetchResponse {
  const url = currentURL(request);
  // 1. The preflight: OPTIONS to the same URL list, same origin and referrer policy, mode
  //    cors, cors tainting, default credentials mode (so it never carries cookies), no body.
  // 2. `Accept: */*`.
  // 3. `Access-Control-Request-Method`: the request's (normalized) method.
  // 4-5. `Access-Control-Request-Headers`: the CORS-unsafe names joined by `,`, when any.
  const unsafe = corsUnsafeNames(fp, request);
  const acrh = unsafe.length > 0 ? unsafe.join(',') : null;
  const headerList: [string, string][] = [
    ['Accept', '*/*'],
    ['Access-Control-Request-Method', request.method],
  ];
  if (acrh !== null) headerList.push(['Access-Control-Request-Headers', acrh]);
  const preflight: ModelRequest = {
    ...request,
    method: 'OPTIONS',
    urlList: [...request.urlList],
    headerList,
    body: null,
    mode: 'cors',
    credentialsMode: 'same-origin',
    responseTainting: 'cors',
    useCORSPreflight: false,
  };
  note(
    fp,
    ALGORITHM,
    5,
    `preflight OPTIONS ${url} with Access-Control-Request-Method \`${request.method}\`` +
      (acrh === null
        ? ' and no Access-Control-Request-Headers'
        : ` and Access-Control-Request-Headers \`${acrh}\``),
  );
  // 6. Send it.
  const response = httpNetworkOrCacheFetch(fp, preflight, { acrm: request.method, acrh });
  // 7. A CORS check with the *actual* request's credentials mode, and an ok status.
  const check = corsCheckOf(request, response, fp.profile);
  if (!check.ok) {
    // The CORS check's own failed step is the decisive reason; this step gives the context.
    note(fp, ALGORITHM, 7, 'the preflight response fails the CORS check');
    return failWith(fp, { ...check, message: `preflight response: ${check.message}` });
  }
  if (response.status < 200 || response.status > 299)
    return failWith(
      fp,
      fail(
        ALGORITHM,
        8,
        `preflight response status ${response.status} is not an ok status (200-299)`,
      ),
    );
  // 7.1-7.3 Parse Access-Control-Allow-Methods and -Headers; a parse failure fails.
  let methods = extractHeaderListValues(response.headers, 'Access-Control-Allow-Methods');
  const headerNames = extractHeaderListValues(response.headers, 'Access-Control-Allow-Headers');
  if (methods === 'failure')
    return failWith(
      fp,
      fail(ALGORITHM, '7.3', 'Access-Control-Allow-Methods does not parse as a list of methods'),
    );
  if (headerNames === 'failure')
    return failWith(
      fp,
      fail(
        ALGORITHM,
        '7.3',
        'Access-Control-Allow-Headers does not parse as a list of header names',
      ),
    );
  // 7.4 No ACAM with the use-CORS-preflight flag: the literal spec allows the request's
  //     method. No engine does it, so every profile has it off; `absentACAMAllowsForcedMethod`
  //     turns it on.
  if (methods === null && request.useCORSPreflight && fp.profile.absentACAMAllowsForcedMethod)
    methods = [request.method];
  const methodList = methods ?? [];
  const headerList2 = headerNames ?? [];
  const credentialed = request.credentialsMode === 'include';
  // Knob `preflightCacheStoredBeforeChecks`: the result is cached here, before the
  // method/header checks, so a failing check still leaves it in the cache.
  const maxAge = parseAccessControlMaxAge(response.headers, fp.profile);
  const store = (): void => {
    if ('notCached' in maxAge) return;
    fp.cache = storePreflightResult(
      fp.cache,
      cacheRequestOf(fp, request),
      { methods: methodList, headerNames: headerList2, maxAge: maxAge.seconds },
      fp.profile,
      fp.now,
    );
  };
  if (fp.profile.preflightCacheStoredBeforeChecks) store();
  // 7.5 The method must be listed (exact bytes), or be CORS-safelisted, or be covered by `*`
  //     without credentials.
  if (
    !methodList.includes(request.method) &&
    !isCORSSafelistedMethod(request.method) &&
    (credentialed || !methodList.includes('*'))
  ) {
    const acam = methods === null ? 'absent' : `\`${methodList.join(', ')}\``;
    return failWith(
      fp,
      fail(
        ALGORITHM,
        '7.5',
        `method \`${request.method}\` is not allowed: Access-Control-Allow-Methods is ${acam}` +
          (credentialed && methodList.includes('*')
            ? ' (`*` does not count with credentials)'
            : '') +
          (methods === null && request.useCORSPreflight
            ? ' (the literal spec text would allow it; no engine does)'
            : ''),
      ),
    );
  }
  // 7.6 A CORS non-wildcard request-header name (Authorization) must be listed by name.
  for (const [name] of request.headerList) {
    if (!isCORSNonWildcardRequestHeaderName(name)) continue;
    if (headerList2.some((h) => byteCaseInsensitiveMatch(h, name))) continue;
    // Knob `wildcardCoversAuthorization`: `*` covers it, only without credentials.
    if (fp.profile.wildcardCoversAuthorization && !credentialed && headerList2.includes('*')) {
      note(
        fp,
        ALGORITHM,
        '7.6',
        `\`${name}\` is allowed only through \`*\`, which this engine accepts`,
        'wildcardCoversAuthorization',
      );
      continue;
    }
    return failWith(
      fp,
      fail(
        ALGORITHM,
        '7.6',
        `\`${name}\` must be listed by name in Access-Control-Allow-Headers (got ${headerNames === null ? 'none' : `\`${headerList2.join(', ')}\``}); \`*\` never covers it`,
      ),
    );
  }
  // 7.7 Every other CORS-unsafe name must be listed, or covered by `*` without credentials.
  for (const name of unsafe) {
    if (headerList2.some((h) => byteCaseInsensitiveMatch(h, name))) continue;
    if (!credentialed && headerList2.includes('*')) continue;
    return failWith(
      fp,
      fail(
        ALGORITHM,
        '7.7',
        `header \`${name}\` is not allowed: Access-Control-Allow-Headers is ${headerNames === null ? 'absent' : `\`${headerList2.join(', ')}\``}` +
          (credentialed && headerList2.includes('*')
            ? ' (`*` does not count with credentials)'
            : ''),
      ),
    );
  }
  // 7.8-7.10 Max-age (engines differ in parsing and cap: knobs `maxAgeParsing`, `maxAgeCapSeconds`).
  note(
    fp,
    ALGORITHM,
    '7.10',
    `preflight passed; ${maxAge.reason}`,
    maxAgeDeviation(fp, response.headers),
  );
  // 7.11-7.15 Store the result in the cache.
  if (!fp.profile.preflightCacheStoredBeforeChecks) store();
  // 7.16 Return the response.
  return response;
}
