// The shape of an engine's facts: its profile knobs (what the model computes) and its
// deviation rules (what it cannot), each with evidence a reviewer can follow without us.
// Pure data: no functions, so a rule is read the same way by the suites, the fuzzer, the
// verdict and the hygiene tests.
import type { EngineProfile, KnobName } from '../model/engine-profile.js';
import type {
  Api,
  CacheMode,
  ClientKind,
  CredentialsMode,
  CrossOriginAttribute,
  OriginRole,
  RedirectMode,
  ReferrerPolicy,
  RequestMode,
} from '../scenario/types.js';

/** The browsers whose facts are recorded (the model's `spec` profile is the standard). */
export type BrowserEngine = 'chromium' | 'firefox' | 'webkit';

/**
 * One upstream source a stranger can open:
 * - `source`: a file path in the engine's own repository (chromium/src, mozilla-central /
 *   gecko-dev, WebKit; libsoup for WebKitGTK's network layer) and the function or constant;
 * - `bug`: the URL of a bug in the engine's tracker (or a standards issue the engine's
 *   developers filed or answered);
 * - `wpt`: the engine's own WPT expectation file (Chromium `*-expected.txt` or
 *   `TestExpectations`, Gecko `testing/web-platform/meta/**.ini`, WebKit
 *   `LayoutTests/imported/w3c/**-expected.txt`) and the test or subtest named in it.
 */
export type Citation =
  { source: string; symbol: string } | { bug: string } | { wpt: string; test: string };

/**
 * Why we believe an engine fact. `evidenced`: at least one upstream citation, plus what the
 * harness saw. `unconfirmed`: seen in the engine (which build, which rows) but not backed
 * upstream yet; `searched` says where we looked, so the next reviewer does not repeat it.
 * Reports count the two apart.
 */
export type Evidence =
  | {
      status: 'evidenced';
      upstream: readonly [Citation, ...Citation[]];
      /** What the harness observed, naming the build. */
      observed?: string;
    }
  | { status: 'unconfirmed'; observed: string; searched: string };

/** A knob value an engine sets away from the spec's, with its evidence. */
export interface KnobFact {
  evidence: Evidence;
}

/** The comparison fields a rule may let an engine differ in (the last segment of a diff path). */
export type DiffField =
  | 'preflight'
  | 'acrm'
  | 'acrh'
  | 'actualSent'
  | 'outcome'
  | 'status'
  | 'responseType'
  | 'originHeader'
  | 'readableHeaders'
  | 'cookie'
  | 'loaded'
  | 'tainted'
  | 'secFetch';

/** The fields of the CORS-preflight request: whether one is sent, and its two request headers. */
export const PREFLIGHT_FIELDS: readonly DiffField[] = ['preflight', 'acrm', 'acrh'];

/** The fields of what page JS sees of the response. */
export const OUTCOME_FIELDS: readonly DiffField[] = [
  'outcome',
  'status',
  'responseType',
  'readableHeaders',
];

/**
 * Every field a Fetch step is compared in (the cookie trail aside). `secFetch` is the
 * Fetch Metadata of each request on the wire, so a rule that changes which requests are
 * sent changes it too whenever some request of the case goes to a potentially trustworthy URL.
 */
export const EVERY_FIELD: readonly DiffField[] = [
  ...PREFLIGHT_FIELDS,
  'actualSent',
  'originHeader',
  ...OUTCOME_FIELDS,
  'secFetch',
];

/** The kind of request body, as a scenario writes it (`none`: no body). */
export type BodyKind =
  | 'none'
  | 'string'
  | 'text'
  | 'url-search-params'
  | 'form-data'
  | 'blob'
  | 'array-buffer'
  | 'stream';

/**
 * Tests on a header value, a closed set (each is defined once, in rules.ts):
 * - `has-byte-0x80-or-above`: some byte of the value is 0x80-0xFF;
 * - `names-forbidden-method`: the value, split on commas, names CONNECT, TRACE or TRACK.
 */
export type ValueTest = 'has-byte-0x80-or-above' | 'names-forbidden-method';

/** Some header line (or, with `repeated`, the name set more than once) meets the test. */
export interface HeaderMatcher {
  /** Lowercase header names; the line's name must be one of them. */
  names: readonly string[];
  value?: ValueTest;
  /** Only a line after the first one of its name counts (the name is set more than once). */
  laterLine?: boolean;
}

/**
 * The values of a request a matcher can list, by field, as rules.ts reads them from the
 * request of the step that differs; a listed field holds when the value is one of the list.
 */
export interface ListedRequestValues {
  api: Api;
  /** The method after normalisation (uppercase for the six the standard normalises). */
  method: string;
  mode: RequestMode;
  credentials: CredentialsMode;
  cache: CacheMode;
  redirect: RedirectMode;
  referrerPolicy: ReferrerPolicy;
  body: BodyKind;
  target: OriginRole;
  /** Initiators: the CORS settings attribute (absent when the scenario leaves it out). */
  crossorigin: CrossOriginAttribute;
  /** Initiators: the variant (the api's default when the scenario leaves it out). */
  variant: string;
}

