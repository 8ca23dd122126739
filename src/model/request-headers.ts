// Request-header classifications of the Fetch Standard, with the engine knobs of
// EngineProfile where engines depart from the spec (extra safelisted names, a forbidden
// `User-Agent`, non-ASCII bytes, the `Range` unit and position limit, combined values).
import type { HeaderList } from '../scenario/types.js';
import type { EngineProfile } from './engine-profile.js';
import { getDecodeSplitValue } from './header-list.js';
import { byteCaseInsensitiveMatch, byteLowercase } from './http-tokens.js';
import { isForbiddenMethod } from './methods.js';
import { parseAMIMEType } from './mime-type.js';
import { parseASingleRangeHeaderValue } from './range.js';

/** The 21 names of fetch#forbidden-request-header step 1, lowercase. */
export const FORBIDDEN_REQUEST_HEADER_NAMES: readonly string[] = [
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
];

/** Names whose value may smuggle a method (fetch#forbidden-request-header step 3). */
export const METHOD_OVERRIDE_HEADER_NAMES: readonly string[] = [
  'x-http-method',
  'x-http-method-override',
  'x-method-override',
];

/** Longest value a CORS-safelisted request-header may have, in bytes. */
export const SAFELISTED_VALUE_MAX_BYTES = 128;
/** Largest total of safelisted values before they all count as unsafe (fetch#cors-unsafe-request-header-names step 5). */
export const SAFELISTED_VALUE_TOTAL_MAX_BYTES = 1024;

/** Whether page script may not set this header (it is then dropped silently). */
// https://fetch.spec.whatwg.org/#forbidden-request-header
export function isForbiddenRequestHeader(
  name: string,
  value: string,
  profile?: EngineProfile,
): boolean {
  const lower = byteLowercase(name);
  // 1. One of the 21 fixed names.
  if (FORBIDDEN_REQUEST_HEADER_NAMES.includes(lower)) return true;
  // 2. A `proxy-` or `sec-` prefix.
  if (lower.startsWith('proxy-') || lower.startsWith('sec-')) return true;
  // 3. A method-override header naming a forbidden method in any element of its value.
  if (METHOD_OVERRIDE_HEADER_NAMES.includes(lower)) {
    // 3.1 Get, decode and split the value (quoted strings keep their quotes).
    // 3.2 Any element that is a forbidden method makes the header forbidden.
    if (getDecodeSplitValue(value).some((m) => isForbiddenMethod(m))) return true;
  }
  // Engine knob `userAgentIsForbidden`: `User-Agent` stays forbidden.
  if (profile?.userAgentIsForbidden && lower === 'user-agent') return true;
  // 4. Otherwise allowed.
  return false;
}

/** Control bytes other than HT, and `"():<>?@[\]{}` and DEL. */
// https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte
export function isCORSUnsafeRequestHeaderByte(byte: number): boolean {
  if (byte < 0x20) return byte !== 0x09;
  return [
    0x22, 0x28, 0x29, 0x3a, 0x3c, 0x3e, 0x3f, 0x40, 0x5b, 0x5c, 0x5d, 0x7b, 0x7d, 0x7f,
  ].includes(byte);
}

/** Some byte is CORS-unsafe; with the knob `nonASCIIByteIsCORSUnsafe`, so is any byte >= 0x80. */
function containsCORSUnsafeByte(value: string, profile?: EngineProfile): boolean {
  const nonASCII = profile?.nonASCIIByteIsCORSUnsafe === true;
  for (let i = 0; i < value.length; i++) {
    const b = value.charCodeAt(i);
    if (isCORSUnsafeRequestHeaderByte(b) || (nonASCII && b >= 0x80)) return true;
  }
  return false;
}

/** Bytes allowed in `Accept-Language` / `Content-Language` safelisted values. */
function isLanguageByte(b: number): boolean {
  return (
    (b >= 0x30 && b <= 0x39) ||
    (b >= 0x41 && b <= 0x5a) ||
    (b >= 0x61 && b <= 0x7a) ||
    [0x20, 0x2a, 0x2c, 0x2d, 0x2e, 0x3b, 0x3d].includes(b)
  );
}

const SAFELISTED_CONTENT_TYPE_ESSENCES: readonly string[] = [
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
];

/** The extra safelisted names of the knob `extraSafelistedRequestHeaders`, and their value rules. */
const EXTRA_SAFELISTED: Record<string, (v: string) => boolean> = {
  dpr: isDecimalLike,
  'device-memory': isDecimalLike,
  downlink: isDecimalLike,
  width: (v) => /^[0-9]+$/.test(v),
  'viewport-width': (v) => /^[0-9]+$/.test(v),
  rtt: (v) => /^[0-9]+$/.test(v),
  // Effective connection type names, compared lowercased.
  ect: (v) => ['slow-2g', '2g', '3g', '4g'].includes(byteLowercase(v)),
  // The value is lowercased before it is compared with `on`.
  'save-data': (v) => byteLowercase(v) === 'on',
  intervention: () => true,
};

/** `1*DIGIT [ "." 1*DIGIT ]`. */
function isDecimalLike(v: string): boolean {
  return /^[0-9]+(\.[0-9]+)?$/.test(v);
}

