// Merging a `then` step's request overrides into the first request: one rule shared by the
// model (predict) and the harness (compile). Pure: no schema, no validation.
import { normalizeHeaders } from './placeholders.js';
import type { HeaderList, ScenarioRequest, ThenStep } from './types.js';

/**
 * The request of a follow-up step: `base` with the step's overrides applied. Fields given
 * replace the base's (`query` included: the follow-up URL gets the step's query string);
 * headers are merged by name, case-insensitively: a value replaces every line of that name
 * (at the position of its first line), an array gives several lines, `null` removes the
 * header, new names are appended. Neither argument is modified.
 */
export function applyRequestOverrides(base: ScenarioRequest, step: ThenStep): ScenarioRequest {
  const overrides = step.request;
  if (overrides === undefined) return { ...base };
  const { headers: headerOverrides, ...fields } = overrides;
  const merged: ScenarioRequest = { ...base, ...fields };
  if (headerOverrides !== undefined) {
    merged.headers = mergeHeaders(normalizeHeaders(base.headers), headerOverrides);
  }
  return merged;
}

function mergeHeaders(
  base: HeaderList,
  overrides: Record<string, string | string[] | null>,
): HeaderList {
  let out: HeaderList = base.map(([n, v]) => [n, v]);
  for (const [name, value] of Object.entries(overrides)) {
    const key = name.toLowerCase();
    const at = out.findIndex(([n]) => n.toLowerCase() === key);
    out = out.filter(([n]) => n.toLowerCase() !== key);
    if (value === null) continue;
    const lines: HeaderList = (Array.isArray(value) ? value : [value]).map((v) => [name, v]);
    if (at === -1) out.push(...lines);
    else out.splice(at, 0, ...lines);
  }
  return out;
}
