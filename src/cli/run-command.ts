// Plumbing shared by the commands: turning thrown errors into one stderr line and an exit
// code, and running one command in-process (tests) with its own output and exit handling.
import type { Command } from 'commander';
import { CommanderError } from 'commander';
import type { CliIo } from './io.js';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError, oneLine } from './io.js';

/** Runs a command body: a UsageError is one stderr line and exit 2, anything else exit 1. */
export async function runCommand(io: CliIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${oneLine(e.message)}\n`);
      return EXIT_USAGE;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`internal error: ${oneLine(message)}\n`);
    return EXIT_INTERNAL;
  }
}

/** Routes commander's own output and errors (unknown option, missing argument) to `io`. */
export function routeCommander(command: Command, io: CliIo): Command {
  return command
    .configureOutput({
      writeOut: (t) => io.stdout(t),
      writeErr: (t) => io.stderr(t),
      outputError: oneLineErrors,
    })
    .exitOverride();
}

/** Commander error messages (with their "Did you mean" hint) kept to one line. */
export function oneLineErrors(text: string, write: (text: string) => void): void {
  write(`${oneLine(text)}\n`);
}

/** The exit code for an error commander threw: 0 for help/version, 2 for usage errors. */
export function commanderExitCode(e: CommanderError): number {
  return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
}

/**
 * Parses `argv` (the arguments after the command name) with a fresh command built by
 * `make`, writing to `io`; resolves to the exit code. Used by `runPredict` & co.
 */
export async function runStandalone(
  make: (io: CliIo, done: (code: number) => void) => Command,
  argv: string[],
  io: CliIo,
): Promise<number> {
  let code = EXIT_OK;
  const command = routeCommander(
    make(io, (c) => {
      code = c;
    }),
    io,
  );
  try {
    await command.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return commanderExitCode(e);
    throw e;
  }
  return code;
}

/** For commands registered on the real program: the exit code goes to the process. */
export function setExitCode(code: number): void {
  process.exitCode = code;
}
