// Fetch Metadata request headers (https://w3c.github.io/webappsec-fetch-metadata/): the
// `Sec-Fetch-*` values a request carries on the wire, per request (preflights included),
// computed from the request as it is when HTTP-network-or-cache fetch sends it.
import type { SecFetch } from '../scenario/types.js';
import type { EngineProfile } from './engine-profile.js';
import { currentURL, type ModelRequest } from './fetch-params.js';
import { isSameOrigin, isSameSite, originOfURL } from './origin.js';

// https://w3c.github.io/webappsec-secure-contexts/#is-url-trustworthy
/** https and wss URLs, and loopback hosts, are potentially trustworthy. */
export function isPotentiallyTrustworthyURL(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'https:' || parsed.protocol === 'wss:') return true;
  const host = parsed.hostname;
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === '[::1]'
  );
}

// https://w3c.github.io/webappsec-fetch-metadata/#abstract-opdef-set-dest
/** `Sec-Fetch-Dest`: the destination, `empty` for the empty string. */
export function setDest(request: ModelRequest): string {
  const destination = request.destination ?? '';
  return destination === '' ? 'empty' : destination;
}

// https://w3c.github.io/webappsec-fetch-metadata/#abstract-opdef-set-mode
/** `Sec-Fetch-Mode`: the request's mode. */
export function setMode(request: ModelRequest): string {
  return request.mode;
}

// https://w3c.github.io/webappsec-fetch-metadata/#abstract-opdef-set-site
/**
 * `Sec-Fetch-Site`: same-origin while every URL of the URL list is same-origin with the
 * request's origin, same-site while every one is same-site, else cross-site. `none` is only
 * for user-initiated navigations, which no scenario makes.
 */
export function setSite(request: ModelRequest): SecFetch['site'] {
  let value: SecFetch['site'] = 'same-origin';
  for (const url of request.urlList) {
    const origin = originOfURL(url);
    if (isSameOrigin(origin, request.origin)) continue;
    value = 'same-site';
    if (!isSameSite(origin, request.origin)) return 'cross-site';
  }
  return value;
}

// https://w3c.github.io/webappsec-fetch-metadata/#abstract-opdef-set-user
/**
 * `Sec-Fetch-User`: only on navigations with user activation. The harness submits forms
 * from script without a user gesture, so it is never sent.
 */
export function setUser(): boolean | undefined {
  return undefined;
}

// https://w3c.github.io/webappsec-fetch-metadata/#abstract-opdef-append-the-fetch-metadata-headers-for-a-request
/** The `Sec-Fetch-*` values of a request, or undefined when none is sent. */
export function appendTheFetchMetadataHeaders(
  request: ModelRequest,
  profile: EngineProfile,
): SecFetch | undefined {
  // 1. Only for potentially trustworthy URLs (and only in engines that send them at all).
  if (profile.sendsFetchMetadata === false) return undefined;
  if (!isPotentiallyTrustworthyURL(currentURL(request))) return undefined;
  // 2-5. Dest, mode, site, user.
  const out: SecFetch = { site: setSite(request), mode: setMode(request), dest: setDest(request) };
  const user = setUser();
  if (user !== undefined) out.user = user;
  return out;
}
