// Building the spec's request from what page JS does: `fetch(url, init)` (the Request
// constructor, Headers guards, body extraction) or XMLHttpRequest (`open`,
// `setRequestHeader`, `withCredentials`, upload listeners, `send`): https://fetch.spec.whatwg.org/#dom-request, https://xhr.spec.whatwg.org/.
// A thrown exception is a StepFailure naming the step; the outcome is then `exception`.
import { normalizeHeaders } from '../scenario/placeholders.js';
import type { BodySpec, HeaderList, Reason, ScenarioRequest } from '../scenario/types.js';
import type { EngineProfile } from './engine-profile.js';
import { newRequest, type ModelRequest } from './fetch-params.js';
import {
  headerListAppend,
  headerListCombine,
  headerListContains,
  headerListDelete,
  headerListGet,
  headerListSet,
  headerValueNormalize,
  isHeaderName,
  isHeaderValue,
  sortAndCombine,
} from './header-list.js';
import { byteLowercase } from './http-tokens.js';
import { isCORSSafelistedMethod, isForbiddenMethod, isMethod, normalizeMethod } from './methods.js';
import { parseAMIMEType } from './mime-type.js';
import type { Origin } from './origin.js';
import { SPEC } from './spec-profile.js';
import {
  isForbiddenRequestHeader,
  isNoCORSSafelistedRequestHeader,
  isPrivilegedNoCORSRequestHeaderName,
} from './request-headers.js';
import { fail, reason, type StepFailure } from './result.js';
import { serializeAMIMEType } from './serialize-mime-type.js';

export type BuiltRequest =
  | { ok: true; request: ModelRequest; because: Reason[] }
  | { ok: false; failure: StepFailure; because: Reason[] };

/**
 * What page JS does (`init`) with a URL string, as the spec's request: made by a client of
 * `origin` in an engine with `profile`, or the exception the API throws.
 */
export type RequestConstructor = (
  init: ScenarioRequest,
  url: string,
  origin: Origin,
  profile: EngineProfile,
) => BuiltRequest;

/** A stand-in multipart boundary; browsers pick a random one of similar length. */
export const MODEL_FORM_BOUNDARY = '----ModelFormBoundary0123456789ab';

type Guard = 'request' | 'request-no-cors';

/** The API threw: the failure is the outcome, and the last decisive step. */
function thrown(failure: StepFailure, because: Reason[]): BuiltRequest {
  because.push(reason(failure.algorithm, failure.step, failure.message));
  return { ok: false, failure, because };
}

/**
 * A forbidden request-header the API leaves out of the request; the reason names the knob
 * `userAgentIsForbidden` when the engine forbids a header the standard allows.
 */
function forbiddenHeaderLeftOut(
  algorithm: string,
  step: number,
  name: string,
  value: string,
  how: string,
): Reason {
  const inSpec = isForbiddenRequestHeader(name, value, SPEC);
  const message = `\`${name}\` is a forbidden request-header: ${how}`;
  return reason(algorithm, step, message, inSpec ? undefined : 'userAgentIsForbidden');
}

// https://fetch.spec.whatwg.org/#concept-bodyinit-extract
/** The Content-Type a body brings with it (step "type"), or null; and whether it is a stream. */
export function extractBodyType(body: BodySpec): { type: string | null; stream: boolean } {
  if (typeof body === 'string') return { type: 'text/plain;charset=UTF-8', stream: false };
  switch (body.kind) {
    case 'text':
      return { type: 'text/plain;charset=UTF-8', stream: false };
    case 'url-search-params':
      return { type: 'application/x-www-form-urlencoded;charset=UTF-8', stream: false };
    case 'form-data':
      return { type: `multipart/form-data; boundary=${MODEL_FORM_BOUNDARY}`, stream: false };
    case 'blob': {
      // The Blob constructor keeps a type only when every char is printable ASCII, lowercased.
      const printable = /^[\x20-\x7e]*$/.test(body.type);
      const type = printable ? body.type.toLowerCase() : '';
      return { type: type === '' ? null : type, stream: false };
    }
    case 'array-buffer':
      return { type: null, stream: false };
    case 'stream':
      return { type: null, stream: true };
  }
}

