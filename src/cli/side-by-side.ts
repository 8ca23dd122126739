// `run FILE...`: per scenario, what the spec predicts, what each engine's profile predicts
// and what each engine did, side by side, with the fields where they differ marked.
import type { SuiteTable } from '../suites/catalog.js';

/** The observables compared (the model's prediction fields, without the reasons). */
const FIELDS = [
  'preflight',
  'acrm',
  'acrh',
  'actualSent',
  'outcome',
  'status',
  'responseType',
  'originHeader',
  'readableHeaders',
] as const;

/** The part of a results.json case this table reads. */
export interface ResultCase {
  id: string;
  engine: string;
  verdict: string;
  prediction: Record<string, unknown> | null;
  specPrediction: Record<string, unknown> | null;
  observation: Record<string, unknown> | null;
  diffs: { field: string }[];
  note?: string;
}

function show(v: unknown): string {
  if (v === undefined) return '-';
  if (Array.isArray(v)) return v.length === 0 ? '[]' : v.join(',');
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function pad(cells: string[], widths: number[]): string {
  return cells
    .map((c, i) => c.padEnd(widths[i] ?? 0))
    .join('  ')
    .trimEnd();
}

/** One scenario's table: a row per field, a column per prediction and observation. */
export function sideBySide(id: string, cases: readonly ResultCase[]): string {
  const spec = cases.find((c) => c.specPrediction !== null)?.specPrediction ?? null;
  const header = ['field', 'spec'];
  const columns: (Record<string, unknown> | null)[] = [spec];
  for (const c of cases) {
    header.push(`${c.engine} profile`, `${c.engine} observed`);
    columns.push(c.prediction, c.observation);
  }
  const rows = FIELDS.map((field) => {
    const cells = columns.map((col) => (col === null ? '?' : show(col[field])));
    // Compared within each engine's own run: its origins (ports) are its own.
    const differs = cases.some((c) => {
      const own = [c.specPrediction, c.prediction, c.observation].filter((x) => x !== null);
      return new Set(own.map((col) => show(col[field]))).size > 1;
    });
    return [differs ? `* ${field}` : `  ${field}`, ...cells];
  });
  const widths = header.map((_, i) =>
    Math.max(...[header, ...rows].map((r) => (r[i] ?? '').length)),
  );
  const verdicts = cases.map((c) => `${c.engine} ${c.verdict}${c.note ? ` (${c.note})` : ''}`);
  const diffs = cases.flatMap((c) =>
    c.diffs.length === 0
      ? []
      : [`${c.engine} differs from its profile in ${c.diffs.map((d) => d.field).join(', ')}`],
  );
  return [
    `${id}: ${verdicts.join('; ')}`,
    pad(header, widths),
    ...rows.map((r) => pad(r, widths)),
    ...diffs,
    '',
  ].join('\n');
}

/** Every user scenario in file order, each with its engines' cases from results.json. */
export function sideBySideReport(
  tables: readonly SuiteTable[],
  cases: readonly ResultCase[],
): string {
  const out: string[] = [];
  for (const table of tables) {
    out.push(`== ${table.name}\n`);
    for (const s of table.scenarios) {
      const id = s.id ?? '';
      const mine = cases.filter((c) => c.id === id);
      out.push(mine.length === 0 ? `${id}: no result (did not run)\n` : sideBySide(id, mine));
    }
  }
  out.push(
    "* marks a field where, for an engine, the spec, the engine's profile and what it did do not all agree\n",
  );
  return out.join('\n');
}
