// What a logged-in user's browser adds to a credentialed request: a Cookie header (the
// user's `--cookie`, or one made-up session cookie so cookie-dependent CORS code runs) and,
// where the target uses it, headers such as Authorization (`--header`). Every credentialed
// raw probe carries them (a preflight never does: browsers send none on preflights), and the
// browser stage puts the same cookies into the engine's jar.
import { randomBytes } from 'node:crypto';
import type { EngineCookie } from '../harness/engines/types.js';
import type { HeaderList } from '../scenario/types.js';

export interface CredentialOptions {
  /** The Cookie header a logged-in user's browser sends (`session=abc; theme=dark`). */
  cookie?: string;
  /** More header lines a browser adds for a logged-in user (`Authorization: Bearer ...`). */
  headers?: HeaderList;
}

export interface Credentials {
  /** Header lines every credentialed raw probe carries (Cookie first). */
  headers: HeaderList;
  /** The cookies of the Cookie header, for the engine's jar. */
  cookies: { name: string; value: string }[];
  /** True when the cookie is the made-up default (no `--cookie` given). */
  madeUp: boolean;
}

/** The cookie sent when none is given: any Cookie header makes cookie-dependent code run. */
export const DEFAULT_COOKIE_NAME = 'cors_conformance_session';

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** A mistake in `--cookie` or `--header`: one line. */
export class CredentialError extends Error {
  override readonly name = 'CredentialError';
}

/** Parses `name=value; name2=value2` (RFC 6265 cookie-string). */
export function parseCookieString(
  text: string,
  at = '--cookie',
): { name: string; value: string }[] {
  const pairs = text
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (pairs.length === 0) throw new CredentialError(`${at}: no cookie in ${JSON.stringify(text)}`);
  return pairs.map((pair) => {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? '' : pair.slice(0, eq).trim();
    const value = eq < 0 ? '' : pair.slice(eq + 1).trim();
    // eslint-disable-next-line no-control-regex
    if (!TOKEN.test(name) || /[\x00-\x20",;\\\x7f]/.test(value.replace(/^"|"$/g, ''))) {
      throw new CredentialError(
        `${at}: ${JSON.stringify(pair)} is not name=value (a token, then a value without spaces, commas, semicolons or quotes)`,
      );
    }
    return { name, value };
  });
}

/** Parses one `--header "Name: value"`. */
export function parseHeaderLine(text: string, at = '--header'): [string, string] {
  const colon = text.indexOf(':');
  const name = colon < 0 ? '' : text.slice(0, colon).trim();
  const value = colon < 0 ? '' : text.slice(colon + 1).trim();
  if (!TOKEN.test(name)) {
    throw new CredentialError(`${at}: ${JSON.stringify(text)} is not "Name: value"`);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\r\n\x00]/.test(value))
    throw new CredentialError(`${at}: ${name}: the value has CR, LF or NUL`);
  if (name.toLowerCase() === 'cookie') {
    throw new CredentialError(`${at}: give cookies with --cookie, not as a header`);
  }
  return [name, value];
}

/** The credentials of one run: the given cookie, or a fresh made-up one. */
export function credentialsOf(opts: CredentialOptions): Credentials {
  const madeUp = opts.cookie === undefined;
  const cookies = madeUp
    ? [{ name: DEFAULT_COOKIE_NAME, value: randomBytes(6).toString('hex') }]
    : parseCookieString(opts.cookie ?? '');
  const cookieHeader = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { headers: [['Cookie', cookieHeader], ...(opts.headers ?? [])], cookies, madeUp };
}

/**
 * The jar cookies for the target. A cross-site cookie must be `SameSite=None; Secure`, which
 * engines only take from https; for a plain-http target the cookie is `Lax` and goes along
 * only from same-site pages (another port of the same host, or a sub-domain).
 */
export function jarCookies(c: Credentials, target: URL): EngineCookie[] {
  const secure = target.protocol === 'https:';
  return c.cookies.map((k) => ({
    url: `${target.origin}/`,
    name: k.name,
    value: k.value,
    sameSite: secure ? 'None' : 'Lax',
    secure,
    httpOnly: true,
  }));
}
