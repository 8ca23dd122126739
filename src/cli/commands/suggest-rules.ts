// `cors-conformance suggest-rules [--from reports/results.json] [--engine E,...]`: from a
// run's results, prints what to review in src/engine-facts/<engine>.ts: rows a rule lists
// that now match the spec (stale), and a candidate rule for every failing case, with reason
// and evidence TODO. It writes nothing: engine facts are reviewed code, not generated files.
import { fromResultsJson } from '../../report/report-data.js';
import { caseProblem } from '../../report/drift-report.js';
import { MAX_RESULTS_CHARS } from '../../scenario/json-input.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { readJsonInput } from '../io.js';
import { commandFactory, inProcess } from '../run-command.js';
import type { ResultCase } from '../../report/suggest-rules.js';
import { formatSuggestions, suggestRules } from '../../report/suggest-rules.js';

export interface SuggestOptions {
  from: string;
  engine?: string;
}

async function readResults(
  path: string,
  io: CliIo,
): Promise<{ engines: string[]; cases: ResultCase[] }> {
  const { json } = await readJsonInput(path, io, {
    maxChars: MAX_RESULTS_CHARS,
    what: "a run's results",
  });
  // Version 2 keeps each scenario once: expanded, every case carries its own again.
  const r = fromResultsJson(json) as { engines?: unknown; cases?: unknown } | null;
  if (typeof r !== 'object' || r === null || !Array.isArray(r.cases)) {
    throw new CliError('input', `${path}: not a cors-conformance results.json (no "cases" array)`);
  }
  r.cases.forEach((c: unknown, i) => {
    const problem = caseProblem(c, ['id', 'engine']);
    if (problem !== null) throw new CliError('input', `${path}: cases[${i}]${problem}`);
  });
  const cases = r.cases as ResultCase[];
  const engines = Array.isArray(r.engines)
    ? (r.engines as unknown[]).filter((e): e is string => typeof e === 'string')
    : [...new Set(cases.map((c) => c.engine))];
  return { engines, cases };
}

export async function suggestRulesAction(options: SuggestOptions, io: CliIo): Promise<number> {
  const { engines: inRun, cases } = await readResults(options.from, io);
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
  io.stdout(formatSuggestions(suggestRules(cases, engines)));
  return EXIT.ok;
}

/** `suggest-rules`: its help and options; suggestRulesAction runs it. */
export const suggestRulesCommand = commandFactory('suggest-rules', {
  description:
    'from a run, print what to review in src/engine-facts/<engine>.ts: stale rule rows and a candidate deviation rule per failing case (reason and evidence TODO); writes nothing',
  options: [
    ['--from <file>', 'results of a run', 'reports/results.json'],
    ['-e, --engine <names>', 'only these engines, comma-separated (default: all in the run)'],
  ],
  run: suggestRulesAction,
});

/** Runs `suggest-rules` in-process; `argv` are the arguments after the command name. */
export const runSuggestRules = inProcess(suggestRulesCommand);
