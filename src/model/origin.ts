// Origins (https://html.spec.whatwg.org/multipage/browsers.html#origin): from URLs,
// serialization, same-origin / same-site, and the request's redirect-taint that decides
// whether `Origin` is sent as `null`.
//
// Same-site needs a registrable domain, which really comes from the Public Suffix List.
// The model has no list: the registrable domain of a domain is its last two labels
// (`sub.example.com` → `example.com`). IP addresses and single-label hosts such as `localhost` are
// compared as themselves. This is exact for the harness's hosts (`example.com`,
// `sub.example.com`, `example.net`, `example.org`: reserved names under one-label public
// suffixes), and wrong for hosts under multi-label public suffixes such as `co.uk`.

export type Origin =
  { kind: 'opaque' } | { kind: 'tuple'; scheme: string; host: string; port: number | null };

/** Schemes whose URLs have a tuple origin (url#concept-url-origin). */
const TUPLE_SCHEMES = ['http', 'https', 'ws', 'wss', 'ftp'];

function parseURL(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new Error(`not an absolute URL: ${JSON.stringify(url)}`);
  }
}

/** http(s)/ws(s)/ftp URLs give a tuple (default port → null); blob: uses its inner URL; others are opaque. */
// https://url.spec.whatwg.org/#concept-url-origin
export function originOfURL(url: string): Origin {
  const u = parseURL(url);
  const scheme = u.protocol.slice(0, -1);
  // blob: the origin of the URL it wraps, when that parses (otherwise opaque).
  if (scheme === 'blob') {
    try {
      const inner = originOfURL(u.pathname);
      return inner.kind === 'tuple' && (inner.scheme === 'http' || inner.scheme === 'https')
        ? inner
        : { kind: 'opaque' };
    } catch {
      return { kind: 'opaque' };
    }
  }
  // Tuple schemes: (scheme, host, port); the URL parser already blanks a default port.
  if (TUPLE_SCHEMES.includes(scheme)) {
    return { kind: 'tuple', scheme, host: u.hostname, port: u.port === '' ? null : Number(u.port) };
  }
  // data:, about:, file: and everything else: a new opaque origin.
  return { kind: 'opaque' };
}

/**
 * Read a serialized origin (`null`, or `scheme://host[:port]`) back into an Origin.
 * Throws one line for anything that is not an origin serialization (a path, a query...).
 */
export function parseSerializedOrigin(s: string): Origin {
  if (s === 'null') return { kind: 'opaque' };
  const origin = originOfURL(s);
  const u = parseURL(s);
  if (
    origin.kind !== 'tuple' ||
    u.pathname !== '/' ||
    u.search !== '' ||
    u.hash !== '' ||
    u.username !== '' ||
    u.password !== '' ||
    s.endsWith('/')
  ) {
    throw new Error(`not a serialized origin (scheme://host[:port] or null): ${JSON.stringify(s)}`);
  }
  return origin;
}

/** `null` for opaque; else `scheme://host`, plus `:port` when the port is not the default. */
// https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin
export function serializeAnOrigin(o: Origin): string {
  // 1. Opaque: `null`.
  if (o.kind === 'opaque') return 'null';
  // 2-4. Scheme, `://`, the serialized host (IPv6 in brackets, as the URL parser gives it).
  // 5. `:port` only when the port is non-null (default ports are already null).
  return o.port === null ? `${o.scheme}://${o.host}` : `${o.scheme}://${o.host}:${o.port}`;
}

/** Tuples with equal scheme, host and port. An opaque origin matches nothing here (no identity kept). */
// https://html.spec.whatwg.org/multipage/browsers.html#same-origin
export function isSameOrigin(a: Origin, b: Origin): boolean {
  if (a.kind === 'opaque' || b.kind === 'opaque') return false;
  return a.scheme === b.scheme && a.host === b.host && a.port === b.port;
}

function isIPAddress(host: string): boolean {
  return host.startsWith('[') || /^[0-9]+(\.[0-9]+){3}$/.test(host);
}

/** Registrable domain by the two-label rule (see the file comment); null for IPs and single labels. */
export function registrableDomain(host: string): string | null {
  if (isIPAddress(host)) return null;
  const labels = host.replace(/\.$/, '').split('.');
  if (labels.length < 2) return null;
  return labels.slice(-2).join('.');
}

/** Schemeful same site: same scheme and equal hosts or equal registrable domains. */
// https://html.spec.whatwg.org/multipage/browsers.html#same-site
export function isSameSite(a: Origin, b: Origin): boolean {
  // Opaque origins are same site only with themselves, and we keep no identity.
  if (a.kind === 'opaque' || b.kind === 'opaque') return false;
  // Schemeful: the schemes must match.
  if (a.scheme !== b.scheme) return false;
  // Schemelessly same site: identical hosts, or both have the same non-null registrable domain.
  if (a.host === b.host) return true;
  const ra = registrableDomain(a.host);
  return ra !== null && ra === registrableDomain(b.host);
}

/** The redirect-taint of a request with origin `requestOrigin` whose URL list is `urlList`. */
// https://fetch.spec.whatwg.org/#concept-request-tainted-origin
export function requestRedirectTaint(
  requestOrigin: Origin,
  urlList: string[],
): 'same-origin' | 'same-site' | 'cross-site' {
  // 1. (The request's origin is an Origin here, never "client".)
  // 2-3. No previous URL yet; assume same-origin.
  let lastURL: string | null = null;
  let taint: 'same-origin' | 'same-site' = 'same-origin';
  // 4. Walk the URL list pairwise.
  for (const url of urlList) {
    // 4.1 The first URL only becomes the previous one.
    if (lastURL === null) {
      lastURL = url;
      continue;
    }
    const last = originOfURL(lastURL);
    const next = originOfURL(url);
    // 4.2 Leaving the previous site while the request's origin is not of that site: cross-site.
    if (!isSameSite(next, last) && !isSameSite(requestOrigin, last)) return 'cross-site';
    // 4.3 The same test for origins downgrades to same-site.
    if (!isSameOrigin(next, last) && !isSameOrigin(requestOrigin, last)) taint = 'same-site';
    // 4.4 Move on.
    lastURL = url;
  }
  // 5. Done.
  return taint;
}

/** `null` once a redirect has tainted the request; otherwise the request's origin serialized. */
// https://fetch.spec.whatwg.org/#serializing-a-request-origin
export function serializingARequestOrigin(requestOrigin: Origin, urlList: string[]): string {
  // 1. Tainted (anything but same-origin): `null`.
  if (requestRedirectTaint(requestOrigin, urlList) !== 'same-origin') return 'null';
  // 2. Otherwise the ASCII serialization of the request's origin.
  return serializeAnOrigin(requestOrigin);
}

/** Same as serializingARequestOrigin; our strings already hold bytes. */
// https://fetch.spec.whatwg.org/#byte-serializing-a-request-origin
export function byteSerializingARequestOrigin(requestOrigin: Origin, urlList: string[]): string {
  return serializingARequestOrigin(requestOrigin, urlList);
}
