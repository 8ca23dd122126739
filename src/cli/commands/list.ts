// `cors-conformance list [--suite S,...] [--json]`: the scenarios of the suites this package
// ships, to read, copy and adapt: per scenario its id, title and spec anchors, or with
// --json the scenarios themselves in the portable format (one array, ready for `predict`,
// `explain` or `run FILE`).
import { anchorUrl } from '../../model/result.js';
import { loadSuites, type SuiteTable } from '../../suites/catalog.js';
import { EXIT, UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { commandFactory, inProcess } from '../run-command.js';

export interface ListOptions {
  suite?: string;
  json?: boolean;
}

/** The suites `--suite` names (all when not given); an unknown name is a usage error. */
export function pickSuites(all: readonly SuiteTable[], option: string | undefined): SuiteTable[] {
  if (option === undefined) return [...all];
  const names = option
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const known = all.map((s) => s.name);
  const bad = names.filter((n) => !known.includes(n));
  if (names.length === 0 || bad.length > 0) {
    throw new UsageError(
      `--suite: no suite ${bad.join(', ') || '(none named)'} (suites: ${known.join(', ')})`,
    );
  }
  return all.filter((s) => names.includes(s.name));
}

export async function listAction(options: ListOptions, io: CliIo): Promise<number> {
  const suites = pickSuites(await loadSuites(), options.suite);
  if (options.json === true) {
    io.stdout(
      `${JSON.stringify(
        suites.flatMap((s) => s.scenarios),
        null,
        2,
      )}\n`,
    );
    return EXIT.ok;
  }
  const lines: string[] = [];
  for (const suite of suites) {
    lines.push(`${suite.name} (${suite.scenarios.length} scenarios)`);
    for (const s of suite.scenarios) {
      lines.push(`  ${s.id ?? '(no id)'}  ${s.title ?? ''}`.trimEnd());
      for (const a of s.anchors ?? []) lines.push(`      ${anchorUrl(a)}`);
    }
  }
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

/** `list`: its help and options; listAction runs it. */
export const listCommand = commandFactory('list', {
  description:
    'list the scenarios of the shipped suites: id, title and spec anchors, or with --json the scenarios in the portable format (copy one to adapt it)',
  options: [
    ['-s, --suite <names>', 'suites, comma-separated (default: all)'],
    ['--json', 'print the scenarios as one JSON array'],
  ],
  run: listAction,
});

/** Runs `list` in-process; `argv` are the arguments after `list`. */
export const runList = inProcess(listCommand);
