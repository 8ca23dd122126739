// The fixture servers a run talks to: raw-HTTP listeners on loopback that answer
// `/cors/<token>/<hop>` URLs from the instruction they carry, journal every such request,
// and offer a few control routes and static pages on every origin.
import type { HeaderList, OriginRole } from '../src/scenario/types.js';
import type { OriginMap } from '../src/scenario/world.js';
import {
  checkInstruction,
  decodeInstruction,
  InstructionError,
  parseHopTarget,
  type Instruction,
  type RawResponse,
} from './instruction.js';
import { chainHop } from './cookie-chain.js';
import { Journal } from './journal.js';
import {
  startRawHttpServer,
  type ParsedRequest,
  type RawHttpServer,
  type RequestContext,
  type ServerTimeouts,
} from './raw-http.js';
import { harnessErrorResponse, headerValue, isCorsPreflight, respond } from './respond.js';
import { localCertificate } from './tls.js';

export interface FixtureServerOptions {
  /**
   * true (default): origins are `example.com`, `sub.example.com`, `example.net`, `example.org` on shared ports;
   * the browser must map `hostNameList` to 127.0.0.1. false: every role gets its own
   * `http://127.0.0.1:<port>` (works with no host mapping, but no role is cross-site).
   */
  hostNames?: boolean;
  /** Journal to record into (default: a new one with the default bounds). */
  journal?: Journal;
  /** How long a connection may stall (raw-http.ts `DEFAULT_TIMEOUTS` unless given). */
  timeouts?: Partial<ServerTimeouts>;
}

export interface StaticResource {
  contentType: string;
  body: string;
  /** Extra header lines, after `Content-Type`. `Cache-Control: no-store` unless listed. */
  headers?: HeaderList;
}

export type SiteRelation = 'same-site' | 'cross-site';

export interface FixtureServers {
  /** Role → origin actually served. */
  origins: OriginMap;
  /** = origins['same-origin']. */
  pageOrigin: string;
  /** false: port-based fallback on 127.0.0.1. */
  hostNames: boolean;
  /** Names the browser must resolve to 127.0.0.1 (empty in the port-based fallback). */
  hostNameList: string[];
  /**
   * Each role's origin compared with the page's as the HTML Standard's "same site" does
   * (scheme and registrable domain; ports do not count). With host names the roles mean
   * what their names say. In the port-based fallback every http role is on 127.0.0.1 and
   * so same-site with the page: `cross-origin` and `cross-origin-2` are NOT cross-site, and
   * `same-site` is no different from them; only `https-cross-origin` is cross-site (scheme).
   */
  siteRelation: Record<OriginRole, SiteRelation>;
  /** Every listener's port, in start order (host names: P, Q, then the https R). */
  ports: number[];
  journal: Journal;
  /** Keeps an instruction on the server; the id goes in `?r=`. Throws InstructionError. */
  register(instruction: Instruction): string;
  /** Serves `GET path` (query ignored) on every origin. */
  addStatic(path: string, res: StaticResource): void;
  /** Closes every listener and every open socket. */
  close(): Promise<void>;
}

/** The host names used with `hostNames: true`. */
export const FIXTURE_HOST_NAMES = [
  'example.com',
  'sub.example.com',
  'example.net',
  'example.org',
] as const;

export async function startFixtureServers(
  opts: FixtureServerOptions = {},
): Promise<FixtureServers> {
  const hostNames = opts.hostNames ?? true;
  const journal = opts.journal ?? new Journal();
  const registered = new Map<string, Instruction>();
  const statics = new Map<string, StaticResource>();
  const listeners: RawHttpServer[] = [];
  const listen = await listenerFactory({ journal, registered, statics }, listeners, opts);
  let origins: OriginMap;
  try {
    origins = hostNames ? await hostNameOrigins(listen) : await portOrigins(listen);
  } catch (e) {
    await Promise.all(listeners.map((l) => l.close()));
    throw e;
  }
  const pageOrigin = origins['same-origin'];
  const siteRelation = {} as Record<OriginRole, SiteRelation>;
  for (const [role, origin] of Object.entries(origins) as [OriginRole, string][]) {
    siteRelation[role] = sameSite(origin, pageOrigin) ? 'same-site' : 'cross-site';
  }
  let nextId = 0;
  return {
    origins,
    pageOrigin,
    hostNames,
    hostNameList: hostNames ? [...FIXTURE_HOST_NAMES] : [],
    siteRelation,
    ports: listeners.map((l) => l.port),
    journal,
    register(instruction) {
      // Checked now, so a bad instruction fails where it was made, not in a browser.
      const checked = checkInstruction(JSON.parse(JSON.stringify(instruction)));
      const id = `x${(++nextId).toString(36)}`;
      registered.set(id, checked);
      return id;
    },
    addStatic(path, res) {
      if (!path.startsWith('/') || path.includes('?')) {
        throw new Error(`static path must start with / and have no query: ${path}`);
      }
      if (path.startsWith('/cors/') || path.startsWith('/__')) {
        throw new Error(`static path ${path} collides with the fixture routes`);
      }
      statics.set(path, res);
    },
    close: async () => {
      await Promise.all(listeners.map((l) => l.close()));
    },
  };
}

