// One request replayed from Node the way a browser would send it, and the model's decision
// from the server's real answers. The model says from the request alone whether a preflight
// goes first and with which Access-Control-Request-* values; Node sends it; with that answer
// the model says whether the actual request goes out, and only then does Node send it (a
// request the browser would not send never reaches the server from Node either). A
// credentialed actual request carries what a browser adds for a logged-in user (Cookie, and
// Authorization where configured); a preflight never does. Used by the library's
// `cors.fetch()` and by `verify`.
import type { EngineProfile } from '../model/engine-profile.js';
import { normalizeMethod } from '../model/methods.js';
import { predict } from '../model/predict.js';
import { normalizeHeaders } from '../scenario/placeholders.js';
import type {
  BodySpec,
  ClientKind,
  HeaderList,
  OriginRole,
  Prediction,
  ResponseSpec,
  Scenario,
  ScenarioRequest,
  ScenarioServer,
} from '../scenario/types.js';
import type { OriginMap, World } from '../scenario/world.js';
import { DEFAULT_ORIGINS } from '../scenario/world.js';
import { hasHeader } from './headers.js';
import type { LiveTarget, TargetReply } from './target.js';
import { sendToTarget } from './target.js';

/** The role the model puts the server under test on (its URL is given separately). */
export const TARGET_ROLE: OriginRole = 'cross-origin';

export interface ReplayInput {
  /** The page's origin; for a frame client (`opaque-origin`, `data-url`) the page embedding it. */
  pageOrigin: string;
  client: ClientKind;
  /** What page JS passes to fetch/XHR (its target is the URL being probed). */
  request: ScenarioRequest;
  /** Origins of other roles (redirect hops are not replayed); default the canonical ones. */
  origins?: Partial<OriginMap>;
  /** What a browser adds to a credentialed request for a logged-in user (Cookie, Authorization). */
  credentialHeaders?: HeaderList;
}

export interface Replay {
  /** The preflight Node sent (null: the model says the browser sends none). */
  sentPreflight: HeaderList | null;
  preflight: TargetReply | null;
  /** The actual request's header lines as Node sent them (null: not sent). */
  sentActual: HeaderList | null;
  actual: TargetReply | null;
  /** A portable scenario holding the raw answers. */
  scenario: Scenario;
  world: World;
  /** Limits that apply (bodies not replayed, redirects not followed ...). */
  notes: string[];
  /** The model's prediction from the raw answers, for a profile; messages name the real URL. */
  predict(profile: EngineProfile): Prediction;
}

/** Whether a browser attaches credentials (cookies, HTTP auth) to this cross-origin request. */
export function isCredentialed(request: ScenarioRequest): boolean {
  return request.api === 'xhr'
    ? request.withCredentials === true
    : request.credentials === 'include';
}

/** Body text and default Content-Type the browser would send for the forms Node can replay. */
function rawBody(body: BodySpec | undefined): { text: string; type: string } | null | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string') return { text: body, type: 'text/plain;charset=UTF-8' };
  if (body.kind === 'text') return { text: body.value, type: 'text/plain;charset=UTF-8' };
  if (body.kind === 'url-search-params') {
    return {
      text: new URLSearchParams(body.value).toString(),
      type: 'application/x-www-form-urlencoded;charset=UTF-8',
    };
  }
  return null;
}

export function responseSpec(a: TargetReply): ResponseSpec {
  return { status: a.status, statusText: a.statusText, headers: a.headers };
}

/** The model's view of a live request: the page's world and the scenario for given answers. */
export interface LiveModel {
  world: World;
  scenario(server: ScenarioServer): Scenario;
  /** The prediction for `server`; reasons name the real URL, not the model's own. */
  predict(server: ScenarioServer, profile: EngineProfile): Prediction;
}

