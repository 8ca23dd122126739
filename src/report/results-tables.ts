// results.json version 3 is version 2 with its repeated values stored once: the request
// header lines of the journals, the model's reasons and a few repeated strings go into
// tables that the cases name by index, and the case fields that follow from the rest are
// left out. Writing compacts version-2 objects; reading expands them back, so the version-2
// reader (report-data.ts) does the rest for both. Pure.
import type { JournalRecord } from '../../servers/instruction.js';
import type { Diff } from '../harness/types.js';
import { compare } from '../harness/verdict.js';
import type { Prediction, Reason, Scenario } from '../scenario/types.js';
import { applyPatch, patchOf } from './json-patch.js';

/** What version 3 stores once, named by index from the scenarios and cases. */
export interface ResultsTables {
  /** Request header lines `[name, value]` as the fixture servers received them. */
  headers: [string, string][];
  /** The model's reasons (`because` of a prediction). */
  reasons: Reason[];
  /** Journal origins and console messages. */
  strings: string[];
}

/** The version-2 scenario entry (report-data.ts `ResultsScenario`), as far as this file reads it. */
export interface SharedScenario {
  scenario: Scenario;
  specPrediction: Prediction | null;
}

/** A version-2 case as far as this file reads it; every other field is copied as it is. */
export interface CaseV2 {
  key?: string;
  id: string;
  engine: string;
  client?: string;
  diffs: Diff[];
  specDiffs?: Diff[];
  observation?: object | null;
  journal: JournalRecord[];
  console: string[];
  scenario?: Scenario;
  specPrediction?: Prediction | null;
  predictionPatch?: unknown;
  [field: string]: unknown;
}

/** Values → their index in a table, each value stored once. */
class Interner<T> {
  readonly list: T[] = [];
  private readonly index = new Map<string, number>();

  /** `keyOf` names equal values alike (JSON by default). */
  constructor(private readonly keyOf: (value: T) => string = (v) => JSON.stringify(v)) {}

  ref(value: T): number {
    const key = this.keyOf(value);
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(value);
      this.index.set(key, i);
    }
    return i;
  }
}

/** A prediction as version 3 stores it: each reason in `because` by its index in `reasons`. */
type StoredPrediction = Omit<Prediction, 'because' | 'then'> & {
  because: number[];
  then?: StoredPrediction;
};

function storePrediction(p: Prediction | null, reasons: Interner<Reason>): StoredPrediction | null {
  if (p === null) return null;
  const { because, then, ...rest } = p;
  const out: StoredPrediction = { ...rest, because: because.map((r) => reasons.ref(r)) };
  const next = then === undefined ? null : storePrediction(then, reasons);
  if (next !== null) out.then = next;
  return out;
}

function loadPrediction(p: StoredPrediction | null, t: ResultsTables): Prediction | null {
  if (p === null) return null;
  const { because, then, ...rest } = p;
  const out: Prediction = { ...rest, because: because.map((i) => entry(t.reasons, i)) };
  const next = then === undefined ? null : loadPrediction(then, t);
  if (next !== null) out.then = next;
  return out;
}

function entry<T>(table: readonly T[], i: unknown): T {
  const v = typeof i === 'number' ? table[i] : undefined;
  if (v === undefined) throw new Error(`results.json: no table entry ${String(i)}`);
  return v;
}

/** What an engine-profile prediction is, from the spec's and the case's patch. */
function predictionOf(spec: Prediction | null, patch: unknown): Prediction | null {
  return patch === undefined ? spec : (applyPatch(spec, patch) as Prediction | null);
}

