// The CORS-preflight cache (https://fetch.spec.whatwg.org/#concept-cache) and the shapes
// engines really give it (knob `preflightCacheShape` and the other `preflightCache*` knobs).
// The cache is a value: every operation returns a new cache and leaves its input untouched,
// and time (`now`, in ms) is an argument, so a chain of follow-up requests is predicted
// deterministically.
//
// Shapes:
// - `entry-per-token` (the spec): one entry per method and per header name, accumulating.
// - `result-per-url`: one result per (origin, URL), replaced wholesale by each preflight;
//   kept here as a marker entry (method and header name both null) plus its token entries.
// - `tokens-per-url-and-credentials`: one result per (origin, URL, credentials) whose tokens
//   accumulate, each with its own expiry; a marker entry says the result exists.
// The network partition key is the same for every request of one scenario (one top-level
// site), so it is left out.
import type { CacheMode, CredentialsMode } from '../scenario/types.js';
import type { EngineProfile } from './engine-profile.js';
import { byteCaseInsensitiveMatch } from './http-tokens.js';
import { isCORSSafelistedMethod } from './methods.js';
import { isCORSNonWildcardRequestHeaderName } from './request-headers.js';

// https://fetch.spec.whatwg.org/#concept-cache
export interface CacheEntry {
  /** Byte-serialized request origin (`null` when tainted), or the untainted one (knob `preflightCacheKeyOrigin`). */
  origin: string;
  url: string;
  /** Seconds. */
  maxAge: number;
  credentials: boolean;
  method: string | null;
  headerName: string | null;
  /** When the entry was stored (ms). */
  storedAt: number;
}

export interface PreflightCache {
  readonly entries: readonly CacheEntry[];
}

export const EMPTY_PREFLIGHT_CACHE: PreflightCache = { entries: [] };

/** What the cache needs to know about a request. */
export interface CacheRequest {
  /** Byte-serialized request origin (with redirect-taint). */
  serializedOrigin: string;
  /** The request's origin serialized without taint (knob `preflightCacheKeyOrigin`). */
  untaintedOrigin: string;
  url: string;
  method: string;
  credentialsMode: CredentialsMode;
  cacheMode: CacheMode;
  useCORSPreflight: boolean;
  /** The CORS-unsafe request-header names (lowercase, sorted). */
  unsafeHeaderNames: string[];
}

export interface CacheLookup {
  /** Whether a CORS-preflight fetch must run (http-fetch step 4.1). */
  needed: boolean;
  cache: PreflightCache;
  /** Why, in one sentence with values. */
  message: string;
  /** Set when an engine rule (not the spec's) decided the answer. */
  deviation?: string;
}

/** The result a successful preflight leaves behind. */
export interface PreflightResult {
  methods: string[];
  headerNames: string[];
  maxAge: number;
}

function alive(entry: CacheEntry, now: number): boolean {
  return now < entry.storedAt + entry.maxAge * 1000;
}

function keyOrigin(req: CacheRequest, profile: EngineProfile): string {
  return profile.preflightCacheKeyOrigin === 'untainted-origin'
    ? req.untaintedOrigin
    : req.serializedOrigin;
}

function isMarker(e: CacheEntry): boolean {
  return e.method === null && e.headerName === null;
}

function sameResult(e: CacheEntry, origin: string, url: string): boolean {
  return e.origin === origin && e.url === url;
}

// https://fetch.spec.whatwg.org/#concept-cache-match
/** Same origin and URL, and a credentialed entry or a non-credentialed request. */
export function cacheEntryMatch(e: CacheEntry, req: CacheRequest, now: number): boolean {
  return (
    alive(e, now) &&
    e.origin === req.serializedOrigin &&
    e.url === req.url &&
    (e.credentials || req.credentialsMode !== 'include')
  );
}

