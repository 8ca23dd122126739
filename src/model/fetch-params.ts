// The state one fetch carries through the algorithms (the spec's request, response and
// fetch params), reduced to what the CORS protocol observes. Plain data; the algorithms
// mutate the request they were given (as the spec does) and nothing else.
import type {
  CacheMode,
  CredentialsMode,
  HeaderList,
  Reason,
  RedirectMode,
  ReferrerPolicy,
  RequestMode,
  ResponseType,
  WireRequest,
} from '../scenario/types.js';
import type { EngineProfile } from './engine-profile.js';
import type { CookieJar } from './cookies.js';
import type { Origin } from './origin.js';
import type { PreflightCache } from './cors-preflight-cache.js';
import { reason, type StepFailure } from './result.js';
import type { Network } from './scenario-network.js';

// https://fetch.spec.whatwg.org/#concept-request
export interface ModelRequest {
  method: string;
  /** The URL list; its last item is the current URL. */
  urlList: string[];
  headerList: HeaderList;
  /** Null, or a body whose source is null (`stream`: cannot be replayed) or not. */
  body: null | { stream: boolean };
  origin: Origin;
  /** fetch() and XHR set the first three; HTML also navigate (forms) and websocket. */
  mode: RequestMode | 'navigate' | 'websocket';
  /** The request's destination (`''` for fetch() and XHR). Absent: `''`. */
  destination?: string;
  credentialsMode: CredentialsMode;
  redirectMode: RedirectMode;
  cacheMode: CacheMode;
  referrerPolicy: ReferrerPolicy;
  unsafeRequest: boolean;
  useCORSPreflight: boolean;
  responseTainting: 'basic' | 'cors' | 'opaque';
  redirectCount: number;
}

/** What the algorithm creating a request sets; the request's origin has no default here. */
export type NewRequestFields = Pick<ModelRequest, 'origin'> &
  Partial<Omit<ModelRequest, 'urlList' | 'origin' | 'responseTainting' | 'redirectCount'>>;

// https://fetch.spec.whatwg.org/#concept-request
/**
 * A new request for `url`: the fields the creating algorithm sets over the spec's initial
 * values (method GET, empty header list, null body, mode no-cors, credentials same-origin,
 * cache default, redirect follow, empty referrer policy, both flags unset). Response
 * tainting starts basic and the redirect count at zero whoever creates it.
 */
export function newRequest(url: string, fields: NewRequestFields): ModelRequest {
  return {
    method: 'GET',
    urlList: [url],
    headerList: [],
    body: null,
    mode: 'no-cors',
    credentialsMode: 'same-origin',
    redirectMode: 'follow',
    cacheMode: 'default',
    referrerPolicy: '',
    unsafeRequest: false,
    useCORSPreflight: false,
    ...fields,
    responseTainting: 'basic',
    redirectCount: 0,
  };
}

export function currentURL(request: ModelRequest): string {
  const last = request.urlList[request.urlList.length - 1];
  if (last === undefined) throw new Error('a request always has a URL');
  return last;
}

// https://fetch.spec.whatwg.org/#concept-response
export interface ModelResponse {
  type: Exclude<ResponseType, 'error'>;
  status: number;
  headers: HeaderList;
  /** The header lines as the server sent them, when the engine's network layer changed them. */
  linesAsSent?: HeaderList;
  urlList: string[];
  /** The CORS-exposed header-name list (cors tainting only). */
  corsExposed: string[];
  /** Lowercase header names JS can read from this (filtered) response. */
  readable: string[];
  /** For a filtered response, the response it wraps. */
  internal?: ModelResponse;
}

// https://fetch.spec.whatwg.org/#concept-network-error
export interface NetworkError {
  type: 'error';
  /** The algorithm and step that produced the network error. */
  failure: StepFailure;
}

export type FetchResponse = ModelResponse | NetworkError;

export function isNetworkError(r: FetchResponse): r is NetworkError {
  return r.type === 'error';
}

export function networkError(failure: StepFailure): NetworkError {
  return { type: 'error', failure };
}

// https://fetch.spec.whatwg.org/#fetch-params
export interface FetchParams {
  request: ModelRequest;
  profile: EngineProfile;
  network: Network;
  /** The clock, in ms; the model takes no time of its own. */
  now: number;
  /** The CORS-preflight cache, replaced (never mutated) as the fetch goes. */
  cache: PreflightCache;
  /** Every request that went on the wire, in order. */
  wire: WireRequest[];
  /** The decisive steps, in order. */
  because: Reason[];
  /**
   * The request's header list as page JS built it, before any redirect deleted a header
   * (read by the knob `redirectPreflightHeaders`). Absent: the current list.
   */
  initialHeaderList?: HeaderList;
  /**
   * The cookie jar (replaced as responses store cookies), the names of the scenario's
   * cookies (the ones the journal looks for) and the top-level page's origin. Absent: the
   * host-only rule alone (a scenario cookie is sent to its role's host).
   */
  cookies?: {
    jar: CookieJar;
    /** The same jar kept with the cookie knobs at the spec's values (cookieNeutralProfile). */
    neutralJar: CookieJar;
    names: readonly string[];
    topLevel: Origin;
  };
}

/** Records a decisive step. */
export function note(
  fp: FetchParams,
  algorithm: string,
  step: string | number,
  message: string,
  deviation?: string,
): void {
  fp.because.push(reason(algorithm, step, message, deviation));
}

/** A network error that is also recorded as the decisive step. */
export function failWith(fp: FetchParams, failure: StepFailure, deviation?: string): NetworkError {
  note(fp, failure.algorithm, failure.step, failure.message, deviation);
  return networkError(failure);
}
