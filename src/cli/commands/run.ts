// `cors-conformance run [FILE|DIR|GLOB ...] [--engine chromium,firefox,webkit] [--suite
// smoke,...] [--out reports] [--shard i/n] [--html] [--blob DIR] [--baseline FILE]`: the
// conformance suites (or the user's scenario files) in every engine found, through this
// package's own Playwright Test and its packaged config (src/suites/playwright.config.ts, the
// same from an installed package and a checkout), with the conformance reporter writing the
// reports. Exit codes (src/cli/errors.ts): 0 no drift; 1 drift (new failure,
// unexpected pass, harness error; with --baseline: any drift since that run, docs/nightly.md);
// 2 a usage problem; 3 no engine, or a run that could not produce (all its) results;
// 130/143 stopped by a signal (the reports say the run was interrupted).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { BUILDS_ENV } from '../../harness/engine-builds.js';
import { detectEngines } from '../../harness/engines/detect.js';
import type { EngineInfo, EngineMissing } from '../../harness/engines/types.js';
import { BROWSER_NAMES } from '../../harness/engines/types.js';
import {
  DETECTION_ENV,
  encodeDetection,
  parseEngineList,
  selectEngines,
  selectionLines,
} from '../../report/engine-selection.js';
import type { CaseStates } from '../../report/drift.js';
import { caseStatesOf, compareRuns, driftExitCode, formatDrift } from '../../report/drift.js';
import { baselineStatesOf, runResultsOf, writeDriftReport } from '../../report/drift-report.js';
import { loadHistory } from '../../report/history.js';
import { packageRoot } from '../../report/paths.js';
import { CliError, EXIT, UsageError, messageOf, signalExitCode } from '../errors.js';
import type { CliIo } from '../io.js';
import { checkOutputDir, processIo, readJsonInput } from '../io.js';
import { MAX_RESULTS_CHARS } from '../../scenario/json-input.js';
import { spawnTree } from '../process-tree.js';
import { commandFactory, runStandalone } from '../run-command.js';
import { loadScenarioFiles } from '../scenario-files.js';
import { sideBySideReport, type ResultCase } from '../side-by-side.js';
import { suiteNames, type SuiteTable } from '../../suites/catalog.js';
import { SUITES_ENV, USER_SCENARIOS_ENV } from '../../suites/selection.js';
import { onStop, stopSignal } from '../signals.js';
import { isRunComplete, runStatusLine } from '../../report/run-status.js';
import type { RunStatus } from '../../report/run-status.js';
import { fromResultsJson } from '../../report/report-data.js';

export interface RunOptions {
  engine?: string;
  suite?: string;
  out: string;
  shard?: string;
  html?: boolean;
  workers?: string;
  /** Also write a Playwright blob report here (to merge shards later). */
  blob?: string;
  /** Judge drift against this earlier results.json or history record instead. */
  baseline?: string;
}