/** Starts one listener (TLS when `secure`) answering from `app`; resolves to its port. */
type Listen = (secure: boolean) => Promise<number>;

async function listenerFactory(
  app: AppState,
  listeners: RawHttpServer[],
  opts: FixtureServerOptions,
): Promise<Listen> {
  const cert = await localCertificate();
  const handler = (req: ParsedRequest, ctx: RequestContext): RawResponse => handle(app, req, ctx);
  const onError = (message: string, target: string | undefined): void => {
    const token = tokenOf(target);
    app.journal.record({
      kind: 'error',
      token,
      message,
      ...(target !== undefined ? { target } : {}),
    });
  };
  return async (secure) => {
    const s = await startRawHttpServer({
      handler,
      onError,
      ...(secure ? { tls: { key: cert.key, cert: cert.cert } } : {}),
      ...(opts.timeouts === undefined ? {} : { timeouts: opts.timeouts }),
    });
    listeners.push(s);
    return s.port;
  };
}

/** Host-name origins: two http ports and one https port shared by the names. */
async function hostNameOrigins(listen: Listen): Promise<OriginMap> {
  const p = await listen(false);
  const q = await listen(false);
  const r = await listen(true);
  return {
    'same-origin': `http://example.com:${p}`,
    'cross-origin': `http://example.net:${p}`,
    'cross-origin-different-port': `http://example.com:${q}`,
    'cross-origin-2': `http://example.org:${p}`,
    'same-site': `http://sub.example.com:${p}`,
    'same-origin-of-parent': `http://example.com:${p}`,
    'https-cross-origin': `https://example.net:${r}`,
  };
}

/** The port-based fallback: one 127.0.0.1 listener per role. */
async function portOrigins(listen: Listen): Promise<OriginMap> {
  const at = (port: number, scheme = 'http'): string => `${scheme}://127.0.0.1:${port}`;
  const page = at(await listen(false));
  return {
    'same-origin': page,
    'cross-origin': at(await listen(false)),
    'cross-origin-different-port': at(await listen(false)),
    'cross-origin-2': at(await listen(false)),
    'same-site': at(await listen(false)),
    'same-origin-of-parent': page,
    'https-cross-origin': at(await listen(true), 'https'),
  };
}

interface AppState {
  journal: Journal;
  registered: Map<string, Instruction>;
  statics: Map<string, StaticResource>;
}

function handle(app: AppState, req: ParsedRequest, ctx: RequestContext): RawResponse {
  const q = req.target.indexOf('?');
  const path = q < 0 ? req.target : req.target.slice(0, q);
  if (path.startsWith('/cors/')) return handleCors(app, req, ctx);
  const query = new URLSearchParams(q < 0 ? '' : req.target.slice(q + 1));
  if (req.method !== 'GET' && req.method !== 'HEAD') return plain(req, 404, 'not found\n');
  switch (path) {
    case '/__health':
      return plain(req, 200, 'ok\n');
    case '/__journal': {
      const token = query.get('token');
      if (token === null) return plain(req, 400, 'token is required\n');
      return control(req, 200, [['Content-Type', 'application/json']], json(app, token));
    }
    case '/__mark': {
      const token = query.get('token');
      const label = query.get('label');
      if (token === null || label === null)
        return plain(req, 400, 'token and label are required\n');
      app.journal.mark(token, label);
      return control(req, 204, [], '');
    }
    case '/__set-cookie':
      return setCookie(req, query);
  }
  const res = app.statics.get(path);
  if (res === undefined) return plain(req, 404, 'not found\n');
  const extra = res.headers ?? [];
  const headers: HeaderList = [['Content-Type', res.contentType], ...extra];
  if (headerValue(extra, 'Cache-Control') === null) headers.push(['Cache-Control', 'no-store']);
  return finish(req, { status: 200, headers, body: res.body });
}

function json(app: AppState, token: string): string {
  return JSON.stringify(app.journal.records(token));
}

function setCookie(req: ParsedRequest, query: URLSearchParams): RawResponse {
  const jar = query.get('jar');
  if (jar !== null) return chainedCookie(req, jar, query.get('step') ?? '0');
  const name = query.get('name');
  const value = query.get('value') ?? '';
  const attrs = query.get('attrs') ?? '';
  if (name === null || name === '') return plain(req, 400, 'name is required\n');
  const line = attrs === '' ? `${name}=${value}` : `${name}=${value}; ${attrs}`;
  // eslint-disable-next-line no-control-regex
  if (/[\r\n\0]|[^\u0000-\u00ff]/.test(line)) {
    return plain(req, 400, 'cookie must be bytes without CR, LF or NUL\n');
  }
  return control(
    req,
    200,
    [
      ['Content-Type', 'text/html; charset=utf-8'],
      ['Set-Cookie', line],
    ],
    '<!doctype html><title>cookie set</title>\n',
  );
}

