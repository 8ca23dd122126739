// Copying some fields of a record into another under `exactOptionalPropertyTypes`, where an
// optional field may be absent but never `undefined`: the reports and the generators build
// records from sources whose optional fields may be unset, and leave out derived fields.

/** The fields among `keys` that `from` has set (not `undefined`), ready to spread. */
export function definedFields<T extends object, K extends keyof T>(
  from: T,
  keys: readonly K[],
): { [P in K]?: Exclude<T[P], undefined> } {
  const out: Partial<Record<K, unknown>> = {};
  for (const k of keys) if (from[k] !== undefined) out[k] = from[k];
  return out as { [P in K]?: Exclude<T[P], undefined> };
}

/** `from` without the fields among `keys`; the other fields keep their order. */
export function withoutFields<T extends object, K extends keyof T>(
  from: T,
  keys: readonly K[],
): Omit<T, K> {
  const drop = new Set<PropertyKey>(keys);
  return Object.fromEntries(Object.entries(from).filter(([k]) => !drop.has(k))) as Omit<T, K>;
}
