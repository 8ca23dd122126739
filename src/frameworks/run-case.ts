// One generated case against one adapter: serve the policy, send every probe as a browser
// would (src/live/replay.ts: preflight and actual request, the model's decision from the
// real answers), add the raw variants the oracle needs (the same request without Origin,
// from another origin, without the cookie, with a Vary of its own, with an oddly written
// Access-Control-Request-Headers, twice), and judge each answer (oracle.ts). Every exchange
// is kept for the reproduction.
import { formatReason } from '../model/explain.js';
import { normalizeMethod } from '../model/methods.js';
import { UNRELATED_ORIGIN } from '../policy/index.js';
import { DEFAULT_COOKIE_NAME } from '../live/credentials.js';
import { hasHeader } from '../live/headers.js';
import { isRead } from '../live/readability.js';
import type { Replay, ReplayInput } from '../live/replay.js';
import { liveModel, replayLikeABrowser, responseSpec } from '../live/replay.js';
import type { LiveTarget, TargetReply } from '../live/target.js';
import { sendToTarget } from '../live/target.js';
import type { HeaderList, Prediction } from '../scenario/types.js';
import type { Verdict } from '../verify/index.js';
import { MODEL_OPAQUE_PARENT } from '../verify/probe-cases.js';
import type { OptionsProbe, RequestProbe, ResolvedRequest, SuiteCase } from './generate.js';
import { ANY_ORIGIN_POOL, oddAcrhValue, resolveOrigin, resolveRequest } from './generate.js';
import type { Disagreement, Variant } from './oracle.js';
import {
  SPEC,
  corsAnswer,
  denialReasons,
  exposureFindings,
  maxAgeFinding,
  requestVaryFinding,
  varyFindings,
  verdictFor,
} from './oracle.js';
import type { SuiteAdapter } from './suite-adapter.js';
import { answeredByRoute } from './suite-adapter.js';
import type { FrameworkPolicy } from './vocabulary.js';
import { intendsOrigin, listEntries } from './vocabulary.js';

/** One request sent and its answer, as on the wire. */
export interface Exchange {
  label: string;
  method: string;
  headers: HeaderList;
  status: number;
  responseHeaders: HeaderList;
  body: string;
}

export interface ProbeOutcome {
  probe: number;
  /** `GET from https://app.example.com with credentials, X-Token`. */
  what: string;
  intent: 'allow' | 'deny';
  deniedBecause: string[];
  /** Page JS reads the answer (the model, from the real answers). */
  read: boolean;
  verdict: Verdict;
  /** The model's deciding step. */
  reason: string;
}

export interface CaseOutcome {
  /** Why the adapter cannot express the policy (nothing was sent). */
  skipped: string | null;
  /** The adapter failed to serve or answer (a harness problem, not a finding). */
  error: string | null;
  url: string | null;
  config: unknown;
  probes: ProbeOutcome[];
  disagreements: Disagreement[];
  exchanges: Exchange[];
}

/** The cookie a logged-in user's browser sends on credentialed requests. */
export const SUITE_COOKIE: [string, string] = ['Cookie', `${DEFAULT_COOKIE_NAME}=1`];
/** The header value of the request's own Vary (a cache poisoner's). */
export const REQUEST_VARY = 'X-Cors-Conformance';
const PROBE_TIMEOUT_MS = 5000;

/** Serves the case's policy on the adapter and runs its probes. */
export async function runCase(adapter: SuiteAdapter, c: SuiteCase): Promise<CaseOutcome> {
  const out: CaseOutcome = {
    skipped: adapter.cannotExpress?.(c.policy) ?? null,
    error: null,
    url: null,
    config: null,
    probes: [],
    disagreements: [],
    exchanges: [],
  };
  if (out.skipped !== null) return out;
  try {
    const started = await adapter.start(c.policy);
    out.url = started.url;
    out.config = started.config ?? null;
    try {
      const target: LiveTarget = { url: new URL(started.url), probeTimeoutMs: PROBE_TIMEOUT_MS };
      for (const [i, probe] of c.probes.entries()) {
        const run = new ProbeRun(target, c.policy, i, out);
        if (probe.kind === 'request') await run.request(probe);
        else await run.options(probe);
      }
    } finally {
      await started.stop();
    }
  } catch (e) {
    out.error = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
  }
  return out;
}

function describeRequest(r: ResolvedRequest): string {
  const names = [...new Set(r.headers.map(([n]) => n))];
  return `${r.jsMethod} from ${r.origin}${r.credentials ? ' with credentials' : ''}${names.length > 0 ? `, headers ${names.join(', ')}` : ''}`;
}

function exchangeOf(label: string, method: string, sent: HeaderList, reply: TargetReply): Exchange {
  return {
    label,
    method,
    headers: sent,
    status: reply.status,
    responseHeaders: reply.headers,
    body: reply.body,
  };
}

