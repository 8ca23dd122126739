// Header lists: reading, splitting and parsing header values.
//
// A `HeaderList` is an ordered array of raw `[name, value]` pairs (case and duplicates
// kept). Names and values are isomorphic strings (char codes 0-255). The mutators below
// (append, set, delete, combine) are IMMUTABLE: they return a new list and leave the input
// untouched, so a model step can never change a list another step still holds.
import type { HeaderList } from '../scenario/types.js';
import {
  byteCaseInsensitiveMatch,
  byteLowercase,
  isASCIIDigits,
  isHTTPNewline,
  isHTTPTabOrSpace,
  isHTTPToken,
  isHTTPWhitespace,
  trimBy,
} from './http-tokens.js';

/** Whether some header in `list` has a name matching `name` byte-case-insensitively. */
// https://fetch.spec.whatwg.org/#header-list-contains
export function headerListContains(list: HeaderList, name: string): boolean {
  return list.some(([n]) => byteCaseInsensitiveMatch(n, name));
}

/** All values of `name`, in order, joined with `, `; null when no header has that name. */
// https://fetch.spec.whatwg.org/#concept-header-list-get
export function headerListGet(list: HeaderList, name: string): string | null {
  // 1. Absent is null (which differs from an empty value).
  if (!headerListContains(list, name)) return null;
  // 2. Otherwise join every matching value with 0x2C 0x20.
  return list
    .filter(([n]) => byteCaseInsensitiveMatch(n, name))
    .map(([, v]) => v)
    .join(', ');
}

/**
 * Collect an HTTP quoted string starting at `position` (which must hold `"`), keeping the
 * quotes and escapes (extract-value false) or returning only the unescaped content.
 */
// https://fetch.spec.whatwg.org/#collect-an-http-quoted-string
export function collectAnHTTPQuotedString(
  input: string,
  position: number,
  extractValue: boolean,
): { value: string; position: number } {
  // 1. Remember where the quoted string starts.
  const start = position;
  // 2. The unescaped value collected so far.
  let value = '';
  // 3-4. Skip the opening quote.
  let pos = position + 1;
  // 5. Read until the closing quote (or the end of input).
  for (;;) {
    // 5.1 Take everything that is neither a quote nor a backslash.
    while (pos < input.length && input[pos] !== '"' && input[pos] !== '\\') {
      value += input[pos];
      pos++;
    }
    // 5.2 Ran off the end: an unterminated string ends here.
    if (pos >= input.length) break;
    // 5.3-5.4 Look at the quote or backslash and step past it.
    const quoteOrBackslash = input[pos];
    pos++;
    if (quoteOrBackslash === '\\') {
      // 5.5 A backslash escapes the next character; a trailing one is kept literally.
      if (pos >= input.length) {
        value += '\\';
        break;
      }
      value += input[pos];
      pos++;
    } else {
      // 5.6 The closing quote.
      break;
    }
  }
  // 6. The unescaped content, when asked for.
  if (extractValue) return { value, position: pos };
  // 7. Otherwise the raw text, quotes and escapes included.
  return { value: input.slice(start, pos), position: pos };
}

/** Split a header value on commas outside double quotes; trim tabs/spaces; keep empties. */
// https://fetch.spec.whatwg.org/#header-value-get-decode-and-split
export function getDecodeSplitValue(value: string): string[] {
  // 1. The value is already an isomorphic string, so decoding is the identity.
  const input = value;
  // 2-4. Position, the result list, and the piece being built.
  let position = 0;
  const values: string[] = [];
  let temporaryValue = '';
  // 5. Loop over the pieces.
  for (;;) {
    // 5.1 Take everything that is neither `"` nor `,`.
    while (position < input.length && input[position] !== '"' && input[position] !== ',') {
      temporaryValue += input[position];
      position++;
    }
    // 5.2 A quoted string is copied whole (quotes kept); then keep reading this piece.
    if (position < input.length && input[position] === '"') {
      const quoted = collectAnHTTPQuotedString(input, position, false);
      temporaryValue += quoted.value;
      position = quoted.position;
      if (position < input.length) continue;
    }
    // 5.3 Trim HTTP tabs and spaces from both ends.
    // 5.4-5.5 Record the piece and start a new one.
    values.push(trimBy(temporaryValue, isHTTPTabOrSpace));
    temporaryValue = '';
    // 5.6 At the end: done.
    if (position >= input.length) return values;
    // 5.7-5.8 Otherwise we stand on a comma: step over it.
    position++;
  }
}