// https://fetch.spec.whatwg.org/#concept-cache-match-method
/**
 * A `*` entry counts only when it is not credentialed (read literally, a credentialed `*`
 * entry would waive the credentialed-`*` rule of the preflight check; every engine counts `*`
 * only for non-credentialed results, so the model does too).
 */
export function methodCacheEntryMatch(
  cache: PreflightCache,
  method: string,
  req: CacheRequest,
  now: number,
): CacheEntry | undefined {
  return cache.entries.find(
    (e) =>
      cacheEntryMatch(e, req, now) && (e.method === method || (e.method === '*' && !e.credentials)),
  );
}

// https://fetch.spec.whatwg.org/#concept-cache-match-header
/** With the same reading of `*` as above; `*` never stands for Authorization. */
export function headerNameCacheEntryMatch(
  cache: PreflightCache,
  headerName: string,
  req: CacheRequest,
  now: number,
): CacheEntry | undefined {
  return cache.entries.find(
    (e) =>
      cacheEntryMatch(e, req, now) &&
      e.headerName !== null &&
      (byteCaseInsensitiveMatch(e.headerName, headerName) ||
        (e.headerName === '*' &&
          !e.credentials &&
          !isCORSNonWildcardRequestHeaderName(headerName))),
  );
}

/** Drops entries whose max-age has passed; the spec says they must be removed. */
export function purgeExpired(cache: PreflightCache, now: number): PreflightCache {
  const entries = cache.entries.filter((e) => alive(e, now));
  return entries.length === cache.entries.length ? cache : { entries };
}

// https://fetch.spec.whatwg.org/#concept-http-fetch (step 4.1, "makeCORSPreflight")
/** Whether the request must be preflighted, given the cache. */
export function lookupPreflightCache(
  cache0: PreflightCache,
  req: CacheRequest,
  profile: EngineProfile,
  now: number,
): CacheLookup {
  const cache = purgeExpired(cache0, now);
  // Knob `preflightCacheBypassModes`: cache modes that skip the lookup force a fresh preflight.
  if (profile.preflightCacheBypassModes.includes(req.cacheMode))
    return {
      needed: true,
      cache,
      message: `cache mode \`${req.cacheMode}\` bypasses the engine's preflight cache`,
      deviation: 'preflightCacheBypassModes',
    };
  switch (profile.preflightCacheShape) {
    case 'entry-per-token':
      return specLookup(cache, req, now);
    case 'result-per-url':
      return wholesaleLookup(cache, req, profile);
    case 'tokens-per-url-and-credentials':
      return perCredentialsLookup(cache, req, now);
  }
}

function specLookup(cache: PreflightCache, req: CacheRequest, now: number): CacheLookup {
  // First condition: no method entry match, and the method is not safelisted or the
  // use-CORS-preflight flag is set.
  const methodNeedsEntry = !isCORSSafelistedMethod(req.method) || req.useCORSPreflight;
  if (methodNeedsEntry && methodCacheEntryMatch(cache, req.method, req, now) === undefined)
    return { needed: true, cache, message: `no method cache entry match for \`${req.method}\`` };
  // Second condition: some CORS-unsafe header name without a header-name entry match.
  const missing = req.unsafeHeaderNames.filter(
    (n) => headerNameCacheEntryMatch(cache, n, req, now) === undefined,
  );
  if (missing.length > 0)
    return {
      needed: true,
      cache,
      message: `no header-name cache entry match for ${missing.map((n) => `\`${n}\``).join(', ')}`,
    };
  return {
    needed: false,
    cache,
    message: `the CORS-preflight cache covers \`${req.method}\`${req.unsafeHeaderNames.length > 0 ? ` and ${req.unsafeHeaderNames.join(',')}` : ''}`,
  };
}

