// Run history for the nightly matrix: one compact record per run (engine and framework
// versions, the model's spec commit, counts per verdict, the fuzz seed, each case's verdict
// and a short signature of why), kept as `reports/history/<id>.json`, and a self-contained
// `index.html` with one trend chart per engine. Pure builders first; file I/O at the end.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diff, VerdictKind } from '../harness/types.js';
import { copyFileAtomic, makeDirs, writeFileAtomic } from './atomic-write.js';
import { VERDICT_KINDS, VERDICT_LABELS, emptyVerdictCounts } from '../harness/verdict.js';
import { escapeHtml } from './html-escape.js';

export const HISTORY_VERDICTS: readonly VerdictKind[] = VERDICT_KINDS;

export type Counts = Record<VerdictKind, number>;

/** The part of a results.json (src/report/report-data.ts) history and drift read. */
export interface RunResults {
  generatedAt?: string;
  engines: string[];
  totals: Record<string, Counts>;
  /** Engine name → the build's version string, when the run recorded it. */
  engineVersions?: Record<string, string>;
  cases: ReadonlyArray<{
    key: string;
    id: string;
    engine: string;
    verdict: VerdictKind;
    diffs: readonly Diff[];
    note?: string;
  }>;
}

/**
 * One case as history keeps it: the verdict, then (for anything but a pass) a space and a
 * short signature of why: the differing fields with what was observed, or the note.
 */
export type CaseMark = string;

export interface HistoryRecord {
  format: 'cors-conformance-history';
  version: 1;
  /** The run's id: the CI run id, or a time stamp for local runs. */
  id: string;
  /** When the run's results were generated (ISO 8601). */
  time: string;
  engines: Record<string, { version: string | null; counts: Counts }>;
  /** Framework packages and their versions as package.json pins them. */
  frameworks: Record<string, string>;
  /** The whatwg/fetch commit the model follows. */
  modelSpecCommit: string | null;
  fuzzSeed?: string;
  /** Where this run's full matrix is kept (relative to the history folder, or a URL). */
  link?: string;
  /** `<scenario id>@<engine>` → CaseMark. */
  cases: Record<string, CaseMark>;
}

/** The packages whose versions a nightly run tracks (npm aliases included). */
export const FRAMEWORK_PACKAGES: readonly string[] = [
  'express',
  'cors',
  'cors-v2-8-4',
  'fastify',
  '@fastify/cors',
  'koa',
  '@koa/cors',
  'koa-cors-v4',
  'hono',
  '@hono/node-server',
  'playwright',
];

const MAX_WHY = 160;

/**
 * What differs between two runs of the same behaviour is left out: the fixture servers'
 * ports (fresh each run) and per-case tokens in URLs.
 */
export function runIndependent(s: string): string {
  return s
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^/\s"'?#]+?):\d{1,5}\b/gi, '$1:<port>')
    .replace(/([?&][a-z]=)[A-Za-z0-9_-]{8,}/g, '$1<token>');
}

function oneLine(s: string): string {
  const flat = runIndependent(s).replace(/\s+/g, ' ').trim();
  return flat.length > MAX_WHY ? `${flat.slice(0, MAX_WHY - 1)}…` : flat;
}

/** Why a case has its verdict, in a few stable words (empty for a pass). */
export function whySignature(c: RunResults['cases'][number]): string {
  if (c.verdict === 'pass') return '';
  if (c.verdict === 'harness-error') return oneLine(c.note ?? '');
  const fields = [...c.diffs]
    .sort((a, b) => a.field.localeCompare(b.field))
    .map((d) => `${d.field}=${JSON.stringify(d.observed) ?? 'undefined'}`);
  return oneLine(fields.join(' '));
}

export function caseMark(c: RunResults['cases'][number]): CaseMark {
  const why = whySignature(c);
  return why === '' ? c.verdict : `${c.verdict} ${why}`;
}

/** Splits a CaseMark into its verdict and why. */
export function parseCaseMark(mark: CaseMark): { verdict: VerdictKind; why: string } {
  const space = mark.indexOf(' ');
  const verdict = (space === -1 ? mark : mark.slice(0, space)) as VerdictKind;
  return { verdict, why: space === -1 ? '' : mark.slice(space + 1) };
}

