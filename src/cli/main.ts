#!/usr/bin/env node
// The `cors-conformance` command. Each subcommand lives in `commands/<name>.ts` as a command
// factory (`xxxCommand(io, done)`); this file only assembles them and runs the program.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { auditCommand } from './commands/audit.js';
import { doctorCommand } from './commands/doctor.js';
import { explainCommand } from './commands/explain.js';
import { frameworksCommand } from './commands/frameworks.js';
import { fuzzCommand } from './commands/fuzz.js';
import { historyCommand } from './commands/history.js';
import { listCommand } from './commands/list.js';
import { predictCommand } from './commands/predict.js';
import { runCommandDefinition } from './commands/run.js';
import { showReportCommand } from './commands/show-report.js';
import { suggestRulesCommand } from './commands/suggest-rules.js';
import { verifyCommand } from './commands/verify.js';
import { EXIT, EXIT_CODE_HELP, toCliError } from './errors.js';
import { processIo } from './io.js';
import {
  commanderExitCode,
  oneLineErrors,
  setExitCode,
  type CommandFactory,
} from './run-command.js';
import { installSignalHandlers } from './signals.js';

/**
 * The subcommands, in the order `--help` lists them. A function, not a constant: a command
 * module that imports this one (audit reads packageVersion) may still be loading when this
 * module runs, and its factory exists only once it has.
 */
function commands(): readonly CommandFactory[] {
  return [
    predictCommand,
    explainCommand,
    doctorCommand,
    fuzzCommand,
    verifyCommand,
    auditCommand,
    frameworksCommand,
    historyCommand,
    runCommandDefinition,
    listCommand,
    showReportCommand,
    suggestRulesCommand,
  ];
}

/**
 * The package version, from the nearest package.json named `cors-conformance` above this
 * file (two levels up from src/cli, three from dist/src/cli).
 */
export function packageVersion(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'cors-conformance' && typeof pkg.version === 'string') return pkg.version;
    }
    const parent = dirname(dir);
    if (parent === dir) return '0.0.0-unknown';
    dir = parent;
  }
}

/** The program with every subcommand registered; usage errors exit 2, help/version 0. */
export function buildProgram(): Command {
  const program = new Command('cors-conformance')
    .description(
      'CORS spec-conformance: a reference model of the Fetch Standard CORS protocol, ' +
        'checked against real browsers',
    )
    .version(packageVersion(), '-V, --version', 'print the package version')
    .showSuggestionAfterError()
    .addHelpText('after', `\n${EXIT_CODE_HELP}`);
  // Process streams; the exit code goes to process.exitCode.
  for (const make of commands()) program.addCommand(make(processIo(), setExitCode));
  // Usage errors exit 2 with one stderr line, also for commands registered by others; every
  // command's help ends with the one exit-code table.
  for (const command of [program, ...program.commands]) {
    command.exitOverride().configureOutput({ outputError: oneLineErrors });
    if (command !== program) command.addHelpText('after', `\n${EXIT_CODE_HELP}`);
  }
  return program;
}

/** Runs the program on `argv` (process.argv form); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) return commanderExitCode(e);
    throw e;
  }
  return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
}

function invokedDirectly(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  // Deprecation warnings of Node or of a dependency (an IP address as TLS server name, an
  // old API in a package) are not the user's business and would break one-line errors.
  process.noDeprecation = true;
  installSignalHandlers();
  main(process.argv).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      const error = toCliError(e);
      process.stderr.write(`${error.message}\n`);
      process.exitCode = error.exitCode;
    },
  );
}
