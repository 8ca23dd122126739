// The processes a backend starts (browser, driver, X server): each leads its own process group,
// so one signal reaches the helpers it forks too, and none outlives this process.
import type { ChildProcess } from 'node:child_process';

/** Child processes started detached (each leads its own group) and killed group-wide. */
export class ProcessGroups {
  private readonly children: ChildProcess[] = [];
  private readonly onExit = (): void => {
    for (const child of this.children) signalGroup(child, 'SIGKILL');
  };

  add(child: ChildProcess): void {
    if (this.children.length === 0) process.on('exit', this.onExit);
    this.children.push(child);
  }

  pids(): number[] {
    return this.children.map((c) => c.pid).filter((pid): pid is number => pid !== undefined);
  }

  async killAll(): Promise<void> {
    // Newest first: the driver (and its MiniBrowser) before the X server it draws on.
    for (const child of [...this.children].reverse()) {
      signalGroup(child, 'SIGTERM');
      if (!(await exited(child, 1_500))) {
        signalGroup(child, 'SIGKILL');
        await exited(child, 1_500);
      }
      // Helpers of the group may outlive its leader for a moment; make sure they go too.
      signalGroup(child, 'SIGKILL');
    }
    process.off('exit', this.onExit);
  }
}

export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

export function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
