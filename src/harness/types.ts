// Records the harness passes between its stages: what the page is asked to do (descriptors),
// what the page saw (page observations), what the servers saw (journal observations), and
// the per-case result that reports read.
import type { JournalRecord } from '../../servers/instruction.js';
import type {
  Api,
  BodySpec,
  CacheMode,
  ClientKind,
  CredentialsMode,
  HeaderList,
  Outcome,
  Prediction,
  RedirectMode,
  ReferrerPolicy,
  RequestMode,
  ResponseType,
  Scenario,
  WireRequest,
} from '../scenario/types.js';

/** One request the in-page runner makes: everything page JS passes, already resolved. */
export interface StepDescriptor {
  url: string;
  api: Api;
  /** Left out when the scenario left it out (fetch then uses its default, GET). */
  method?: string;
  /** Header lines in order; fetch `append`s each, XHR calls `setRequestHeader` for each. */
  headers: HeaderList;
  body?: BodySpec;
  mode?: RequestMode;
  credentials?: CredentialsMode;
  redirect?: RedirectMode;
  cache?: CacheMode;
  referrerPolicy?: ReferrerPolicy;
  uploadListener?: boolean;
  withCredentials?: boolean;
  /** Wait this long before the step (then-steps only). */
  delayMs?: number;
  /** A `/__mark` URL the runner fetches (no-cors) before this step, splitting the journal. */
  markUrl?: string;
  /** Initiators: the CORS settings attribute (`absent`, `anonymous`, `use-credentials`). */
  crossorigin?: string;
  /** Initiators: the per-api sub-choice (`mask-image`, `font-face-load`, preload's `as`...). */
  variant?: string;
  /** Initiators observed on the wire only: the page polls this token's journal here. */
  journalUrl?: string;
  /** Initiators: the page origin, where helper documents (an importScripts worker) live. */
  helperOrigin?: string;
}

/** One case as the page runs it: its steps in sequence. */
export interface CaseDescriptor {
  token: string;
  steps: StepDescriptor[];
}

/** What the in-page runner reports for one step, before engine strings are interpreted. */
export interface RawStepResult {
  /** `ok`: a response reached JS; `rejected`: fetch rejected / XHR error event; `threw`: construction threw. */
  kind: 'ok' | 'rejected' | 'threw' | 'timeout';
  /** For XHR failures: which event fired (`error`, `abort`, `timeout`). */
  event?: string;
  status: number | null;
  statusText: string | null;
  type: string | null;
  url: string | null;
  redirected: boolean | null;
  /** Names JS can read, lowercase, sorted, unique. */
  headerNames: string[];
  body: string | null;
  errorName: string | null;
  errorMessage: string | null;
  elapsedMs: number;
  /** When the request started on the page's clock (ms; only differences mean anything). */
  startedMs?: number;
  /** Initiators: what the page-side driver saw (src/harness/initiators/). */
  initiator?: InitiatorPageResult;
}

/**
 * What an initiator's driver reports. `loaded` null: the page has no event that tells
 * (a CSS background image); the wire alone is compared then.
 */
export interface InitiatorPageResult {
  loaded: boolean | null;
  /** Canvas read threw, `cssRules` threw, or the error event was muted; absent where meaningless. */
  tainted?: boolean;
  /** What happened, in a few words (the event, the exception), kept as evidence. */
  detail?: string;
  /** No load or error event within the driver's deadline (`loaded` is then false). */
  timeout?: boolean;
}

export interface RawCaseResult {
  token: string;
  steps: RawStepResult[];
  /** Set when the runner itself failed for this case (not the request). */
  harnessError?: string;
}

/** What the page saw for one step, with engine strings turned into an outcome. */
export interface PageObservation {
  outcome: Outcome;
  status: number | null;
  statusText: string | null;
  /** Response type, or null when the API does not expose it (XHR) or on error. */
  responseType: ResponseType | null;
  url: string | null;
  redirected: boolean | null;
  readableHeaders: string[];
  body: string | null;
  /** Error name and raw engine message, kept as evidence. */
  error: { name: string; message: string } | null;
  /** True when a failure message was not one engine-strings.ts knows. */
  unrecognisedError?: boolean;
  elapsedMs: number;
  /** Initiators: the driver's load/error and taint result. */
  initiator?: InitiatorPageResult;
}

/** What the fixture servers saw for one step (the journal between two marks). */
export interface WireObservation {
  preflight: boolean;
  acrm: string | null;
  acrh: string | null;
  actualSent: boolean;
  originHeader: string | null;
  wire: WireRequest[];
}

/** Everything observed for one step; `then` follows the chain like Prediction. */
export interface Observation extends PageObservation, WireObservation {
  then?: Observation;
}

/**
 * `known-deviation`: an engine fact with upstream evidence explains the difference;
 * `unconfirmed-deviation`: an engine fact explains it, but its evidence is not confirmed
 * upstream yet (src/engine-facts/README.md).
 */
export type VerdictKind =
  | 'pass'
  | 'fail'
  | 'known-deviation'
  | 'unconfirmed-deviation'
  | 'unexpected-pass'
  | 'harness-error';

export interface Diff {
  /** Dotted field path, e.g. `then.acrh`. */
  field: string;
  predicted: unknown;
  observed: unknown;
}

export interface CaseResult {
  scenario: Scenario;
  engine: string;
  /** The engine build's version (EngineInfo.version), when the runner knew it. */
  engineVersion?: string;
  client: ClientKind;
  token: string;
  prediction: Prediction | null;
  specPrediction: Prediction | null;
  observation: Observation | null;
  journal: JournalRecord[];
  console: string[];
  verdict: VerdictKind;
  diffs: Diff[];
  /** Why the case is a harness error, or the deviation's reason. */
  note?: string;
  /**
   * The engine was restarted (after a crash or a hung script) and this case's batch ran in
   * the new browser: why the old one was given up.
   */
  restart?: string;
  /** For deviations: the engine's knobs and rules (src/engine-facts/) that explain it. */
  explainedBy?: { knobs: string[]; rules: string[] };
}

/** What a harness-error case names: the case, where it ran, and why it has no result. */
export interface HarnessErrorOf {
  scenario: CaseResult['scenario'];
  engine: string;
  client: CaseResult['client'];
  token: string;
  note: string;
}

/** A case without an observation: verdict `harness-error`, the cause in `note`. */
export function harnessErrorCase(of: HarnessErrorOf, extra: Partial<CaseResult> = {}): CaseResult {
  return {
    ...of,
    prediction: null,
    specPrediction: null,
    observation: null,
    journal: [],
    console: [],
    verdict: 'harness-error',
    diffs: [],
    ...extra,
  };
}