/** Get `name` from `list`, then get-decode-split the combined value; null when absent. */
// https://fetch.spec.whatwg.org/#concept-header-list-get-decode-split
export function headerListGetDecodeSplit(list: HeaderList, name: string): string[] | null {
  // 1. Get the combined value.
  const value = headerListGet(list, name);
  // 2. Absent stays null.
  if (value === null) return null;
  // 3. Split it.
  return getDecodeSplitValue(value);
}

/** Headers whose grammar allows only one header line, and that line's element grammar. */
const SINGLE_VALUE_GRAMMARS: Record<string, (v: string) => boolean> = {
  // delta-seconds = 1*DIGIT (RFC 9111), fetch#http-access-control-max-age
  'access-control-max-age': isASCIIDigits,
};

/**
 * Parse one header line as an RFC 9110 `#token` list (`#method`, `#field-name`): elements
 * separated by commas with optional tabs/spaces around them. Empty elements are skipped, as
 * RFC 9110 section 5.6.1 tells recipients to; any non-empty element that is not a token
 * fails the whole header.
 */
// https://www.rfc-editor.org/rfc/rfc9110#name-lists-rule-abnf-extension
export function parseTokenList(value: string): string[] | 'failure' {
  const out: string[] = [];
  for (const raw of value.split(',')) {
    const element = trimBy(raw, isHTTPTabOrSpace);
    if (element === '') continue;
    if (!isHTTPToken(element)) return 'failure';
    out.push(element);
  }
  return out;
}

/**
 * The values of `name` parsed by its ABNF: null when absent, 'failure' when any line does
 * not parse. `Access-Control-Max-Age` is a single `delta-seconds` (a repeat is failure);
 * every other name is treated as a `#token` list (ACAM, ACAH, ACEH), lines concatenated.
 */
// https://fetch.spec.whatwg.org/#extract-header-list-values
export function extractHeaderListValues(
  list: HeaderList,
  name: string,
): string[] | null | 'failure' {
  // 1. Absent: null.
  if (!headerListContains(list, name)) return null;
  const lines = list.filter(([n]) => byteCaseInsensitiveMatch(n, name)).map(([, v]) => v);
  const single = SINGLE_VALUE_GRAMMARS[byteLowercase(name)];
  if (single !== undefined) {
    // 2. A header whose grammar allows one line and that occurs more than once: failure.
    if (lines.length > 1) return 'failure';
    // 4.1 (single value) Parse it by its grammar (surrounding whitespace is not part of it).
    const v = trimBy(lines[0] ?? '', isHTTPTabOrSpace);
    return single(v) ? [v] : 'failure';
  }
  // 3. The collected values.
  const values: string[] = [];
  // 4. For each line: parse it; a failure fails everything; else append its elements.
  for (const line of lines) {
    const parsed = parseTokenList(line);
    if (parsed === 'failure') return 'failure';
    values.push(...parsed);
  }
  // 5. Done.
  return values;
}

/** Strip leading and trailing HTTP whitespace bytes (HT, LF, CR, SP). */
// https://fetch.spec.whatwg.org/#concept-header-value-normalize
export function headerValueNormalize(v: string): string {
  return trimBy(v, isHTTPWhitespace);
}

/** A header name is a `field-name`, i.e. an RFC 9110 token. */
// https://fetch.spec.whatwg.org/#header-name
export function isHeaderName(s: string): boolean {
  return isHTTPToken(s);
}

