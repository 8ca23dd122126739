// Probes ANY server (the user's own, on loopback) from a fixture origin: the page on that
// origin makes the request in a real engine, Node sends the same request(s) with a raw client
// to capture the server's unfiltered answers (the page only sees filtered headers), and the
// model predicts from those answers what this engine should show. The library's
// `cors.fetch()` (src/test) and `startCorsSession()` (src/index) are thin wrappers.
import { RawClient, type RawReply } from '../../servers/raw-client.js';
import type { EngineProfile } from '../model/engine-profile.js';
import { predict } from '../model/predict.js';
import { getEngineProfile } from '../engine-facts/index.js';
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
import { ORIGIN_ROLES } from '../scenario/types.js';
import { parseScenario } from '../scenario/validate.js';
import type { World } from '../scenario/world.js';
import { stepDescriptor } from './compile.js';
import type { BrowserName, EnginePage } from './engines/types.js';
import { observePage } from './observe.js';
import { startPageHost, type PageHost } from './page-host.js';
import {
  PAGE_RUNNER_SOURCE,
  RUNNER_PAGE_PATH,
  clientFields,
  installRunnerPages,
  type RunnerArg,
} from './page-runner.js';
import type { EngineSlot, HarnessServers } from './run.js';
import type { Diff, PageObservation, RawCaseResult } from './types.js';

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

export interface ProberOptions {
  /** A step that has not settled after this long is a timeout. Default 10 000 ms. */
  stepTimeoutMs?: number;
  /** Timeout of each raw exchange. Default 5 000 ms. */
  rawTimeoutMs?: number;
}

