// Turns one scenario into what the three other parties need for one run: the fixture
// instruction (what each URL answers), the in-page descriptors (what page JS does), the
// materialised scenario and World the model predicts from.
import { bodyByteLength } from '../scenario/framing.js';
import {
  encodeInstruction,
  hopPath,
  type HopInstruction,
  type Instruction,
  type RawResponse,
} from '../../servers/instruction.js';
import { normalizeHeaders } from '../scenario/placeholders.js';
import { asset, assetFor } from '../../servers/assets.js';
import { initiatorFields } from './initiators/descriptor.js';
import {
  isDataURL,
  isInitiatorApi,
  type HeaderList,
  type RedirectHop,
  type RedirectTarget,
  type ResponseSpec,
  type Scenario,
  type ScenarioRequest,
  type ThenStep,
} from '../scenario/types.js';
import { applyRequestOverrides } from '../scenario/validate.js';
import { isRedirectStatus } from '../model/http-fetch.js';
import type { OriginMap, World } from '../scenario/world.js';
import type { CaseDescriptor, StepDescriptor } from './types.js';

/** What compile needs to know about the running servers (a subset of FixtureServers). */
export interface CompileContext {
  origins: OriginMap;
  pageOrigin: string;
  /** Stores an instruction server-side and returns the id for `?r=`. */
  register(instruction: Instruction): string;
}

export interface CompiledCase {
  token: string;
  /** The scenario with every response's header list made explicit (what the model reads). */
  scenario: Scenario;
  instruction: Instruction;
  /** The first request's URL (hop 0, with `request.query`). */
  url: string;
  /** Whether the instruction went by reference (`?r=`) because the URL would be long. */
  registered: boolean;
  descriptor: CaseDescriptor;
  world: World;
}

/**
 * Chromium does not use its preflight cache for URLs of 1024 characters or more; leave
 * room for a `query` and go by reference well before that.
 */
export const INLINE_URL_LIMIT = 900;

/** The cookie names a scenario sets up (the observer looks for these on each request). */
export function cookieNames(s: Scenario): string[] {
  return (s.setup?.cookies ?? []).map((c) => c.name);
}

function hasHeader(list: HeaderList, name: string): boolean {
  const lower = name.toLowerCase();
  return list.some(([n]) => n.toLowerCase() === lower);
}

/**
 * Makes one response's header list explicit. The fixture server adds nothing the list
 * does not hold (except a Content-Length it would otherwise have to invent), and the model
 * only knows what the scenario says; so the harness writes down, here, the two headers every
 * response needs, and both parties read the same list:
 * - `Cache-Control: no-store` unless the scenario chose its own, so the HTTP cache never
 *   answers a later step instead of the server (the CORS-preflight cache is unaffected: it
 *   is governed by Access-Control-Max-Age);
 * - `Content-Length`, which makes it a readable (safelisted) response header the model must
 *   know about, and keeps keep-alive connections framed.
 */
export function materialiseResponse(spec: ResponseSpec): ResponseSpec {
  const headers = normalizeHeaders(spec.headers);
  if (!hasHeader(headers, 'cache-control')) headers.push(['Cache-Control', 'no-store']);
  // Listed even for bodyless statuses (the server then sends `Content-Length: 0`), so the
  // model never has to know the server's own framing rule (src/scenario/framing.ts).
  if (!hasHeader(headers, 'content-length') && !hasHeader(headers, 'transfer-encoding')) {
    headers.push(['Content-Length', String(bodyByteLength(spec.body ?? ''))]);
  }
  return { ...spec, headers };
}

function materialiseHop(hop: RedirectHop, name: ReturnType<typeof assetFor> = null): RedirectHop {
  const withBody = withAsset({ status: hop.status, headers: hop.headers ?? [] }, name);
  const out: RedirectHop = { ...hop, headers: materialiseResponse(withBody).headers ?? [] };
  if (hop.preflight) out.preflight = materialiseResponse(hop.preflight);
  return out;
}

/**
 * The asset the final answer carries for the scenario's initiator (servers/assets.ts), or
 * null: fetch and XHR, an api that reads the scenario's body, or a scenario that gives a
 * body of its own. An empty body counts as none: the model predicts the load of a valid
 * resource, and an empty image or font is never one.
 */
