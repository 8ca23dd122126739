// `cors-conformance update-expectations [--from reports/results.json] [--engine E,...]`:
// rewrites suites/expectations/<engine>.json from a run's results for review. Entries still
// deviating stay, stale ones (unexpected-pass) go, new failures come in with reason and
// evidence TODO. Prints one line per change.
import { join } from 'node:path';
import { Command } from 'commander';
import { parseExpectations } from '../../harness/verdict.js';
import type { ExpectationMap } from '../../harness/types.js';
import { writeFileAtomic } from '../../report/atomic-write.js';
import { caseProblem } from '../../report/drift-report.js';
import { expectationsDir } from '../../report/paths.js';
import { MAX_RESULTS_CHARS } from '../../scenario/json-input.js';
import type { ResultCase } from '../../report/update-expectations.js';
import { formatExpectations, updateExpectations } from '../../report/update-expectations.js';
import { CliError, EXIT, UsageError, messageOf } from '../errors.js';
import type { CliIo } from '../io.js';
import { processIo, readJsonInput } from '../io.js';
import { runCommand, runStandalone, setExitCode } from '../run-command.js';

export interface UpdateOptions {
  from: string;
  engine?: string;
  dir?: string;
  dryRun?: boolean;
}

export interface UpdateDeps {
  writeFile(path: string, text: string): Promise<void>;
  /** Default: the package's suites/expectations. */
  dir?: string;
}

/** The file's JSON, or undefined when there is no such file. */
async function readJson(path: string, io: CliIo): Promise<unknown> {
  return (await readJsonInput(path, io, { maxChars: MAX_RESULTS_CHARS, optional: true })).json;
}

interface ResultsFile {
  engines?: unknown;
  cases?: unknown;
}

function casesOf(json: unknown, from: string): { engines: string[]; cases: ResultCase[] } {
  const r = json as ResultsFile | null;
  if (typeof r !== 'object' || r === null || !Array.isArray(r.cases)) {
    throw new CliError('input', `${from}: not a cors-conformance results.json (no "cases" array)`);
  }
  r.cases.forEach((c: unknown, i) => {
    const problem = caseProblem(c, ['id', 'engine']);
    if (problem !== null) throw new CliError('input', `${from}: cases[${i}]${problem}`);
  });
  const cases = r.cases as ResultCase[];
  const engines = Array.isArray(r.engines)
    ? (r.engines as unknown[]).filter((e): e is string => typeof e === 'string')
    : [...new Set(cases.map((c) => c.engine))];
  return { engines, cases };
}

export async function updateExpectationsAction(
  options: UpdateOptions,
  io: CliIo,
  deps: UpdateDeps,
): Promise<number> {
  const json = await readJson(options.from, io);
  if (json === undefined) {
    throw new UsageError(`${options.from}: no such file: run \`npm run conformance\` first`);
  }
  const { engines: inRun, cases } = casesOf(json, options.from);
  const engines =
    options.engine === undefined
      ? inRun
      : options.engine
          .split(',')
          .map((e) => e.trim())
          .filter((e) => e !== '');
  for (const e of engines) {
    if (!inRun.includes(e)) {
      throw new UsageError(
        `--engine: ${e} is not in ${options.from} (it has ${inRun.join(', ') || 'no engine'})`,
      );
    }
  }
  const dir = options.dir ?? deps.dir ?? expectationsDir();
  for (const engine of engines) {
    const file = join(dir, `${engine}.json`);
    const existing = await readJson(file, io);
    let current: ExpectationMap = {};
    try {
      if (existing !== undefined) current = parseExpectations(existing, file);
    } catch (e) {
      throw new CliError('input', messageOf(e));
    }
    const { expectations, changes } = updateExpectations(current, cases, engine);
    if (changes.length === 0) {
      io.stdout(`${engine}.json: no change (${Object.keys(current).length} entries)\n`);
      continue;
    }
    const mark = { added: '+', removed: '-', widened: '~' } as const;
    io.stdout(`${engine}.json: ${changes.length} change${changes.length === 1 ? '' : 's'}\n`);
    for (const c of changes) io.stdout(`  ${mark[c.change]} ${c.id}: ${c.detail}\n`);
    if (options.dryRun === true) continue;
    await deps.writeFile(file, formatExpectations(expectations));
  }
  if (options.dryRun !== true) {
    io.stdout('review the changes (git diff suites/expectations) and fill in every TODO\n');
  }
  return EXIT.ok;
}

export function updateExpectationsCommand(
  io: CliIo,
  done: (code: number) => void,
  deps: UpdateDeps = { writeFile: writeFileAtomic },
): Command {
  return new Command('update-expectations')
    .description(
      'rewrite suites/expectations/<engine>.json from a run: keep entries still deviating, ' +
        'remove stale ones, add new failures with reason and evidence TODO for review',
    )
    .option('--from <file>', 'results of a run', 'reports/results.json')
    .option('-e, --engine <names>', 'only these engines, comma-separated (default: all in the run)')
    .option('--dir <dir>', 'the expectations folder (default: the package suites/expectations)')
    .option('--dry-run', 'print the changes, write nothing')
    .action(async (options: UpdateOptions) => {
      done(await runCommand(io, () => updateExpectationsAction(options, io, deps)));
    });
}

export function register(program: Command): void {
  program.addCommand(updateExpectationsCommand(processIo(), setExitCode));
}

/** Runs `update-expectations` in-process; `argv` are the arguments after the command name. */
export function runUpdateExpectations(
  argv: string[],
  io: CliIo,
  deps: UpdateDeps,
): Promise<number> {
  return runStandalone((i, d) => updateExpectationsCommand(i, d, deps), argv, io);
}
