// Byte-class predicates from HTTP (RFC 9110) and the Fetch Standard's HTTP section.
// Strings hold byte values: every char code is 0-255 ("isomorphic" strings).

/** RFC 9110 `tchar`: the characters a token may contain. */
const TCHAR_PUNCTUATION = "!#$%&'*+-.^_`|~";

/** Whether one character is an RFC 9110 `tchar` (ALPHA, DIGIT or one of `!#$%&'*+-.^_`|~`). */
export function isHTTPTokenCodePoint(c: string): boolean {
  if (c.length !== 1) return false;
  const code = c.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return true;
  if (code >= 0x41 && code <= 0x5a) return true;
  if (code >= 0x61 && code <= 0x7a) return true;
  return TCHAR_PUNCTUATION.includes(c);
}

/** RFC 9110 `token` = 1*tchar: non-empty, every character a `tchar`. */
// https://www.rfc-editor.org/rfc/rfc9110#name-tokens
export function isHTTPToken(s: string): boolean {
  if (s.length === 0) return false;
  for (const c of s) {
    if (!isHTTPTokenCodePoint(c)) return false;
  }
  return true;
}

/** HTTP tab or space: U+0009 HT or U+0020 SP. */
// https://fetch.spec.whatwg.org/#http-tab-or-space
export function isHTTPTabOrSpace(c: string): boolean {
  return c === '\t' || c === ' ';
}

/** HTTP whitespace: U+0009 HT, U+000A LF, U+000D CR, U+0020 SP. */
// https://fetch.spec.whatwg.org/#http-whitespace
export function isHTTPWhitespace(c: string): boolean {
  return c === '\t' || c === '\n' || c === '\r' || c === ' ';
}

/** HTTP newline byte: 0x0A LF or 0x0D CR. */
// https://fetch.spec.whatwg.org/#http-newline-byte
export function isHTTPNewline(c: string): boolean {
  return c === '\n' || c === '\r';
}

/** Remove leading and trailing characters matching `pred`. */
export function trimBy(s: string, pred: (c: string) => boolean): string {
  let start = 0;
  let end = s.length;
  while (start < end && pred(s.charAt(start))) start++;
  while (end > start && pred(s.charAt(end - 1))) end--;
  return s.slice(start, end);
}

/** ASCII-lowercase (bytes 0x41-0x5A to 0x61-0x7A; nothing else changes). */
export function byteLowercase(s: string): string {
  // Header names are mostly lowercase already; runs of A-Z lowercase alike in JS.
  return /[A-Z]/.test(s) ? s.replace(/[A-Z]+/g, (run) => run.toLowerCase()) : s;
}

/** ASCII-uppercase (bytes 0x61-0x7A to 0x41-0x5A; nothing else changes). */
export function byteUppercase(s: string): string {
  return s.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x20));
}

/** Byte-case-insensitive equality: only ASCII letters fold. */
// https://fetch.spec.whatwg.org/#byte-case-insensitive
export function byteCaseInsensitiveMatch(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x >= 0x41 && x <= 0x5a) x += 0x20;
    if (y >= 0x41 && y <= 0x5a) y += 0x20;
    if (x !== y) return false;
  }
  return true;
}

/** ASCII digits only, and at least one (`1*DIGIT`). */
export function isASCIIDigits(s: string): boolean {
  return /^[0-9]+$/.test(s);
}
