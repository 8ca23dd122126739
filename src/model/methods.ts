// Methods: syntax, forbidden and safelisted methods, normalization (https://fetch.spec.whatwg.org/#methods).
import { byteCaseInsensitiveMatch, byteUppercase, isHTTPToken } from './http-tokens.js';

const FORBIDDEN_METHODS = ['CONNECT', 'TRACE', 'TRACK'] as const;
const NORMALIZED_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'] as const;
const CORS_SAFELISTED_METHODS = ['GET', 'HEAD', 'POST'] as const;

/** A method is any byte sequence matching the RFC 9110 `method` (= `token`) production. */
// https://fetch.spec.whatwg.org/#concept-method
export function isMethod(m: string): boolean {
  return isHTTPToken(m);
}

/** `CONNECT`, `TRACE` or `TRACK`, byte-case-insensitively. */
// https://fetch.spec.whatwg.org/#forbidden-method
export function isForbiddenMethod(m: string): boolean {
  // 1. It must be a method at all; 2. and match one of the three names ignoring ASCII case.
  return isMethod(m) && FORBIDDEN_METHODS.some((f) => byteCaseInsensitiveMatch(m, f));
}

/** Uppercase the six well-known methods when they match ignoring case; leave others alone. */
// https://fetch.spec.whatwg.org/#concept-method-normalize
export function normalizeMethod(m: string): string {
  // 1. Only DELETE, GET, HEAD, OPTIONS, POST, PUT are folded; `patch` stays `patch`.
  return NORMALIZED_METHODS.some((n) => byteCaseInsensitiveMatch(m, n)) ? byteUppercase(m) : m;
}

/** `GET`, `HEAD` or `POST`, compared as exact bytes (normalize first). */
// https://fetch.spec.whatwg.org/#cors-safelisted-method
export function isCORSSafelistedMethod(m: string): boolean {
  return (CORS_SAFELISTED_METHODS as readonly string[]).includes(m);
}