/** No leading/trailing tab or space; no NUL, LF or CR anywhere; every char a byte. */
// https://fetch.spec.whatwg.org/#header-value
export function isHeaderValue(s: string): boolean {
  // 1. Not starting or ending with HTTP tab or space.
  if (s.length > 0 && (isHTTPTabOrSpace(s.charAt(0)) || isHTTPTabOrSpace(s.charAt(s.length - 1))))
    return false;
  // 2. No 0x00 and no HTTP newline byte; also no code unit above 0xFF (not a byte).
  for (const c of s) {
    if (c === '\0' || isHTTPNewline(c) || c.charCodeAt(0) > 0xff) return false;
  }
  return true;
}

/** New list with `[name, value]` appended; an existing name's first casing is reused. */
// https://fetch.spec.whatwg.org/#concept-header-list-append
export function headerListAppend(list: HeaderList, name: string, value: string): HeaderList {
  // 1. When the name is present, use the casing of its first occurrence.
  const existing = list.find(([n]) => byteCaseInsensitiveMatch(n, name));
  const useName = existing ? existing[0] : name;
  // 2. Append.
  return [...list.map(copyPair), [useName, value]];
}

/** New list without any header named `name` (byte-case-insensitive). */
// https://fetch.spec.whatwg.org/#concept-header-list-delete
export function headerListDelete(list: HeaderList, name: string): HeaderList {
  return list.filter(([n]) => !byteCaseInsensitiveMatch(n, name)).map(copyPair);
}

/** New list where the first `name` header gets `value` and later ones are gone, or appended. */
// https://fetch.spec.whatwg.org/#concept-header-list-set
export function headerListSet(list: HeaderList, name: string, value: string): HeaderList {
  // 1. Present: replace the first value in place and drop the others.
  if (headerListContains(list, name)) {
    const out: HeaderList = [];
    let seen = false;
    for (const [n, v] of list) {
      if (!byteCaseInsensitiveMatch(n, name)) out.push([n, v]);
      else if (!seen) {
        out.push([n, value]);
        seen = true;
      }
    }
    return out;
  }
  // 2. Absent: append.
  return [...list.map(copyPair), [name, value]];
}

/** New list where the first `name` header gets `, value` added to its value, or appended. */
// https://fetch.spec.whatwg.org/#concept-header-list-combine
export function headerListCombine(list: HeaderList, name: string, value: string): HeaderList {
  // 1. Present: extend the first matching header's value with 0x2C 0x20 and `value`.
  if (headerListContains(list, name)) {
    let done = false;
    return list.map(([n, v]) => {
      if (!done && byteCaseInsensitiveMatch(n, name)) {
        done = true;
        return [n, `${v}, ${value}`];
      }
      return [n, v];
    });
  }
  // 2. Absent: append.
  return [...list.map(copyPair), [name, value]];
}

/**
 * What HTTP parsing does to a header line before Fetch sees it: leading and trailing
 * tabs/spaces of the field value are not part of it (RFC 9110 section 5.5). Use this on a
 * scenario's raw response headers before handing them to the model's checks.
 */
export function headerListFromWire(list: HeaderList): HeaderList {
  return list.map(([n, v]) => [n, trimBy(v, isHTTPTabOrSpace)]);
}

function copyPair([n, v]: [string, string]): [string, string] {
  return [n, v];
}

// https://fetch.spec.whatwg.org/#concept-header-list-sort-and-combine
/**
 * The name-value pairs a Headers object iterates over: names byte-lowercased and sorted, the
 * values of a repeated name combined into one (`a, b`); `set-cookie` keeps one pair per value.
 */
export function sortAndCombine(list: HeaderList): HeaderList {
  // 1. Headers: the result.
  const headers: HeaderList = [];
  // 2. The names, lowercased, as a sorted set.
  const names = [...new Set(list.map(([n]) => byteLowercase(n)))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  // 3. Each name: `set-cookie` one pair per value, any other name its combined value.
  for (const name of names) {
    if (name === 'set-cookie') {
      for (const [n, v] of list) if (byteLowercase(n) === name) headers.push([name, v]);
      continue;
    }
    const value = headerListGet(list, name);
    if (value !== null) headers.push([name, value]);
  }
  // 4. Return headers.
  return headers;
}