/** The framework packages `pkg` depends on, with the version range it pins. */
export function frameworkVersions(pkg: {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}): Record<string, string> {
  const all = { ...pkg.devDependencies, ...pkg.dependencies };
  const out: Record<string, string> = {};
  for (const name of FRAMEWORK_PACKAGES) {
    const v = all[name];
    if (v !== undefined) out[name] = v;
  }
  return out;
}

/** The pinned whatwg/fetch commit as src/model/README.md states it. */
export function specCommitFrom(modelReadme: string): string | null {
  const m = /Pinned spec:[\s\S]{0,200}?commit\s*`([0-9a-f]{7,40})`/.exec(modelReadme);
  return m?.[1] ?? null;
}

/** A run id safe as a file name: letters, digits, `-`, `_`, `.`. */
export function safeRunId(id: string): string {
  const safe = id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '');
  if (safe === '') throw new Error(`run id "${id}" has no usable characters`);
  return safe;
}

/** A run id from a time: `2026-11-26T02-23-00Z`. */
export function runIdFromTime(time: string): string {
  return safeRunId(time.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-'));
}

export interface RecordInputs {
  id: string;
  time: string;
  frameworks: Record<string, string>;
  modelSpecCommit: string | null;
  fuzzSeed?: string;
  link?: string;
}

export function buildHistoryRecord(results: RunResults, inputs: RecordInputs): HistoryRecord {
  const engines: HistoryRecord['engines'] = {};
  for (const e of results.engines) {
    engines[e] = {
      version: results.engineVersions?.[e] ?? null,
      counts: { ...emptyCounts(), ...results.totals[e] },
    };
  }
  const cases: Record<string, CaseMark> = {};
  for (const c of [...results.cases].sort((a, b) => a.key.localeCompare(b.key))) {
    cases[c.key] = caseMark(c);
  }
  const record: HistoryRecord = {
    format: 'cors-conformance-history',
    version: 1,
    id: safeRunId(inputs.id),
    time: inputs.time,
    engines,
    frameworks: inputs.frameworks,
    modelSpecCommit: inputs.modelSpecCommit,
    cases,
  };
  if (inputs.fuzzSeed !== undefined) record.fuzzSeed = inputs.fuzzSeed;
  if (inputs.link !== undefined) record.link = inputs.link;
  return record;
}

export const emptyCounts = emptyVerdictCounts;

/** Checks a parsed history file; throws one line naming the file when it is not a record. */
export function parseHistoryRecord(json: unknown, source: string): HistoryRecord {
  const r = json as Partial<HistoryRecord> | null;
  if (
    typeof r !== 'object' ||
    r === null ||
    r.format !== 'cors-conformance-history' ||
    typeof r.id !== 'string' ||
    typeof r.time !== 'string' ||
    typeof r.engines !== 'object' ||
    typeof r.cases !== 'object'
  ) {
    throw new Error(`${source}: not a cors-conformance history record`);
  }
  return r as HistoryRecord;
}

/** Oldest first (by time, then id). */
export function sortHistory(records: readonly HistoryRecord[]): HistoryRecord[] {
  return [...records].sort((a, b) => a.time.localeCompare(b.time) || a.id.localeCompare(b.id));
}

// ---------------------------------------------------------------------------------------
// The trend chart: one inline SVG per engine, a line per verdict over the runs.

const COLOURS: Record<VerdictKind, string> = {
  pass: '#2e7d32',
  'known-deviation': '#1565c0',
  'unconfirmed-deviation': '#78909c',
  'unexpected-pass': '#ef6c00',
  fail: '#c62828',
  'harness-error': '#6a1b9a',
};

/** Every engine that appears in any record, in first-seen order. */
export function historyEngines(records: readonly HistoryRecord[]): string[] {
  const seen: string[] = [];
  for (const r of records)
    for (const e of Object.keys(r.engines)) if (!seen.includes(e)) seen.push(e);
  return seen;
}

/** One engine's counts per run (null where the engine did not run). */
export function engineSeries(
  records: readonly HistoryRecord[],
  engine: string,
): Array<Counts | null> {
  return records.map((r) => r.engines[engine]?.counts ?? null);
}

const W = 640;
const H = 220;
const PAD = { left: 44, right: 12, top: 12, bottom: 34 };

/** An SVG line chart of `engine`'s verdict counts over `records` (oldest left). */
export function trendSvg(records: readonly HistoryRecord[], engine: string): string {
  const series = engineSeries(records, engine);
  const max = Math.max(
    1,
    ...series.flatMap((c) => (c === null ? [] : HISTORY_VERDICTS.map((v) => c[v] ?? 0))),
  );
  const n = records.length;
  const x = (i: number): number =>
    n <= 1 ? (PAD.left + W - PAD.right) / 2 : PAD.left + (i * (W - PAD.left - PAD.right)) / (n - 1);
  const y = (v: number): number => H - PAD.bottom - (v * (H - PAD.top - PAD.bottom)) / max;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(engine)} verdicts over ${n} runs" data-engine="${escapeHtml(engine)}">`,
  );
  // Axes, with the maximum and zero marked.
  parts.push(
    `<line x1="${PAD.left}" y1="${y(0)}" x2="${W - PAD.right}" y2="${y(0)}" stroke="#999"/>`,
    `<line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${y(0)}" stroke="#999"/>`,
    `<text x="${PAD.left - 6}" y="${y(max) + 4}" text-anchor="end" font-size="11">${max}</text>`,
    `<text x="${PAD.left - 6}" y="${y(0) + 4}" text-anchor="end" font-size="11">0</text>`,
  );
  // Dates under the runs; times of day when every run is from the same day.
  const oneDay = new Set(records.map((r) => r.time.slice(0, 10))).size <= 1;
  const labelOf = (r: HistoryRecord): string =>
    oneDay ? r.time.slice(11, 16) : r.time.slice(5, 10);
  const labelEvery = Math.max(1, Math.ceil(n / 8));
  records.forEach((r, i) => {
    if (i % labelEvery !== 0 && i !== n - 1) return;
    const anchor = n > 1 && i === 0 ? 'start' : n > 1 && i === n - 1 ? 'end' : 'middle';
    parts.push(
      `<text x="${x(i).toFixed(1)}" y="${H - PAD.bottom + 16}" text-anchor="${anchor}" font-size="10">${escapeHtml(labelOf(r))}</text>`,
    );
  });
  if (oneDay && n > 0) {
    parts.push(
      `<text x="${PAD.left}" y="${H - 4}" font-size="10" fill="#555">${escapeHtml(records[0]?.time.slice(0, 10) ?? '')} (UTC)</text>`,
    );
  }
  for (const v of HISTORY_VERDICTS) {
    const points = series.flatMap((c, i) =>
      c === null ? [] : [[x(i), y(c[v] ?? 0), c[v] ?? 0, i] as const],
    );
    if (points.every(([, , count]) => count === 0)) continue;
    if (points.length > 1) {
      parts.push(
        `<polyline class="series" data-verdict="${v}" fill="none" stroke="${COLOURS[v]}" stroke-width="2" points="${points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ')}"/>`,
      );
    }
    for (const [px, py, count, i] of points) {
      const r = records[i];
      const label = `${r?.id ?? ''} ${r?.time ?? ''}: ${v} ${count}`;
      parts.push(
        `<circle data-verdict="${v}" cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="3" fill="${COLOURS[v]}"><title>${escapeHtml(label)}</title></circle>`,
      );
    }
  }
  parts.push('</svg>');
  return parts.join('');
}