/** `result-per-url`: one result per (origin, URL); a lookup it cannot satisfy deletes it. */
function wholesaleLookup(
  cache: PreflightCache,
  req: CacheRequest,
  profile: EngineProfile,
): CacheLookup {
  // (Expired results were purged by the caller.)
  const origin = keyOrigin(req, profile);
  const result = cache.entries.filter((e) => sameResult(e, origin, req.url));
  const marker = result.find(isMarker);
  if (marker === undefined)
    return { needed: true, cache, message: `no cached preflight result for ${req.url}` };
  const drop = (why: string, deviation?: string): CacheLookup => {
    const out: CacheLookup = {
      needed: true,
      cache: { entries: cache.entries.filter((e) => !sameResult(e, origin, req.url)) },
      message: `${why}; the cached result is deleted`,
    };
    // Deleting changes later lookups, not this one; only an engine-only rule marks a deviation.
    if (deviation !== undefined) out.deviation = deviation;
    return out;
  };
  const credentialed = req.credentialsMode === 'include';
  if (credentialed && !marker.credentials)
    return drop('the cached result is not credentialed but the request is');
  const methods = result.filter((e) => e.method !== null).map((e) => e.method);
  const starCounts = !marker.credentials && !credentialed;
  const methodOK =
    isCORSSafelistedMethod(req.method) ||
    methods.includes(req.method) ||
    (starCounts && methods.includes('*'));
  if (!methodOK) return drop(`the cached result does not allow \`${req.method}\``);
  const headers = result.filter((e) => e.headerName !== null).map((e) => e.headerName ?? '');
  for (const name of req.unsafeHeaderNames) {
    if (headers.some((h) => byteCaseInsensitiveMatch(h, name))) continue;
    const viaStar = starCounts && headers.includes('*');
    // Knob `cachedWildcardCoversAuthorization` off: a cached `*` never covers Authorization.
    const strict = !profile.cachedWildcardCoversAuthorization;
    if (viaStar && !(strict && isCORSNonWildcardRequestHeaderName(name))) continue;
    return viaStar
      ? drop(
          `\`${name}\` was allowed only through \`*\`, which the engine's cache never accepts for it`,
          'preflightCacheShape',
        )
      : drop(`the cached result does not allow header \`${name}\``);
  }
  return {
    needed: false,
    cache,
    message: `the cached preflight result for ${req.url} covers the request`,
  };
}

/** `tokens-per-url-and-credentials`: keyed with the credentials flag; tokens compared literally; HEAD checked. */
function perCredentialsLookup(cache: PreflightCache, req: CacheRequest, now: number): CacheLookup {
  const credentials = req.credentialsMode === 'include';
  const result = cache.entries.filter(
    (e) =>
      e.origin === req.serializedOrigin &&
      e.url === req.url &&
      e.credentials === credentials &&
      alive(e, now),
  );
  if (!result.some(isMarker)) {
    const other = cache.entries.some(
      (e) =>
        isMarker(e) &&
        e.origin === req.serializedOrigin &&
        e.url === req.url &&
        e.credentials !== credentials,
    );
    const out: CacheLookup = {
      needed: true,
      cache,
      message: other
        ? `the engine keys its preflight cache by credentials: the cached result was made ${credentials ? 'without' : 'with'} credentials`
        : `no cached preflight result for ${req.url}`,
    };
    if (other) out.deviation = 'preflightCacheShape';
    return out;
  }
  // GET and POST skip the method check; HEAD does not.
  if (req.method !== 'GET' && req.method !== 'POST') {
    if (!result.some((e) => e.method === req.method)) {
      const out: CacheLookup = {
        needed: true,
        cache,
        message: `no cached method token \`${req.method}\``,
      };
      if (req.method === 'HEAD' || result.some((e) => e.method === '*'))
        out.deviation = 'preflightCacheShape';
      return out;
    }
  }
  for (const name of req.unsafeHeaderNames) {
    if (result.some((e) => e.headerName !== null && byteCaseInsensitiveMatch(e.headerName, name)))
      continue;
    const out: CacheLookup = { needed: true, cache, message: `no cached header token \`${name}\`` };
    if (result.some((e) => e.headerName === '*')) {
      out.message += ' (the engine compares a cached `*` literally)';
      out.deviation = 'preflightCacheShape';
    }
    return out;
  }
  return {
    needed: false,
    cache,
    message: `the cached preflight result for ${req.url} covers the request`,
  };
}