export function finalAsset(s: Scenario): ReturnType<typeof assetFor> {
  const body = s.server?.actual?.body;
  if (body !== undefined && body !== '') return null;
  return assetFor(s.request.api ?? 'fetch', s.request.variant);
}

/**
 * The hop the redirect chain ends on (a status that is not a redirect status, or no
 * Location), or null when the chain reaches the final URL (or a data: URL). The response of
 * that hop is the one the initiator's page sees, so it carries the initiator's asset, the
 * way the final URL's answer does.
 */
export function endingHop(s: Scenario): number | null {
  const hops = s.server?.redirects ?? [];
  const i = hops.findIndex((h) => h.noLocation === true || !isRedirectStatus(h.status));
  return i < 0 ? null : i;
}

/** The asset the ending hop carries (hops have no body of their own), or null. */
function endingHopAsset(s: Scenario, i: number): ReturnType<typeof assetFor> {
  return endingHop(s) === i ? assetFor(s.request.api ?? 'fetch', s.request.variant) : null;
}

/**
 * The final answer with its asset's `Content-Type` (unless the scenario names one) and
 * `Content-Length` written out, so the model and the server read the same list.
 */
function withAsset(spec: ResponseSpec, name: ReturnType<typeof assetFor>): ResponseSpec {
  if (name === null) return spec;
  const a = asset(name);
  if (spec.body === '') {
    const { body: _empty, ...rest } = spec;
    spec = rest;
  }
  const headers = normalizeHeaders(spec.headers);
  if (!hasHeader(headers, 'content-type')) headers.push(['Content-Type', a.contentType]);
  if (!hasHeader(headers, 'content-length') && !hasHeader(headers, 'transfer-encoding')) {
    headers.push(['Content-Length', String(a.bytes.length)]);
  }
  return { ...spec, headers };
}

/** The scenario with every response the servers will send written out in full. */
export function materialiseScenario(s: Scenario): Scenario {
  const server = s.server ?? {};
  const out: Scenario = {
    ...s,
    server: {
      ...server,
      actual: materialiseResponse(withAsset(server.actual ?? { status: 200 }, finalAsset(s))),
      preflight: server.preflight ? materialiseResponse(server.preflight) : null,
    },
  };
  if (server.redirects)
    out.server = {
      ...out.server,
      redirects: server.redirects.map((h, i) => materialiseHop(h, endingHopAsset(s, i))),
    };
  return out;
}

function rawResponse(spec: ResponseSpec): RawResponse {
  const r: RawResponse = { status: spec.status, headers: normalizeHeaders(spec.headers) };
  if (spec.statusText !== undefined) r.reason = spec.statusText;
  if (spec.body !== undefined) r.body = spec.body;
  return r;
}

/** The serialized origin of the client document: the page's, or `null` when opaque. */
export function clientOrigin(s: Scenario, pageOrigin: string): string {
  return (s.client ?? 'page') === 'page' ? pageOrigin : 'null';
}

/** Builds the fixture instruction from a materialised scenario. */
export function buildInstruction(
  s: Scenario,
  ctx: Pick<CompileContext, 'origins' | 'pageOrigin'>,
  token: string,
): Instruction {
  const server = s.server ?? {};
  const redirects = server.redirects ?? [];
  const hops: HopInstruction[] = [];
  let target: RedirectTarget = s.request.target ?? 'cross-origin';
  for (const [i, r] of redirects.entries()) {
    // Validation keeps a data: target to the last hop, so every hop here has an origin.
    if (isDataURL(target)) break;
    const response = rawResponse(r);
    const hopAsset = endingHopAsset(s, i);
    if (hopAsset !== null) response.asset = hopAsset;
    // A redirect hop points at the next URL (or its data: URL) unless the case is about a
    // missing Location.
    if (!r.noLocation && !hasHeader(response.headers, 'location')) {
      response.headers.unshift(['Location', isDataURL(r.to) ? r.to : '<next>']);
    }
    const hop: HopInstruction = {
      origin: ctx.origins[target],
      preflight: r.preflight ? rawResponse(r.preflight) : null,
      response,
    };
    if (r.userinfo !== undefined) hop.nextUserinfo = r.userinfo;
    hops.push(hop);
    target = r.to;
  }
  // The final URL, unless the last redirect points to a data: URL (no server answers it).
  if (!isDataURL(target)) {
    const response = rawResponse(server.actual ?? { status: 200 });
    const assetName = finalAsset(s);
    if (assetName !== null) response.asset = assetName;
    hops.push({
      origin: ctx.origins[target],
      preflight: server.preflight ? rawResponse(server.preflight) : null,
      response,
    });
  }
  const out: Instruction = {
    token,
    hops,
    vars: { origin: clientOrigin(s, ctx.pageOrigin), host: new URL(ctx.pageOrigin).host },
  };
  const api = s.request.api ?? 'fetch';
  if (isInitiatorApi(api)) out.api = api;
  return out;
}

