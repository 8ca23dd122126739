// The one header a fixture response carries without being listed: a body needs framing, so
// the server adds `Content-Length` when the list has neither it nor `Transfer-Encoding`.
// The model predicts from the headers a scenario lists, exactly; that is why the harness
// lists `Content-Length` explicitly in every response it compiles (src/harness/compile.ts).
import type { HeaderList } from './types.js';

/** Statuses that never carry a body (informational, 204, 304): nothing to frame. */
export function isBodylessStatus(status: number): boolean {
  return status < 200 || status === 204 || status === 304;
}

/** UTF-8 byte count of a body as the server writes it. */
export function bodyByteLength(body: string): number {
  return new TextEncoder().encode(body).length;
}

/** `headers` plus `Content-Length` when the server would add it. Never modifies `headers`. */
export function withFramingHeaders(status: number, headers: HeaderList, body = ''): HeaderList {
  if (isBodylessStatus(status)) return headers;
  const has = (name: string) => headers.some(([n]) => n.toLowerCase() === name);
  if (has('content-length') || has('transfer-encoding')) return headers;
  return [...headers, ['Content-Length', String(bodyByteLength(body))]];
}