// https://fetch.spec.whatwg.org/#cors-preflight-fetch-0 (steps 7.12-7.15)
/** Stores a successful preflight's result. */
export function storePreflightResult(
  cache0: PreflightCache,
  req: CacheRequest,
  result: PreflightResult,
  profile: EngineProfile,
  now: number,
): PreflightCache {
  const cache = purgeExpired(cache0, now);
  // Knob `preflightCacheNoStoreModes`: requests in these cache modes store nothing.
  if (profile.preflightCacheNoStoreModes.includes(req.cacheMode)) return cache;
  const credentials = req.credentialsMode === 'include';
  const make = (
    method: string | null,
    headerName: string | null,
    origin = req.serializedOrigin,
  ): CacheEntry => ({
    origin,
    url: req.url,
    maxAge: result.maxAge,
    credentials,
    method,
    headerName,
    storedAt: now,
  });
  switch (profile.preflightCacheShape) {
    case 'entry-per-token': {
      // 7.12-7.15: refresh matching entries (here: their max-age and storing time), create
      // the others. Entries from earlier preflights stay.
      let entries = [...cache.entries];
      const refresh = (hit: CacheEntry | undefined, fresh: CacheEntry): void => {
        if (hit === undefined) entries.push(fresh);
        else
          entries = entries.map((e) =>
            e === hit ? { ...e, maxAge: result.maxAge, storedAt: now } : e,
          );
      };
      for (const method of result.methods)
        refresh(methodCacheEntryMatch({ entries }, method, req, now), make(method, null));
      for (const name of result.headerNames)
        refresh(headerNameCacheEntryMatch({ entries }, name, req, now), make(null, name));
      return { entries };
    }
    case 'result-per-url': {
      // One result per (origin, URL), replaced wholesale.
      const origin = keyOrigin(req, profile);
      const kept = cache.entries.filter((e) => !sameResult(e, origin, req.url));
      return {
        entries: [
          ...kept,
          make(null, null, origin),
          ...result.methods.map((m) => make(m, null, origin)),
          ...result.headerNames.map((h) => make(null, h, origin)),
        ],
      };
    }
    case 'tokens-per-url-and-credentials': {
      // Tokens accumulate; a re-sent token gets the new expiry. Keyed with credentials.
      const mine = (e: CacheEntry): boolean =>
        e.origin === req.serializedOrigin && e.url === req.url && e.credentials === credentials;
      const replaced = (e: CacheEntry): boolean =>
        mine(e) &&
        (isMarker(e) ||
          (e.method !== null && result.methods.includes(e.method)) ||
          (e.headerName !== null &&
            result.headerNames.some((h) => byteCaseInsensitiveMatch(h, e.headerName ?? ''))));
      return {
        entries: [
          ...cache.entries.filter((e) => !replaced(e)),
          make(null, null),
          ...result.methods.map((m) => make(m, null)),
          ...result.headerNames.map((h) => make(null, h)),
        ],
      };
    }
  }
}

// https://fetch.spec.whatwg.org/#concept-cache-clear
/**
 * Removes every entry for the request's (origin, URL). With the knob
 * `preflightCacheKeptAfterNetworkError` the item a failing preflight left behind stays until a
 * lookup it cannot satisfy removes it.
 */
export function clearCacheEntries(
  cache: PreflightCache,
  req: CacheRequest,
  profile: EngineProfile,
): PreflightCache {
  if (profile.preflightCacheKeptAfterNetworkError) return cache;
  const origin = keyOrigin(req, profile);
  const entries = cache.entries.filter((e) => !(e.origin === origin && e.url === req.url));
  return entries.length === cache.entries.length ? cache : { entries };
}
