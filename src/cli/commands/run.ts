// `cors-conformance run [--engine chromium,firefox,webkit] [--suite smoke,...] [--out reports]
// [--shard i/n] [--html] [--blob DIR] [--baseline FILE]`: the conformance suites in every engine found, through this
// package's own Playwright Test and playwright.config.ts, with the conformance reporter
// writing the reports. Exit codes (src/cli/errors.ts): 0 no drift; 1 drift (new failure,
// unexpected pass, harness error; with --baseline: any drift since that run, docs/nightly.md);
// 2 a usage problem; 3 no engine, or a run that could not produce (all its) results;
// 130/143 stopped by a signal (the reports say the run was interrupted).
import { existsSync, readdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
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
import { runCommand, runStandalone, setExitCode } from '../run-command.js';
import { onStop, stopSignal } from '../signals.js';
import { isRunComplete, runStatusLine } from '../../report/run-status.js';
import type { RunStatus } from '../../report/run-status.js';

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
  /** The current folder (`--out` is relative to it). */
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** The suite folders: `suites/<name>/` holding at least one `*.spec.ts`. */
export function availableSuites(root: string): string[] {
  const dir = join(root, 'suites');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .filter((d) => readdirSync(join(dir, d.name)).some((f) => f.endsWith('.spec.ts')))
    .map((d) => d.name)
    .sort();
}

/** The Playwright Test CLI this package depends on. */
export function playwrightCli(): string {
  return createRequire(import.meta.url).resolve('@playwright/test/cli');
}

/** The `playwright test` arguments for a run. */
export function playwrightArgs(
  cli: string,
  root: string,
  engines: readonly string[],
  suites: readonly string[],
  opts: { shard?: string; workers?: string },
): string[] {
  // Positional filters (matched against test file paths) come first: `--project` takes a
  // list, so a path after it would be read as one more project name.
  const args = [cli, 'test', ...suites.map((s) => `suites/${s}/`)];
  args.push('--config', join(root, 'playwright.config.ts'));
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
    const json = JSON.parse(await readFile(file, 'utf8')) as Partial<ResultsSummary>;
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
function checkRunFlags(
  options: RunOptions,
  root: string,
): { wanted: string[] | null; suites: string[] } {
  const wanted = listOption('--engine', options.engine, BROWSER_NAMES.join(', '));
  const unknown = (wanted ?? []).filter((n) => !(BROWSER_NAMES as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new UsageError(
      `--engine: ${unknown.join(', ')} is no engine (one or more of ${BROWSER_NAMES.join(', ')})`,
    );
  }
  const known = availableSuites(root);
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

export async function runAction(options: RunOptions, io: CliIo, deps: RunDeps): Promise<number> {
  const { wanted, suites } = checkRunFlags(options, deps.root);
  // A bad baseline or output folder is a usage error before the run, not after it.
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
  const env: NodeJS.ProcessEnv = {
    ...deps.env,
    [DETECTION_ENV]: encodeDetection(detected),
    CORS_ENGINES: (wanted ?? BROWSER_NAMES).join(','),
    CORS_REPORT_DIR: outDir,
  };
  if (options.html === true) env.CORS_HTML_REPORT = '1';
  if (options.blob !== undefined) env.CORS_BLOB_DIR = resolve(deps.cwd, options.blob);
  const opts: { shard?: string; workers?: string } = {};
  if (options.shard !== undefined) opts.shard = options.shard;
  if (options.workers !== undefined) opts.workers = options.workers;
  // Side by side (CORS_ENGINE_BUILDS=all) an engine's projects are `chromium@<version>`.
  const projects =
    deps.env[BUILDS_ENV] === 'all' ? selection.engines.map((e) => `${e}*`) : selection.engines;
  const args = playwrightArgs(playwrightCli(), deps.root, projects, suites, opts);
  io.stdout(
    `running ${suites.length === 0 ? 'every suite' : `suites ${suites.join(', ')}`} in ${selection.engines.join(', ')}\n`,
  );
  const code = await deps.spawnNode(args, deps.root, env);
  const signal = stopSignal();
  // Stopped: the runner wrote (and printed) an interrupted report; the signal handler exits.
  if (signal !== null) return signalExitCode(signal);
  return judgeRun({ code, outDir, resultsFile, baseline, baselineName: options.baseline }, io);
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
    cwd: process.cwd(),
    env: process.env,
  };
}

export function runCommandDefinition(
  io: CliIo,
  done: (code: number) => void,
  deps: () => RunDeps = defaultRunDeps,
): Command {
  return new Command('run')
    .description(
      'run the conformance suites in every available engine and write reports/ ' +
        '(results.json, junit.xml, index.html); exit 0 no drift, 1 drift, 2 usage, 3 no engine or no results, 130/143 interrupted',
    )
    .option(
      '-e, --engine <names>',
      'engines, comma-separated: chromium, firefox, webkit (default: all found)',
    )
    .option('-s, --suite <names>', 'suite folders under suites/, comma-separated (default: all)')
    .option('-o, --out <dir>', 'where the reports go', 'reports')
    .option('--shard <i/n>', "run one shard of n (Playwright's --shard)")
    .option('--workers <n>', 'Playwright workers (default: one per engine, side by side)')
    .option('--html', "also write Playwright's own HTML report (playwright-report/)")
    .option('--blob <dir>', 'also write a Playwright blob report to DIR (merge shards later)')
    .option(
      '--baseline <file>',
      'exit on drift since this earlier results.json or history record instead',
    )
    .action(async (options: RunOptions) => {
      done(await runCommand(io, () => runAction(options, io, deps())));
    });
}

export function register(program: Command): void {
  program.addCommand(runCommandDefinition(processIo(), setExitCode));
}

/** Runs `run` in-process; `argv` are the arguments after `run`. */
export function runRun(argv: string[], io: CliIo, deps: RunDeps): Promise<number> {
  return runStandalone((i, d) => runCommandDefinition(i, d, () => deps), argv, io);
}
