// The reference model applied to a real server: the answers probed from the target become
// the scenario's server, the requesting origin becomes the page's origin, and `predict`
// says whether a browser would hand the response to page JS, and why not.
import { predict } from '../model/predict.js';
import { getEngineProfile } from '../engine-facts/index.js';
import type { EngineName } from '../model/engine-profile.js';
import type { HeaderList, Prediction, Reason, Scenario } from '../scenario/types.js';
import type { ProbeReply } from './probe.js';

export interface ModelCase {
  /** Serialized requesting origin, or `null` for an opaque-origin document. */
  origin: string;
  target: URL;
  method: string;
  /** Request headers page JS sets. */
  headers: HeaderList;
  credentials: boolean;
}

export interface ModelAnswer {
  /** Page JS gets the response (a `cors` response reaches it). */
  read: boolean;
  prediction: Prediction;
  /** The decisive reason: the failing step, or the summary of a success. */
  reason: Reason | null;
}

/** A stand-in origin for the page embedding an opaque-origin client. */
const PARENT_OF_OPAQUE = 'http://parent.cors-conformance.test';

/** The scenario the model reads for one case with the probed answers. */
export function scenarioFor(
  c: ModelCase,
  preflight: ProbeReply | null,
  actual: ProbeReply | null,
): Scenario {
  const opaque = c.origin === 'null';
  const pageOrigin = opaque ? PARENT_OF_OPAQUE : c.origin;
  const scenario: Scenario = {
    client: opaque ? 'opaque-origin' : 'page',
    request: {
      method: c.method,
      headers: c.headers,
      credentials: c.credentials ? 'include' : 'omit',
      target: 'cross-origin',
    },
    server: {
      preflight:
        preflight === null ? null : { status: preflight.status, headers: preflight.headers },
      actual:
        actual === null
          ? { status: 599, headers: [] }
          : { status: actual.status, headers: actual.headers },
    },
    origins: {
      'same-origin': pageOrigin,
      'same-origin-of-parent': pageOrigin,
      'cross-origin': c.target.origin,
    },
  };
  return scenario;
}

/** What the model says a browser (engine profile, default the spec) would do. */
export function modelAnswer(
  c: ModelCase,
  preflight: ProbeReply | null,
  actual: ProbeReply | null,
  engine: EngineName = 'spec',
): ModelAnswer {
  const prediction = predict(scenarioFor(c, preflight, actual), {
    engine: getEngineProfile(engine),
  });
  const read = prediction.outcome === 'ok' && prediction.responseType === 'cors';
  const reason = decisiveReason(prediction);
  return { read, prediction, reason };
}

/** The last reason the model gave: the failed step on a failure, the summary on success. */
export function decisiveReason(p: Prediction): Reason | null {
  return p.because[p.because.length - 1] ?? null;
}
