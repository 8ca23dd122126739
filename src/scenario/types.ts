// The portable scenario format (version 1) and the records that travel with it.
//
// One scenario is read by four parties: the fixture server answers from it, the reference
// model predicts from it, the browser driver issues it, the report prints it. It is plain
// JSON data. The JSON Schema published for users lives in `scenario.schema.json` next to
// this file; `validate.ts` turns arbitrary JSON into these types or a one-line error.

/** Version of the portable scenario format described by this file. */
export const SCENARIO_FORMAT_VERSION = 1;

/**
 * Where a URL points, relative to the page that makes the request. Resolved to a real
 * origin at run time (ports from the OS, host names mapped to loopback); never a literal.
 *
 * - `same-origin`: the page's own origin (`http://example.com:P`).
 * - `cross-origin`: another host, cross-site (`http://example.net:P`).
 * - `cross-origin-different-port`: the page's host on another port (`http://example.com:Q`).
 * - `cross-origin-2`: a third origin (`http://example.org:P`), for A→B→C chains.
 * - `same-site`: a sub-domain of the page's host (`http://sub.example.com:P`).
 * - `same-origin-of-parent`: with an opaque-origin client, the origin of the page that
 *   embeds it (cross-origin for the client, whose origin is opaque).
 * - `https-cross-origin`: an https origin with a locally generated certificate.
 */
export type OriginRole =
  | 'same-origin'
  | 'cross-origin'
  | 'cross-origin-different-port'
  | 'cross-origin-2'
  | 'same-site'
  | 'same-origin-of-parent'
  | 'https-cross-origin';

/** The roles served over http: every role but `https-cross-origin`. */
export const HTTP_ORIGIN_ROLES: readonly OriginRole[] = [
  'same-origin',
  'cross-origin',
  'cross-origin-different-port',
  'cross-origin-2',
  'same-site',
  'same-origin-of-parent',
];

export const ORIGIN_ROLES: readonly OriginRole[] = [...HTTP_ORIGIN_ROLES, 'https-cross-origin'];

/** The document that runs the request: the top page, or an opaque-origin client. */
export type ClientKind = 'page' | 'opaque-origin' | 'data-url';
export const CLIENT_KINDS: readonly ClientKind[] = ['page', 'opaque-origin', 'data-url'];

export type RequestMode = 'cors' | 'no-cors' | 'same-origin';
export type CredentialsMode = 'omit' | 'same-origin' | 'include';
export type RedirectMode = 'follow' | 'error' | 'manual';
export type CacheMode =
  'default' | 'no-store' | 'reload' | 'no-cache' | 'force-cache' | 'only-if-cached';
export type ReferrerPolicy =
  | ''
  | 'no-referrer'
  | 'no-referrer-when-downgrade'
  | 'same-origin'
  | 'origin'
  | 'strict-origin'
  | 'origin-when-cross-origin'
  | 'strict-origin-when-cross-origin'
  | 'unsafe-url';
/**
 * A page API that makes a request for the page without the page choosing the mode: HTML
 * decides mode, credentials mode and destination (and the CORS settings attribute, where
 * the element has one).
 */
export type InitiatorApi =
  | 'img'
  | 'img-canvas'
  | 'script'
  | 'module-script'
  | 'dynamic-import'
  | 'stylesheet'
  | 'css-image'
  | 'font'
  | 'worker'
  | 'module-worker'
  | 'shared-worker'
  | 'importScripts'
  | 'eventsource'
  | 'beacon'
  | 'fetch-keepalive'
  | 'preload'
  | 'video'
  | 'audio'
  | 'form'
  | 'websocket';

/**
 * The initiators that load an image, a script or a style sheet through an element or a module
 * import and tell the page whether it loaded (a CSS image does not): the part that the lists
 * picking initiators (`cors.load`'s kinds, the engines' initiator rules) have in common.
 */
export const IMAGE_SCRIPT_STYLE_LOADS = [
  'img',
  'img-canvas',
  'script',
  'module-script',
  'dynamic-import',
  'stylesheet',
] as const satisfies readonly InitiatorApi[];

export const INITIATOR_APIS: readonly InitiatorApi[] = [
  ...IMAGE_SCRIPT_STYLE_LOADS,
  'css-image',
  'font',
  'worker',
  'module-worker',
  'shared-worker',
  'importScripts',
  'eventsource',
  'beacon',
  'fetch-keepalive',
  'preload',
  'video',
  'audio',
  'form',
  'websocket',
];

export type Api = 'fetch' | 'xhr' | InitiatorApi;

export function isInitiatorApi(api: Api | undefined): api is InitiatorApi {
  return api !== undefined && api !== 'fetch' && api !== 'xhr';
}

/** The CORS settings attribute (https://html.spec.whatwg.org/#cors-settings-attribute). */
export type CrossOriginAttribute = 'absent' | 'anonymous' | 'use-credentials';
export const CROSSORIGIN_VALUES: readonly CrossOriginAttribute[] = [
  'absent',
  'anonymous',
  'use-credentials',
];

