// Probes ANY server (the user's own, on loopback) from a fixture origin, on the live stack
// (src/live): Node replays the request as the browser would send it to capture the server's
// unfiltered answers (the page only sees filtered headers), the model predicts from those
// answers what this engine should show, and the page on that origin makes the request in a
// real engine. The library's `cors.fetch()` (src/test) and `startCorsSession()` (src/index)
// are thin wrappers.
import type { EngineProfile } from '../model/engine-profile.js';
import { getEngineProfile } from '../engine-facts/index.js';
import type {
  ClientKind,
  CredentialsMode,
  CrossOriginAttribute,
  HeaderList,
  OriginRole,
  Prediction,
  Scenario,
  ScenarioRequest,
} from '../scenario/types.js';
import { ORIGIN_ROLES } from '../scenario/types.js';
import { parseScenario } from '../scenario/validate.js';
import { LivePages } from '../live/pages.js';
import { PageHost } from '../live/page-host.js';
import { isCredentialed, replayLikeABrowser } from '../live/replay.js';
import { TargetError, type LiveTarget, type TargetReply } from '../live/target.js';
import { stepDescriptor } from './compile.js';
import type { BrowserName } from './engines/types.js';
import { installRunnerPages } from './page-runner.js';
import type { EngineSlot, HarnessServers } from './run.js';
import type { Diff, PageObservation } from './types.js';
import { errorText } from '../error-text.js';
import {
  isLoadKind,
  LOAD_KINDS,
  loadOutcome,
  type LoadKind,
  type LoadOutcome,
} from './initiators/load.js';
import { initiatorFields } from './initiators/descriptor.js';

/** What page JS does, and from where. Everything but `from` is a ScenarioRequest field. */
export interface ProbeRequest extends Omit<ScenarioRequest, 'target' | 'query'> {
  /**
   * The origin the page making the request lives on: a role (`cross-origin`, `same-site`,
   * `https-cross-origin`, ...), one of the fixture origins exactly, or an origin of your
   * choice on this machine, `http://localhost:<port>` or `http://127.0.0.1:<port>` (a page
   * server is started on that port; it must be free). Default `cross-origin`.
   */
  from?: string;
  /** `opaque-origin` (a sandboxed iframe, `Origin: null`) or `data-url`. Default `page`. */
  client?: ClientKind;
}

/** One raw answer of the server, exactly as Node received it. */
export interface RawAnswer {
  status: number;
  statusText: string;
  /** Header lines in order, names as sent. */
  headers: HeaderList;
}

/** Everything about one probed request. */
export interface ProbeResult {
  /** The URL requested. */
  url: string;
  method: string;
  /** The serialized origin of the page that made the request. */
  from: string;
  /** Its role among the fixture origins; null for an origin of your choice (`http://localhost:5173`). */
  fromRole: OriginRole | null;
  client: ClientKind;
  engine: BrowserName;
  /** The request as a scenario request (no target: the URL above is the target). */
  request: ScenarioRequest;
  /** The preflight Node sent (null: the model says the browser sends none). */
  sentPreflight: HeaderList | null;
  /** The server's raw answer to that preflight. */
  preflight: RawAnswer | null;
  /** The server's raw answer to the actual request (null: the model says it is not sent). */
  actual: RawAnswer | null;
  /** A portable scenario holding the raw answers; `predict`/`explain` it to replay the decision. */
  scenario: Scenario;
  /** The model's prediction for this engine (its profile). */
  prediction: Prediction;
  /** The model's prediction for the Fetch Standard itself (profile `spec`). */
  specPrediction: Prediction;
  /** What the page saw. */
  observation: PageObservation;
  /** Page-visible fields where observation and prediction differ (empty: they agree). */
  diffs: Diff[];
  /** Limits that apply to this result (redirects, bodies not replayed...). */
  notes: string[];
}