function withQuery(url: string, query: string | undefined): string {
  if (query === undefined || query === '') return url;
  return `${url}&${query.replace(/^[?&]/, '')}`;
}

/** What the in-page runner does for one request of a scenario at `url`. */
export function stepDescriptor(req: ScenarioRequest, url: string): StepDescriptor {
  const d: StepDescriptor = {
    url: withQuery(url, req.query),
    api: req.api ?? 'fetch',
    headers: normalizeHeaders(req.headers),
  };
  if (req.method !== undefined) d.method = req.method;
  if (req.body !== undefined) d.body = req.body;
  if (req.mode !== undefined) d.mode = req.mode;
  if (req.credentials !== undefined) d.credentials = req.credentials;
  if (req.redirect !== undefined) d.redirect = req.redirect;
  if (req.cache !== undefined) d.cache = req.cache;
  if (req.referrerPolicy !== undefined) d.referrerPolicy = req.referrerPolicy;
  if (req.uploadListener !== undefined) d.uploadListener = req.uploadListener;
  if (req.withCredentials !== undefined) d.withCredentials = req.withCredentials;
  if (req.crossorigin !== undefined) d.crossorigin = req.crossorigin;
  if (req.variant !== undefined) d.variant = req.variant;
  return d;
}

/** The request each step makes: the first, then each `then` applied to the first. */
export function stepRequests(s: Scenario): { request: ScenarioRequest; step?: ThenStep }[] {
  const out: { request: ScenarioRequest; step?: ThenStep }[] = [{ request: s.request }];
  for (let t = s.then; t !== undefined; t = t.then) {
    out.push({ request: applyRequestOverrides(s.request, t), step: t });
  }
  return out;
}

export function markUrl(pageOrigin: string, token: string, label: string): string {
  return `${pageOrigin}/__mark?token=${encodeURIComponent(token)}&label=${encodeURIComponent(label)}`;
}

/** Materialises a scenario for one run under `token` (`[A-Za-z0-9_-]+`, unique per case). */
export function compileScenario(s: Scenario, ctx: CompileContext, token: string): CompiledCase {
  const scenario = materialiseScenario(s);
  const instruction = buildInstruction(scenario, ctx, token);
  const hop0 = instruction.hops[0]?.origin ?? ctx.origins['cross-origin'];
  const inlineBase = `${hop0}${hopPath(token, 0, { inline: encodeInstruction(instruction) })}`;
  // The longest URL any step uses decides whether the instruction goes by reference.
  const steps = stepRequests(scenario);
  const longest = Math.max(...steps.map((st) => withQuery(inlineBase, st.request.query).length));
  const registered = longest >= INLINE_URL_LIMIT;
  const base = registered
    ? `${hop0}${hopPath(token, 0, { ref: ctx.register(instruction) })}`
    : inlineBase;
  const descriptors = steps.map((st, i) => {
    // A then-step may name another target; its URL keeps the case's path and instruction.
    const target = st.request.target ?? scenario.request.target ?? 'cross-origin';
    const url = i === 0 ? base : base.replace(hop0, ctx.origins[target]);
    const d = stepDescriptor(st.request, url);
    if (i > 0) {
      d.markUrl = markUrl(ctx.pageOrigin, token, `step-${i}`);
      if (st.step?.delayMs !== undefined) d.delayMs = st.step.delayMs;
    }
    return d;
  });
  for (const d of descriptors) {
    if (isInitiatorApi(d.api)) Object.assign(d, initiatorFields(ctx.pageOrigin, token));
  }
  const client = scenario.client ?? 'page';
  return {
    token,
    scenario,
    instruction,
    url: descriptors[0]?.url ?? base,
    registered,
    descriptor: { token, steps: descriptors },
    world: { client, pageOrigin: ctx.pageOrigin, origins: ctx.origins },
  };
}
