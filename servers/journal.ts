// The fixture servers' only state: what arrived, per case token, in arrival order.
// Read in-process (records/onRecord) or out of process through the `/__journal` route.
import type { JournalError, JournalMark, JournalRecord, JournalEntry } from './instruction.js';

/** A record as handed to `record`: the journal stamps `seq` and (unless given) `time`. */
export type JournalInput =
  | (Omit<JournalEntry, 'seq' | 'time'> & { time?: number })
  | (Omit<JournalMark, 'seq' | 'time'> & { time?: number })
  | (Omit<JournalError, 'seq' | 'time'> & { time?: number });

export type JournalListener = (record: JournalRecord) => void;

export interface JournalOptions {
  /**
   * Upper bound on records kept across all tokens (default 20,000). Past it, whole tokens
   * are dropped, the token that first appeared longest ago first; a single token larger
   * than the bound loses its own oldest records. A harness reads a case's records within
   * seconds of the case, so only long-finished cases are lost.
   */
  maxRecords?: number;
  /**
   * Upper bound on the records' size (default 32 MiB, counted as the characters of their
   * strings), trimmed the same way: records of big requests cannot pile up either.
   */
  maxBytes?: number;
  /** Clock for `time` (ms since the epoch); default `Date.now`. */
  now?: () => number;
}

/** About what a record holds: its strings' characters plus a little for the rest. */
export function recordSize(r: JournalRecord): number {
  let n = 64 + r.token.length;
  if (r.kind === 'mark') return n + r.label.length;
  if (r.kind === 'error') return n + r.message.length + (r.target?.length ?? 0);
  n += r.method.length + r.target.length + r.origin.length;
  for (const [name, value] of r.rawHeaders) n += name.length + value.length + 8;
  return n;
}

export class Journal {
  readonly maxRecords: number;
  readonly maxBytes: number;
  private readonly now: () => number;
  /** Map iteration order is insertion order: the first key is the oldest token. */
  private readonly byToken = new Map<string, JournalRecord[]>();
  private readonly listeners = new Set<JournalListener>();
  private total = 0;
  private bytes = 0;
  private lastSeq = 0;
  private droppedCount = 0;
  /** The last exception a listener threw (listeners are called inside request handling). */
  listenerError: unknown = undefined;

  constructor(opts: JournalOptions = {}) {
    this.maxRecords = opts.maxRecords ?? 20_000;
    if (!Number.isInteger(this.maxRecords) || this.maxRecords < 1) {
      throw new RangeError('Journal maxRecords must be a positive integer');
    }
    this.maxBytes = opts.maxBytes ?? 32 * 1024 * 1024;
    if (!Number.isInteger(this.maxBytes) || this.maxBytes < 1) {
      throw new RangeError('Journal maxBytes must be a positive integer');
    }
    this.now = opts.now ?? Date.now;
  }

  /** Appends one record (seq assigned here), trims to the bound, wakes listeners. */
  record(input: JournalInput): JournalRecord {
    const rec = { ...input, seq: ++this.lastSeq, time: input.time ?? this.now() };
    let list = this.byToken.get(rec.token);
    if (list === undefined) {
      list = [];
      this.byToken.set(rec.token, list);
    }
    list.push(rec);
    this.total++;
    this.bytes += recordSize(rec);
    this.trim(rec.token);
    // A failing listener must not fail the request being journaled (nor the next
    // listener); its exception is kept for the harness to look at.
    for (const l of this.listeners) {
      try {
        l(rec);
      } catch (e) {
        this.listenerError = e;
      }
    }
    return rec;
  }

  /** Adds a mark, e.g. between the steps of a `then` chain. */
  mark(token: string, label: string): JournalMark {
    return this.record({ kind: 'mark', token, label }) as JournalMark;
  }

  /** A copy of the token's records in arrival order (empty when none or dropped). */
  records(token: string): JournalRecord[] {
    return [...(this.byToken.get(token) ?? [])];
  }

  /** Every error record, in arrival order, including those without a token. */
  errors(): JournalError[] {
    const out: JournalError[] = [];
    for (const list of this.byToken.values()) {
      for (const r of list) if (r.kind === 'error') out.push(r);
    }
    return out.sort((a, b) => a.seq - b.seq);
  }

  /** Forgets a token's records. */
  clear(token: string): void {
    const list = this.byToken.get(token);
    if (list === undefined) return;
    this.total -= list.length;
    this.bytes -= sizeOf(list);
    this.byToken.delete(token);
  }

  /** Calls `listener` with every new record; returns a function that unsubscribes. */
  onRecord(listener: JournalListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Records held now, across tokens. */
  get size(): number {
    return this.total;
  }

  /** The size of the records held now (see `recordSize`). */
  get sizeBytes(): number {
    return this.bytes;
  }

  /** Records dropped so far to stay within the bounds. */
  get dropped(): number {
    return this.droppedCount;
  }

  private over(): boolean {
    return this.total > this.maxRecords || this.bytes > this.maxBytes;
  }

  private trim(current: string): void {
    for (const [token, list] of this.byToken) {
      if (!this.over()) return;
      if (token === current) continue;
      this.byToken.delete(token);
      this.total -= list.length;
      this.bytes -= sizeOf(list);
      this.droppedCount += list.length;
    }
    const list = this.byToken.get(current);
    // The current token alone is over a bound: it loses its oldest records (never the last).
    while (list !== undefined && list.length > 1 && this.over()) {
      const dropped = list.shift();
      if (dropped === undefined) break;
      this.total--;
      this.bytes -= recordSize(dropped);
      this.droppedCount++;
    }
  }
}

function sizeOf(list: readonly JournalRecord[]): number {
  return list.reduce((n, r) => n + recordSize(r), 0);
}
