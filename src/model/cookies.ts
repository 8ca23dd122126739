// The cookie jar, reduced to what a CORS scenario observes: which of the scenario's cookies
// are stored (from `setup.cookies` and from `Set-Cookie` on responses fetched with
// credentials) and which go out on a request. Cookies are host-only, `Path=/`; only the
// `Secure` and `SameSite` attributes are read. The rules follow RFC 6265bis (the storage
// model, section 5.7, and the retrieval algorithm, section 5.8.3); the engine policies the
// RFC leaves open (the SameSite default, SameSite=None needing Secure, third-party cookie
// blocking or partitioning) come from the EngineProfile.
import type { HeaderList } from '../scenario/types.js';
import type { EngineKnobs, EngineProfile } from './engine-profile.js';
import { isSameSite, originOfURL, type Origin } from './origin.js';

export type SameSiteValue = 'strict' | 'lax' | 'none' | 'unset';

export interface StoredCookie {
  name: string;
  /** Host-only: the exact host the cookie belongs to (ports do not count). */
  host: string;
  secure: boolean;
  sameSite: SameSiteValue;
  /** The top-level site it was stored under as a partitioned third-party cookie, or null. */
  partition: string | null;
}

export type CookieJar = readonly StoredCookie[];

export const EMPTY_COOKIE_JAR: CookieJar = [];

/** The attributes the model reads from a cookie's attribute string (`Path=/; Secure`). */
export function parseCookieAttributes(attributes: string): {
  secure: boolean;
  sameSite: SameSiteValue;
} {
  let secure = false;
  let sameSite: SameSiteValue = 'unset';
  for (const part of attributes.split(';')) {
    const eq = part.indexOf('=');
    const name = (eq === -1 ? part : part.slice(0, eq)).trim().toLowerCase();
    const value = (eq === -1 ? '' : part.slice(eq + 1)).trim().toLowerCase();
    if (name === 'secure') secure = true;
    // RFC 6265bis 5.6.7: an unknown SameSite value leaves the attribute out.
    if (name === 'samesite' && (value === 'strict' || value === 'lax' || value === 'none'))
      sameSite = value;
  }
  return { secure, sameSite };
}

/** A `Set-Cookie` line split into its name and attribute string, or null when malformed. */
export function parseSetCookie(line: string): { name: string; attributes: string } | null {
  const semi = line.indexOf(';');
  const pair = semi === -1 ? line : line.slice(0, semi);
  const eq = pair.indexOf('=');
  if (eq === -1) return null;
  const name = pair.slice(0, eq).trim();
  if (name === '') return null;
  return { name, attributes: semi === -1 ? '' : line.slice(semi + 1) };
}

/** The SameSite value a cookie is enforced with: its own, or the engine's default. */
export function effectiveSameSite(c: { sameSite: SameSiteValue }, profile: EngineProfile) {
  return c.sameSite === 'unset' ? profile.cookieSameSiteDefault : c.sameSite;
}

/** A name for the top-level site, as a partition key (`http://example.com`). */
function siteKey(top: Origin): string {
  return top.kind === 'opaque' ? 'opaque' : `${top.scheme}://${top.host}`;
}

/** The request to `url` is same-site with the top-level page (schemeful; RFC 6265bis 5.2). */
export function isSameSiteRequest(url: string, topLevel: Origin): boolean {
  return isSameSite(originOfURL(url), topLevel);
}

/**
 * Stores a cookie received for `url` (RFC 6265bis 5.7). `topLevel` is the top-level page's
 * origin for a response to a subresource request, or null for a top-level navigation (how
 * the harness sets `setup.cookies`: first-party, by navigating to the cookie's host).
 */
