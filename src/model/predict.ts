// predict(): from a portable scenario, every browser observable the model expects, for the
// first request and each follow-up of its `then` chain (the CORS-preflight cache and the
// clock carry over from one request to the next).
import type {
  Prediction,
  Reason,
  Scenario,
  ScenarioRequest,
  ThenStep,
  WireRequest,
} from '../scenario/types.js';
import { applyRequestOverrides } from '../scenario/overrides.js';
import { isInitiatorApi } from '../scenario/types.js';
import { defaultWorld, type World } from '../scenario/world.js';
import { cookieNeutralProfile, EMPTY_COOKIE_JAR, storeCookie, type CookieJar } from './cookies.js';
import { EMPTY_PREFLIGHT_CACHE, type PreflightCache } from './cors-preflight-cache.js';
import type { EngineProfile } from './engine-profile.js';
import { isNetworkError, type FetchParams } from './fetch-params.js';
import { fetch } from './main-fetch.js';
import { extractAMIMEType } from './mime-type.js';
import { parseSerializedOrigin, type Origin } from './origin.js';
import { constructRequest, type BuiltRequest } from './request.js';
import { initiatorPrediction, type HandedRequest } from './html-initiators.js';
import { constructInitiatorRequest } from './initiator-request.js';
import { createScenarioNetwork, hopRoles } from './scenario-network.js';

export interface PredictOptions {
  engine: EngineProfile;
  /** Concrete origins; default: `defaultWorld(scenario.client)` with `scenario.origins`. */
  world?: World;
  /** The clock at the first request, in ms (default 0). */
  startTime?: number;
  /**
   * When each request of the chain started, in ms after the first (index 0 is 0). Default:
   * each step's `delayMs` after the previous one. A run passes the page's own clock when its
   * steps started late, since the preflight cache expires by real time.
   */
  stepClock?: readonly number[];
}

/** The state carried from one request of a `then` chain to the next. */
export interface PredictState {
  cache: PreflightCache;
  now: number;
  /** The cookie jar; absent: the jar `setup.cookies` leaves (setupCookieJar). */
  jar?: CookieJar;
  /** The jar under the spec's cookie rules, to tell when a cookie knob decided. */
  neutralJar?: CookieJar;
}

/**
 * The jar after the harness set `setup.cookies`: each is stored first-party (a top-level
 * navigation to its role's origin), so only Secure-over-http and the engine's
 * SameSite=None-needs-Secure rule can refuse one.
 */
export function setupCookieJar(scenario: Scenario, world: World, engine: EngineProfile): CookieJar {
  let jar = EMPTY_COOKIE_JAR;
  for (const c of scenario.setup?.cookies ?? []) {
    const url = `${world.origins[c.on]}/__set-cookie`;
    jar = storeCookie(jar, { name: c.name, attributes: c.attributes ?? '' }, url, null, engine);
  }
  return jar;
}

/** The world a scenario runs in when the caller gives none. */
export function worldOf(scenario: Scenario): World {
  return defaultWorld(scenario.client ?? 'page', scenario.origins ?? {});
}

/** The request's origin: the page's, or an opaque origin for sandboxed and data: clients. */
export function clientOrigin(world: World): Origin {
  return world.client === 'page' ? parseSerializedOrigin(world.pageOrigin) : { kind: 'opaque' };
}

