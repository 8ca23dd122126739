// Serializing a MIME type record (MIME Sniffing Standard), needed by XHR send(), which
// rewrites a non-UTF-8 `charset` of an author Content-Type and serializes the result.
import { isHTTPTokenCodePoint } from './http-tokens.js';
import type { MIMEType } from './mime-type.js';

// https://mimesniff.spec.whatwg.org/#serialize-a-mime-type
export function serializeAMIMEType(mimeType: MIMEType): string {
  // 1. Start with the essence.
  let serialization = mimeType.essence;
  // 2. For each parameter: `;`, the name, `=`, and the value, quoted when it is empty or
  //    holds a character that is not an HTTP token code point (with `"` and `\` escaped).
  for (const [name, raw] of mimeType.parameters) {
    let value = raw;
    const tokenOnly = value !== '' && [...value].every((c) => isHTTPTokenCodePoint(c));
    if (!tokenOnly) value = `"${value.replace(/(["\\])/g, '\\$1')}"`;
    serialization += `;${name}=${value}`;
  }
  // 3. Done.
  return serialization;
}