/** The spec diffs report-data.ts `toReportCase` derives: observation vs spec prediction. */
function derivedSpecDiffs(
  spec: Prediction | null,
  observation: object | null | undefined,
  diffs: Diff[],
  scenario: Scenario,
): Diff[] | null {
  if (spec === null || observation === null || observation === undefined) return diffs;
  const cookies = (scenario.setup?.cookies ?? []).length > 0;
  try {
    return compare(spec, observation as Parameters<typeof compare>[1], { cookies });
  } catch {
    // An observation not in the harness's shape: its spec diffs are stored as they are.
    return null;
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The observation without the fields equal to the prediction's (`observed`), or null when
 * it lacks one of the prediction's fields (then it is stored whole).
 */
function observedOf(observation: object, prediction: Prediction): Record<string, unknown> | null {
  const obs = observation as Record<string, unknown>;
  const out: Record<string, unknown> = { ...obs };
  for (const [k, v] of Object.entries(prediction)) {
    if (k === 'because') continue;
    if (!(k in obs)) return null;
    if (same(obs[k], v)) delete out[k];
  }
  return out;
}

interface Interners {
  headers: Interner<[string, string]>;
  reasons: Interner<Reason>;
  strings: Interner<string>;
}

function storeJournal(journal: JournalRecord[], t: Interners): unknown[] {
  return journal.map((r) =>
    r.kind === 'request'
      ? {
          ...r,
          origin: t.strings.ref(r.origin),
          rawHeaders: r.rawHeaders.map(([n, v]) => t.headers.ref([n, v])),
        }
      : r,
  );
}

function loadJournal(journal: unknown[], t: ResultsTables): JournalRecord[] {
  return journal.map((r) => {
    const e = r as JournalRecord & { origin: unknown; rawHeaders: unknown[] };
    if (e.kind !== 'request') return e;
    return {
      ...e,
      origin: entry(t.strings, e.origin),
      rawHeaders: e.rawHeaders.map((i) => [...entry(t.headers, i)] as [string, string]),
    };
  });
}

/** A version-2 case in version 3 (`shared` its scenario entry, still version 2). */
function storeCase(c: CaseV2, shared: SharedScenario | undefined, t: Interners): object {
  const { key, client, specDiffs, observation, journal, console, specPrediction, predictionPatch } =
    c;
  const out: Record<string, unknown> = { ...c };
  for (const k of ['key', 'client', 'specDiffs', 'observation', 'predictionPatch']) delete out[k];
  const spec = specPrediction !== undefined ? specPrediction : (shared?.specPrediction ?? null);
  const scenario = c.scenario ?? shared?.scenario ?? { request: {} };
  const prediction = predictionOf(spec, predictionPatch);
  // Left out when they follow from the rest.
  if (key !== `${c.id}@${c.engine}`) out.key = key;
  if (client !== 'page') out.client = client;
  const derived = derivedSpecDiffs(spec, observation, c.diffs, scenario);
  if (derived === null || !same(specDiffs, derived)) {
    out.specDiffs = specDiffs;
  }
  const observed = observation && prediction ? observedOf(observation, prediction) : null;
  if (observed !== null) out.observed = observed;
  else out.observation = observation ?? null;
  out.journal = storeJournal(journal, t);
  out.console = console.map((m) => t.strings.ref(m));
  if (specPrediction !== undefined) out.specPrediction = storePrediction(specPrediction, t.reasons);
  const patch = patchOf(storePrediction(spec, t.reasons), storePrediction(prediction, t.reasons));
  if (patch !== undefined) out.predictionPatch = patch;
  return out;
}

/**
 * A version-3 case back in version 2. `storedSpec` is its scenario entry's spec prediction
 * as stored (the case's prediction patch applies to that form), `scenario` the entry's.
 */
function loadCase(
  c: Record<string, unknown>,
  storedSpec: StoredPrediction | null,
  sharedScenario: Scenario | undefined,
  t: ResultsTables,
): CaseV2 {
  const own = { ...c } as CaseV2 & { observed?: object };
  const { observed, predictionPatch } = own;
  delete own.observed;
  delete own.predictionPatch;
  const stored =
    own.specPrediction !== undefined ? (own.specPrediction as StoredPrediction | null) : storedSpec;
  const spec = loadPrediction(stored, t);
  const prediction = loadPrediction(
    predictionOf(stored as Prediction | null, predictionPatch) as StoredPrediction | null,
    t,
  );
  let observation = own.observation ?? null;
  if (observed !== undefined && prediction !== null) {
    const { because: _b, ...predicted } = prediction;
    observation = { ...predicted, ...observed };
  }
  const out: CaseV2 = {
    ...own,
    key: own.key ?? `${own.id}@${own.engine}`,
    client: own.client ?? 'page',
    journal: loadJournal(own.journal, t),
    console: (own.console as unknown[]).map((i) => entry(t.strings, i)),
    observation,
  };
  const scenario = own.scenario ?? sharedScenario ?? { request: {} };
  const specDiffs = own.specDiffs ?? derivedSpecDiffs(spec, observation, own.diffs, scenario);
  if (specDiffs === null) throw new Error('results.json: a case without its spec diffs');
  out.specDiffs = specDiffs;
  if (own.specPrediction !== undefined) out.specPrediction = spec;
  const patch = patchOf(spec, prediction);
  if (patch !== undefined) out.predictionPatch = patch;
  return out;
}

/** Version-2 `scenarios` and `cases` in version 3: the tables, and both naming them. */
export function compactResults(
  scenarios: Record<string, SharedScenario>,
  cases: readonly CaseV2[],
): { tables: ResultsTables; scenarios: Record<string, object>; cases: object[] } {
  const t: Interners = {
    headers: new Interner(([name, value]) => `${name}\n${value}`),
    reasons: new Interner(),
    strings: new Interner((s) => s),
  };
  const storedScenarios: Record<string, object> = {};
  for (const [id, s] of Object.entries(scenarios)) {
    storedScenarios[id] = { ...s, specPrediction: storePrediction(s.specPrediction, t.reasons) };
  }
  const storedCases = cases.map((c) =>
    storeCase(c, Object.hasOwn(scenarios, c.id) ? scenarios[c.id] : undefined, t),
  );
  const tables = { headers: t.headers.list, reasons: t.reasons.list, strings: t.strings.list };
  return { tables, scenarios: storedScenarios, cases: storedCases };
}

/**
 * Version-3 `scenarios` and `cases` back in version 2. A case that cannot be expanded (a
 * malformed one) stays as it is, for the reader's own checks to name.
 */
export function expandResults(
  tables: ResultsTables,
  scenarios: Record<string, { specPrediction?: unknown; scenario?: Scenario }>,
  cases: readonly unknown[],
): { scenarios: Record<string, SharedScenario>; cases: unknown[] } {
  const loaded: Record<string, SharedScenario> = {};
  for (const [id, s] of Object.entries(scenarios)) {
    try {
      const spec = loadPrediction((s.specPrediction ?? null) as StoredPrediction | null, tables);
      loaded[id] = { ...s, specPrediction: spec } as SharedScenario;
    } catch {
      loaded[id] = s as SharedScenario;
    }
  }
  const out = cases.map((c) => {
    const r = c as Record<string, unknown> | null;
    if (typeof r !== 'object' || r === null || typeof r.id !== 'string') return c;
    if (!Array.isArray(r.journal) || !Array.isArray(r.console)) return c;
    const shared = Object.hasOwn(scenarios, r.id) ? scenarios[r.id] : undefined;
    try {
      const stored = (shared?.specPrediction ?? null) as StoredPrediction | null;
      return loadCase(r, stored, shared?.scenario, tables);
    } catch {
      return c;
    }
  });
  return { scenarios: loaded, cases: out };
}