// https://fetch.spec.whatwg.org/#concept-headers-append
/**
 * Appends one header to a Headers object with the given guard. Returns the new list, or a
 * failure when the Headers object throws, or the list unchanged with a reason when the
 * header is silently dropped.
 */
export function headersAppend(
  list: HeaderList,
  guard: Guard,
  name: string,
  rawValue: string,
  profile: EngineProfile,
  because: Reason[],
): HeaderList | StepFailure {
  // 1. Normalize the value (strip leading/trailing HTTP whitespace).
  const value = headerValueNormalize(rawValue);
  // 2. Validate: an invalid name or value throws (headers-validate step 1); the `request`
  //    guard drops forbidden request-headers (headers-validate step 3).
  if (!isHeaderName(name) || !isHeaderValue(value))
    return fail('headers-validate', 1, `TypeError: \`${name}: ${value}\` is not a valid header`);
  if (guard === 'request' && isForbiddenRequestHeader(name, value, profile)) {
    because.push(forbiddenHeaderLeftOut('headers-validate', 3, name, value, 'silently dropped'));
    return list;
  }
  // 3. The `request-no-cors` guard keeps the header only when its combined value is still
  //    no-CORS-safelisted.
  if (guard === 'request-no-cors') {
    const existing = headerListGet(list, name);
    const temporaryValue = existing === null ? value : `${existing}, ${value}`;
    if (!isNoCORSSafelistedRequestHeader(name, temporaryValue)) {
      because.push(
        reason(
          'concept-headers-append',
          '3.4',
          `mode no-cors: \`${name}: ${temporaryValue}\` is not a no-CORS-safelisted request-header: silently dropped`,
        ),
      );
      return list;
    }
  }
  // 4. Append.
  let out = headerListAppend(list, name, value);
  // 5. `request-no-cors`: remove privileged no-CORS request-headers (Range).
  if (guard === 'request-no-cors') {
    for (const [n] of out) {
      if (isPrivilegedNoCORSRequestHeaderName(n)) {
        because.push(
          reason(
            'concept-headers-remove-privileged-no-cors-request-headers',
            1,
            `mode no-cors: \`${n}\` removed`,
          ),
        );
        out = headerListDelete(out, n);
      }
    }
  }
  return out;
}

