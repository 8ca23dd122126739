// `--start "CMD"`: the target in any language, started by verify or audit themselves so a
// CI job is one command. The command runs in its own process group (through `sh -c`); the
// target's port must start listening (a refused connection is retried, nothing is sent);
// at the end, on SIGINT or SIGTERM, the whole group is stopped (SIGTERM, then SIGKILL).
// A command that exits first, never listens, or a port someone else already serves is one
// line.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import net from 'node:net';
import { listPids, readProcStat } from './proc-stat.js';

/** What went wrong starting the target: one line for the user. */
export class StartError extends Error {
  override readonly name = 'StartError';
}

export interface StartOptions {
  /** How long the port may take to listen, ms. Default 30 000. */
  waitMs?: number;
  /**
   * Registers the target's stop with a host that handles SIGINT/SIGTERM itself (the CLI's
   * `onStop`) and returns its removal. Without it, the target installs its own handlers:
   * on a signal it stops the group, then lets the signal take its usual course.
   */
  onStop?: (stop: () => Promise<void>) => () => void;
}

/** A started target: `stop()` ends its whole process tree. */
export interface StartedTarget {
  pid: number;
  stop(): Promise<void>;
}

function portOf(url: URL): number {
  return url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
}

/** Whether something accepts connections on the URL's host and port now. */
export function listening(url: URL): Promise<boolean> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = net.connect({
      host: host === 'localhost' ? '127.0.0.1' : host,
      port: portOf(url),
    });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(1000, () => done(false));
  });
}

/** The last non-empty line the command printed, for error messages. */
function lastLine(output: string): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const last = lines[lines.length - 1];
  return last === undefined ? '' : ` (last output: ${JSON.stringify(last.slice(0, 160))})`;
}

/** Starts `command` and waits until `url`'s port listens. */
export async function startTarget(
  command: string,
  url: URL,
  opts: StartOptions = {},
): Promise<StartedTarget> {
  if (command.trim() === '') throw new StartError('--start: the command is empty');
  if (await listening(url)) {
    throw new StartError(
      `--start: ${url.origin} is already served by another process; stop it, or leave out --start`,
    );
  }
  const child = spawn('sh', ['-c', command], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (d: Buffer): void => {
    output = (output + d.toString('utf8')).slice(-4096);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
    child.once('error', (e) => resolve(e.message));
  });
  const stopper = groupStopper(child, exited, opts.onStop);
  const waitMs = opts.waitMs ?? 30_000;
  const started = performance.now();
  let gone: number | string | null = null;
  void exited.then((c) => (gone = c));
  while (!(await listening(url))) {
    if (gone !== null) {
      await stopper.stop();
      throw new StartError(
        `--start: "${command}" exited (${String(gone)}) before ${url.origin} listened${lastLine(output)}`,
      );
    }
    if (performance.now() - started > waitMs) {
      await stopper.stop();
      throw new StartError(
        `--start: ${url.origin} did not listen within ${Math.round(waitMs / 1000)} s of starting "${command}"${lastLine(output)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { pid: child.pid ?? 0, stop: () => stopper.stop() };
}

/**
 * Stops the child's process group once: SIGTERM, then SIGKILL after 3 s. While the target
 * runs, SIGINT and SIGTERM to this process stop the group first, then take their usual course.
 */
function groupStopper(
  child: ChildProcess,
  exited: Promise<unknown>,
  hostOnStop: StartOptions['onStop'],
): { stop(): Promise<void> } {
  const pid = child.pid;
  const kill = (signal: NodeJS.Signals): void => {
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is gone already.
    }
  };
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      unregister();
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
      // Children of the command that ignored SIGTERM go too; wait (bounded) until they are gone.
      kill('SIGKILL');
      for (let i = 0; i < 40 && groupAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
    })();
    return stopping;
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    void stop().then(() => {
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  };
  let unregister: () => void;
  if (hostOnStop !== undefined) {
    unregister = hostOnStop(stop);
  } else {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    unregister = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    };
  }
  return { stop };
}

/**
 * Whether any process of the group is still running. Killed processes whose parent has not
 * reaped them yet (zombies, common once init adopts them) do not count; where /proc is
 * missing, any member counts.
 */
function groupAlive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  const pids = listPids();
  if (pids === null) {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  }
  return pids.some((p) => {
    const stat = readProcStat(`/proc/${p}/stat`);
    if (stat?.pgid !== pid) return false;
    if (stat.state !== 'Z') return true;
    // A zombie leader of a multi-threaded process: alive (and holding its sockets) until its
    // last thread exits.
    try {
      return readdirSync(`/proc/${p}/task`).some((t) => {
        const task = readProcStat(`/proc/${p}/task/${t}/stat`);
        return task !== null && task.state !== 'Z' && task.state !== '';
      });
    } catch {
      return false;
    }
  });
}

/** Runs `fn` with the target started by `command` (when given) and stopped afterwards. */
export async function withStartedTarget<T>(
  command: string | undefined,
  url: URL,
  fn: () => Promise<T>,
  opts: StartOptions = {},
): Promise<T> {
  if (command === undefined) return fn();
  const started = await startTarget(command, url, opts);
  try {
    return await fn();
  } finally {
    await started.stop();
  }
}
