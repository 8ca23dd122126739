// A cookie jar set in one top-level navigation: `/__set-cookie?jar=J&step=N` answers with
// the Nth cookie's `Set-Cookie` and a 302 to the next cookie's origin (the same `jar`,
// step N+1), and after the last one to `then` (the runner page). Every cookie is still
// stored first-party, by a navigation response of its own origin, but the whole jar costs
// one navigation instead of one per cookie plus one back. `jar` is the list as base64url
// JSON, the same at every hop, so the URL does not grow with nesting.

/** One cookie of a chain: the origin that sets it and its full `Set-Cookie` value. */
export interface ChainCookie {
  origin: string;
  line: string;
}

export interface CookieChain {
  set: ChainCookie[];
  /** Where the last hop redirects. */
  then: string;
}

/** The URL that starts the chain (null when there is nothing to set). */
export function cookieChainUrl(chain: CookieChain): string | null {
  return hopUrl(chain, encode(chain), 0);
}

function encode(chain: CookieChain): string {
  return Buffer.from(JSON.stringify(chain), 'utf8').toString('base64url');
}

function hopUrl(chain: CookieChain, jar: string, step: number): string | null {
  const c = chain.set[step];
  if (c === undefined) return null;
  return `${c.origin}/__set-cookie?${new URLSearchParams({ jar, step: String(step) }).toString()}`;
}

/** What one hop answers: the cookie it sets and where it sends the browser next. */
export interface ChainHop {
  line: string;
  location: string;
}

function isHttpUrl(s: unknown): s is string {
  return typeof s === 'string' && /^https?:\/\/[^\s]+$/.test(s);
}

/** Decodes hop `step` of `jar`; throws a one-line message on anything malformed. */
export function chainHop(jar: string, step: string): ChainHop {
  let chain: unknown;
  try {
    chain = JSON.parse(Buffer.from(jar, 'base64url').toString('utf8'));
  } catch {
    throw new Error('jar is not base64url JSON');
  }
  const c = chain as Partial<CookieChain>;
  const ok =
    Array.isArray(c.set) &&
    isHttpUrl(c.then) &&
    c.set.every((x: Partial<ChainCookie>) => isHttpUrl(x.origin) && typeof x.line === 'string');
  if (!ok) throw new Error('jar must be { set: [{ origin, line }], then }');
  const full = c as CookieChain;
  const n = Number(step);
  const here = full.set[n];
  if (!Number.isInteger(n) || here === undefined) throw new Error(`no step ${step} in the jar`);
  return { line: here.line, location: hopUrl(full, jar, n + 1) ?? full.then };
}