function legend(): string {
  return HISTORY_VERDICTS.map(
    (v) =>
      `<span class="key"><span class="swatch" style="background:${COLOURS[v]}"></span>${v}</span>`,
  ).join(' ');
}

/**
 * Whether a run's link may go into an `href`: an http(s) URL, or a relative reference (no
 * scheme, not protocol-relative). `javascript:`, `data:` and the like would run in the page.
 */
export function isSafeLink(link: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(link) || link !== link.trim() || link.startsWith('//')) {
    return false;
  }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(link)?.[1];
  return scheme === undefined || /^https?$/i.test(scheme);
}

function runRow(r: HistoryRecord, engines: readonly string[]): string {
  const cells = engines.map((e) => {
    const info = r.engines[e];
    if (info === undefined) return '<td>–</td>';
    const c = info.counts;
    const version =
      info.version === null ? '' : `<div class="ver">${escapeHtml(info.version)}</div>`;
    // Records written before a verdict existed have no count for it.
    const cells = HISTORY_VERDICTS.map((v) => `${c[v] ?? 0} ${VERDICT_LABELS[v]}`).join(' · ');
    return `<td>${version}${cells}</td>`;
  });
  const name =
    r.link === undefined || !isSafeLink(r.link)
      ? escapeHtml(r.id)
      : `<a href="${escapeHtml(r.link)}">${escapeHtml(r.id)}</a>`;
  const seed = r.fuzzSeed === undefined ? '' : escapeHtml(r.fuzzSeed);
  return `<tr><td>${name}</td><td>${escapeHtml(r.time)}</td>${cells.join('')}<td>${seed}</td><td><code>${escapeHtml((r.modelSpecCommit ?? '').slice(0, 7))}</code></td></tr>`;
}

