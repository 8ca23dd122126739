// The page's console as every backend reports it: errors and warnings only, one line each,
// `error: ...` or `warning: ...`, taken (and emptied) by the runner.

/** Console lines waiting to be taken. */
export class ConsoleLines {
  private lines: string[] = [];

  /**
   * Keeps a message of `level` (`error`; `warning`, which BiDi spells `warn`); other levels
   * (log, info, debug) are not evidence and are dropped.
   */
  add(level: unknown, text: string): void {
    const type = level === 'warn' ? 'warning' : level;
    if (type === 'error' || type === 'warning') this.lines.push(`${type}: ${text}`);
  }

  /** The lines since the last call, oldest first. */
  take(): string[] {
    const lines = this.lines;
    this.lines = [];
    return lines;
  }
}
