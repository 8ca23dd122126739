// How long a preflight result may be cached: `Access-Control-Max-Age` per the spec
// (digest PV8) and per engine (digest D3, D4), selected by profile.maxAgeParsing.
import type { HeaderList } from '../scenario/types.js';
import type { EngineProfile } from './engine-profile.js';
import { extractHeaderListValues, headerListGet } from './header-list.js';
import { isHTTPTabOrSpace, trimBy } from './http-tokens.js';

/** What every engine uses when the header is absent or unusable. */
export const DEFAULT_MAX_AGE_SECONDS = 5;

export type MaxAge = { seconds: number; reason: string } | { notCached: true; reason: string };

function capped(seconds: number, profile: EngineProfile, what: string): MaxAge {
  if (seconds > profile.maxAgeCapSeconds) {
    return {
      seconds: profile.maxAgeCapSeconds,
      reason: `${what} is above the ${profile.name} cap, so ${profile.maxAgeCapSeconds}s`,
    };
  }
  return { seconds, reason: `${what}: ${seconds}s` };
}

function fallback(reason: string): MaxAge {
  return {
    seconds: DEFAULT_MAX_AGE_SECONDS,
    reason: `${reason}, so the default ${DEFAULT_MAX_AGE_SECONDS}s`,
  };
}

/**
 * The preflight-cache lifetime from a preflight response's headers. `spec`: one
 * `delta-seconds` header, else 5. Engines: see digest D4 (Firefox may refuse to cache).
 */
// https://fetch.spec.whatwg.org/#cors-preflight-fetch-0
export function parseAccessControlMaxAge(headers: HeaderList, profile: EngineProfile): MaxAge {
  switch (profile.maxAgeParsing) {
    case 'spec':
      return specMaxAge(headers, profile);
    case 'chromium':
      return chromiumMaxAge(headers, profile);
    case 'firefox':
      return firefoxMaxAge(headers, profile);
    case 'webkit':
      return webkitMaxAge(headers, profile);
  }
}

/** Spec (preflight fetch, max-age steps). */
function specMaxAge(headers: HeaderList, profile: EngineProfile): MaxAge {
  // 1. Extract the header list values (delta-seconds, single header).
  const maxAge = extractHeaderListValues(headers, 'Access-Control-Max-Age');
  // 2. Failure (invalid or repeated) or null (absent): 5 seconds.
  if (maxAge === null) return fallback('no Access-Control-Max-Age');
  if (maxAge === 'failure' || maxAge[0] === undefined) {
    return fallback(
      `Access-Control-Max-Age ${JSON.stringify(headerListGet(headers, 'Access-Control-Max-Age'))} is not one delta-seconds value`,
    );
  }
  // 3. Above the user agent's limit: the limit.
  return capped(Number(maxAge[0]), profile, `Access-Control-Max-Age ${maxAge[0]}`);
}

/** The single combined header value (repeats joined with `, `), whitespace-trimmed, or null. */
function combinedValue(headers: HeaderList): string | null {
  const v = headerListGet(headers, 'Access-Control-Max-Age');
  return v === null ? null : trimBy(v, isHTTPTabOrSpace);
}

/** Chromium: a (signed) integer or 5s; negative → 0 (never reused). Repeats join and fail. */
function chromiumMaxAge(headers: HeaderList, profile: EngineProfile): MaxAge {
  const v = combinedValue(headers);
  if (v === null) return fallback('no Access-Control-Max-Age');
  if (!/^[+-]?[0-9]+$/.test(v))
    return fallback(`Access-Control-Max-Age ${JSON.stringify(v)} is not an integer`);
  const n = Number(v);
  if (n < 0)
    return { seconds: 0, reason: `Access-Control-Max-Age ${v} is negative: 0s (not reused)` };
  return capped(n, profile, `Access-Control-Max-Age ${v}`);
}

/** Firefox: absent or empty → 5s; any non-digit (repeats join with `, `) or 0 → not cached. */
function firefoxMaxAge(headers: HeaderList, profile: EngineProfile): MaxAge {
  const v = combinedValue(headers);
  if (v === null || v === '') return fallback('no (or an empty) Access-Control-Max-Age');
  if (!/^[0-9]+$/.test(v)) {
    return {
      notCached: true,
      reason: `Access-Control-Max-Age ${JSON.stringify(v)} has a non-digit: Firefox does not cache the result`,
    };
  }
  const n = Number(v);
  if (n === 0)
    return {
      notCached: true,
      reason: 'Access-Control-Max-Age 0: Firefox does not cache the result',
    };
  return capped(n, profile, `Access-Control-Max-Age ${v}`);
}

/** WebKit: an integer (a leading `+` accepted) or 5s; negative → expiry in the past (0s). */
function webkitMaxAge(headers: HeaderList, profile: EngineProfile): MaxAge {
  const v = combinedValue(headers);
  if (v === null) return fallback('no Access-Control-Max-Age');
  if (!/^[+-]?[0-9]+$/.test(v))
    return fallback(`Access-Control-Max-Age ${JSON.stringify(v)} is not an integer`);
  const n = Number(v);
  if (n < 0)
    return {
      seconds: 0,
      reason: `Access-Control-Max-Age ${v} is negative: expiry in the past (not reused)`,
    };
  return capped(n, profile, `Access-Control-Max-Age ${v}`);
}
