// MIME types as the MIME Sniffing Standard parses them (used by the Content-Type rule of
// fetch#cors-safelisted-request-header), and Fetch's lenient "extract a MIME type", which the
// initiators read from a response and which must NOT be used for CORS.
import type { HeaderList } from '../scenario/types.js';
import { collectAnHTTPQuotedString, headerListGetDecodeSplit } from './header-list.js';
import { byteLowercase, isHTTPTokenCodePoint, isHTTPWhitespace, trimBy } from './http-tokens.js';

export interface MIMEType {
  /** Lowercased type, e.g. `text`. */
  type: string;
  /** Lowercased subtype, e.g. `plain`. */
  subtype: string;
  /** Parameters in first-seen order; names lowercased, values as written (unquoted). */
  parameters: Map<string, string>;
  /** `type/subtype`. */
  essence: string;
}

function solelyTokenCodePoints(s: string): boolean {
  for (const c of s) if (!isHTTPTokenCodePoint(c)) return false;
  return true;
}

// https://mimesniff.spec.whatwg.org/#http-quoted-string-token-code-point
function solelyQuotedStringTokenCodePoints(s: string): boolean {
  for (const c of s) {
    const code = c.charCodeAt(0);
    const ok = code === 0x09 || (code >= 0x20 && code <= 0x7e) || (code >= 0x80 && code <= 0xff);
    if (!ok) return false;
  }
  return true;
}

/** Advance from `position` over characters not in `stops`; returns the run and where it ended. */
function collectUntil(input: string, position: number, stops: string): [string, number] {
  let end = position;
  while (end < input.length && !stops.includes(input.charAt(end))) end++;
  return [input.slice(position, end), end];
}

function trimTrailingWhitespace(s: string): string {
  let end = s.length;
  while (end > 0 && isHTTPWhitespace(s.charAt(end - 1))) end--;
  return s.slice(0, end);
}

/** The full strict MIME-type parser: a MIMEType or 'failure'. */
// https://mimesniff.spec.whatwg.org/#parse-a-mime-type
export function parseAMIMEType(input: string): MIMEType | 'failure' {
  // 1. Strip leading and trailing HTTP whitespace.
  const s = trimBy(input, isHTTPWhitespace);
  // 2. Start at the beginning.
  let position = 0;
  // 3. The type runs up to the first `/`.
  const [type, afterType] = collectUntil(s, position, '/');
  position = afterType;
  // 4. It must be a non-empty token (no whitespace inside: `text /plain` fails here).
  if (type === '' || !solelyTokenCodePoints(type)) return 'failure';
  // 5. No `/` at all: failure.
  if (position >= s.length) return 'failure';
  // 6. Step over the `/`.
  position++;
  // 7. The subtype runs up to the first `;`.
  let subtype: string;
  [subtype, position] = collectUntil(s, position, ';');
  // 8. Trailing whitespace of the subtype is dropped (`text/plain ;x` is fine).
  subtype = trimTrailingWhitespace(subtype);
  // 9. It must be a non-empty token.
  if (subtype === '' || !solelyTokenCodePoints(subtype)) return 'failure';
  // 10. Build the result with lowercased type and subtype.
  const mime: MIMEType = {
    type: byteLowercase(type),
    subtype: byteLowercase(subtype),
    parameters: new Map(),
    essence: `${byteLowercase(type)}/${byteLowercase(subtype)}`,
  };
  // 11. Parameters, one `;`-separated piece at a time.
  while (position < s.length) {
    // 11.1 Step over the `;`.
    position++;
    // 11.2 Skip HTTP whitespace.
    while (position < s.length && isHTTPWhitespace(s.charAt(position))) position++;
    // 11.3-11.4 The name runs up to `;` or `=`, lowercased.
    let parameterName: string;
    [parameterName, position] = collectUntil(s, position, ';=');
    parameterName = byteLowercase(parameterName);
    // 11.5 A `;` right after the name: no value, next parameter; otherwise step over `=`.
    if (position < s.length) {
      if (s.charAt(position) === ';') continue;
      position++;
    }
    // 11.6 Nothing after the `=`: done.
    if (position >= s.length) break;
    // 11.7 The value.
    let parameterValue: string;
    if (s.charAt(position) === '"') {
      // 11.8 Quoted: unescape it, then ignore anything up to the next `;`.
      const quoted = collectAnHTTPQuotedString(s, position, true);
      parameterValue = quoted.value;
      [, position] = collectUntil(s, quoted.position, ';');
    } else {
      // 11.9 Bare: up to `;`, trailing whitespace dropped; an empty one is skipped.
      [parameterValue, position] = collectUntil(s, position, ';');
      parameterValue = trimTrailingWhitespace(parameterValue);
      if (parameterValue === '') continue;
    }
    // 11.10 Keep the first occurrence of a well-formed name/value.
    if (
      parameterName !== '' &&
      solelyTokenCodePoints(parameterName) &&
      solelyQuotedStringTokenCodePoints(parameterValue) &&
      !mime.parameters.has(parameterName)
    ) {
      mime.parameters.set(parameterName, parameterValue);
    }
  }
  // 12. Done.
  return mime;
}

// https://fetch.spec.whatwg.org/#concept-header-extract-mime-type
/**
 * The lenient extraction of a response's MIME type from its `Content-Type` values (what an
 * initiator reads to decide whether a script is JavaScript or a sheet is CSS). Never for CORS.
 */
export function extractAMIMEType(headers: HeaderList): MIMEType | 'failure' {
  // 1-3. charset, essence and mimeType start null.
  let charset: string | null = null;
  let essence: string | null = null;
  let mimeType: MIMEType | null = null;
  // 4. Every `Content-Type` value, split on commas outside quotes.
  const values = headerListGetDecodeSplit(headers, 'Content-Type');
  // 5. None: failure.
  if (values === null) return 'failure';
  // 6. The last one that parses (and is not */*) wins; a charset carries over same essences.
  for (const value of values) {
    const temporary = parseAMIMEType(value);
    if (temporary === 'failure' || temporary.essence === '*/*') continue;
    mimeType = temporary;
    if (mimeType.essence !== essence) {
      charset = mimeType.parameters.get('charset') ?? null;
      essence = mimeType.essence;
    } else if (!mimeType.parameters.has('charset') && charset !== null) {
      mimeType.parameters.set('charset', charset);
    }
  }
  // 7-8. Nothing parsed: failure; else the MIME type.
  return mimeType ?? 'failure';
}

// https://mimesniff.spec.whatwg.org/#javascript-mime-type
const JAVASCRIPT_MIME_ESSENCES = [
  'application/ecmascript',
  'application/javascript',
  'application/x-ecmascript',
  'application/x-javascript',
  'text/ecmascript',
  'text/javascript',
  'text/javascript1.0',
  'text/javascript1.1',
  'text/javascript1.2',
  'text/javascript1.3',
  'text/javascript1.4',
  'text/javascript1.5',
  'text/jscript',
  'text/livescript',
  'text/x-ecmascript',
  'text/x-javascript',
];

/** Whether the essence is one of the JavaScript MIME type essence matches. */
export function isJavaScriptMIMETypeEssence(essence: string): boolean {
  return JAVASCRIPT_MIME_ESSENCES.includes(essence);
}