/** One hop of a cookie chain (cookie-chain.ts): its cookie, and a 302 to the next hop. */
function chainedCookie(req: ParsedRequest, jar: string, step: string): RawResponse {
  let hop;
  try {
    hop = chainHop(jar, step);
  } catch (e) {
    return plain(req, 400, `${errorLine(e)}\n`);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\r\n\0]|[^\u0000-\u00ff]/.test(hop.line + hop.location)) {
    return plain(req, 400, 'cookie must be bytes without CR, LF or NUL\n');
  }
  return control(
    req,
    302,
    [
      ['Location', hop.location],
      ['Set-Cookie', hop.line],
    ],
    '',
  );
}

/** The answer to a `/cors/` request; every such request is journaled. */
function handleCors(app: AppState, req: ParsedRequest, ctx: RequestContext): RawResponse {
  const host = headerValue(req.rawHeaders, 'Host') ?? `127.0.0.1:${ctx.localPort}`;
  const origin = `${ctx.scheme}://${host}`;
  const fail = (token: string, message: string): RawResponse => {
    app.journal.record({ kind: 'error', token, message, target: req.target });
    return harnessErrorResponse(message);
  };
  let where;
  try {
    where = parseHopTarget(req.target);
  } catch (e) {
    return fail('', errorLine(e));
  }
  if (where === null) return fail('', 'not a fixture URL');
  const { token, hop } = where;
  app.journal.record({
    kind: 'request',
    token,
    hop,
    method: req.method,
    target: req.target,
    origin,
    rawHeaders: req.rawHeaders.map(([n, v]) => [n, v]),
    preflight: isCorsPreflight(req),
    bodyLength: req.body.length,
  });
  if (where.how === undefined) return fail(token, 'the URL carries neither i= nor r=');
  let instruction: Instruction;
  if ('inline' in where.how) {
    try {
      instruction = decodeInstruction(where.how.inline);
    } catch (e) {
      return fail(token, errorLine(e));
    }
  } else {
    const found = app.registered.get(where.how.ref);
    if (found === undefined) return fail(token, `no instruction registered as r=${where.how.ref}`);
    instruction = found;
  }
  if (instruction.token !== token) {
    return fail(token, `URL token ${token} differs from the instruction's ${instruction.token}`);
  }
  if (hop >= instruction.hops.length) {
    return fail(
      token,
      `hop ${hop} is out of range (the instruction has ${instruction.hops.length})`,
    );
  }
  return respond(req, instruction, hop);
}

/** Control and fallback answers: no CORS headers, never cached. */
function control(
  req: ParsedRequest,
  status: number,
  headers: HeaderList,
  body: string,
): RawResponse {
  return finish(req, { status, headers: [...headers, ['Cache-Control', 'no-store']], body });
}

function plain(req: ParsedRequest, status: number, body: string): RawResponse {
  return control(req, status, [['Content-Type', 'text/plain; charset=utf-8']], body);
}

function finish(req: ParsedRequest, res: RawResponse): RawResponse {
  const body = res.body ?? '';
  const headers: HeaderList =
    res.status === 204
      ? res.headers
      : [...res.headers, ['Content-Length', String(Buffer.byteLength(body))]];
  return { ...res, headers, body: req.method === 'HEAD' || res.status === 204 ? '' : body };
}

function errorLine(e: unknown): string {
  if (e instanceof InstructionError) return e.message;
  return e instanceof Error ? e.message : String(e);
}

/** The token named by a `/cors/<token>/...` target, or `''`. */
function tokenOf(target: string | undefined): string {
  const m = target === undefined ? null : /^\/cors\/([A-Za-z0-9_-]+)(?:[/?]|$)/.exec(target);
  return m?.[1] ?? '';
}

/** HTML's "same site" for tuple origins: same scheme and same registrable domain. */
export function sameSite(a: string, b: string): boolean {
  const ua = new URL(a);
  const ub = new URL(b);
  return ua.protocol === ub.protocol && site(ua.hostname) === site(ub.hostname);
}

function site(host: string): string {
  // An IP address is its own site. For names under a one-label public suffix (the
  // fixture hosts are example.com, example.net, example.org and sub-domains), the
  // registrable domain is the last two labels.
  if (/^[0-9.]+$/.test(host) || host.startsWith('[')) return host;
  return host.split('.').slice(-2).join('.');
}
