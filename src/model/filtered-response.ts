// Filtered responses: what page JS can see of a response, by response tainting.
import type { CredentialsMode } from '../scenario/types.js';
import type { ModelResponse } from './fetch-params.js';
import { corsExposedHeaderNameList, readableHeaderNames } from './response-headers.js';

function internalOf(r: ModelResponse): ModelResponse {
  return r.internal ?? r;
}

// https://fetch.spec.whatwg.org/#concept-filtered-response-basic
/** Every header but `Set-Cookie`/`Set-Cookie2`. */
export function basicFilteredResponse(r: ModelResponse): ModelResponse {
  const internal = internalOf(r);
  return {
    ...internal,
    type: 'basic',
    readable: readableHeaderNames('basic', internal.headers, []),
    internal,
  };
}

// https://fetch.spec.whatwg.org/#concept-filtered-response-cors
/** Only the CORS-safelisted response-header names, given the CORS-exposed list. */
export function corsFilteredResponse(r: ModelResponse): ModelResponse {
  const internal = internalOf(r);
  return {
    ...internal,
    type: 'cors',
    readable: readableHeaderNames('cors', internal.headers, internal.corsExposed),
    internal,
  };
}

/**
 * What the opaque and the opaque-redirect filtered responses share: status 0, an empty
 * header list, nothing readable. They differ in the URL list.
 */
function opaqueFilteredResponseOf(
  internal: ModelResponse,
  type: 'opaque' | 'opaqueredirect',
  urlList: string[],
): ModelResponse {
  return { type, status: 0, headers: [], urlList, corsExposed: [], readable: [], internal };
}

// https://fetch.spec.whatwg.org/#concept-filtered-response-opaque
/** Status 0, no headers, empty URL list. */
export function opaqueFilteredResponse(r: ModelResponse): ModelResponse {
  return opaqueFilteredResponseOf(internalOf(r), 'opaque', []);
}

// https://fetch.spec.whatwg.org/#concept-filtered-response-opaque-redirect
/** Status 0, no headers; keeps the URL list of the response that redirected. */
export function opaqueRedirectFilteredResponse(r: ModelResponse): ModelResponse {
  const internal = internalOf(r);
  return opaqueFilteredResponseOf(internal, 'opaqueredirect', internal.urlList);
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
