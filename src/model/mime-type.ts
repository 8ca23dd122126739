// MIME types as the MIME Sniffing Standard parses them (used by the Content-Type rule of
// fetch#cors-safelisted-request-header). Only the strict parser lives here: the lenient
// "extract a MIME type" must NOT be used for CORS.
import { collectAnHTTPQuotedString } from './header-list.js';
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
