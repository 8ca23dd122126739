// `cors-conformance history`: the nightly step after a run (or after merging shards). Compares
// reports/results.json with the previous run (the newest history record, or `--baseline`),
// prints the drift, writes reports/drift.json, appends this run's compact record to
// reports/history/ and redraws reports/history/index.html. Exit 0 no drift, 1 drift (cases
// missing since the baseline included), 2 when the inputs are missing or broken.
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { CaseStates, Drift } from '../../report/drift.js';
import {
  caseStatesOf,
  compareRuns,
  driftExitCode,
  driftJson,
  formatDrift,
} from '../../report/drift.js';
import { baselineStatesOf, runResultsOf, writeDriftReport } from '../../report/drift-report.js';
import type { HistoryRecord, RunResults } from '../../report/history.js';
import { packageRoot } from '../../report/paths.js';
import {
  appendHistory,
  archiveMatrix,
  buildHistoryRecord,
  isSafeLink,
  loadHistory,
  readFrameworkVersions,
  readSpecCommit,
  runIdFromTime,
  safeRunId,
  writeHistoryIndex,
} from '../../report/history.js';
import { MAX_RESULTS_CHARS } from '../../scenario/json-input.js';
import { CliError, UsageError, messageOf } from '../errors.js';
import type { CliIo } from '../io.js';
import { readJsonInput } from '../io.js';
import { commandFactory, runStandalone } from '../run-command.js';

export interface HistoryCliOptions {
  results: string;
  dir: string;
  runId?: string;
  seed?: string;
  link?: string;
  baseline?: string;
  /** commander's `--no-record`. */
  record: boolean;
  json?: boolean;
}

async function readJson(path: string, io: CliIo, what: string): Promise<unknown> {
  return (await readJsonInput(path, io, { what, maxChars: MAX_RESULTS_CHARS })).json;
}

/** A results.json (report-data.ts) in the shape history reads; an input error otherwise. */
export function asRunResults(json: unknown, path: string): RunResults {
  try {
    return runResultsOf(json, path);
  } catch (e) {
    throw new CliError('input', messageOf(e));
  }
}

/** The baseline's case states from a file: a results.json or a history record. */
async function baselineFromFile(path: string, io: CliIo): Promise<CaseStates> {
  const json = await readJson(path, io, 'the baseline');
  try {
    return baselineStatesOf(json, path);
  } catch (e) {
    throw new CliError('input', messageOf(e));
  }
}

/** `--link`: an http(s) URL or a relative path; anything else could run script from the page. */
export function checkLink(link: string): string {
  if (!isSafeLink(link)) {
    throw new UsageError(
      `--link: must be an http(s) URL or a relative path (got ${JSON.stringify(link)})`,
    );
  }
  return link;
}

/** The newest record that is not this run. */
export function previousRecord(
  records: readonly HistoryRecord[],
  currentId: string,
): HistoryRecord | undefined {
  return [...records].reverse().find((r) => r.id !== currentId);
}

export async function historyAction(opts: HistoryCliOptions, io: CliIo): Promise<number> {
  if (opts.link !== undefined) checkLink(opts.link);
  const results = asRunResults(await readJson(opts.results, io, 'the results'), opts.results);
  const time = results.generatedAt ?? new Date().toISOString();
  const id = safeRunId(opts.runId ?? runIdFromTime(time));

  let baseline: CaseStates | null = null;
  let baselineName: string | null = null;
  let records: HistoryRecord[];
  try {
    records = await loadHistory(opts.dir);
  } catch (e) {
    throw new CliError('input', messageOf(e));
  }
  if (opts.baseline !== undefined) {
    baseline = await baselineFromFile(opts.baseline, io);
    baselineName = opts.baseline;
  } else {
    const prev = previousRecord(records, id);
    if (prev !== undefined) {
      baseline = prev.cases;
      baselineName = `run ${prev.id} (${prev.time})`;
    }
  }
  const drift: Drift = compareRuns(baseline, caseStatesOf(results), baselineName);
  const outDir = dirname(opts.results);
  const historyHref = opts.record
    ? relative(outDir, join(opts.dir, 'index.html')).split(sep).join('/')
    : undefined;
  // drift.json, and the matrix again with the drift on top (before it is archived below).
  await writeDriftReport(outDir, results, drift, historyHref);
  io.stdout(opts.json === true ? driftJson(drift) : formatDrift(drift));

  if (opts.record) {
    let link = opts.link;
    const matrix = join(dirname(opts.results), 'index.html');
    if (link === undefined && existsSync(matrix)) link = await archiveMatrix(opts.dir, id, matrix);
    const root = packageRoot();
    const record = buildHistoryRecord(results, {
      id,
      time,
      frameworks: await readFrameworkVersions(root),
      modelSpecCommit: await readSpecCommit(root),
      ...(opts.seed === undefined ? {} : { fuzzSeed: opts.seed }),
      ...(link === undefined ? {} : { link }),
    });
    const file = await appendHistory(opts.dir, record);
    const index = await writeHistoryIndex(
      opts.dir,
      [...records.filter((r) => r.id !== id), record].sort((a, b) => a.time.localeCompare(b.time)),
    );
    if (opts.json !== true) {
      io.stdout(`history: ${relative(process.cwd(), file)}, ${relative(process.cwd(), index)}\n`);
    }
  }
  return driftExitCode(drift);
}

/** `history`: its help and options; historyAction runs it. */
export const historyCommand = commandFactory('history', {
  description:
    'compare a run with the previous one (drift: new failures, new passes, changed reasons, harness errors, cases missing), append its record to the run history and redraw the trend page; exit 0 no drift, 1 drift, 2 bad input',
  options: [
    ['--results <file>', 'the run to record', 'reports/results.json'],
    ['--dir <dir>', 'the history folder', 'reports/history'],
    ['--run-id <id>', "this run's id (default: from the results' time)"],
    ['--seed <seed>', 'the fuzz seed of this run, kept in the record'],
    ['--link <url>', "where this run's matrix is kept (default: a copy under <dir>/runs/)"],
    ['--baseline <file>', 'compare with this results.json or history record instead'],
    ['--no-record', 'only report drift; leave the history as it is'],
    ['--json', 'print the drift as JSON'],
  ],
  run: historyAction,
});

/** Runs `history` in-process; `argv` are the arguments after `history`. */
export function runHistory(io: CliIo, argv: string[]): Promise<number> {
  return runStandalone(historyCommand, argv, io);
}
