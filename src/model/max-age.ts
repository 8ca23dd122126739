// How long a preflight result may be cached: `Access-Control-Max-Age` as the spec reads it
// and as engines read it, selected by the knob `maxAgeParsing`, capped by `maxAgeCapSeconds`.
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
 * The preflight-cache lifetime from a preflight response's headers, read the way the knob
 * `maxAgeParsing` says (`delta-seconds` is the spec: one value, else 5 seconds).
 */
// https://fetch.spec.whatwg.org/#cors-preflight-fetch-0
export function parseAccessControlMaxAge(headers: HeaderList, profile: EngineProfile): MaxAge {
  switch (profile.maxAgeParsing) {
    case 'delta-seconds':
      return deltaSecondsMaxAge(headers, profile);
    case 'signed-integer':
      return signedIntegerMaxAge(headers, profile);
    case 'digits-else-uncached':
      return digitsElseUncachedMaxAge(headers, profile);
  }
}

/** The spec (preflight fetch, max-age steps). */
function deltaSecondsMaxAge(headers: HeaderList, profile: EngineProfile): MaxAge {
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

/** A (signed) integer or 5s; negative → 0 (never reused). Repeats join and fail. */
function signedIntegerMaxAge(headers: HeaderList, profile: EngineProfile): MaxAge {
  const v = combinedValue(headers);
  if (v === null) return fallback('no Access-Control-Max-Age');
  if (!/^[+-]?[0-9]+$/.test(v))
    return fallback(`Access-Control-Max-Age ${JSON.stringify(v)} is not an integer`);
  const n = Number(v);
  if (n < 0)
    return { seconds: 0, reason: `Access-Control-Max-Age ${v} is negative: 0s (not reused)` };
  return capped(n, profile, `Access-Control-Max-Age ${v}`);
}

/** Absent or empty → 5s; any non-digit (repeats join with `, `) or 0 → not cached. */
function digitsElseUncachedMaxAge(headers: HeaderList, profile: EngineProfile): MaxAge {
  const v = combinedValue(headers);
  if (v === null || v === '') return fallback('no (or an empty) Access-Control-Max-Age');
  if (!/^[0-9]+$/.test(v)) {
    return {
      notCached: true,
      reason: `Access-Control-Max-Age ${JSON.stringify(v)} has a non-digit: the result is not cached`,
    };
  }
  const n = Number(v);
  if (n === 0)
    return {
      notCached: true,
      reason: 'Access-Control-Max-Age 0: the result is not cached',
    };
  return capped(n, profile, `Access-Control-Max-Age ${v}`);
}
