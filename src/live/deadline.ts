// Time limits of the live stack: one overall deadline per probe (not an idle timeout that
// restarts on every byte), inside one deadline per command (`--timeout`). A probe gets the
// smaller of its own limit and what is left of the command's.

/** What one probe may take by default, ms: a complete answer, not "some byte". */
export const DEFAULT_PROBE_TIMEOUT_MS = 10_000;

export class Deadline {
  private readonly end: number | null;

  /** `totalMs` undefined: no overall limit. `label` names it in messages (`--timeout 60 s`). */
  constructor(
    readonly totalMs?: number,
    readonly label = '--timeout',
  ) {
    this.end = totalMs === undefined ? null : performance.now() + totalMs;
  }

  /** Milliseconds left (Infinity without a limit). */
  remaining(): number {
    return this.end === null ? Infinity : Math.max(0, this.end - performance.now());
  }

  get expired(): boolean {
    return this.remaining() <= 0;
  }

  /** The time one step may take: `stepMs`, or less when the command's deadline is nearer. */
  budget(stepMs: number): number {
    return Math.max(1, Math.floor(Math.min(stepMs, this.remaining())));
  }

  /** A one-line account of the limit, for errors: `--timeout 60 s`. */
  describe(): string {
    return `${this.label} ${this.totalMs === undefined ? 'none' : `${Math.round(this.totalMs / 1000)} s`}`;
  }
}
