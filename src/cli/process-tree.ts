// A child process and everything it starts, kept track of as one tree, so that stopping the
// command stops all of it. The Playwright runner starts workers; workers start browsers,
// WebKitWebDriver, MiniBrowser and Xvfb, several in process groups of their own, and a
// killed worker's children are adopted by init. Two ways find them all (Linux, /proc):
// descent by parent pid, and a marker variable in the environment every process of the
// tree inherits. The tree also gets a temporary folder of its own (`TREE_TEMP_ENV`: the
// engines put their browsers' temporary files under it), removed at the end, so that files
// a killed browser leaves there go too.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isEnded, listPids, readProcStat } from '../live/proc-stat.js';

/** The environment variable that marks every process of one tree. */
export const TREE_MARK_ENV = 'CORS_CONFORMANCE_TREE';
/** The tree's temporary folder (read by src/harness/engines/playwright-engine.ts). */
export const TREE_TEMP_ENV = 'CORS_CONFORMANCE_TEMP';

/** How long the tree's root has to end by itself after SIGINT before everything is killed. */
export const ROOT_GRACE_MS = 10_000;

interface ProcInfo {
  pid: number;
  ppid: number;
  pgid: number;
  /** Start time since boot, in clock ticks: tells a process from a later one with its pid. */
  start: string;
  zombie: boolean;
}

function procInfo(pid: number): ProcInfo | null {
  const stat = readProcStat(`/proc/${pid}/stat`);
  if (stat === null) return null;
  return { pid, ppid: stat.ppid, pgid: stat.pgid, start: stat.start, zombie: isEnded(stat.state) };
}

function hasMark(pid: number, mark: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'latin1')
      .split('\0')
      .includes(`${TREE_MARK_ENV}=${mark}`);
  } catch {
    return false;
  }
}

/** Each process of the tree: pid → start time (empty where /proc is missing). */
export type TreeMembers = Map<number, string>;

/** `root` and its descendants, and every process carrying `mark`. */
export function findTree(root: number | undefined, mark: string): TreeMembers {
  const pids = listPids();
  // No /proc: the root is all we know.
  if (pids === null) return new Map(root === undefined ? [] : [[root, '']]);
  const infos = pids.map(procInfo).filter((p): p is ProcInfo => p !== null && !p.zombie);
  const children = new Map<number, number[]>();
  for (const p of infos) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const found = new Set<number>();
  const visit = (pid: number): void => {
    if (found.has(pid)) return;
    found.add(pid);
    for (const c of children.get(pid) ?? []) visit(c);
  };
  if (root !== undefined && infos.some((p) => p.pid === root)) visit(root);
  for (const p of infos) if (p.pid !== process.pid && hasMark(p.pid, mark)) visit(p.pid);
  found.delete(process.pid);
  const starts = new Map(infos.map((p) => [p.pid, p.start]));
  return new Map([...found].map((pid) => [pid, starts.get(pid) ?? '']));
}

/** Whether `pid` still runs and is the process first seen (same start time); zombies do not count. */
export function isRunning(pid: number, start = ''): boolean {
  const info = procInfo(pid);
  if (info !== null) return !info.zombie && (start === '' || info.start === start);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Sends `signal` to each process, and to its group when it leads one. */
export function signalAll(pids: readonly number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    const info = procInfo(pid);
    try {
      if (info?.pgid === pid) process.kill(-pid, signal);
    } catch {
      // The group is gone already.
    }
    try {
      process.kill(pid, signal);
    } catch {
      // Gone already.
    }
  }
}

/** Resolves once none of `members` runs, or after `ms`; true when all are gone. */
export async function waitGone(members: TreeMembers, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (![...members].some(([pid, start]) => isRunning(pid, start))) return true;
    if (Date.now() >= until) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A child process started as the root of its own tree. */
export interface ProcessTree {
  readonly child: ChildProcess;
  readonly mark: string;
  /** Resolves with the root's exit code (128 + signal number when a signal ended it). */
  readonly exited: Promise<number>;
  /**
   * Asks the root to end by itself (SIGINT: the Playwright runner then stops its workers and
   * writes an interrupted report), waits up to `graceMs`, then ends whatever of the tree is
   * still running: SIGTERM, and SIGKILL a moment later. Resolves when all of it is gone.
   */
  stop(graceMs?: number): Promise<void>;
  /** Kills what is left of the tree and removes its temporary folder. */
  cleanUp(): Promise<void>;
}

const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGKILL: 9,
  SIGTERM: 15,
};

/**
 * Starts `node args` as the root of a tree: in its own process group (a terminal's Ctrl-C
 * reaches this process only, which passes it on once), marked, with its own temp folder.
 */
export async function spawnTree(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<ProcessTree> {
  const mark = `${process.pid}-${randomBytes(6).toString('hex')}`;
  // Short: browsers put sockets below it, and a socket path has at most 107 bytes.
  const temp = await mkdtemp(join(tmpdir(), 'ccr-'));
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...env, [TREE_MARK_ENV]: mark, [TREE_TEMP_ENV]: temp },
    // Not the terminal's input: a process group in the background that reads it is stopped.
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      resolve(code ?? 128 + (signal === null ? 1 : (SIGNAL_NUMBERS[signal] ?? 1)));
    });
  });
  exited.catch(() => undefined);
  const seen: TreeMembers = new Map();
  const remember = (): void => {
    for (const [pid, start] of findTree(child.pid, mark)) seen.set(pid, start);
  };
  const killRest = async (): Promise<void> => {
    remember();
    const rest: TreeMembers = new Map([...seen].filter(([pid, start]) => isRunning(pid, start)));
    if (rest.size === 0) return;
    signalAll([...rest.keys()], 'SIGTERM');
    if (await waitGone(rest, 2_000)) return;
    signalAll(
      [...rest].filter(([pid, start]) => isRunning(pid, start)).map(([pid]) => pid),
      'SIGKILL',
    );
    await waitGone(rest, 2_000);
  };
  let stopping: Promise<void> | null = null;
  return {
    child,
    mark,
    exited,
    stop(graceMs = ROOT_GRACE_MS) {
      stopping ??= (async () => {
        remember();
        if (child.pid !== undefined && isRunning(child.pid)) child.kill('SIGINT');
        const until = Date.now() + graceMs;
        // While the root winds down, note every process of the tree before it is orphaned.
        while (child.exitCode === null && child.signalCode === null && Date.now() < until) {
          remember();
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        await killRest();
      })();
      return stopping;
    },
    async cleanUp() {
      await killRest();
      await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
