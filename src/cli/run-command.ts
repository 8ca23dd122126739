// Plumbing shared by the commands: turning thrown errors into one stderr line and an exit
// code (errors.ts has the table), and running one command in-process (tests) with its own
// output and exit handling.
import type { Command } from 'commander';
import { CommanderError } from 'commander';
import type { CliIo } from './io.js';
import { EXIT, oneLine, toCliError } from './errors.js';

/** Runs a command body: whatever it throws is one stderr line and its reason's exit code. */
export async function runCommand(io: CliIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    const error = toCliError(e);
    io.stderr(`${oneLine(error.message)}\n`);
    return error.exitCode;
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
  return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
}

/** A subcommand's definition: it writes to `io` and reports its exit code to `done`. */
export type CommandFactory = (io: CliIo, done: (code: number) => void) => Command;

/**
 * A command's `.action` for a body taking the options: whatever the body returns or throws
 * becomes the exit code given to `done` (runCommand).
 */
export function actionOf<O>(
  io: CliIo,
  done: (code: number) => void,
  body: (options: O, io: CliIo) => Promise<number>,
): (options: O) => Promise<void> {
  return async (options) => {
    done(await runCommand(io, () => body(options, io)));
  };
}

/**
 * Parses `argv` (the arguments after the command name) with a fresh command built by
 * `make`, writing to `io`; resolves to the exit code. Used by `runPredict` & co.
 */
export async function runStandalone(
  make: CommandFactory,
  argv: string[],
  io: CliIo,
): Promise<number> {
  let code: number = EXIT.ok;
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