/** The request of the step that differs; every field given must hold. */
export type RequestMatcher = {
  [F in keyof ListedRequestValues]?: readonly ListedRequestValues[F][];
} & {
  /** The method (after normalisation) is none of these. */
  notMethod?: readonly string[];
  /** Whether the method is a CORS-safelisted method (GET, HEAD, POST). */
  safelistedMethod?: boolean;
  uploadListener?: boolean;
  /** Every header matcher must be met by the request's header lines. */
  headers?: readonly HeaderMatcher[];
};

/**
 * How one redirect hop moves, from the URL that answered with it to the URL it points to:
 * - `same-origin`: to the same origin;
 * - `cross-origin`: to another origin (any of the following three included);
 * - `to-page-origin`: from another origin back to the page's own origin;
 * - `from-page-origin`: from the page's origin to another origin;
 * - `off-page-origin`: to an origin other than the page's (from anywhere).
 */
export type HopKind =
  'same-origin' | 'cross-origin' | 'to-page-origin' | 'from-page-origin' | 'off-page-origin';

/** The scenario's redirect hops; every field given must hold. */
export interface RedirectMatcher {
  /** Whether the scenario has redirect hops at all (absent: either). */
  present?: boolean;
  /** Some hop answers with one of these statuses. */
  status?: readonly number[];
  /** Each of these kinds of move happens at some hop. */
  hops?: readonly HopKind[];
  /** Every hop moves this way. */
  everyHop?: HopKind;
  /** The last hop that is followed (the one that reaches the final URL) moves this way. */
  lastHop?: HopKind;
  /**
   * Some hop rewrites the method to GET the way the spec does: a 303 for a method other than
   * GET or HEAD, a 301 or 302 for POST (https://fetch.spec.whatwg.org/#concept-http-redirect-fetch).
   */
  rewritesToGET?: boolean;
  /** Some hop's redirect response lacks every one of these headers (lowercase names). */
  someHopWithout?: readonly string[];
  /**
   * Some hop that is followed puts `user:pass@` into its Location (a hop that ends the chain,
   * without Location or with a status that is not a redirect status, is never followed).
   */
  userinfo?: boolean;
  /**
   * The chain ends on a redirect status without a Location header: a hop that leaves it
   * out, or a final response (`server.actual`) with a redirect status and no Location.
   */
  noLocation?: boolean;
  /** Some hop points to a `data:` URL. */
  toDataURL?: boolean;
}

/** When a rule applies: every part given must hold for the differing step. */
export interface Matcher {
  request?: RequestMatcher;
  redirects?: RedirectMatcher;
  client?: readonly ClientKind[];
  /**
   * The response the chain ends on (the first redirect hop that is not followed, else the
   * final URL's actual response) has one of these statuses.
   */
  finalStatus?: readonly number[];
  /** The status of the response the chain ends on lies in one of these ranges (ends included). */
  finalStatusRanges?: readonly { from: number; to: number }[];
  /**
   * The MIME type extracted from the response the chain ends on
   * (https://fetch.spec.whatwg.org/#concept-header-extract-mime-type; the fixture asset's own
   * type when the scenario names none): `not-text-css` is anything but `text/css`;
   * `not-javascript-not-refused` is no JavaScript MIME type and none of the types
   * https://fetch.spec.whatwg.org/#should-response-to-request-be-blocked-due-to-mime-type?
   * refuses as script (`image/*`, `audio/*`, `video/*`, `text/csv`); `none` is no MIME type at
   * all (extraction fails: no valid Content-Type, or a body of the scenario's own without one).
   */
  finalMIMEType?: 'not-text-css' | 'not-javascript-not-refused' | 'none';
  /**
   * Some answer the scenario's servers give (a redirect hop, a preflight at a hop or at the
   * final URL, the final answer) has one of these statuses.
   */
  anyStatus?: readonly number[];
  /** `first`: only the scenario's first request; `then`: only a follow-up. */
  step?: 'first' | 'then';
}

/**
 * An engine behaviour the model does not compute. A failing case whose every difference (in
 * the step that differs) lies in `fields` and whose step matches `when` is a deviation of the
 * engine, counted evidenced or unconfirmed by `evidence.status`.
 */
export interface DeviationRule {
  /** Kebab-case, unique within the engine. */
  id: string;
  /** One sentence: what the engine does and what the standard says instead. */
  reason: string;
  fields: readonly DiffField[];
  when: Matcher;
  evidence: Evidence;
  /**
   * Suite rows (scenario ids) where the engine shows the deviation. A run where such a row
   * matches the spec reports `unexpected-pass`: the engine changed, the rule is stale.
   */
  rows?: readonly string[];
  /** Fuzz replays (`SEED:PATH`) whose scenario shows the deviation. */
  replays?: readonly string[];
  /**
   * Range on the engine build's major version the rule holds for (`">=150 <157"`; see
   * src/harness/expectation-versions.ts). Absent: every build.
   */
  versions?: string;
}

/** Everything recorded about one engine. */
export interface EngineFacts {
  engine: BrowserEngine;
  /** The model's profile: the spec's knobs with this engine's values. */
  profile: EngineProfile;
  /** Evidence for every knob whose value differs from the spec's. */
  knobs: Partial<Record<KnobName, KnobFact>>;
  rules: readonly DeviationRule[];
  /** How the harness drives the engine where that shapes what is observed (shown in reports). */
  conditions: readonly string[];
}