/** The model for a request from `input.pageOrigin` to `targetUrl` (nothing is sent). */
export function liveModel(targetUrl: URL, input: ReplayInput): LiveModel {
  const url = targetUrl.href;
  const { request, client } = input;
  const world: World = {
    client,
    pageOrigin: input.pageOrigin,
    origins: {
      ...DEFAULT_ORIGINS,
      ...input.origins,
      'same-origin': input.pageOrigin,
      'same-origin-of-parent': input.pageOrigin,
      [TARGET_ROLE]: targetUrl.origin,
    },
  };
  const scenario = (server: ScenarioServer): Scenario => ({
    title: `${request.method ?? 'GET'} ${url} from ${client === 'page' ? input.pageOrigin : `an opaque origin in ${input.pageOrigin}`}`,
    client,
    request: { ...request, target: TARGET_ROLE },
    server,
    origins: world.origins,
  });
  const modelUrl = `${targetUrl.origin}/cors/model/0`;
  const realUrls = (p: Prediction): Prediction => ({
    ...p,
    because: p.because.map((r) => ({ ...r, message: r.message.split(modelUrl).join(url) })),
    ...(p.then === undefined ? {} : { then: realUrls(p.then) }),
  });
  return {
    world,
    scenario,
    predict: (server, profile) => realUrls(predict(scenario(server), { engine: profile, world })),
  };
}

/** Replays `input.request` against the target like a browser on `input.pageOrigin` would. */
export async function replayLikeABrowser(
  target: LiveTarget,
  input: ReplayInput,
  dryProfile: EngineProfile,
): Promise<Replay> {
  const model = liveModel(target.url, input);
  const notes: string[] = [];
  const requestOrigin = input.client === 'page' ? input.pageOrigin : 'null';

  // 1. Does the browser send a preflight, and with which ACRM/ACRH? That is decided by the
  //    request alone (the cache is empty), so any server answer will do here.
  const first = model.predict({ preflight: null, actual: { status: 200 } }, dryProfile);
  let sentPreflight: HeaderList | null = null;
  let preflight: TargetReply | null = null;
  if (first.outcome !== 'exception' && first.preflight) {
    sentPreflight = [
      ['Origin', requestOrigin],
      ['Access-Control-Request-Method', first.acrm ?? 'GET'],
    ];
    if (first.acrh !== null) sentPreflight.push(['Access-Control-Request-Headers', first.acrh]);
    sentPreflight.push(['Accept', '*/*']);
    preflight = await sendToTarget(target, { method: 'OPTIONS', headers: sentPreflight });
  }
  // 2. With that answer, does the actual request go out?
  const pre: ScenarioServer = {
    preflight: preflight === null ? null : responseSpec(preflight),
    actual: { status: 200 },
  };
  const second = preflight === null ? first : model.predict(pre, dryProfile);
  let sentActual: HeaderList | null = null;
  let actual: TargetReply | null = null;
  if (second.outcome !== 'exception' && second.actualSent) {
    sentActual = actualHeaders(input, second.originHeader, notes);
    const body = rawBody(input.request.body);
    actual = await sendToTarget(target, {
      // What the browser sends: fetch uppercases the six well-known methods (`get` -> `GET`).
      method: normalizeMethod(input.request.method ?? 'GET'),
      headers: sentActual,
      ...(body ? { body: body.text } : {}),
    });
    if (actual.status >= 300 && actual.status < 400 && hasHeader(actual.headers, 'location')) {
      notes.push(
        `the server redirected (${actual.status} to ${actual.headers.find(([n]) => n.toLowerCase() === 'location')?.[1] ?? ''}); redirects are not followed: only the first answer is compared`,
      );
    }
  }
  // 3. The scenario with the server's real answers.
  const server: ScenarioServer = {
    preflight: pre.preflight ?? null,
    actual: actual === null ? { status: 200 } : responseSpec(actual),
  };
  return {
    sentPreflight,
    preflight,
    sentActual,
    actual,
    scenario: model.scenario(server),
    world: model.world,
    notes,
    predict: (profile) => model.predict(server, profile),
  };
}

/** The actual request's header lines: Origin, page JS's headers, body type, credentials. */
function actualHeaders(input: ReplayInput, origin: string | null, notes: string[]): HeaderList {
  const { request } = input;
  const headers: HeaderList = [];
  if (origin !== null) headers.push(['Origin', origin]);
  headers.push(...normalizeHeaders(request.headers));
  const body = rawBody(request.body);
  if (body === null) notes.push('the request body kind is not replayed by Node (only its headers)');
  if (body && !hasHeader(headers, 'content-type')) headers.push(['Content-Type', body.type]);
  if (!hasHeader(headers, 'accept')) headers.push(['Accept', '*/*']);
  if (isCredentialed(request)) {
    for (const [n, v] of input.credentialHeaders ?? []) {
      if (!hasHeader(headers, n)) headers.push([n, v]);
    }
  }
  return headers;
}