/** The initiators whose element has a CORS settings attribute. */
export const CROSSORIGIN_APIS: readonly InitiatorApi[] = [
  'img',
  'img-canvas',
  'script',
  'module-script',
  'stylesheet',
  'preload',
  'video',
  'audio',
];

/** Per-initiator sub-choices (`request.variant`); the first of each list is the default. */
export const VARIANTS: Readonly<Partial<Record<InitiatorApi, readonly string[]>>> = {
  'css-image': ['background-image', 'mask-image'],
  font: ['font-face', 'font-face-load'],
  preload: ['fetch', 'script', 'style', 'font', 'image'],
  video: ['load', 'canvas'],
  audio: ['load'],
  worker: ['construct'],
  'module-worker': ['construct'],
  'shared-worker': ['construct'],
};

/** An ordered list of raw header lines: duplicates, order and case are kept. */
export type HeaderList = [name: string, value: string][];

/**
 * Headers as a scenario author writes them: an object (an array value is several header
 * lines of that name, in order) or a list of `[name, value]` pairs. `normalizeHeaders`
 * turns either into a `HeaderList`.
 */
export type HeadersInit = Record<string, string | string[]> | HeaderList;

/**
 * A request body. A bare string is a `USVString` body. The object forms name the
 * BodyInit type, which decides the default `Content-Type` (fetch#bodyinit-unions).
 */
export type BodySpec =
  | string
  | { kind: 'text'; value: string }
  | { kind: 'url-search-params'; value: string }
  | { kind: 'form-data'; fields: Record<string, string> }
  | { kind: 'blob'; value: string; type: string }
  | { kind: 'array-buffer'; value: string }
  | { kind: 'stream'; value: string };

export interface ScenarioRequest {
  /** The method string as page JS passes it (before normalization). Default `GET`. */
  method?: string;
  headers?: HeadersInit;
  mode?: RequestMode;
  credentials?: CredentialsMode;
  redirect?: RedirectMode;
  /** Where the first request goes. Default `cross-origin`. */
  target?: OriginRole;
  body?: BodySpec;
  api?: Api;
  /** XHR only: register a listener on `xhr.upload` before `send()` (forces a preflight). */
  uploadListener?: boolean;
  referrerPolicy?: ReferrerPolicy;
  cache?: CacheMode;
  /** Extra query string appended to the URL (`a=1`), making a distinct URL. */
  query?: string;
  /** XHR only: `withCredentials`; when set it wins over `credentials`. */
  withCredentials?: boolean;
  /**
   * The element's CORS settings attribute, for the initiators that have one
   * (`CROSSORIGIN_APIS`). Default `absent`.
   */
  crossorigin?: CrossOriginAttribute;
  /** A sub-choice of the initiator (`VARIANTS`), e.g. `mask-image` for `css-image`. */
  variant?: string;
}

/** What a server answers to one request: status, raw header lines, body. */
export interface ResponseSpec {
  status: number;
  /** Reason phrase on the status line; default is the usual one for the status. */
  statusText?: string;
  headers?: HeadersInit;
  body?: string;
}

/** A `data:` URL as a redirect target (printable ASCII, no spaces). */
export type DataURL = `data:${string}`;

/** Where a redirect points: an origin role, or a `data:` URL (the last hop only). */
export type RedirectTarget = OriginRole | DataURL;

export function isDataURL(target: string): target is DataURL {
  return target.startsWith('data:');
}

/** A redirect hop served before the final URL. */
export interface RedirectHop {
  /** A redirect status (301, 302, 303, 307, 308) or any other (100-999), to test non-redirects. */
  status: number;
  /**
   * Where the `Location` points: the origin of the next hop or the final URL, or a `data:`
   * URL, which no server answers (only the last hop may point to one).
   */
  to: RedirectTarget;
  headers?: HeadersInit;
  /** Put `user:pass@` into the `Location` URL. */
  userinfo?: string;
  /** Leave out the `Location` header. */
  noLocation?: boolean;
  /** What this hop's URL answers to a preflight; null/absent: it is not a valid preflight answer (404). */
  preflight?: ResponseSpec | null;
}

export interface ScenarioServer {
  /**
   * What the final URL answers to a CORS preflight. `null` or absent: a 404 without CORS
   * headers (a preflight to it fails).
   */
  preflight?: ResponseSpec | null;
  /** What the final URL answers to the actual request. Default: 200, no headers. */
  actual?: ResponseSpec;
  /**
   * Redirect hops, in order, served before the final URL. The first hop is at
   * `request.target`; hop i's `to` is where hop i+1 (or the final URL) lives.
   */
  redirects?: RedirectHop[];
}

/** A cookie put into the browser's jar before the scenario runs. */
export interface CookieSetup {
  /** The origin whose host the cookie belongs to. */
  on: OriginRole;
  name: string;
  value: string;
  /** Raw cookie attributes, e.g. `SameSite=None; Secure`. */
  attributes?: string;
}