/** How the page loads an asset: where from, and the element's settings. */
export interface LoadRequest {
  /** As for `cors.fetch`: a role, a fixture origin or a loopback origin. Default `cross-origin`. */
  from?: string;
  /** The CORS settings attribute, for the kinds whose element has one. Default `absent`. */
  crossorigin?: CrossOriginAttribute;
  /** The kind's variant (`font-face-load`, preload's `as`, video `canvas`...). */
  variant?: string;
  /** eventsource: `include` means `withCredentials`. */
  credentials?: CredentialsMode;
}

/** Everything about one probed load: a ProbeResult whose page result is `load`. */
export interface LoadResult extends ProbeResult {
  kind: LoadKind;
  /** What the page saw (load vs error, tainted) and where it differs from the model. */
  load: LoadOutcome;
}

export interface ProberOptions {
  /** A step that has not settled after this long is a timeout. Default 10 000 ms. */
  stepTimeoutMs?: number;
  /** Overall limit of each raw exchange. Default 5 000 ms. */
  rawTimeoutMs?: number;
}

/** A user mistake: one line, naming the problem and the fix. */
export class ProbeError extends Error {
  override readonly name = 'ProbeError';
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function checkUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ProbeError(
      `cors.fetch: "${url}" is not an absolute URL (e.g. http://localhost:3000/api)`,
    );
  }
  if (u.protocol !== 'http:' || !LOOPBACK.has(u.hostname)) {
    throw new ProbeError(
      `cors.fetch: ${u.origin} is not supported: serve the app under test over http on localhost, 127.0.0.1 or [::1]`,
    );
  }
  return u;
}

function rawAnswer(a: TargetReply | null): RawAnswer | null {
  return a === null ? null : { status: a.status, statusText: a.statusText, headers: a.headers };
}

/** Page-visible fields only: the wire side of a foreign server is not journaled. */
export function comparePageFields(p: Prediction, o: PageObservation): Diff[] {
  const diffs: Diff[] = [];
  const check = (field: string, predicted: unknown, observed: unknown): void => {
    if (JSON.stringify(predicted) !== JSON.stringify(observed))
      diffs.push({ field, predicted, observed });
  };
  check('outcome', p.outcome, o.outcome);
  check('status', p.status, o.status);
  if (!(o.outcome === 'ok' && o.responseType === null))
    check('responseType', p.responseType, o.responseType);
  check('readableHeaders', [...p.readableHeaders].sort(), [...o.readableHeaders].sort());
  return diffs;
}

/**
 * Makes requests to the user's server from pages on the fixture origins (or a loopback origin
 * of the user's choice), one long-lived page per origin. Owns those pages and page servers
 * (close() closes them), not the engine or the fixture servers.
 */
export class CorsProber {
  private readonly host = new PageHost();
  private readonly pages: LivePages;
  private installed = false;
  private readonly profile: EngineProfile;
  private readonly spec = getEngineProfile('spec');

  constructor(
    private readonly slot: EngineSlot,
    private readonly servers: HarnessServers,
    private readonly opts: ProberOptions = {},
  ) {
    this.profile = getEngineProfile(slot.engine.info.browser);
    this.pages = new LivePages(slot);
  }

  /** The browser this prober drives. */
  get engine(): BrowserName {
    return this.slot.engine.info.browser;
  }

  /** Resolves a role, a fixture origin or a loopback origin; a one-line ProbeError otherwise. */
  async resolveFrom(
    from: string | undefined,
  ): Promise<{ role: OriginRole | null; origin: string }> {
    const want = from ?? 'cross-origin';
    const origins = this.servers.origins;
    if ((ORIGIN_ROLES as readonly string[]).includes(want)) {
      const role = want as OriginRole;
      return { role, origin: origins[role] };
    }
    const role = ORIGIN_ROLES.find((r) => origins[r] === want);
    if (role !== undefined) return { role, origin: want };
    const custom = /^http:\/\/(localhost|127\.0\.0\.1):(\d+)$/.exec(want);
    if (custom === null) {
      throw new ProbeError(
        `cors.fetch: from "${want}" is neither a role (${ORIGIN_ROLES.join(', ')}), a fixture origin (${[...new Set(Object.values(origins))].join(', ')}) nor http://localhost:<port>`,
      );
    }
    await this.host.serve([want]);
    const why = this.host.whyUnavailable(want);
    if (why !== null) {
      throw new ProbeError(
        `cors.fetch: cannot serve a page on ${want} (${why}): choose a free port`,
      );
    }
    return { role: null, origin: want };
  }