/** Predicts one request (no `then`), from and to an explicit cache/clock state. */
export function predictRequest(
  scenario: Scenario,
  request: ScenarioRequest,
  engine: EngineProfile,
  world: World,
  state: PredictState,
): { prediction: Prediction; state: PredictState } {
  const origin = clientOrigin(world);
  const serializedClient = origin.kind === 'opaque' ? 'null' : world.pageOrigin;
  const network = createScenarioNetwork(scenario, request, world, serializedClient);
  let built: BuiltRequest;
  let handed: HandedRequest | undefined;
  if (isInitiatorApi(request.api)) {
    ({ built, handed } = constructInitiatorRequest(
      request.api,
      request,
      network.hopURL(0),
      origin,
      engine,
    ));
  } else {
    built = constructRequest(request, network.hopURL(0), origin, engine);
  }
  if (!built.ok) {
    const prediction: Prediction = {
      preflight: false,
      acrm: null,
      acrh: null,
      actualSent: false,
      outcome: 'exception',
      status: null,
      responseType: null,
      originHeader: null,
      readableHeaders: [],
      wire: [],
      because: built.because,
    };
    if (handed !== undefined) {
      prediction.initiator = initiatorPrediction(handed, request.variant, null).block;
    }
    return { state, prediction };
  }
  const fp: FetchParams = {
    request: built.request,
    profile: engine,
    network,
    now: state.now,
    cache: state.cache,
    wire: [],
    because: [...built.because],
    initialHeaderList: built.request.headerList,
    cookies: {
      jar: state.jar ?? setupCookieJar(scenario, world, engine),
      neutralJar: state.neutralJar ?? setupCookieJar(scenario, world, cookieNeutralProfile(engine)),
      names: (scenario.setup?.cookies ?? []).map((c) => c.name),
      topLevel: parseSerializedOrigin(world.pageOrigin),
    },
  };
  const response = fetch(fp);
  const firstPreflight = fp.wire.find((w) => w.preflight);
  // The final URL is where the scenario's last redirect points; a fetch that stopped earlier
  // never sent the actual request there.
  const finalHop = hopRoles(scenario, request).length - 1;
  const atFinal: WireRequest | undefined = [...fp.wire]
    .reverse()
    .find((w) => !w.preflight && w.hop === finalHop);
  const prediction: Prediction = {
    preflight: firstPreflight !== undefined,
    acrm: firstPreflight?.acrm ?? null,
    acrh: firstPreflight?.acrh ?? null,
    actualSent: atFinal !== undefined,
    outcome: isNetworkError(response) ? 'network-error' : 'ok',
    status: isNetworkError(response) ? null : response.status,
    responseType: isNetworkError(response) ? null : response.type,
    originHeader: atFinal?.origin ?? null,
    readableHeaders: isNetworkError(response) ? [] : response.readable,
    wire: fp.wire,
    because: fp.because,
  };
  if (!isNetworkError(response)) {
    const summary: Reason = {
      algorithm: 'concept-main-fetch',
      step: '14.2',
      message: `${response.type} response, status ${response.status}${response.readable.length > 0 ? `, readable headers ${response.readable.join(', ')}` : ', no readable headers'}`,
    };
    prediction.because.push(summary);
  }
  if (handed !== undefined) {
    const unsafe = isNetworkError(response) ? null : (response.internal ?? response);
    const mime = unsafe === null ? 'failure' : extractAMIMEType(unsafe.headers);
    const { block, because } = initiatorPrediction(handed, request.variant, {
      networkError: unsafe === null,
      type: isNetworkError(response) ? null : response.type,
      internalStatus: unsafe?.status ?? null,
      redirected: (unsafe?.urlList.length ?? 0) > 1,
      mimeEssence: mime === 'failure' ? null : mime.essence,
    });
    prediction.initiator = block;
    prediction.because.push(...because);
  }
  const next: PredictState = { cache: fp.cache, now: fp.now };
  if (fp.cookies !== undefined) {
    next.jar = fp.cookies.jar;
    next.neutralJar = fp.cookies.neutralJar;
  }
  return { prediction, state: next };
}

/** Predicts a scenario and its `then` chain. */
export function predict(scenario: Scenario, options: PredictOptions): Prediction {
  const world = options.world ?? worldOf(scenario);
  let state: PredictState = { cache: EMPTY_PREFLIGHT_CACHE, now: options.startTime ?? 0 };
  const first = predictRequest(scenario, scenario.request, options.engine, world, state);
  state = first.state;
  // Follow-ups: overrides apply to the scenario's first request; the clock moves by delayMs
  // (or to the step's time on the given clock).
  const start = options.startTime ?? 0;
  let step: ThenStep | undefined = scenario.then;
  let tail: Prediction = first.prediction;
  for (let k = 1; step !== undefined; k++) {
    const at = options.stepClock?.[k];
    state = { ...state, now: at !== undefined ? start + at : state.now + (step.delayMs ?? 0) };
    const request = applyRequestOverrides(scenario.request, step);
    const next = predictRequest(scenario, request, options.engine, world, state);
    state = next.state;
    tail.then = next.prediction;
    tail = next.prediction;
    step = step.then;
  }
  return first.prediction;
}