export function storeCookie(
  jar: CookieJar,
  cookie: { name: string; attributes: string },
  url: string,
  topLevel: Origin | null,
  profile: EngineProfile,
): CookieJar {
  const { secure, sameSite } = parseCookieAttributes(cookie.attributes);
  const parsed = new URL(url);
  const https = parsed.protocol === 'https:';
  // 5.7 step 10: a Secure cookie is stored only from a secure URL.
  if (secure && !https) return jar;
  // Engine policy: SameSite=None without Secure is rejected (incrementally-better cookies).
  if (sameSite === 'none' && !secure && profile.sameSiteNoneRequiresSecure === true) return jar;
  let partition: string | null = null;
  if (topLevel !== null && !isSameSiteRequest(url, topLevel)) {
    // 5.7 step 15: a cross-site response cannot set a cookie enforced as Lax or Strict.
    if (effectiveSameSite({ sameSite }, profile) !== 'none') return jar;
    // Engine policy for third-party cookies.
    const policy = profile.thirdPartyCookies;
    if (policy === 'block' || policy === 'send-only') return jar;
    if (policy === 'partition') partition = siteKey(topLevel);
  }
  const entry: StoredCookie = {
    name: cookie.name,
    host: parsed.hostname,
    secure,
    sameSite,
    partition,
  };
  // 5.7 step 23: a cookie with the same name, host and partition replaces the old one.
  const rest = jar.filter(
    (c) => !(c.name === entry.name && c.host === entry.host && c.partition === partition),
  );
  return [...rest, entry];
}

/**
 * Whether `c` is sent on a subresource request to `url` made under the top-level page
 * `topLevel` (RFC 6265bis 5.8.3 with the engine's third-party policy).
 */
export function cookieIsSent(
  c: StoredCookie,
  url: string,
  topLevel: Origin,
  profile: EngineProfile,
): boolean {
  const parsed = new URL(url);
  // Step 1: host-only domain match.
  if (parsed.hostname !== c.host) return false;
  // Secure cookies only over https.
  if (c.secure && parsed.protocol !== 'https:') return false;
  const sameSiteRequest = isSameSiteRequest(url, topLevel);
  // Lax and Strict cookies only on same-site requests (a fetch is never a navigation).
  if (effectiveSameSite(c, profile) !== 'none' && !sameSiteRequest) return false;
  if (!sameSiteRequest) {
    const policy = profile.thirdPartyCookies;
    if (policy === 'block') return false;
    if (policy === 'partition') return c.partition === siteKey(topLevel);
  }
  // A partitioned cookie is only ever sent under its own top-level site.
  return c.partition === null || c.partition === siteKey(topLevel);
}

/** Stores every `Set-Cookie` line of a response to a request made with credentials. */
export function storeSetCookieHeaders(
  jar: CookieJar,
  headers: HeaderList,
  url: string,
  topLevel: Origin,
  profile: EngineProfile,
): CookieJar {
  let out = jar;
  for (const [name, value] of headers) {
    if (name.toLowerCase() !== 'set-cookie') continue;
    const cookie = parseSetCookie(value);
    if (cookie !== null) out = storeCookie(out, cookie, url, topLevel, profile);
  }
  return out;
}

/** The profile with the three cookie knobs at the spec's values (to tell when a knob decided). */
export function cookieNeutralProfile(profile: EngineProfile): EngineProfile {
  return {
    ...profile,
    cookieSameSiteDefault: 'none',
    sameSiteNoneRequiresSecure: false,
    thirdPartyCookies: 'allow',
  };
}

/**
 * The knob most likely to explain why a cookie went out (or not) differently from the spec
 * profile on a request to `url`: the third-party policy and the SameSite default only act
 * on cross-site requests; otherwise the jar differs because a SameSite=None cookie without
 * Secure was refused.
 */
export function decidingCookieKnob(
  url: string,
  topLevel: Origin,
  profile: EngineProfile,
): keyof EngineKnobs {
  if (!isSameSiteRequest(url, topLevel)) {
    if (profile.thirdPartyCookies !== 'allow') return 'thirdPartyCookies';
    if (profile.cookieSameSiteDefault !== 'none') return 'cookieSameSiteDefault';
  }
  return 'sameSiteNoneRequiresSecure';
}
