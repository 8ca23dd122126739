// The Linux process table as the stop logic needs it: which pids exist and each one's
// `/proc/<pid>/stat` line (state, parent, process group, start time, CPU). One reader for
// the CLI's process tree (src/cli/process-tree.ts), `--start`'s process group
// (start-target.ts) and the load script (scripts/hostile-load.ts). See proc(5).
import { readFileSync, readdirSync } from 'node:fs';

/** The fields of one stat line the callers read. */
export interface ProcStat {
  /** One letter: R, S, D, Z (zombie), X (dead), ... */
  state: string;
  ppid: number;
  pgid: number;
  /** Start time since boot, in clock ticks: tells a process from a later one with its pid. */
  start: string;
  /** User plus system CPU time, in clock ticks. */
  cpuTicks: number;
}

/** Parses a stat file (`/proc/<pid>/stat` or `/proc/<pid>/task/<tid>/stat`); null when unreadable. */
export function readProcStat(file: string): ProcStat | null {
  let stat: string;
  try {
    stat = readFileSync(file, 'latin1');
  } catch {
    return null;
  }
  // The command name (field 2) is in parentheses and may hold spaces: read after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    state: fields[0] ?? '',
    ppid: Number(fields[1]),
    pgid: Number(fields[2]),
    start: fields[19] ?? '',
    cpuTicks: Number(fields[11]) + Number(fields[12]),
  };
}

/** Whether a stat state is a process that has ended (a zombie waiting to be reaped, or dead). */
export function isEnded(state: string): boolean {
  return state === 'Z' || state === 'X';
}

/** The pids in /proc; null where there is no /proc (not Linux). */
export function listPids(): number[] | null {
  try {
    return readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return null;
  }
}
