// The one error type of the command line and the one exit-code table every command uses.
// A command throws `CliError` with a reason from a closed set; `runCommand` prints its
// message as one stderr line and exits with the reason's code. Errors of the libraries
// underneath (scenario, policy, target, engine) are mapped to a reason in `toCliError`, so
// no command decides an exit code for an error by itself.
import { EngineUnavailable } from '../harness/engines/index.js';
import { ScenarioError } from '../scenario/validate.js';
import { JsonInputError } from '../scenario/json-input.js';
import { CredentialError } from '../live/credentials.js';
import { StartError } from '../live/start-target.js';
import { TargetError } from '../live/target.js';
import { PolicyError } from '../policy/index.js';
import { AssetListError } from '../verify/asset-list.js';
import { errorText } from '../error-text.js';

/** Exit codes, by meaning. The same table is printed by `--help` and in the README. */
export const EXIT = {
  /** Done: no drift, no finding, every case as intended. */
  ok: 0,
  /** Done, and the answer is "no": drift, findings, cases not as intended, disagreements. */
  findings: 1,
  /** The user's input cannot be used: a flag, an argument, a file's content, an output path, a limit. */
  usage: 2,
  /** This machine or the target is not ready: no browser engine, an engine that fails, a target that does not answer. */
  environment: 3,
  /** A bug in cors-conformance: the message says what failed; please report it. */
  internal: 4,
  /** Stopped by SIGHUP, SIGINT (Ctrl-C) or SIGTERM: 128 + the signal's number. */
  sighup: 129,
  sigint: 130,
  sigterm: 143,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * Why a command failed, each with its exit code. `usage`: a flag or argument; `input`: the
 * content of a file or stdin; `output`: where results should go; `limit`: input or output
 * past a size or depth bound; `no-engine`: no usable browser engine; `engine`: an engine
 * that would not start or keep running; `harness`: a test run that could not produce all its
 * results; `unreachable`: a target that does not answer; `dependency`: an optional package
 * the command needs is not installed; `internal`: a bug.
 */
export const REASON_EXIT = {
  usage: EXIT.usage,
  input: EXIT.usage,
  output: EXIT.usage,
  limit: EXIT.usage,
  'no-engine': EXIT.environment,
  engine: EXIT.environment,
  harness: EXIT.environment,
  unreachable: EXIT.environment,
  dependency: EXIT.environment,
  internal: EXIT.internal,
} as const;

export type FailureReason = keyof typeof REASON_EXIT;

/** A command failure: one line for the user and the reason that decides the exit code. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    readonly reason: FailureReason,
    message: string,
  ) {
    super(message);
  }

  get exitCode(): ExitCode {
    return REASON_EXIT[this.reason];
  }
}

/** A user mistake in a flag or argument (reason `usage`, exit 2). */
export class UsageError extends CliError {
  override name = 'UsageError';
  constructor(message: string) {
    super('usage', message);
  }
}

/** Longest message printed; past it the line is cut (a message is for reading, not a dump). */
const MAX_MESSAGE = 1000;

/** Any thrown value as one line of text: whitespace collapsed, colour codes removed, cut. */
export function messageOf(e: unknown): string {
  return oneLine(errorText(e));
}

/** Collapses whitespace (and drops terminal colour codes) so a message stays on one line. */
export function oneLine(text: string): string {
  const plain = text
    // eslint-disable-next-line no-control-regex
    .replace(/\u001b\[[0-9;]*[A-Za-z]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > MAX_MESSAGE ? `${plain.slice(0, MAX_MESSAGE - 1)}…` : plain;
}

/** The reason an error of the layers below stands for; anything unknown is `internal`. */
export function toCliError(e: unknown): CliError {
  if (e instanceof CliError) return e;
  if (e instanceof ScenarioError || e instanceof PolicyError || e instanceof AssetListError)
    return new CliError('input', e.message);
  if (e instanceof JsonInputError) return new CliError(e.limit ? 'limit' : 'input', e.message);
  if (e instanceof CredentialError) return new CliError('usage', e.message);
  if (e instanceof TargetError || e instanceof StartError)
    return new CliError('unreachable', e.message);
  if (e instanceof EngineUnavailable) return new CliError('no-engine', e.message);
  return new CliError('internal', `internal error: ${messageOf(e)}`);
}

/** The exit code for a signal that stopped a command. */
export function signalExitCode(signal: NodeJS.Signals): ExitCode {
  if (signal === 'SIGHUP') return EXIT.sighup;
  return signal === 'SIGTERM' ? EXIT.sigterm : EXIT.sigint;
}

/** The exit-code table as `--help` and the README show it. */
export const EXIT_CODE_HELP = [
  'Exit codes (every command):',
  '  0    done: no drift, no finding, every case as intended',
  '  1    done, with drift, findings or disagreements to look at',
  '  2    bad usage or input: a flag, a file, an output path, a size or depth limit',
  '  3    environment: no usable browser engine, an engine that fails, a target that does not answer, a missing package',
  '  4    internal error in cors-conformance (please report it)',
  '  130  interrupted (SIGINT, Ctrl-C); 143 terminated (SIGTERM); 129 hung up (SIGHUP)',
].join('\n');
