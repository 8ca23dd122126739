// Placeholders in scenario header values, resolved in one place for the fixture server
// (which answers with them) and the reference model (which predicts from them).
import type { HeaderList, HeadersInit } from './types.js';

/** The values placeholders stand for, for one response to one request. */
export interface PlaceholderValues {
  /** `<origin>`: the requesting client's serialized origin (`null` for an opaque client). */
  origin: string;
  /** `<host>`: the top page's host and port (`example.com:4001`). */
  host: string;
  /** `<target-origin>`: the origin of the URL that answers. */
  targetOrigin: string;
  /** `<next>`: the next hop's URL (redirect hops only). */
  next?: string | null;
  /** `<acrm>`: the request's `Access-Control-Request-Method`, null when absent. */
  acrm?: string | null;
  /** `<acrh>`: the request's `Access-Control-Request-Headers`, null when absent. */
  acrh?: string | null;
  /** `<request-origin>`: the request's `Origin` header, null when absent (reflection). */
  requestOrigin?: string | null;
}

/**
 * What each placeholder stands for; null or undefined when it echoes something the request
 * did not have. The names, the pattern and the lookup all come from this one table.
 */
const PLACEHOLDERS = {
  origin: (v) => v.origin,
  ORIGIN: (v) => v.origin.toUpperCase(),
  host: (v) => v.host,
  'target-origin': (v) => v.targetOrigin,
  next: (v) => v.next,
  acrm: (v) => v.acrm,
  acrh: (v) => v.acrh,
  'request-origin': (v) => v.requestOrigin,
} satisfies Record<string, (v: PlaceholderValues) => string | null | undefined>;

type PlaceholderName = keyof typeof PLACEHOLDERS;

/** Names of the placeholders a value may contain. */
export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS) as readonly PlaceholderName[];

const PLACEHOLDER = new RegExp(`<(${PLACEHOLDER_NAMES.join('|')})>`, 'g');

/**
 * Resolves the placeholders in one header value. Returns null when the value echoes a
 * request header that was absent (`<acrm>`, `<acrh>`, `<request-origin>`, or `<next>`
 * without a next hop): like the middleware it imitates, the server then leaves the whole
 * header line out.
 */
export function resolvePlaceholders(value: string, v: PlaceholderValues): string | null {
  let missing = false;
  const out = value.replace(PLACEHOLDER, (_m, name: PlaceholderName) => {
    const got = PLACEHOLDERS[name](v);
    if (got === null || got === undefined) {
      missing = true;
      return '';
    }
    return got;
  });
  return missing ? null : out;
}

/** Resolves every value of a header list; lines whose echo had nothing to echo are dropped. */
export function resolveHeaderList(list: HeaderList, v: PlaceholderValues): HeaderList {
  const out: HeaderList = [];
  for (const [name, value] of list) {
    const resolved = resolvePlaceholders(value, v);
    if (resolved !== null) out.push([name, resolved]);
  }
  return out;
}

/** Turns either authoring form of headers into an ordered list of raw lines. */
export function normalizeHeaders(init: HeadersInit | undefined): HeaderList {
  if (init === undefined) return [];
  if (Array.isArray(init)) return init.map(([n, v]) => [n, v]);
  const out: HeaderList = [];
  for (const [name, value] of Object.entries(init)) {
    if (Array.isArray(value)) for (const one of value) out.push([name, one]);
    else out.push([name, value]);
  }
  return out;
}
