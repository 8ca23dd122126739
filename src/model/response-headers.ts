// Response-header visibility: forbidden and safelisted response-header names, the
// CORS-exposed header-name list, and what page JS can read per response type.
import type { CredentialsMode, HeaderList, ResponseType } from '../scenario/types.js';
import { extractHeaderListValues } from './header-list.js';
import { byteLowercase } from './http-tokens.js';
import { convertHeaderNamesToASortedLowercaseSet } from './request-headers.js';

const FORBIDDEN_RESPONSE_HEADER_NAMES: readonly string[] = ['set-cookie', 'set-cookie2'];

/** The seven names every `cors` response exposes, lowercase. */
export const CORS_SAFELISTED_RESPONSE_HEADER_NAMES: readonly string[] = [
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
];

/** `Set-Cookie` and `Set-Cookie2`, case-insensitive. */
// https://fetch.spec.whatwg.org/#forbidden-response-header-name
export function isForbiddenResponseHeaderName(name: string): boolean {
  return FORBIDDEN_RESPONSE_HEADER_NAMES.includes(byteLowercase(name));
}

/** One of the seven, or a name in `exposed` (case-insensitive) that is not forbidden. */
// https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name
export function isCORSSafelistedResponseHeaderName(name: string, exposed: string[]): boolean {
  const lower = byteLowercase(name);
  if (CORS_SAFELISTED_RESPONSE_HEADER_NAMES.includes(lower)) return true;
  return !isForbiddenResponseHeaderName(lower) && exposed.some((e) => byteLowercase(e) === lower);
}

/**
 * Main fetch's step for `cors` tainting: the response's CORS-exposed header-name list
 * (lowercase, duplicate-free). `reason` says which branch decided it.
 */
// https://fetch.spec.whatwg.org/#concept-main-fetch
export function corsExposedHeaderNameList(
  headers: HeaderList,
  credentialsMode: CredentialsMode,
): { names: string[]; reason: string } {
  // 1. Parse Access-Control-Expose-Headers as a #field-name list (lines concatenate).
  const headerNames = extractHeaderListValues(headers, 'Access-Control-Expose-Headers');
  // 2. Without credentials a `*` element exposes every header name of the response.
  if (credentialsMode !== 'include' && Array.isArray(headerNames) && headerNames.includes('*')) {
    return {
      names: convertHeaderNamesToASortedLowercaseSet(headers.map(([n]) => n)),
      reason:
        'Access-Control-Expose-Headers has `*` and credentials mode is not include: every response header name is exposed',
    };
  }
  // 3. Otherwise a parsed list is used as is (with credentials `*` only names a header called `*`).
  if (Array.isArray(headerNames)) {
    return {
      names: convertHeaderNamesToASortedLowercaseSet(headerNames),
      reason: `Access-Control-Expose-Headers lists ${JSON.stringify(headerNames)}`,
    };
  }
  // Absent or a parse failure: nothing beyond the seven safelisted names.
  return {
    names: [],
    reason:
      headerNames === null
        ? 'no Access-Control-Expose-Headers: only the CORS-safelisted response headers are exposed'
        : 'Access-Control-Expose-Headers does not parse as a token list: only the CORS-safelisted response headers are exposed',
  };
}

/**
 * The header names page JS can read from a response of `type` (lowercase, sorted, unique):
 * basic/default: all but Set-Cookie(2); cors: the safelisted response-header names given
 * `exposed`; opaque, opaqueredirect and error: none.
 */
// https://fetch.spec.whatwg.org/#concept-filtered-response
export function readableHeaderNames(
  type: ResponseType,
  headers: HeaderList,
  exposed: string[],
): string[] {
  const names = headers.map(([n]) => n);
  switch (type) {
    case 'basic':
    case 'default':
      // https://fetch.spec.whatwg.org/#concept-filtered-response-basic
      return convertHeaderNamesToASortedLowercaseSet(
        names.filter((n) => !isForbiddenResponseHeaderName(n)),
      );
    case 'cors':
      // https://fetch.spec.whatwg.org/#concept-filtered-response-cors
      return convertHeaderNamesToASortedLowercaseSet(
        names.filter((n) => isCORSSafelistedResponseHeaderName(n, exposed)),
      );
    case 'opaque':
    case 'opaqueredirect':
    case 'error':
      // https://fetch.spec.whatwg.org/#concept-filtered-response-opaque
      return [];
  }
}
