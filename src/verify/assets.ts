// verify's asset check: do the site's fonts, images, scripts and stylesheets load from the
// server under test when a page on the site's origin asks for them? Each asset is requested
// once from Node the way the engine would send it (src/live/replay.ts), the model says from
// that raw answer whether the page gets a load event and whether the result is tainted, and
// each engine loads it through the initiator's in-page driver from a page really on that
// origin. A finding is an asset that fails to load, or one tainted although the page asked
// for CORS, in the model or in an engine.
import { getEngineProfile, judgeFactsFor } from '../engine-facts/index.js';
import { rulesCovering } from '../engine-facts/rules.js';
import type { DeviationRule } from '../engine-facts/types.js';
import { stepDescriptor } from '../harness/compile.js';
import { initiatorFields } from '../harness/initiators/descriptor.js';
import type { Diff, InitiatorPageResult } from '../harness/types.js';
import { jarCookies, type Credentials } from '../live/credentials.js';
import { replayLikeABrowser, type Replay } from '../live/replay.js';
import type { LiveSession } from '../live/session.js';
import type { LiveTarget } from '../live/target.js';
import { formatReason } from '../model/explain.js';
import type { HeaderList, Prediction, ScenarioRequest } from '../scenario/types.js';
import type { AssetSpec } from './asset-list.js';
import { blockingHeader } from './index.js';

const SPEC = getEngineProfile('spec');

/** `ok`: loads (and is not tainted where CORS was asked for); otherwise what went wrong. */
export type AssetVerdict = 'ok' | 'fails' | 'tainted';

/** What the model predicts for the asset from the server's raw answer. */
export interface AssetModel {
  /** The request HTML hands to Fetch: `cors` when the page asks for CORS. */
  mode: string;
  credentials: string;
  loaded: boolean;
  /** Null where the kind has no taint. */
  tainted: boolean | null;
  /** The step that decided a failure or a taint ('' when it loads untainted). */
  reason: string;
}

/** One engine's load of the asset. */
export interface AssetEngineResult {
  engine: string;
  /** Load event vs error event; null when it could not run (see `skipped`). */
  loaded: boolean | null;
  /** Null where the page cannot tell (a script that raised no error, an image not drawn). */
  tainted: boolean | null;
  /** What the page saw (the event, the exception, a timeout). */
  detail: string;
  verdict: AssetVerdict | null;
  /** The engine did what the model predicts for it (its profile); null when not compared. */
  agreesWithModel: boolean | null;
  /**
   * Where it disagrees: the engine's recorded deviation rules that cover the difference
   * (src/engine-facts), `id (evidence status)`; empty when none does.
   */
  knownDeviations: string[];
  skipped?: string;
}

export interface AssetResult {
  asset: AssetSpec;
  /** The origin of the page that loads it. */
  from: string;
  /** The request Node sent and the server's raw answer (null: the model says none is sent). */
  response: { request: HeaderList; status: number; headers: HeaderList } | null;
  model: AssetModel;
  /** The model's verdict on the server's answer. */
  verdict: AssetVerdict;
  /** For a failure: the response header (or status) the model blames. */
  blockedBy: string | null;
  /** One sentence when the model or an engine says it fails or is tainted; null otherwise. */
  finding: string | null;
  notes: string[];
  browsers: AssetEngineResult[];
}

/** The request page code makes for the asset: the initiator and its CORS settings. */
export function assetRequest(asset: AssetSpec): ScenarioRequest {
  return {
    api: asset.kind,
    ...(asset.crossorigin === 'absent' ? {} : { crossorigin: asset.crossorigin }),
  };
}

/** The reason that decided: the last step before the page's load/error event. */
export function decidingReason(p: Prediction): string {
  const steps = p.because.filter((r) => r.step !== 'load' && r.step !== 'error');
  const last = steps[steps.length - 1];
  return last === undefined ? '' : formatReason(last, 'spec');
}

function verdictOf(mode: string, loaded: boolean | null, tainted: boolean | null): AssetVerdict {
  if (loaded !== true) return 'fails';
  return tainted === true && mode === 'cors' ? 'tainted' : 'ok';
}

function modelOf(p: Prediction): AssetModel {
  const init = p.initiator;
  const loaded = init?.page.loaded ?? p.outcome === 'ok';
  const tainted = init?.page.tainted ?? null;
  const mode = init?.request.mode ?? 'cors';
  const decided = !loaded || tainted === true;
  return {
    mode,
    credentials: init?.request.credentials ?? 'same-origin',
    loaded,
    tainted,
    reason: decided ? decidingReason(p) : '',
  };
}

function notesOf(asset: AssetSpec, from: string, replay: Replay, model: AssetModel): string[] {
  const notes = [...replay.notes];
  if (from.startsWith('https:') && asset.url.startsWith('http:')) {
    notes.push(
      'an https page loading an http URL is mixed content: the model leaves it out; Chromium and Firefox allow it for loopback URLs, WebKit blocks it, and every engine blocks it elsewhere',
    );
  }
  if (model.mode !== 'cors' && model.tainted === true) {
    notes.push(
      `tainted: the page loads it without CORS (no crossorigin attribute), so it cannot read its contents; add crossorigin="anonymous" (and Access-Control-Allow-Origin on the server) if it must`,
    );
  }
  if (model.credentials === 'include' && model.mode === 'cors') {
    notes.push(
      "Node's request carried no cookie; a server that answers differently to a logged-in user is not modelled",
    );
  }
  return notes;
}

