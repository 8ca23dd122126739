// What the scenario's servers answer, as the model sees it: the hop URLs of the chain and,
// for each request that reaches one, the response with placeholders resolved exactly as the
// fixture server resolves them (src/scenario/placeholders.ts).
import { normalizeHeaders, resolveHeaderList } from '../scenario/placeholders.js';
import {
  isDataURL,
  type HeaderList,
  type OriginRole,
  type RedirectTarget,
  type ResponseSpec,
  type Scenario,
  type ScenarioRequest,
} from '../scenario/types.js';
import type { World } from '../scenario/world.js';
import { headerListContains, headerListFromWire, headerListGet } from './header-list.js';

/** Any stable token will do in the model; the harness uses one per case. */
export const MODEL_TOKEN = 'model';

export interface NetworkResponse {
  status: number;
  headers: HeaderList;
}

/** The servers of one scenario. */
export interface Network {
  /** The URL of hop `i` (0 = the request's target, last = the final URL). */
  hopURL(hop: number): string;
  /** The hop a URL belongs to, or null for a URL outside the chain. */
  hopOf(url: string): number | null;
  /** What the server at `url` answers to a request with these headers. */
  answer(url: string, method: string, headers: HeaderList): NetworkResponse;
  /** Hosts (`example.com`) holding a cookie from `setup.cookies`. */
  cookieHosts: string[];
  /** The client's serialized origin (`null` for an opaque client). */
  clientOrigin: string;
}

/**
 * Where each hop lives: hop 0 is the target, hop i is where redirect i-1 points (an origin
 * role, or a data: URL for the last).
 */
export function hopRoles(scenario: Scenario, request: ScenarioRequest): RedirectTarget[] {
  const roles: RedirectTarget[] = [request.target ?? 'cross-origin'];
  for (const hop of scenario.server?.redirects ?? []) roles.push(hop.to);
  return roles;
}

/** Builds the network for one request (`request` may be a follow-up with its own query). */
export function createScenarioNetwork(
  scenario: Scenario,
  request: ScenarioRequest,
  world: World,
  clientOrigin: string,
  token: string = MODEL_TOKEN,
): Network {
  const roles = hopRoles(scenario, request);
  const redirects = scenario.server?.redirects ?? [];
  const query = request.query !== undefined && request.query !== '' ? `?${request.query}` : '';
  const originOfRole = (role: OriginRole): string => world.origins[role];
  // A data: hop is its own URL: no server, no token path.
  const hopURL = (hop: number): string => {
    const role = roles[hop] ?? roles[roles.length - 1] ?? 'cross-origin';
    return isDataURL(role) ? role : `${originOfRole(role)}/cors/${token}/${hop}${query}`;
  };
  const host = new URL(world.pageOrigin).host;

  const hopOf = (url: string): number | null => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return null;
    }
    const m = /^\/cors\/([^/]+)\/(\d+)$/.exec(parsed.pathname);
    if (m === null || m[1] !== token) return null;
    const hop = Number(m[2]);
    if (hop >= roles.length || parsed.origin !== new URL(hopURL(hop)).origin) return null;
    return hop;
  };

  // The URL hop `hop` redirects to, with the hop's userinfo (the server's `<next>`).
  const nextURL = (hop: number): string | null => {
    if (hop + 1 >= roles.length) return null;
    const target = hopURL(hop + 1);
    if (isDataURL(target)) return target;
    const next = new URL(target);
    const userinfo = redirects[hop]?.userinfo;
    if (userinfo !== undefined && userinfo !== '') {
      const [user = '', pass] = userinfo.split(':');
      next.username = user;
      if (pass !== undefined) next.password = pass;
    }
    return next.href;
  };

  const answer = (url: string, method: string, headers: HeaderList): NetworkResponse => {
    const hop = hopOf(url);
    if (hop === null) return { status: 404, headers: [] };
    // A preflight is recognised the way the fixture server does: the spec's definition.
    const isPreflight =
      method === 'OPTIONS' &&
      headerListContains(headers, 'Origin') &&
      headerListContains(headers, 'Access-Control-Request-Method');
    const isFinal = hop === roles.length - 1;
    const redirect = isFinal ? undefined : redirects[hop];
    let spec: ResponseSpec | null | undefined;
    let extra: HeaderList = [];
    if (isPreflight) {
      spec = isFinal ? scenario.server?.preflight : redirect?.preflight;
      if (spec === null || spec === undefined) return { status: 404, headers: [] };
    } else if (isFinal) {
      spec = scenario.server?.actual ?? { status: 200 };
    } else {
      spec = { status: redirect?.status ?? 302, headers: redirect?.headers ?? [] };
      const given = normalizeHeaders(spec.headers);
      if (redirect?.noLocation !== true && !headerListContains(given, 'Location'))
        extra = [['Location', '<next>']];
    }
    const raw = [...normalizeHeaders(spec.headers), ...extra];
    const resolved = resolveHeaderList(raw, {
      origin: clientOrigin,
      host,
      targetOrigin: new URL(url).origin,
      next: nextURL(hop),
      acrm: headerListGet(headers, 'Access-Control-Request-Method'),
      acrh: headerListGet(headers, 'Access-Control-Request-Headers'),
      requestOrigin: headerListGet(headers, 'Origin'),
    });
    return { status: spec.status, headers: headerListFromWire(resolved) };
  };

  const cookieHosts = (scenario.setup?.cookies ?? []).map(
    (c) => new URL(originOfRole(c.on)).hostname,
  );
  return { hopURL, hopOf, answer, cookieHosts, clientOrigin };
}
