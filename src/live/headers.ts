// Reading header lists as received from a target (name case and duplicates kept).
import type { HeaderList } from '../scenario/types.js';

/** The values of a header (case-insensitive), in order. */
export function headerValues(list: HeaderList, name: string): string[] {
  const n = name.toLowerCase();
  return list.filter(([k]) => k.toLowerCase() === n).map(([, v]) => v);
}

/** One header's combined value (`, `-joined), or null when absent. */
export function headerValue(list: HeaderList, name: string): string | null {
  const v = headerValues(list, name);
  return v.length === 0 ? null : v.join(', ');
}

/** Whether the list has a header of that name. */
export function hasHeader(list: HeaderList, name: string): boolean {
  return headerValues(list, name).length > 0;
}

/** The CORS-relevant response headers only (for compact reports). */
export function corsHeaders(list: HeaderList): HeaderList {
  return list.filter(([n]) => /^(access-control-|vary$)/i.test(n));
}
