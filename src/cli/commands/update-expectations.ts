// `cors-conformance update-expectations [--from reports/results.json] [--engine E,...]`:
// rewrites suites/expectations/<engine>.json from a run's results for review. Entries still
// deviating stay, stale ones (unexpected-pass) go, new failures come in with reason and
// evidence TODO. Prints one line per change.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { parseExpectations } from '../../harness/verdict.js';
import type { ExpectationMap } from '../../harness/types.js';
import { expectationsDir } from '../../report/paths.js';
import type { ResultCase } from '../../report/update-expectations.js';
import { formatExpectations, updateExpectations } from '../../report/update-expectations.js';
import type { CliIo } from '../io.js';
import { EXIT_OK, UsageError, oneLine, processIo } from '../io.js';
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

interface ResultsFile {
  engines?: unknown;
  cases?: unknown;
}

async function readJson(path: string, io: CliIo, hint: string): Promise<unknown> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ENOENT') return undefined;
    throw new UsageError(`${path}: cannot read: ${oneLine(String(e))}${hint}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${path}: not valid JSON (${oneLine((e as Error).message)})`);
  }
}

function casesOf(json: unknown, from: string): { engines: string[]; cases: ResultCase[] } {
  const r = json as ResultsFile | null;
  if (typeof r !== 'object' || r === null || !Array.isArray(r.cases)) {
    throw new UsageError(`${from}: not a cors-conformance results.json (no "cases" array)`);
  }
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
  const json = await readJson(options.from, io, '');
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
    const existing = await readJson(file, io, '');
    const current: ExpectationMap = existing === undefined ? {} : parseExpectations(existing, file);
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
  return EXIT_OK;
}

export function updateExpectationsCommand(
  io: CliIo,
  done: (code: number) => void,
  deps: UpdateDeps = { writeFile: (p, t) => writeFile(p, t) },
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
