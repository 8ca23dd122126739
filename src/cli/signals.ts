// What happens when the command is asked to stop: SIGINT (Ctrl-C), SIGTERM (a supervisor,
// `timeout`, CI cancelling a job) or SIGHUP (the terminal closed, or the parent process
// went away). Every stop action registered with `onStop` runs once (a command's child
// process tree, the browsers this process launched), then the process exits 128 + the
// signal's number. A second signal, or actions still busy after `STOP_GRACE_MS`, exit at
// once; the engines' exit hooks then kill what is left.
import { closeLiveEngines, signalsHandledByHost } from '../harness/engines/index.js';
import { signalExitCode } from './errors.js';

export type StopAction = (signal: NodeJS.Signals) => Promise<void>;

/** How long stop actions may take before the process exits anyway. */
export const STOP_GRACE_MS = 15_000;

const actions = new Set<StopAction>();
let stopping: NodeJS.Signals | null = null;

/** Adds an action to run on a stop signal; returns a function that removes it. */
export function onStop(action: StopAction): () => void {
  actions.add(action);
  return () => actions.delete(action);
}

/** The signal the process is stopping for, or null while it is not. */
export function stopSignal(): NodeJS.Signals | null {
  return stopping;
}

export interface SignalOptions {
  write?: (line: string) => void;
  exit?: (code: number) => void;
  /** How often to check that the parent process is still there, ms (0: never). */
  parentCheckMs?: number;
}

/**
 * Takes over SIGINT, SIGTERM and SIGHUP for this process (the CLI's entry point calls it
 * once). A parent that goes away counts as SIGHUP: `npx` and shells may die of a signal
 * without passing it on, and a run must not go on writing reports nobody asked for.
 */
export function installSignalHandlers(opts: SignalOptions = {}): void {
  const write = opts.write ?? ((line: string) => void process.stderr.write(line));
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  signalsHandledByHost();
  const stop = (signal: NodeJS.Signals, why = `${signal} received`): void => {
    if (stopping !== null) {
      write(`${signal} again: exiting now\n`);
      exit(signalExitCode(stopping));
      return;
    }
    stopping = signal;
    write(`${why}: stopping (browsers and test processes are being closed)\n`);
    const deadline = setTimeout(() => {
      write(`still stopping after ${STOP_GRACE_MS / 1000} s: exiting now\n`);
      exit(signalExitCode(signal));
    }, STOP_GRACE_MS);
    const all = [...actions].map((a) => a(signal));
    void Promise.allSettled([...all, closeLiveEngines()]).then(() => {
      clearTimeout(deadline);
      exit(signalExitCode(signal));
    });
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => stop(signal));
  }
  const parent = process.ppid;
  const every = opts.parentCheckMs ?? 1000;
  // Started by init (or a reaper that adopted us already): there is no parent to watch.
  if (every > 0 && parent > 1) {
    setInterval(() => {
      if (process.ppid !== parent && stopping === null) {
        stop('SIGHUP', 'the parent process went away');
      }
    }, every).unref();
  }
}
