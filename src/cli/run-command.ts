// Plumbing shared by the commands: declaring a command from its spec (name, help, options,
// body), turning thrown errors into one stderr line and an exit code (errors.ts has the
// table), and running one command in-process (tests) with its own output and exit handling.
import { Command, CommanderError } from 'commander';
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

/** Commander's collector for a repeatable option: its values in order, as a string array. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/**
 * One option, as the arguments of Commander's `.option()`: the flags (`-e, --engine <names>`,
 * `--json`, `--no-browser`), the help `--help` shows, then the value when the option is not
 * given, or `collect` for an option that may be given again.
 */
export type OptionSpec = readonly [flags: string, help: string, then?: string | typeof collect];

/**
 * A subcommand as data: what its `--help` shows (description, a positional argument,
 * options) and the body that runs with what was parsed. commandFactory declares every command
 * from its name and one of these the same way, so a command's file holds only what is its own.
 */
export interface CommandSpec<O, A = undefined> {
  /** One string, as `--help` prints it (Commander wraps it). */
  description: string;
  /** A positional argument as Commander writes it (`[file]`, `[files...]`), and its help. */
  argument?: { name: string; help: string };
  options: readonly OptionSpec[];
  /** The command's work: an exit code, or a thrown error runCommand turns into one. */
  run: (options: O, io: CliIo, argument: A) => Promise<number>;
}

/**
 * The factory of the command `name` (as Commander's `new Command(name)`): a fresh Commander
 * command per call, declared from `spec`, that reports its exit code to `done`.
 */
export function commandFactory<O, A>(name: string, spec: CommandSpec<O, A>): CommandFactory {
  return (io, done) => {
    const command = new Command(name).description(spec.description);
    if (spec.argument !== undefined) command.argument(spec.argument.name, spec.argument.help);
    for (const [flags, help, then] of spec.options) {
      // Two calls for Commander's two overloads: a parser (collect) or a default value.
      if (typeof then === 'function') command.option(flags, help, then);
      else command.option(flags, help, then);
    }
    // Commander passes the argument first when the command declares one, then the options.
    return command.action(async (...parsed: unknown[]) => {
      const [argument, options] = (
        spec.argument === undefined ? [undefined, ...parsed] : parsed
      ) as [A, O];
      done(await runCommand(io, () => spec.run(options, io, argument)));
    });
  };
}

/** An in-process runner for a command (tests): `argv` are the arguments after its name. */
export function inProcess(make: CommandFactory): (argv: string[], io: CliIo) => Promise<number> {
  return (argv, io) => runStandalone(make, argv, io);
}
