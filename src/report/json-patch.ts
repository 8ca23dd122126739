// A small structural patch between two JSON values, so results.json can store an engine's
// prediction as what it changes in the spec's (usually a few of the reasons).
//
// A patch is `{ "=": value }` (replace), `{ "-": 1 }` (remove the key), `{ "#": length, "<i>":
// patch, ... }` (an array: its new length and changed items), or `{ "<key>": patch, ... }` (an
// object's changed keys).

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The patch that turns `base` into `value`, or undefined when they are the same. */
export function patchOf(base: unknown, value: unknown): Json | undefined {
  if (same(base, value)) return undefined;
  if (Array.isArray(base) && Array.isArray(value)) {
    const out: Record<string, Json> = { '#': value.length };
    value.forEach((item, i) => {
      const p = i < base.length ? patchOf(base[i], item) : { '=': item as Json };
      if (p !== undefined) out[String(i)] = p;
    });
    return out;
  }
  if (isObject(base) && isObject(value)) {
    const out: Record<string, Json> = {};
    for (const key of Object.keys(value)) {
      const p = key in base ? patchOf(base[key], value[key]) : { '=': value[key] as Json };
      if (p !== undefined) out[key] = p;
    }
    for (const key of Object.keys(base)) if (!(key in value)) out[key] = { '-': 1 };
    return out;
  }
  return { '=': (value ?? null) as Json };
}

/** `base` with `patch` applied (a new value; `base` is not changed). */
export function applyPatch(base: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return base;
  if ('=' in patch) return patch['='];
  if (typeof patch['#'] === 'number' && Array.isArray(base)) {
    const out: unknown[] = base.slice(0, patch['#']);
    for (let i = 0; i < patch['#']; i++) {
      const p = patch[String(i)];
      if (p !== undefined) out[i] = applyPatch(base[i], p);
    }
    return out;
  }
  const out: Record<string, unknown> = isObject(base) ? { ...base } : {};
  for (const [key, p] of Object.entries(patch)) {
    if (isObject(p) && '-' in p) delete out[key];
    else out[key] = applyPatch(out[key], p);
  }
  return out;
}