  /** Requests `url` from the page on `req.from` and predicts what this engine should show. */
  async fetch(url: string, req: ProbeRequest = {}): Promise<ProbeResult> {
    const targetUrl = checkUrl(url);
    const { from, client = 'page', ...rest } = req;
    const { role, origin } = await this.resolveFrom(from);
    // The request part of a scenario: validated like any scenario, one-line errors.
    let request: ScenarioRequest;
    try {
      request = parseScenario({ request: rest }).request;
    } catch (e) {
      const m = errorText(e);
      throw new ProbeError(`cors.fetch(${url}): ${m.replace('$.request', 'init')}`);
    }
    const target: LiveTarget = { url: targetUrl, probeTimeoutMs: this.opts.rawTimeoutMs ?? 5000 };
    let replay;
    try {
      replay = await replayLikeABrowser(
        target,
        { pageOrigin: origin, client, request, origins: this.servers.origins },
        this.profile,
      );
    } catch (e) {
      if (!(e instanceof TargetError)) throw e;
      const hint = e.message.startsWith('cannot reach') ? ': is the server running?' : '';
      throw new ProbeError(`cors.fetch: ${e.message}${hint}`);
    }
    const notes = [...replay.notes];
    if (origin.startsWith('https:') && targetUrl.protocol === 'http:') {
      notes.unshift(
        'an https page requesting an http URL is mixed content: the model leaves it out; Chromium and Firefox allow it for loopback, WebKit blocks it',
      );
    }
    if (isCredentialed(request) && replay.actual !== null) {
      notes.push(
        "Node's replay carries no cookies; a server that answers differently with cookies is not modelled",
      );
    }
    const prediction = replay.predict(this.profile);
    const observation = await this.observe(url, request, origin, client);
    return {
      url,
      method: request.method ?? 'GET',
      from: origin,
      fromRole: role,
      client,
      engine: this.engine,
      request,
      sentPreflight: replay.sentPreflight,
      preflight: rawAnswer(replay.preflight),
      actual: rawAnswer(replay.actual),
      scenario: replay.scenario,
      prediction,
      specPrediction: replay.predict(this.spec),
      observation,
      diffs: comparePageFields(prediction, observation),
      notes,
    };
  }

  /**
   * Loads `url` as a `kind` asset (a font, an image drawn to a canvas, a module script...)
   * from the page on `req.from`; the model predicts from the server's raw answers whether it
   * loads and whether the page finds it tainted.
   */
  async load(kind: LoadKind, url: string, req: LoadRequest = {}): Promise<LoadResult> {
    if (!isLoadKind(kind)) {
      throw new ProbeError(
        `cors.load: kind must be one of ${LOAD_KINDS.join(', ')} (got "${String(kind)}")`,
      );
    }
    const { from, ...rest } = req;
    const result = await this.fetch(url, {
      ...rest,
      api: kind,
      ...(from === undefined ? {} : { from }),
    });
    const load = loadOutcome(kind, result.prediction.initiator, result.observation);
    return { ...result, kind, load, diffs: load.diffs };
  }

  private observe(
    url: string,
    request: ScenarioRequest,
    origin: string,
    client: ClientKind,
  ): Promise<PageObservation> {
    if (!this.installed) {
      installRunnerPages(this.servers);
      this.installed = true;
    }
    const step = stepDescriptor(request, url);
    if (request.api !== undefined && request.api !== 'fetch' && request.api !== 'xhr') {
      Object.assign(step, initiatorFields(origin, 'live'));
    }
    return this.pages.fetch({
      origin,
      client,
      step,
      timeoutMs: this.opts.stepTimeoutMs ?? 10_000,
    });
  }

  /** Closes the pages this prober opened and the page servers it started. */
  async close(): Promise<void> {
    await this.pages.close();
    await this.host.close();
  }
}