/** A user mistake: one line, naming the problem and the fix. */
export class ProbeError extends Error {
  override readonly name = 'ProbeError';
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The origin role the model puts the user's server on (its URL is given separately). */
const TARGET_ROLE: OriginRole = 'cross-origin';

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

/** Body bytes and default Content-Type the browser would send for the forms Node can replay. */
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

function has(list: HeaderList, name: string): boolean {
  const n = name.toLowerCase();
  return list.some(([k]) => k.toLowerCase() === n);
}

/** Sends one request with a raw client and reads one response (Connection: close). */
async function rawExchange(
  url: URL,
  method: string,
  headers: HeaderList,
  body: string | undefined,
  timeoutMs: number,
): Promise<RawAnswer> {
  const port = url.port === '' ? 80 : Number(url.port);
  const lines = [`${method} ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`];
  for (const [n, v] of headers) lines.push(`${n}: ${v}`);
  const bytes = body === undefined ? undefined : Buffer.from(body, 'utf8');
  if (bytes !== undefined) lines.push(`Content-Length: ${bytes.length}`);
  lines.push('Connection: close', '', '');
  // `localhost` may be served on either loopback address: IPv4 first, like most clients.
  const hosts: ('127.0.0.1' | '::1')[] =
    url.hostname === '[::1]'
      ? ['::1']
      : url.hostname === 'localhost'
        ? ['127.0.0.1', '::1']
        : ['127.0.0.1'];
  let client: RawClient | undefined;
  let failure: unknown;
  for (const host of hosts) {
    try {
      client = await RawClient.connect({ port, host, timeoutMs });
      break;
    } catch (e) {
      failure = e;
    }
  }
  if (client === undefined) {
    const why = failure instanceof Error ? failure.message : String(failure);
    throw new ProbeError(
      `cors.fetch: cannot connect to ${url.origin} (${why}): is the server running?`,
    );
  }
  try {
    client.write(lines.join('\r\n'));
    if (bytes !== undefined) client.write(bytes);
    if (method === 'HEAD') return parseHead(await client.readToEnd());
    const reply: RawReply = await client.readResponse();
    return { status: reply.status, statusText: reply.reason, headers: reply.headers };
  } finally {
    client.close();
  }
}

/** A response to HEAD has a Content-Length but no body: read the head up to the close. */
export function parseHead(bytes: Buffer): RawAnswer {
  const text = bytes.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const lines = (end < 0 ? text : text.slice(0, end)).split('\r\n');
  const m = /^HTTP\/1\.[01] (\d{3}) ?(.*)$/.exec(lines[0] ?? '');
  if (m === null)
    throw new ProbeError(`cors.fetch: the server's answer to HEAD has no status line`);
  const headers: HeaderList = lines.slice(1).map((l) => {
    const c = l.indexOf(':');
    return [l.slice(0, c), l.slice(c + 1).replace(/^ /, '')];
  });
  return { status: Number(m[1]), statusText: m[2] ?? '', headers };
}

function responseSpec(a: RawAnswer): ResponseSpec {
  return { status: a.status, statusText: a.statusText, headers: a.headers };
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
 * Makes requests to the user's server from pages on the fixture origins, one long-lived page
 * per origin. Owns those pages (close() closes them), not the engine or the servers.
 */
export class CorsProber {
  private readonly pages = new Map<string, Promise<EnginePage>>();
  private readonly hosts = new Map<string, Promise<PageHost>>();
  private installed = false;
  private seq = 0;
  private readonly profile: EngineProfile;
  private readonly spec = getEngineProfile('spec');

  constructor(
    private readonly slot: EngineSlot,
    private readonly servers: HarnessServers,
    private readonly opts: ProberOptions = {},
  ) {
    this.profile = getEngineProfile(slot.engine.info.browser);
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
    let host = this.hosts.get(want);
    if (host === undefined) {
      host = startPageHost(want);
      host.catch(() => this.hosts.delete(want));
      this.hosts.set(want, host);
    }
    try {
      await host;
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new ProbeError(
        `cors.fetch: cannot serve a page on ${want} (${why}): choose a free port`,
      );
    }
    return { role: null, origin: want };
  }

  /** Requests `url` from the page on `req.from` and predicts what this engine should show. */
  async fetch(url: string, req: ProbeRequest = {}): Promise<ProbeResult> {
    const target = checkUrl(url);
    const { from, client = 'page', ...rest } = req;
    const { role, origin } = await this.resolveFrom(from);
    // The request part of a scenario: validated like any scenario, one-line errors.
    let request: ScenarioRequest;
    try {
      request = parseScenario({ request: rest }).request;
    } catch (e) {
      const m = e instanceof Error ? e.message : String(e);
      throw new ProbeError(`cors.fetch(${url}): ${m.replace('$.request', 'init')}`);
    }
    const world: World = {
      client,
      pageOrigin: origin,
      origins: {
        ...this.servers.origins,
        'same-origin': origin,
        'same-origin-of-parent': origin,
        [TARGET_ROLE]: target.origin,
      },
    };
    const scenarioFor = (server: ScenarioServer): Scenario => ({
      title: `${request.method ?? 'GET'} ${url} from ${client === 'page' ? origin : `an opaque origin in ${origin}`}`,
      client,
      request: { ...request, target: TARGET_ROLE },
      server,
      origins: world.origins,
    });
    const predictWith = (server: ScenarioServer, profile = this.profile): Prediction =>
      predict(scenarioFor(server), { engine: profile, world });

    const notes: string[] = [];
    if (origin.startsWith('https:') && target.protocol === 'http:') {
      notes.push(
        'an https page requesting an http URL is mixed content: the model leaves it out; Chromium and Firefox allow it for loopback, WebKit blocks it',
      );
    }
    const timeout = this.opts.rawTimeoutMs ?? 5000;
    const requestOrigin = client === 'page' ? origin : 'null';
    const authorHeaders = normalizeHeaders(request.headers);

    // 1. Does the browser send a preflight, and with which ACRM/ACRH? That is decided by the
    //    request alone (the cache is empty), so any server answer will do here.
    const first = predictWith({ preflight: null, actual: { status: 200 } });
    let sentPreflight: HeaderList | null = null;
    let preflight: RawAnswer | null = null;
    if (first.outcome !== 'exception' && first.preflight) {
      sentPreflight = [
        ['Origin', requestOrigin],
        ['Access-Control-Request-Method', first.acrm ?? 'GET'],
      ];
      if (first.acrh !== null) sentPreflight.push(['Access-Control-Request-Headers', first.acrh]);
      sentPreflight.push(['Accept', '*/*']);
      preflight = await rawExchange(target, 'OPTIONS', sentPreflight, undefined, timeout);
    }
    // 2. With that answer, does the actual request go out? Only then is it replayed (a
    //    request the browser would not send must not reach the server from Node either).
    const pre: ScenarioServer = {
      preflight: preflight === null ? null : responseSpec(preflight),
      actual: { status: 200 },
    };
    const second = preflight === null ? first : predictWith(pre);
    let actual: RawAnswer | null = null;
    if (second.outcome !== 'exception' && second.actualSent) {
      const headers: HeaderList = [];
      if (second.originHeader !== null) headers.push(['Origin', second.originHeader]);
      headers.push(...authorHeaders);
      const body = rawBody(request.body);
      if (body === null)
        notes.push('the request body kind is not replayed by Node (only its headers)');
      if (body && !has(headers, 'content-type')) headers.push(['Content-Type', body.type]);
      if (!has(headers, 'accept')) headers.push(['Accept', '*/*']);
      actual = await rawExchange(
        target,
        request.method ?? 'GET',
        headers,
        body ? body.text : undefined,
        timeout,
      );
      if (actual.status >= 300 && actual.status < 400 && has(actual.headers, 'location')) {
        notes.push(
          `the server redirected (${actual.status}); the library compares the first response only, redirects are not followed`,
        );
      }
    }
    if ((request.credentials === 'include' || request.withCredentials === true) && actual) {
      notes.push(
        "Node's replay carries no cookies; a server that answers differently with cookies is not modelled",
      );
    }
    // 3. The prediction from the server's real answers, for this engine and for the spec.
    const server: ScenarioServer = {
      preflight: pre.preflight ?? null,
      actual: actual === null ? { status: 200 } : responseSpec(actual),
    };
    const scenario = scenarioFor(server);
    // The model names its own URL for the target (`<origin>/cors/model/0`): say the real one.
    const modelUrl = `${target.origin}/cors/model/0`;
    const realUrls = (p: Prediction): Prediction => {
      const because = p.because.map((r) => ({
        ...r,
        message: r.message.split(modelUrl).join(url),
      }));
      return { ...p, because, ...(p.then === undefined ? {} : { then: realUrls(p.then) }) };
    };
    const prediction = realUrls(predictWith(server));
    const specPrediction = realUrls(predictWith(server, this.spec));

    // 4. What the page on that origin sees.
    const observation = await this.observe(url, request, origin, client);
    return {
      url,
      method: request.method ?? 'GET',
      from: origin,
      fromRole: role,
      client,
      engine: this.engine,
      request,
      sentPreflight,
      preflight,
      actual,
      scenario,
      prediction,
      specPrediction,
      observation,
      diffs: comparePageFields(prediction, observation),
      notes,
    };
  }

  private page(origin: string): Promise<EnginePage> {
    if (!this.installed) {
      installRunnerPages(this.servers);
      this.installed = true;
    }
    let p = this.pages.get(origin);
    if (p === undefined) {
      p = this.slot.engine.openPage(`${origin}${RUNNER_PAGE_PATH}`);
      p.catch(() => this.pages.delete(origin));
      this.pages.set(origin, p);
    }
    return p;
  }

  private async observe(
    url: string,
    request: ScenarioRequest,
    origin: string,
    client: ClientKind,
  ): Promise<PageObservation> {
    const token = `probe-${++this.seq}`;
    const arg: RunnerArg = {
      cases: [{ token, steps: [stepDescriptor(request, url)] }],
      concurrency: 1,
      bodyCap: 4096,
      stepTimeoutMs: this.opts.stepTimeoutMs ?? 10_000,
      ...clientFields(client, origin),
    };
    const once = async (): Promise<RawCaseResult[]> => {
      const page = await this.page(origin);
      return JSON.parse(await page.run<string>(PAGE_RUNNER_SOURCE, arg)) as RawCaseResult[];
    };
    let raw: RawCaseResult[];
    try {
      raw = await once();
    } catch {
      // The engine crashed or hung: a fresh one, and one more try.
      this.pages.clear();
      await this.slot.restart();
      raw = await once();
    }
    return observePage(raw[0]?.steps[0]);
  }

  /** Closes the pages this prober opened and the page servers it started. */
  async close(): Promise<void> {
    const pages = [...this.pages.values()];
    const hosts = [...this.hosts.values()];
    this.pages.clear();
    this.hosts.clear();
    await Promise.all(pages.map(async (p) => (await p.catch(() => null))?.close()));
    await Promise.all(hosts.map(async (h) => (await h.catch(() => null))?.close()));
  }
}
