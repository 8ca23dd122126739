// The raw side of verify: each case replayed against the target as a browser would send it
// (src/live/replay.ts), the model's verdict from the answers, the notes that are not verdicts,
// and the generated-lookalike search (src/policy/search.ts) for too-permissive origins.
import { formatReason } from '../model/explain.js';
import { getEngineProfile } from '../engine-facts/index.js';
import { CORS_SAFELISTED_RESPONSE_HEADER_NAMES } from '../model/response-headers.js';
import type { Credentials } from '../live/credentials.js';
import { headerValue } from '../live/headers.js';
import type { Replay } from '../live/replay.js';
import { replayLikeABrowser } from '../live/replay.js';
import { isRead, readability } from '../live/readability.js';
import type { LiveTarget, TargetReply } from '../live/target.js';
import { sendToTarget } from '../live/target.js';
import type { CorsPolicy, OriginSearchResult } from '../policy/index.js';
import {
  DEFAULT_RUNS_PER_ORIGIN,
  OPAQUE_PARENT_HOST,
  searchAllowedOrigins,
} from '../policy/index.js';
import { freshSeed } from '../fuzz/replay.js';
import type { ClientKind, ScenarioRequest } from '../scenario/types.js';
import type { VerifyCase } from './cases.js';

const SPEC = getEngineProfile('spec');

/** The page a case's request comes from: its origin, or a frame in the opaque parent. */
export function pageOf(
  c: Pick<VerifyCase, 'origin'>,
  opaqueParent: string,
): {
  pageOrigin: string;
  client: ClientKind;
} {
  return c.origin === 'null'
    ? { pageOrigin: opaqueParent, client: 'opaque-origin' }
    : { pageOrigin: c.origin, client: 'page' };
}

/** The origin of the page that embeds the `null`-origin frame (port-less in the model). */
export const MODEL_OPAQUE_PARENT = `http://${OPAQUE_PARENT_HOST}`;

/**
 * What page JS passes for a case. Redirects are never followed (`redirect: 'manual'`): only
 * the target is contacted, and a redirecting answer is reported as one.
 */
export function requestOf(
  c: Pick<VerifyCase, 'method' | 'headers' | 'credentials'>,
): ScenarioRequest {
  return {
    method: c.method,
    headers: c.headers,
    credentials: c.credentials ? 'include' : 'omit',
    redirect: 'manual',
  };
}

export interface ProbedCase {
  replay: Replay;
  read: boolean;
  reason: string;
  readable: string[];
  notes: string[];
  /** For a credentialed case whose answer depends on the cookie: the cookie-less verdict. */
  readWithoutCookie: boolean | null;
}

/** Replays one case against the target; the model's verdict and the notes. */
export async function probeCase(
  target: LiveTarget,
  policy: CorsPolicy,
  c: VerifyCase,
  credentials: Credentials,
): Promise<ProbedCase> {
  const input = { ...pageOf(c, MODEL_OPAQUE_PARENT), request: requestOf(c) };
  const replay = await replayLikeABrowser(
    target,
    { ...input, credentialHeaders: credentials.headers },
    SPEC,
  );
  const prediction = replay.predict(SPEC);
  const last = prediction.because[prediction.because.length - 1];
  const read = isRead(prediction);
  const notes = [
    ...replay.notes,
    ...exposureNotes(policy, c, read, replay.actual, prediction.readableHeaders),
    ...maxAgeNote(policy, c, replay.preflight),
  ];
  let readWithoutCookie: boolean | null = null;
  if (c.credentials && replay.actual !== null) {
    // The same request without what a logged-in browser adds: does the CORS answer change?
    const bare = await replayLikeABrowser(target, input, SPEC);
    if (bare.actual !== null && corsAnswer(bare.actual) !== corsAnswer(replay.actual)) {
      readWithoutCookie = isRead(bare.predict(SPEC));
      notes.push(
        `the CORS answer depends on the cookie: with it ${corsAnswer(replay.actual)}, without it ${corsAnswer(bare.actual)}`,
      );
    }
  }
  return {
    replay,
    read,
    reason: last === undefined ? '' : formatReason(last, 'spec'),
    readable: prediction.readableHeaders,
    notes,
    readWithoutCookie,
  };
}

function corsAnswer(r: TargetReply): string {
  const acao = headerValue(r.headers, 'access-control-allow-origin') ?? '(none)';
  const acac = headerValue(r.headers, 'access-control-allow-credentials') ?? '(none)';
  return `Access-Control-Allow-Origin ${acao}, Access-Control-Allow-Credentials ${acac}`;
}

/** Exposed headers against the policy: sent but unreadable, or readable beyond the policy. */
function exposureNotes(
  policy: CorsPolicy,
  c: VerifyCase,
  read: boolean,
  actual: TargetReply | null,
  readable: string[],
): string[] {
  if (!read || c.intent !== 'allow' || actual === null) return [];
  const notes: string[] = [];
  const exposed = (policy.exposedHeaders ?? []).map((h) => h.toLowerCase());
  for (const h of exposed) {
    const sent = actual.headers.some(([n]) => n.toLowerCase() === h);
    if (sent && !readable.includes(h)) {
      notes.push(`too strict: ${h} is in exposedHeaders and sent, but page JS cannot read it`);
    }
  }
  for (const h of readable) {
    if (!exposed.includes(h) && !CORS_SAFELISTED_RESPONSE_HEADER_NAMES.includes(h)) {
      notes.push(`too permissive: page JS can read ${h}, which is not in exposedHeaders`);
    }
  }
  return notes;
}

function maxAgeNote(policy: CorsPolicy, c: VerifyCase, pre: TargetReply | null): string[] {
  if (pre === null || c.intent !== 'allow' || policy.maxAge === undefined) return [];
  const sent = headerValue(pre.headers, 'access-control-max-age');
  if (sent === String(policy.maxAge)) return [];
  return [
    `max-age: the preflight says ${sent === null ? 'nothing (browsers cache 5 s)' : sent}, the policy ${policy.maxAge}`,
  ];
}

export interface SearchSettings {
  seed?: number;
  generatedRuns?: number;
}

/**
 * Generated lookalikes the server lets read although the policy denies them: the same
 * generator and property as the audit's, asked with a credentialed GET (the cookie along).
 */
export async function searchPermissiveLookalikes(
  target: LiveTarget,
  policy: CorsPolicy,
  credentials: Credentials,
  settings: SearchSettings,
): Promise<OriginSearchResult | null> {
  const runs = settings.generatedRuns ?? DEFAULT_RUNS_PER_ORIGIN;
  if (runs <= 0) return null;
  return searchAllowedOrigins(policy.origins, {
    seed: settings.seed ?? freshSeed(),
    runsPerOrigin: runs,
    // A credentialed GET (the cookie along); readable with or without credentials.
    serverAllows: async (origin) => {
      const reply = await sendToTarget(target, {
        method: 'GET',
        headers: [['Origin', origin], ['Accept', '*/*'], ...credentials.headers],
      });
      const r = readability(target.url, origin, reply);
      return r.read || r.readWithCredentials;
    },
  });
}