/** One probe of a case: its sends and findings go into the case's outcome. */
class ProbeRun {
  constructor(
    private readonly target: LiveTarget,
    private readonly policy: FrameworkPolicy,
    private readonly index: number,
    private readonly out: CaseOutcome,
  ) {}

  private find(...d: (Disagreement | null)[]): void {
    for (const x of d) if (x !== null) this.out.disagreements.push(x);
  }

  private async send(label: string, method: string, headers: HeaderList): Promise<TargetReply> {
    const reply = await sendToTarget(this.target, { method, headers });
    this.out.exchanges.push(exchangeOf(`probe ${this.index}: ${label}`, method, headers, reply));
    return reply;
  }

  private async replay(input: ReplayInput, label: string): Promise<Replay> {
    const r = await replayLikeABrowser(this.target, input, SPEC);
    const method = normalizeMethod(input.request.method ?? 'GET');
    if (r.sentPreflight !== null && r.preflight !== null)
      this.out.exchanges.push(
        exchangeOf(
          `probe ${this.index}: ${label} preflight`,
          'OPTIONS',
          r.sentPreflight,
          r.preflight,
        ),
      );
    if (r.sentActual !== null && r.actual !== null)
      this.out.exchanges.push(
        exchangeOf(`probe ${this.index}: ${label} request`, method, r.sentActual, r.actual),
      );
    return r;
  }

  async options(probe: OptionsProbe): Promise<void> {
    const origin = resolveOrigin(this.policy, probe.origin);
    if (origin === null) return;
    const reply = await this.send('OPTIONS without Access-Control-Request-Method', 'OPTIONS', [
      ['Origin', origin],
      ['Accept', '*/*'],
    ]);
    const routed = answeredByRoute(reply.body);
    this.out.probes.push({
      probe: this.index,
      what: `OPTIONS from ${origin} without Access-Control-Request-Method`,
      intent: 'allow',
      deniedBecause: [],
      read: routed,
      verdict: routed ? 'as-intended' : 'too-strict',
      reason: routed ? 'the route answered' : `the middleware answered ${reply.status}`,
    });
    if (!routed)
      this.find({
        kind: 'options-not-routed',
        probe: this.index,
        detail: `OPTIONS from ${origin} without Access-Control-Request-Method is not a preflight, yet the middleware answered it (${reply.status}${reply.body === '' ? '' : ` ${JSON.stringify(reply.body.slice(0, 40))}`}) instead of the route`,
      });
  }

  async request(probe: RequestProbe): Promise<void> {
    const r = resolveRequest(this.policy, probe);
    if (r === null) return;
    const input: ReplayInput = {
      ...(r.origin === 'null'
        ? { pageOrigin: MODEL_OPAQUE_PARENT, client: 'opaque-origin' as const }
        : { pageOrigin: r.origin, client: 'page' as const }),
      request: {
        method: r.jsMethod,
        headers: r.headers,
        credentials: r.credentials ? 'include' : 'omit',
        redirect: 'manual',
      },
      credentialHeaders: [SUITE_COOKIE],
    };
    const first = await this.replay(input, 'as a browser sends it:');
    const prediction = first.predict(SPEC);
    this.judge(r, first, prediction, '');
    // Checks that compare answers need a server that answers the same request the same way
    // twice; one that does not (`unstable`, found by repeats) would make them say anything.
    let stable = true;
    if (first.actual !== null && first.sentActual !== null) {
      const again = await this.send('the same again', r.method, first.sentActual);
      stable = corsAnswer(again.headers) === corsAnswer(first.actual.headers);
      if (stable) await this.varyChecks(r, first.sentActual, first.actual);
      if (probe.requestVary) await this.requestVary(r, first.sentActual, first.actual, stable);
    }
    if (
      stable &&
      probe.oddAcrh !== null &&
      first.sentPreflight !== null &&
      first.preflight !== null
    )
      await this.oddAcrh(r, input, first, prediction, probe.oddAcrh);
    if (probe.repeat) {
      const again = await this.replay(input, 'the same again:');
      const answer = (x: Replay): string =>
        `${x.preflight === null ? '-' : corsAnswer(x.preflight.headers)} || ${x.actual === null ? 'not sent' : corsAnswer(x.actual.headers)}`;
      if (answer(again) !== answer(first))
        this.find({
          kind: 'unstable',
          probe: this.index,
          detail: `${describeRequest(r)}, sent twice: first "${answer(first)}", then "${answer(again)}"`,
        });
      this.judge(r, again, again.predict(SPEC), ' (sent a second time)');
    }
  }

