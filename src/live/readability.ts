// Would page JS on an origin read this answer? The model's decision for a simple GET from
// that origin (with and without credentials) given the server's raw answer to it. The audit
// asks it of every probe; the generated-lookalike search of verify and audit asks it too.
import { formatReason } from '../model/explain.js';
import { getEngineProfile } from '../engine-facts/index.js';
import { OPAQUE_PARENT_HOST } from '../policy/index.js';
import type { Prediction } from '../scenario/types.js';
import { liveModel, responseSpec } from './replay.js';
import type { TargetReply } from './target.js';

const SPEC = getEngineProfile('spec');

export interface Readability {
  /** Page JS reads it from a request without credentials. */
  read: boolean;
  /** ... and from a credentialed one. */
  readWithCredentials: boolean;
  /** The model's deciding reason (the credentialed one when that reads). */
  why: string;
}

/** Whether a prediction hands page JS a readable (`cors`) response. */
export function isRead(p: Prediction): boolean {
  return p.outcome === 'ok' && p.responseType === 'cors';
}

/** The model on a GET from `origin` (`null`: a sandboxed frame) answered with `reply`. */
export function readability(targetUrl: URL, origin: string, reply: TargetReply): Readability {
  const page =
    origin === 'null'
      ? { pageOrigin: `http://${OPAQUE_PARENT_HOST}`, client: 'opaque-origin' as const }
      : { pageOrigin: origin, client: 'page' as const };
  const server = { preflight: null, actual: responseSpec(reply) };
  const of = (credentials: 'omit' | 'include'): Prediction =>
    liveModel(targetUrl, {
      ...page,
      request: { method: 'GET', credentials, redirect: 'manual' },
    }).predict(server, SPEC);
  const plain = of('omit');
  const creds = of('include');
  const decisive = (isRead(creds) ? creds : plain).because.at(-1);
  return {
    read: isRead(plain),
    readWithCredentials: isRead(creds),
    why: decisive === undefined ? '' : formatReason(decisive, 'spec'),
  };
}