/**
 * The history as an HTML fragment (charts per engine, then the runs newest first with links
 * to each run's matrix); the conformance report can embed it as is.
 */
export function historySection(records: readonly HistoryRecord[]): string {
  const sorted = sortHistory(records);
  if (sorted.length === 0) {
    return '<section class="cc-history"><h2>History</h2><p>No runs recorded yet.</p></section>';
  }
  const engines = historyEngines(sorted);
  const charts = engines.map(
    (e) =>
      `<figure class="trend"><figcaption>${escapeHtml(e)}</figcaption>${trendSvg(sorted, e)}</figure>`,
  );
  const head = engines.map((e) => `<th>${escapeHtml(e)}</th>`).join('');
  const rows = [...sorted].reverse().map((r) => runRow(r, engines));
  return [
    '<section class="cc-history">',
    `<h2>History: ${sorted.length} run${sorted.length === 1 ? '' : 's'}</h2>`,
    `<p class="legend">${legend()}</p>`,
    ...charts,
    `<table><thead><tr><th>run</th><th>time</th>${head}<th>fuzz seed</th><th>spec</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    '</section>',
  ].join('\n');
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:1.5rem;color:#222}
figure.trend{display:inline-block;margin:0 1rem 1rem 0;border:1px solid #ddd;padding:.5rem}
figcaption{font-weight:600;margin-bottom:.25rem}
table{border-collapse:collapse;margin-top:1rem}td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
.ver{font-size:11px;color:#555}.key{margin-right:1rem}.swatch{display:inline-block;width:10px;height:10px;margin-right:4px}`;

/** `reports/history/index.html`: one self-contained page (no scripts, no network). */
export function historyPage(records: readonly HistoryRecord[]): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>cors-conformance history</title>
<style>${STYLE}</style></head>
<body><h1>cors-conformance: runs over time</h1>
${historySection(records)}
</body></html>
`;
}

// ---------------------------------------------------------------------------------------
// File I/O.

/** Reads every `<dir>/*.json` record, oldest first; a missing folder is an empty history. */
export async function loadHistory(dir: string): Promise<HistoryRecord[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const records: HistoryRecord[] = [];
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const file = join(dir, name);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch (e) {
      throw new Error(`${file}: not valid JSON (${(e as Error).message})`, { cause: e });
    }
    records.push(parseHistoryRecord(json, file));
  }
  return sortHistory(records);
}

/** Writes `<dir>/<id>.json` (one line: compact) and returns its path. */
export async function appendHistory(dir: string, record: HistoryRecord): Promise<string> {
  await makeDirs(dir);
  const file = join(dir, `${safeRunId(record.id)}.json`);
  await writeFileAtomic(file, `${JSON.stringify(record)}\n`);
  return file;
}

/** Writes `<dir>/index.html` from every record there; returns its path. */
export async function writeHistoryIndex(
  dir: string,
  records: readonly HistoryRecord[],
): Promise<string> {
  await makeDirs(dir);
  const file = join(dir, 'index.html');
  await writeFileAtomic(file, historyPage(records));
  return file;
}

/**
 * Keeps a copy of this run's matrix as `<dir>/runs/<id>.html` and returns the link to it,
 * relative to the history folder.
 */
export async function archiveMatrix(dir: string, id: string, matrixHtml: string): Promise<string> {
  const runs = join(dir, 'runs');
  await makeDirs(runs);
  const name = `${safeRunId(id)}.html`;
  await copyFileAtomic(matrixHtml, join(runs, name));
  return `runs/${name}`;
}

/** The model's spec commit, read from src/model/README.md under `packageRoot`. */
export async function readSpecCommit(packageRoot: string): Promise<string | null> {
  try {
    return specCommitFrom(await readFile(join(packageRoot, 'src/model/README.md'), 'utf8'));
  } catch {
    return null;
  }
}

/** Framework versions from `<packageRoot>/package.json`. */
export async function readFrameworkVersions(packageRoot: string): Promise<Record<string, string>> {
  const pkg = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as Parameters<
    typeof frameworkVersions
  >[0];
  return frameworkVersions(pkg);
}