/** Whether (name, value) may be sent cross-origin without a preflight. */
// https://fetch.spec.whatwg.org/#cors-safelisted-request-header
export function isCORSSafelistedRequestHeader(
  name: string,
  value: string,
  profile?: EngineProfile,
): boolean {
  // 1. Values longer than 128 bytes are never safelisted.
  if (value.length > SAFELISTED_VALUE_MAX_BYTES) return false;
  // 2. The lowercased name picks the value rule.
  const lower = byteLowercase(name);
  switch (lower) {
    case 'accept':
      // `accept`: no CORS-unsafe request-header byte.
      return !containsCORSUnsafeByte(value, profile);
    case 'accept-language':
    case 'content-language':
      // Only 0-9 A-Z a-z SP * , - . ; =
      for (let i = 0; i < value.length; i++) {
        if (!isLanguageByte(value.charCodeAt(i))) return false;
      }
      return true;
    case 'content-type': {
      // 2.1 No CORS-unsafe byte.
      if (containsCORSUnsafeByte(value, profile)) return false;
      // 2.2-2.3 Strict MIME parse of the (isomorphic-decoded) value.
      const mime = parseAMIMEType(value);
      if (mime === 'failure') return false;
      // 2.4 Essence must be one of the three form-submittable types.
      return SAFELISTED_CONTENT_TYPE_ESSENCES.includes(mime.essence);
    }
    case 'range': {
      // 2.1 Parse as a single range, whitespace not allowed.
      const range = parseASingleRangeHeaderValue(value, false, {
        unitCaseInsensitive: profile?.rangeUnitCaseInsensitive ?? false,
        positionLimit: profile?.rangePositionLimit ?? 'none',
      });
      // 2.2 Failure is unsafe; 2.3 so is a suffix range (null start).
      if (range === 'failure') return false;
      return range.start !== null;
    }
    default: {
      // Engine knob `extraSafelistedRequestHeaders`: client-hint style names.
      const extra = EXTRA_SAFELISTED[lower];
      if (profile?.extraSafelistedRequestHeaders && extra !== undefined) return extra(value);
      // Any other name is not safelisted.
      return false;
    }
  }
}

/** Lowercase, remove duplicates, sort by byte value. */
// https://fetch.spec.whatwg.org/#convert-header-names-to-a-sorted-lowercase-set
export function convertHeaderNamesToASortedLowercaseSet(names: string[]): string[] {
  const set = new Set(names.map(byteLowercase));
  // Code-unit order equals byte order for isomorphic strings.
  return [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The names a preflight must ask about (`Access-Control-Request-Headers`): lowercase,
 * duplicate-free, byte-sorted. Safelisted headers whose values together exceed 1024 bytes
 * all become unsafe (knob `safelistedValueTotalLimit`).
 */ // https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names
export function getCORSUnsafeRequestHeaderNames(
  list: HeaderList,
  profile?: EngineProfile,
): string[] {
  // 1-3. Unsafe names, safelisted-but-maybe names, and the running value total.
  const unsafeNames: string[] = [];
  const potentiallyUnsafeNames: string[] = [];
  let safelistValueSize = 0;
  // 4. Classify every header (duplicates are separate entries).
  for (const [name, value] of list) {
    if (!isCORSSafelistedRequestHeader(name, value, profile)) {
      unsafeNames.push(name);
    } else {
      potentiallyUnsafeNames.push(name);
      safelistValueSize += value.length;
    }
  }
  // 5. Over 1024 bytes in total: the safelisted ones count as unsafe too.
  const limitApplies = profile?.safelistedValueTotalLimit ?? true;
  if (limitApplies && safelistValueSize > SAFELISTED_VALUE_TOTAL_MAX_BYTES) {
    unsafeNames.push(...potentiallyUnsafeNames);
  }
  // 6. Lowercase, dedupe, sort.
  return convertHeaderNamesToASortedLowercaseSet(unsafeNames);
}

const NO_CORS_SAFELISTED_NAMES: readonly string[] = [
  'accept',
  'accept-language',
  'content-language',
  'content-type',
];

/** `Accept`, `Accept-Language`, `Content-Language`, `Content-Type` (case-insensitive). */
// https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header-name
export function isNoCORSSafelistedRequestHeaderName(name: string): boolean {
  return NO_CORS_SAFELISTED_NAMES.includes(byteLowercase(name));
}

/** A no-CORS-safelisted name whose (name, value) is also CORS-safelisted (spec rules). */
// https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header
export function isNoCORSSafelistedRequestHeader(name: string, value: string): boolean {
  // 1. The name must be on the no-CORS list.
  if (!isNoCORSSafelistedRequestHeaderName(name)) return false;
  // 2. And the pair must pass the CORS-safelisted test.
  return isCORSSafelistedRequestHeader(name, value);
}

/** Only `Range`. */
// https://fetch.spec.whatwg.org/#privileged-no-cors-request-header-name
export function isPrivilegedNoCORSRequestHeaderName(name: string): boolean {
  return byteCaseInsensitiveMatch(name, 'range');
}

/** Only `Authorization`: `Access-Control-Allow-Headers: *` never covers it (spec). */
// https://fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name
export function isCORSNonWildcardRequestHeaderName(name: string): boolean {
  return byteCaseInsensitiveMatch(name, 'authorization');
}

const REQUEST_BODY_HEADER_NAMES: readonly string[] = [
  'content-encoding',
  'content-language',
  'content-location',
  'content-type',
];

/** Headers removed when a redirect turns the request into a body-less GET. */
// https://fetch.spec.whatwg.org/#request-body-header-name
export function isRequestBodyHeaderName(name: string): boolean {
  return REQUEST_BODY_HEADER_NAMES.includes(byteLowercase(name));
}
