// Deliberate model faults, to prove that the fuzzer finds and shrinks a wrong model. They
// wrap the model's prediction here, outside src/model, which stays untouched.
//
// `CORS_MODEL_FAULT=acrh-unsorted`: the Access-Control-Request-Headers value lists the
// unsafe names in the order the page set them instead of sorted (a classic slip: the spec
// sorts the names, fetch#cors-preflight-fetch step 5 via get-cors-unsafe-request-header-names).
import { normalizeHeaders } from '../scenario/placeholders.js';
import type { Prediction, Scenario } from '../scenario/types.js';

export const MODEL_FAULTS = ['acrh-unsorted'] as const;
export type ModelFault = (typeof MODEL_FAULTS)[number];

/** The fault named by `value` (an env var or option), or null for none; throws on unknown. */
export function parseModelFault(value: string | undefined): ModelFault | null {
  if (value === undefined || value === '') return null;
  const known = MODEL_FAULTS as readonly string[];
  if (!known.includes(value)) {
    throw new Error(`unknown model fault "${value}": use one of ${MODEL_FAULTS.join(', ')}`);
  }
  return value as ModelFault;
}

/** The fault from `CORS_MODEL_FAULT`, or null. */
export function modelFaultFromEnv(env: NodeJS.ProcessEnv = process.env): ModelFault | null {
  return parseModelFault(env.CORS_MODEL_FAULT);
}

// Names of `acrh` reordered by first appearance among the request's header lines.
function unsorted(acrh: string, scenario: Scenario): string {
  const names = acrh.split(',');
  const order = normalizeHeaders(scenario.request.headers).map(([n]) => n.toLowerCase());
  const rank = (n: string): number => {
    const i = order.indexOf(n);
    return i < 0 ? order.length : i;
  };
  return [...names].sort((a, b) => rank(a) - rank(b)).join(',');
}

/** The prediction as the faulty model would make it (the first request only). */
export function applyModelFault(
  fault: ModelFault | null,
  scenario: Scenario,
  prediction: Prediction,
): Prediction {
  if (fault === null) return prediction;
  switch (fault) {
    case 'acrh-unsorted': {
      if (prediction.acrh === null) return prediction;
      const acrh = unsorted(prediction.acrh, scenario);
      const wire = prediction.wire?.map((w) =>
        w.preflight && w.acrh !== undefined && w.acrh !== null ? { ...w, acrh } : w,
      );
      return { ...prediction, acrh, ...(wire === undefined ? {} : { wire }) };
    }
  }
}