// https://fetch.spec.whatwg.org/#dom-request
/** `new Request(url, init)` / `fetch(url, init)` for a URL string. */
export const constructFetchRequest: RequestConstructor = (init, url, origin, profile) => {
  const because: Reason[] = [];
  const exception = (step: string | number, message: string): BuiltRequest =>
    thrown(fail('dom-request', step, message), because);
  // 1-15. Parse the URL (a role URL never has credentials) and take the defaults: mode cors,
  //       credentials same-origin, cache default, redirect follow. Step 12's new request is
  //       built last, once the steps below have decided its fields.
  // 16-18. Mode (navigate cannot come from a scenario).
  const mode = init.mode ?? 'cors';
  // 19. Credentials mode.
  const credentialsMode = init.credentials ?? 'same-origin';
  // 20-21. Cache mode; only-if-cached needs mode same-origin.
  const cacheMode = init.cache ?? 'default';
  if (cacheMode === 'only-if-cached' && mode !== 'same-origin')
    return exception(
      21,
      `TypeError: cache \`only-if-cached\` needs mode \`same-origin\`, got \`${mode}\``,
    );
  // 22. Redirect mode.
  const redirectMode = init.redirect ?? 'follow';
  // 23-24. Integrity, keepalive: not modelled (not scenario fields).
  // 25. Method: must be a method and not forbidden; then normalized.
  let method = 'GET';
  if (init.method !== undefined) {
    if (!isMethod(init.method) || isForbiddenMethod(init.method))
      return exception(
        '25.2',
        `TypeError: \`${init.method}\` is not a valid or is a forbidden method`,
      );
    method = normalizeMethod(init.method);
  }
  // 26-31. Signal, priority: not modelled. The Headers object starts with guard `request`.
  let guard: Guard = 'request';
  // 32. no-cors: only CORS-safelisted methods, and the `request-no-cors` guard.
  if (mode === 'no-cors') {
    if (!isCORSSafelistedMethod(method))
      return exception(
        '32.1',
        `TypeError: mode no-cors allows only GET, HEAD and POST, got \`${method}\``,
      );
    guard = 'request-no-cors';
  }
  // 33. Fill the headers. Page JS passes `init.headers` as a Headers object (guard `none`)
  //     that got one append per header line, so an invalid line throws there; the Request
  //     constructor converts that object to a HeadersInit sequence by iterating it, which
  //     sorts and combines repeated names (`a, b`), and appends each pair with its own guard.
  const lines = normalizeHeaders(init.headers);
  let initHeaders: HeaderList = [];
  for (const [name, rawValue] of lines) {
    const value = headerValueNormalize(rawValue);
    if (!isHeaderName(name) || !isHeaderValue(value))
      return exception('33.5', `TypeError: \`${name}: ${value}\` is not a valid header`);
    initHeaders = headerListAppend(initHeaders, name, value);
  }
  const combined = sortAndCombine(initHeaders);
  if (combined.length < initHeaders.length)
    because.push(
      reason(
        'concept-header-list-sort-and-combine',
        1,
        `init.headers is a Headers object: repeated names are combined (${combined
          .filter(([n]) => initHeaders.filter(([m]) => byteLowercase(m) === n).length > 1)
          .map(([n, v]) => `\`${n}: ${v}\``)
          .join(', ')})`,
      ),
    );
  let headerList: HeaderList = [];
  for (const [name, value] of combined) {
    const next = headersAppend(headerList, guard, name, value, profile, because);
    if (!Array.isArray(next)) return exception('33.5', next.message);
    headerList = next;
  }
  // 34-35. A body with GET or HEAD throws.
  const body = init.body;
  if (body !== undefined && (method === 'GET' || method === 'HEAD'))
    return exception(35, `TypeError: a \`${method}\` request cannot have a body`);
  // 36-37. Extract the body; its type becomes Content-Type unless the author set one.
  let stream = false;
  if (body !== undefined) {
    const extracted = extractBodyType(body);
    stream = extracted.stream;
    if (extracted.type !== null && !headerListContains(headerList, 'Content-Type')) {
      const next = headersAppend(
        headerList,
        guard,
        'Content-Type',
        extracted.type,
        profile,
        because,
      );
      if (Array.isArray(next)) headerList = next;
    }
  }
  // 38-39. A stream body (duplex `half` assumed given) needs mode cors or same-origin and
  //        sets the use-CORS-preflight flag.
  if (stream && mode !== 'cors' && mode !== 'same-origin')
    return exception(
      '39.2',
      `TypeError: a stream body needs mode cors or same-origin, got \`${mode}\``,
    );
  // 12. The new request: the unsafe-request flag set, its other fields as decided above.
  const request = newRequest(url, {
    method,
    headerList,
    body: body === undefined ? null : { stream },
    origin,
    mode,
    credentialsMode,
    redirectMode,
    cacheMode,
    referrerPolicy: init.referrerPolicy ?? '',
    unsafeRequest: true,
    useCORSPreflight: stream,
  });
  return { ok: true, because, request };
};

