// Filtered responses: what page JS can see of a response, by response tainting.
import type { CredentialsMode } from '../scenario/types.js';
import type { ModelResponse } from './fetch-params.js';
import { corsExposedHeaderNameList, readableHeaderNames } from './response-headers.js';

function internalOf(r: ModelResponse): ModelResponse {
  return r.internal ?? r;
}

/**
 * A filtered response over `r`'s internal response that keeps its status and URL list; only
 * the header names page JS can read are filtered (basic and CORS filtered responses).
 */
function headerFilteredResponse(
  r: ModelResponse,
  type: 'basic' | 'cors',
  exposed: (internal: ModelResponse) => string[],
): ModelResponse {
  const internal = internalOf(r);
  return {
    ...internal,
    type,
    readable: readableHeaderNames(type, internal.headers, exposed(internal)),
    internal,
  };
}

/**
 * A filtered response over `r`'s internal response with status 0 and an empty header list
 * (opaque and opaque-redirect filtered responses); they differ in the URL list.
 */
function opaqueFilteredResponseOf(
  r: ModelResponse,
  type: 'opaque' | 'opaqueredirect',
  urlList: (internal: ModelResponse) => string[],
): ModelResponse {
  const internal = internalOf(r);
  return {
    type,
    status: 0,
    headers: [],
    urlList: urlList(internal),
    corsExposed: [],
    readable: [],
    internal,
  };
}

// https://fetch.spec.whatwg.org/#concept-filtered-response-basic
/** Every header but `Set-Cookie`/`Set-Cookie2`. */
export function basicFilteredResponse(r: ModelResponse): ModelResponse {
  return headerFilteredResponse(r, 'basic', () => []);
}

// https://fetch.spec.whatwg.org/#concept-filtered-response-cors
/** Only the CORS-safelisted response-header names, given the CORS-exposed list. */
export function corsFilteredResponse(r: ModelResponse): ModelResponse {
  return headerFilteredResponse(r, 'cors', (internal) => internal.corsExposed);
}

// https://fetch.spec.whatwg.org/#concept-filtered-response-opaque
/** Status 0, no headers, empty URL list. */
export function opaqueFilteredResponse(r: ModelResponse): ModelResponse {
  return opaqueFilteredResponseOf(r, 'opaque', () => []);
}

// https://fetch.spec.whatwg.org/#concept-filtered-response-opaque-redirect
/** Status 0, no headers; keeps the URL list of the response that redirected. */
export function opaqueRedirectFilteredResponse(r: ModelResponse): ModelResponse {
  return opaqueFilteredResponseOf(r, 'opaqueredirect', (internal) => internal.urlList);
}

// https://fetch.spec.whatwg.org/#concept-main-fetch (step 14.1)
/** Sets the response's CORS-exposed header-name list; returns the branch that decided it. */
export function setCORSExposedHeaderNameList(
  r: ModelResponse,
  credentialsMode: CredentialsMode,
): string {
  const { names, reason } = corsExposedHeaderNameList(r.headers, credentialsMode);
  r.corsExposed = names;
  return reason;
}