  private judge(r: ResolvedRequest, replay: Replay, p: Prediction, suffix: string): void {
    const deniedBecause = denialReasons(this.policy, r);
    const intent = deniedBecause.length === 0 ? 'allow' : 'deny';
    const read = isRead(p);
    const last = p.because[p.because.length - 1];
    const reason = last === undefined ? '' : formatReason(last, 'spec');
    const verdict = verdictFor(intent, read);
    this.out.probes.push({
      probe: this.index,
      what: `${describeRequest(r)}${suffix}`,
      intent,
      deniedBecause,
      read,
      verdict,
      reason,
    });
    if (verdict !== 'as-intended') {
      const why =
        intent === 'allow'
          ? `the policy allows it, page JS cannot read the answer: ${reason}`
          : `the policy denies it (${deniedBecause.join('; ')}), page JS reads the answer`;
      this.find({
        kind: verdict,
        probe: this.index,
        detail: `${describeRequest(r)}${suffix}: ${why}`,
      });
    }
    if (suffix !== '' || intent !== 'allow') return;
    if (read && replay.actual !== null)
      this.find(
        ...exposureFindings(this.policy, this.index, replay.actual.headers, p.readableHeaders),
      );
    if (replay.preflight !== null && p.actualSent)
      this.find(maxAgeFinding(this.policy, this.index, replay.preflight.headers));
  }

  /** An origin whose intent is the opposite of `origin`'s (or just another one). */
  private contrastingOrigin(origin: string): string {
    const entries = listEntries(this.policy);
    const allowed = intendsOrigin(this.policy, origin);
    const candidates = allowed
      ? [UNRELATED_ORIGIN, ...ANY_ORIGIN_POOL]
      : [...entries.filter((e) => !e.includes('*')), ...ANY_ORIGIN_POOL];
    return (
      candidates.find((o) => o !== origin && intendsOrigin(this.policy, o) !== allowed) ??
      candidates.find((o) => o !== origin) ??
      UNRELATED_ORIGIN
    );
  }

  private async varyChecks(
    r: ResolvedRequest,
    sent: HeaderList,
    actual: TargetReply,
  ): Promise<void> {
    if (r.method !== 'GET' && r.method !== 'HEAD') return;
    const other = this.contrastingOrigin(r.origin);
    const without = (name: string): HeaderList => sent.filter(([n]) => n.toLowerCase() !== name);
    const noOrigin = await this.send('the same without Origin', r.method, without('origin'));
    const fromOther = await this.send(
      `the same from ${other}`,
      r.method,
      sent.map(([n, v]): [string, string] => (n.toLowerCase() === 'origin' ? [n, other] : [n, v])),
    );
    const variants: Variant[] = [
      { header: 'Origin', change: 'no Origin', headers: noOrigin.headers },
      { header: 'Origin', change: `Origin: ${other}`, headers: fromOther.headers },
    ];
    if (hasHeader(sent, 'cookie')) {
      const noCookie = await this.send('the same without Cookie', r.method, without('cookie'));
      variants.push({ header: 'Cookie', change: 'no Cookie', headers: noCookie.headers });
    }
    this.find(
      ...varyFindings(this.index, actual.headers, variants, [
        { label: `to ${r.origin}`, headers: actual.headers },
        { label: 'without Origin', headers: noOrigin.headers },
      ]),
    );
  }

  private async requestVary(
    r: ResolvedRequest,
    sent: HeaderList,
    actual: TargetReply,
    stable: boolean,
  ): Promise<void> {
    const withVary = await this.send(`the same with Vary: ${REQUEST_VARY}`, r.method, [
      ...sent,
      ['Vary', REQUEST_VARY],
    ]);
    this.find(
      requestVaryFinding(this.index, REQUEST_VARY, actual.headers, withVary.headers, stable),
    );
  }

  private async oddAcrh(
    r: ResolvedRequest,
    input: ReplayInput,
    first: Replay,
    prediction: Prediction,
    odd: NonNullable<RequestProbe['oddAcrh']>,
  ): Promise<void> {
    const sent = first.sentPreflight ?? [];
    const acrh = sent.find(([n]) => n.toLowerCase() === 'access-control-request-headers')?.[1];
    if (acrh === undefined) return;
    const value = oddAcrhValue(acrh, odd);
    const reply = await this.send(
      `the preflight with Access-Control-Request-Headers: ${value}`,
      'OPTIONS',
      sent.map(([n, v]): [string, string] =>
        n.toLowerCase() === 'access-control-request-headers' ? [n, value] : [n, v],
      ),
    );
    const model = liveModel(this.target.url, input);
    const oddPrediction = model.predict(
      {
        preflight: responseSpec(reply),
        actual: first.actual === null ? { status: 200 } : responseSpec(first.actual),
      },
      SPEC,
    );
    if (oddPrediction.actualSent !== prediction.actualSent)
      this.find({
        kind: 'acrh-format',
        probe: this.index,
        detail: `${describeRequest(r)}: the preflight with Access-Control-Request-Headers "${acrh}" ${prediction.actualSent ? 'passes' : 'fails'}, with "${value}" it ${oddPrediction.actualSent ? 'passes' : 'fails'}`,
      });
  }
}