// https://xhr.spec.whatwg.org/#dom-xmlhttprequest-send (with open(), setRequestHeader(), withCredentials)
/** `xhr.open(method, url)`, `setRequestHeader` per header line, `withCredentials`, `send(body)`. */
export const constructXHRRequest: RequestConstructor = (init, url, origin, profile) => {
  const because: Reason[] = [];
  const exception = (algorithm: string, step: string | number, message: string): BuiltRequest =>
    thrown(fail(algorithm, step, message), because);
  // open() steps 2-4: an invalid method throws SyntaxError, a forbidden one SecurityError;
  // then the method is normalized.
  const rawMethod = init.method ?? 'GET';
  if (!isMethod(rawMethod))
    return exception('dom-xmlhttprequest-open', 2, `SyntaxError: \`${rawMethod}\` is not a method`);
  if (isForbiddenMethod(rawMethod))
    return exception(
      'dom-xmlhttprequest-open',
      3,
      `SecurityError: \`${rawMethod}\` is a forbidden method`,
    );
  const method = normalizeMethod(rawMethod);
  // setRequestHeader() steps 3-6: normalize; invalid name/value throws SyntaxError; forbidden
  // request-headers are ignored; repeated names are combined (`a, b`).
  let headerList: HeaderList = [];
  for (const [name, rawValue] of normalizeHeaders(init.headers)) {
    const value = headerValueNormalize(rawValue);
    if (!isHeaderName(name) || !isHeaderValue(value))
      return exception(
        'dom-xmlhttprequest-setrequestheader',
        4,
        `SyntaxError: \`${name}: ${value}\` is not a valid header`,
      );
    if (isForbiddenRequestHeader(name, value, profile)) {
      because.push(
        forbiddenHeaderLeftOut('dom-xmlhttprequest-setrequestheader', 5, name, value, 'ignored'),
      );
      continue;
    }
    headerList = headerListCombine(headerList, name, value);
  }
  // withCredentials: true means credentials mode include, otherwise same-origin. When the
  // scenario leaves it unset, `credentials: 'include'` stands for withCredentials = true.
  const withCredentials = init.withCredentials ?? init.credentials === 'include';
  // send() step 3: the body is ignored for GET and HEAD.
  const body = method === 'GET' || method === 'HEAD' ? undefined : init.body;
  // send() step 4: extract the body; its type becomes Content-Type unless the author set
  // one (4.6). An author Content-Type with a string or URLSearchParams body gets a charset
  // other than UTF-8 rewritten to `UTF-8` and is re-serialized (4.5), which can change
  // whether the value is CORS-safelisted (quotes disappear).
  if (body !== undefined) {
    const extracted = extractBodyType(body);
    const author = headerListGet(headerList, 'Content-Type');
    const textual =
      typeof body === 'string' || body.kind === 'text' || body.kind === 'url-search-params';
    if (author === null) {
      if (extracted.type !== null)
        headerList = headerListSet(headerList, 'Content-Type', extracted.type);
    } else if (textual) {
      const record = parseAMIMEType(author);
      const charset = record === 'failure' ? undefined : record.parameters.get('charset');
      if (record !== 'failure' && charset !== undefined && charset.toLowerCase() !== 'utf-8') {
        record.parameters.set('charset', 'UTF-8');
        const rewritten = serializeAMIMEType(record);
        because.push(
          reason(
            'dom-xmlhttprequest-send',
            '4.5.1.2',
            `author Content-Type \`${author}\` is rewritten to \`${rewritten}\``,
          ),
        );
        headerList = headerListSet(headerList, 'Content-Type', rewritten);
      }
    }
  }
  if (
    init.uploadListener === true &&
    body === undefined &&
    profile.uploadListenerNeedsBody === true
  )
    because.push(
      reason(
        'dom-xmlhttprequest-send',
        6,
        'upload listeners but no request body: no forced preflight in this engine',
        'uploadListenerNeedsBody',
      ),
    );
  // send() steps 5-6: the new request, its fields in the order step 6 lists them: the
  // unsafe-request flag, mode cors, the use-CORS-preflight flag when xhr.upload has listeners
  // (step 5; with a body only, under the `uploadListenerNeedsBody` knob), credentials mode
  // from withCredentials. Redirect mode and cache mode keep a new request's initial values
  // (follow, default).
  const request = newRequest(url, {
    method,
    headerList,
    unsafeRequest: true,
    body: body === undefined ? null : { stream: false },
    origin,
    mode: 'cors',
    useCORSPreflight:
      init.uploadListener === true &&
      (body !== undefined || profile.uploadListenerNeedsBody !== true),
    credentialsMode: withCredentials ? 'include' : 'same-origin',
    referrerPolicy: init.referrerPolicy ?? '',
  });
  return { ok: true, because, request };
};

/** Either API, as the scenario says. */
export const constructRequest: RequestConstructor = (init, url, origin, profile) => {
  return init.api === 'xhr'
    ? constructXHRRequest(init, url, origin, profile)
    : constructFetchRequest(init, url, origin, profile);
};