/** Requests the asset from Node as the engine would for a page on `from`; the model's verdict. */
export async function probeAsset(
  asset: AssetSpec,
  from: string,
  base: LiveTarget,
): Promise<{ result: AssetResult; replay: Replay }> {
  const target: LiveTarget = { ...base, url: new URL(asset.url) };
  const replay = await replayLikeABrowser(
    target,
    { pageOrigin: from, client: 'page', request: assetRequest(asset) },
    SPEC,
  );
  const model = modelOf(replay.predict(SPEC));
  const verdict = verdictOf(model.mode, model.loaded, model.tainted);
  const result: AssetResult = {
    asset,
    from,
    response:
      replay.sentActual === null || replay.actual === null
        ? null
        : {
            request: replay.sentActual,
            status: replay.actual.status,
            headers: replay.actual.headers,
          },
    model,
    verdict,
    blockedBy: verdict === 'ok' ? null : blockingHeader(model.reason),
    finding: null,
    notes: notesOf(asset, from, replay, model),
    browsers: [],
  };
  result.finding = findingOf(result);
  return { result, replay };
}

/** The finding's sentence: the model's first, else the first engine that saw a problem. */
export function findingOf(r: AssetResult): string | null {
  const what = (v: AssetVerdict): string =>
    v === 'fails' ? 'fails to load' : 'is tainted although the page asks for CORS';
  if (r.verdict !== 'ok') return `${what(r.verdict)}: ${r.model.reason || 'see the response'}`;
  const engine = r.browsers.find((b) => b.verdict !== null && b.verdict !== 'ok');
  if (engine?.verdict == null) return null;
  // The model reads the CORS answer and the status, not the body: a body the engine cannot
  // use (not an image, a font, a script of a JavaScript MIME type) fails only in the engine.
  const why =
    engine.knownDeviations.length > 0
      ? `a known deviation: ${engine.knownDeviations.join(', ')}`
      : r.model.mode === 'cors'
        ? 'the CORS answer passes; check the body and its Content-Type, which the model does not read'
        : 'check the body and its Content-Type, which the model does not read';
  return `${what(engine.verdict)} in ${engine.engine} (${engine.detail}), where the model predicts it loads: ${why}`;
}

/** Loads every asset in the session's engine and compares with the model for that engine. */
export async function loadAssetsInSession(
  session: LiveSession,
  probed: readonly { result: AssetResult; replay: Replay }[],
  credentials: Credentials,
  stepTimeoutMs: () => number,
): Promise<void> {
  const profile = getEngineProfile(session.browser);
  const rules = judgeFactsFor(session.browser, session.engineVersion).rules;
  const credentialed = probed.filter((p) => p.result.model.credentials === 'include');
  const origins = new Set(credentialed.map((p) => new URL(p.result.asset.url).origin));
  for (const o of origins) {
    for (const cookie of jarCookies(credentials, new URL(o))) await session.addCookie(cookie);
  }
  for (const { result, replay } of probed) {
    const why = session.unavailable(result.from);
    if (why !== null) {
      result.browsers.push(skipped(session.browser, `no page on ${result.from}: ${why}`));
      continue;
    }
    const request = assetRequest(result.asset);
    const o = await session.fetch({
      origin: result.from,
      client: 'page',
      step: {
        ...stepDescriptor(request, result.asset.url),
        ...initiatorFields(result.from, 'live'),
      },
      timeoutMs: stepTimeoutMs(),
    });
    const page: InitiatorPageResult = o.initiator ?? {
      loaded: false,
      detail: o.error?.message ?? 'the page returned no load result',
    };
    const expected = modelOf(replay.predict(profile));
    const b = engineResult(session.engineLabel, result.model.mode, page);
    const diffs = differences(expected, b);
    b.agreesWithModel = b.loaded === null ? null : diffs.length === 0;
    b.knownDeviations = (rulesCovering(rules, replay.scenario, diffs) ?? []).map(ruleName);
    result.browsers.push(b);
    result.finding = findingOf(result);
  }
}

function ruleName(r: DeviationRule): string {
  return `${r.id} (${r.evidence.status})`;
}

/** Load and taint where the engine differs from its model; a taint it cannot see is left out. */
function differences(expected: AssetModel, b: AssetEngineResult): Diff[] {
  const diffs: Diff[] = [];
  if (b.loaded === null) return diffs;
  if (b.loaded !== expected.loaded)
    diffs.push({ field: 'loaded', predicted: expected.loaded, observed: b.loaded });
  else if (b.loaded && b.tainted !== null && b.tainted !== expected.tainted)
    diffs.push({ field: 'tainted', predicted: expected.tainted, observed: b.tainted });
  return diffs;
}

/** What the page saw, judged; the comparison with the model is filled in by the caller. */
function engineResult(engine: string, mode: string, page: InitiatorPageResult): AssetEngineResult {
  const loaded = page.timeout === true ? false : page.loaded;
  const tainted = page.tainted ?? null;
  return {
    engine,
    loaded,
    tainted,
    detail: `${page.timeout === true ? 'timeout: ' : ''}${page.detail ?? ''}`,
    verdict: verdictOf(mode, loaded, tainted),
    agreesWithModel: null,
    knownDeviations: [],
  };
}

function skipped(engine: string, why: string): AssetEngineResult {
  return {
    engine,
    loaded: null,
    tainted: null,
    detail: '',
    verdict: null,
    agreesWithModel: null,
    knownDeviations: [],
    skipped: why,
  };
}