/** What `run` touches outside itself; tests pass fakes. */
export interface RunDeps {
  detect(): Promise<Array<EngineInfo | EngineMissing>>;
  /** Runs `node <args>` in `cwd` with `env`, output to the terminal; resolves to its exit code. */
  spawnNode(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number>;
  root: string;
  /** The Playwright config to run (default: the packaged one). */
  config: string;
  /** The suite names `--suite` accepts. */
  suites(): Promise<string[]>;
  /** The current folder (`--out` is relative to it). */
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Source (.ts) or build (.js): the packaged config's extension. */
const EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

/** The packaged product's Playwright config: what every `run` uses, installed or not. */
export function packagedConfig(): string {
  return fileURLToPath(new URL(`../../suites/playwright.config${EXT}`, import.meta.url));
}

/** The Playwright Test CLI this package depends on. */
export function playwrightCli(): string {
  return createRequire(import.meta.url).resolve('@playwright/test/cli');
}

/** The `playwright test` arguments for a run. */
export function playwrightArgs(
  cli: string,
  config: string,
  engines: readonly string[],
  opts: { shard?: string; workers?: string },
): string[] {
  // The suites are chosen through the environment (CORS_SUITES), not by file paths.
  const args = [cli, 'test', '--config', config];
  for (const e of engines) args.push('--project', e);
  if (opts.shard !== undefined) args.push('--shard', opts.shard);
  if (opts.workers !== undefined) args.push('--workers', opts.workers);
  return args;
}

/**
 * With a run history next to the reports (`<out>/history/`, written by `history`), the drift
 * since its newest record goes on top of index.html and to the terminal. Informational: the
 * exit code stays the expectation files' (use --baseline or `history` for run-over-run codes).
 */
async function showDriftSinceLastRecord(
  outDir: string,
  results: unknown,
  resultsFile: string,
  io: CliIo,
): Promise<void> {
  const historyDir = join(outDir, 'history');
  let last;
  try {
    last = (await loadHistory(historyDir)).at(-1);
  } catch (e) {
    io.stderr(`drift since the last run not shown: ${messageOf(e)}\n`);
    return;
  }
  if (last === undefined) return;
  const drift = compareRuns(
    last.cases,
    caseStatesOf(runResultsOf(results, resultsFile)),
    `run ${last.id} (${last.time})`,
  );
  await writeDriftReport(outDir, results, drift, 'history/index.html');
  io.stdout(formatDrift(drift));
}

/** `--baseline FILE`'s case states; a usage error naming the file when it is unusable. */
async function readBaseline(file: string, cwd: string): Promise<CaseStates> {
  const { json } = await readJsonInput(resolve(cwd, file), processIo(), {
    label: `--baseline ${file}`,
    what: 'the baseline',
    maxChars: MAX_RESULTS_CHARS,
  });
  try {
    return baselineStatesOf(json, file);
  } catch (e) {
    throw new CliError('input', `--baseline: ${messageOf(e)}`);
  }
}

interface ResultsSummary {
  drift: unknown[];
  cases: unknown[];
  run?: RunStatus;
}

async function readResults(file: string): Promise<ResultsSummary | null> {
  try {
    // Version 2 stores each scenario once; read it back into whole cases (report-data.ts).
    const json = fromResultsJson(
      JSON.parse(await readFile(file, 'utf8')),
    ) as Partial<ResultsSummary>;
    if (!Array.isArray(json.drift) || !Array.isArray(json.cases)) return null;
    return json as ResultsSummary;
  } catch {
    return null;
  }
}

/** A comma-separated list flag: null when not given; given but empty is a usage error. */
function listOption(name: string, value: string | undefined, choices: string): string[] | null {
  const list = parseEngineList(value);
  if (value !== undefined && list === null) {
    throw new UsageError(`${name}: name at least one (${choices})`);
  }
  return list;
}

/** The flags that need no file or engine to check; a usage error names the first wrong one. */
async function checkRunFlags(
  options: RunOptions,
  files: readonly string[],
  deps: RunDeps,
): Promise<{ wanted: string[] | null; suites: string[] }> {
  const wanted = listOption('--engine', options.engine, BROWSER_NAMES.join(', '));
  const unknown = (wanted ?? []).filter((n) => !(BROWSER_NAMES as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new UsageError(
      `--engine: ${unknown.join(', ')} is no engine (one or more of ${BROWSER_NAMES.join(', ')})`,
    );
  }
  if (options.suite !== undefined && files.length > 0) {
    throw new UsageError('--suite: runs the suites; scenario files run instead of them, not with');
  }
  const known = options.suite === undefined ? [] : await deps.suites();
  const suites = listOption('--suite', options.suite, known.join(', ') || 'none') ?? [];
  const badSuites = suites.filter((s) => !known.includes(s));
  if (badSuites.length > 0) {
    throw new UsageError(
      `--suite: no suite ${badSuites.join(', ')} (suites: ${known.join(', ') || 'none'})`,
    );
  }
  if (options.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(options.shard);
    if (m === null || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) {
      throw new UsageError(`--shard: must be i/n with 1 <= i <= n (got "${options.shard}")`);
    }
  }
  if (options.workers !== undefined && !/^[1-9]\d*%?$/.test(options.workers)) {
    throw new UsageError(
      `--workers: must be a positive number or a percentage (got "${options.workers}")`,
    );
  }
  return { wanted, suites };
}

/** The runner's environment: engines, report folder, suites or the user's scenarios. */
function runEnv(
  options: RunOptions,
  deps: RunDeps,
  run: { detected: Array<EngineInfo | EngineMissing>; wanted: string[] | null; outDir: string },
  pick: { suites: string[]; userFile: string | null },
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...deps.env,
    [DETECTION_ENV]: encodeDetection(run.detected),
    CORS_ENGINES: (run.wanted ?? BROWSER_NAMES).join(','),
    CORS_REPORT_DIR: run.outDir,
  };
  delete env[SUITES_ENV];
  delete env[USER_SCENARIOS_ENV];
  if (pick.suites.length > 0) env[SUITES_ENV] = pick.suites.join(',');
  if (pick.userFile !== null) env[USER_SCENARIOS_ENV] = pick.userFile;
  if (options.html === true) env.CORS_HTML_REPORT = '1';
  if (options.blob !== undefined) env.CORS_BLOB_DIR = resolve(deps.cwd, options.blob);
  return env;
}

export async function runAction(
  options: RunOptions,
  io: CliIo,
  deps: RunDeps,
  files: readonly string[] = [],
): Promise<number> {
  const { wanted, suites } = await checkRunFlags(options, files, deps);
  // A bad scenario file, baseline or output folder is a usage error before the run.
  const tables = files.length === 0 ? null : await loadScenarioFiles(files, deps.cwd, io);
  const baseline =
    options.baseline === undefined ? null : await readBaseline(options.baseline, deps.cwd);
  const outDir = resolve(deps.cwd, options.out);
  await checkOutputDir(outDir, `--out ${options.out}`);

  const detected = await deps.detect();
  const selection = selectEngines(detected, wanted);
  for (const line of selectionLines(selection, '--engine')) io.stdout(`${line}\n`);
  if (selection.engines.length === 0) {
    throw new CliError(
      'no-engine',
      'no browser engine available: run `npm run browsers` (then `npx cors-conformance doctor`)',
    );
  }

  const resultsFile = join(outDir, 'results.json');
  // A stale results.json must not decide this run's exit code.
  await rm(resultsFile, { force: true });
  const scratch = tables === null ? null : await mkdtemp(join(tmpdir(), 'cors-conformance-run-'));
  try {
    const userFile = scratch === null ? null : join(scratch, 'scenarios.json');
    if (userFile !== null) await writeFile(userFile, JSON.stringify(tables));
    const env = runEnv(options, deps, { detected, wanted, outDir }, { suites, userFile });
    const opts: { shard?: string; workers?: string } = {};
    if (options.shard !== undefined) opts.shard = options.shard;
    if (options.workers !== undefined) opts.workers = options.workers;
    // Side by side (CORS_ENGINE_BUILDS=all) an engine's projects are `chromium@<version>`.
    const projects =
      deps.env[BUILDS_ENV] === 'all' ? selection.engines.map((e) => `${e}*`) : selection.engines;
    const args = playwrightArgs(playwrightCli(), deps.config, projects, opts);
    const what =
      tables !== null
        ? `${tables.reduce((n, t) => n + t.scenarios.length, 0)} scenarios from ${tables.length} file(s)`
        : suites.length === 0
          ? 'every suite'
          : `suites ${suites.join(', ')}`;
    io.stdout(`running ${what} in ${selection.engines.join(', ')}\n`);
    const code = await deps.spawnNode(args, deps.cwd, env);
    const signal = stopSignal();
    // Stopped: the runner wrote (and printed) an interrupted report; the signal handler exits.
    if (signal !== null) return signalExitCode(signal);
    if (tables !== null) await printSideBySide(tables, resultsFile, io);
    return await judgeRun(
      { code, outDir, resultsFile, baseline, baselineName: options.baseline },
      io,
    );
  } finally {
    if (scratch !== null) await rm(scratch, { recursive: true, force: true });
  }
}

/** `run FILE...`: each scenario's predictions and observations side by side. */
async function printSideBySide(
  tables: readonly SuiteTable[],
  resultsFile: string,
  io: CliIo,
): Promise<void> {
  const results = await readResults(resultsFile);
  if (results === null) return;
  io.stdout(`\n${sideBySideReport(tables, results.cases as ResultCase[])}`);
}

/** The exit code of a run that ended by itself, from the results it wrote. */
async function judgeRun(
  run: {
    code: number;
    outDir: string;
    resultsFile: string;
    baseline: CaseStates | null;
    baselineName: string | undefined;
  },
  io: CliIo,
): Promise<number> {
  const { code, outDir, resultsFile, baseline } = run;
  const results = await readResults(resultsFile);
  if (results === null || results.cases.length === 0) {
    throw new CliError(
      'harness',
      `the run produced no results (${resultsFile} missing or empty; playwright exited ${code})`,
    );
  }
  if (baseline !== null) {
    // Drift since the baseline run, not against the expectation files (docs/nightly.md).
    const drift = compareRuns(
      baseline,
      caseStatesOf(runResultsOf(results, resultsFile)),
      run.baselineName ?? null,
    );
    await writeDriftReport(outDir, results, drift);
    io.stdout(formatDrift(drift));
    if (!isRunComplete(results.run)) throw incomplete(results.run);
    return driftExitCode(drift);
  }
  await showDriftSinceLastRecord(outDir, results, resultsFile, io);
  if (!isRunComplete(results.run)) throw incomplete(results.run);
  if (results.drift.length > 0) return EXIT.findings;
  if (code !== 0) {
    io.stderr(`playwright exited ${code} although no scenario drifted: see its output above\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

function incomplete(status: RunStatus | undefined): CliError {
  return new CliError('harness', runStatusLine(status));
}

/** Runs the Playwright runner as a process tree that a stop signal ends as a whole. */
async function spawnNode(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  const tree = await spawnTree(args, cwd, env);
  // On a stop signal: the runner ends the run (an interrupted report), then the rest goes.
  const unregister = onStop(() => tree.stop().then(() => tree.cleanUp()));
  try {
    return await tree.exited;
  } finally {
    // Whatever the runner left running (an orphaned browser, a driver) goes now.
    if (stopSignal() === null) {
      unregister();
      await tree.cleanUp();
    }
  }
}

export function defaultRunDeps(): RunDeps {
  return {
    detect: () => detectEngines(),
    spawnNode,
    root: packageRoot(),
    config: packagedConfig(),
    suites: suiteNames,
    cwd: process.cwd(),
    env: process.env,
  };
}

export function runCommandDefinition(
  io: CliIo,
  done: (code: number) => void,
  deps: () => RunDeps = defaultRunDeps,
): Command {
  return commandFactory('run', {
    description:
      'run the conformance suites (or your scenario files) in every available engine and write reports/ (results.json, junit.xml, index.html); exit 0 no drift, 1 drift, 2 usage, 3 no engine or no results, 130/143 interrupted',
    argument: {
      name: '[files...]',
      help: 'scenario files, folders (their *.json) or globs to run instead of the suites: prints the spec prediction, each engine profile and observation side by side',
    },
    options: [
      [
        '-e, --engine <names>',
        'engines, comma-separated: chromium, firefox, webkit (default: all found)',
      ],
      ['-s, --suite <names>', 'suites, comma-separated (default: all; `list` names them)'],
      ['-o, --out <dir>', 'where the reports go', 'reports'],
      ['--shard <i/n>', "run one shard of n (Playwright's --shard)"],
      ['--workers <n>', 'Playwright workers (default: one per engine, side by side)'],
      ['--html', "also write Playwright's own HTML report (playwright-report/)"],
      ['--blob <dir>', 'also write a Playwright blob report to DIR (merge shards later)'],
      [
        '--baseline <file>',
        'exit on drift since this earlier results.json or history record instead',
      ],
    ],
    run: (options: RunOptions, i, files: string[]) => runAction(options, i, deps(), files),
  })(io, done);
}

/** Runs `run` in-process; `argv` are the arguments after `run`. */
export function runRun(argv: string[], io: CliIo, deps: RunDeps): Promise<number> {
  return runStandalone((i, d) => runCommandDefinition(i, d, () => deps), argv, io);
}