/**
 * A follow-up request made after the previous one completed, to the same URL (unless
 * `request.query` makes another). Overrides apply to the scenario's *first* request;
 * headers are merged by name (case-insensitive) and a `null` value removes a header.
 */
export interface ThenStep {
  delayMs?: number;
  request?: Omit<ScenarioRequest, 'headers'> & {
    headers?: Record<string, string | string[] | null>;
  };
  then?: ThenStep;
}

export interface Scenario {
  /** Optional URI of the JSON Schema, for editors; ignored. */
  $schema?: string;
  /** Stable id, `area/short-name`. Optional for ad-hoc `predict` input. */
  id?: string;
  title?: string;
  /** Fetch-standard anchors this scenario exercises (`concept-cors-check`, ...). */
  anchors?: string[];
  /** Format version; absent means 1. */
  version?: number;
  client?: ClientKind;
  request: ScenarioRequest;
  server?: ScenarioServer;
  setup?: { cookies?: CookieSetup[] };
  then?: ThenStep;
  /**
   * Concrete origins to use for the roles when predicting outside a run (the harness
   * overrides them with the origins it really serves). Missing roles get defaults.
   */
  origins?: Partial<Record<OriginRole, string>>;
}

/** Why the model decided something: the spec algorithm (anchor id) and step. */
export interface Reason {
  /** Fetch-standard anchor id, e.g. `concept-cors-check`. */
  algorithm: string;
  /** Step number within that algorithm (dotted for sub-steps, e.g. `5.3`). */
  step: string;
  /** One sentence, with the concrete values. */
  message: string;
  /** Engine-profile entry that changed the spec's answer, when one did. */
  deviation?: string;
}

export type Outcome = 'ok' | 'network-error' | 'exception';
export type ResponseType = 'basic' | 'cors' | 'opaque' | 'opaqueredirect' | 'default' | 'error';

/** What the model expects one request (and, along `then`, each follow-up) to show. */
export interface Prediction {
  /** Whether any CORS preflight was sent. */
  preflight: boolean;
  /** `Access-Control-Request-Method` of the first preflight, or null. */
  acrm: string | null;
  /** `Access-Control-Request-Headers` of the first preflight, or null when absent. */
  acrh: string | null;
  /**
   * Whether the actual (non-preflight) request reached the final URL: the URL the scenario's
   * last redirect points to (the request's target when there is none). A fetch that stops
   * earlier (a refused redirect, `redirect: 'manual'`, a failed check) never sends it.
   */
  actualSent: boolean;
  /** `ok`: a response reached JS; `network-error`: TypeError / XHR error; `exception`: thrown before any request. */
  outcome: Outcome;
  /** Status JS sees (0 for opaque), null on error. */
  status: number | null;
  responseType: ResponseType | null;
  /** `Origin` header on the actual request at the final URL; null when absent or not sent. */
  originHeader: string | null;
  /** Lowercase names JS can read, sorted. */
  readableHeaders: string[];
  /** Every request on the wire, in order. */
  wire?: WireRequest[];
  /** What HTML hands to Fetch and what the page observes; present iff the api is an initiator. */
  initiator?: InitiatorPrediction;
  then?: Prediction;
  because: Reason[];
}

/** One request as it leaves the browser (model) or arrives at a server (journal). */
export interface WireRequest {
  /** Index of the URL in the chain: 0 = `request.target`, last = the final URL. */
  hop: number;
  preflight: boolean;
  method: string;
  origin: string | null;
  acrm?: string | null;
  acrh?: string | null;
  /** The request carried the scenario's cookie (see `setup.cookies`). */
  cookie?: boolean;
  /**
   * The Fetch Metadata headers (https://w3c.github.io/webappsec-fetch-metadata/) the request
   * carries; absent when none is sent (a URL that is not potentially trustworthy).
   */
  secFetch?: SecFetch;
}

/** `Sec-Fetch-*` header values of one request; `user` absent means no `Sec-Fetch-User`. */
export interface SecFetch {
  site: 'same-origin' | 'same-site' | 'cross-site' | 'none';
  mode: string;
  dest: string;
  user?: boolean;
}

/** The request HTML hands to Fetch for an initiator, and what the page can observe. */
export interface InitiatorPrediction {
  request: {
    mode: RequestMode | 'navigate' | 'websocket';
    credentials: CredentialsMode;
    /** The request's destination (`''` for fetch-like requests). */
    destination: string;
    /** The request's initiator (`''`, `fetch`, `prefetch`, ...). */
    initiator: string;
    /** Whether this request can ever be CORS-preflighted (only cors-mode requests can). */
    preflightPossible: boolean;
  };
  page: {
    /** The load event (or a resolved promise, a message, an open event) vs an error. */
    loaded: boolean;
    /**
     * Where the page can tell: a canvas read throws, `cssRules` throws, the script error
     * event is muted ("Script error."). Absent where the initiator has no such observable.
     */
    tainted?: boolean;
  };
}
