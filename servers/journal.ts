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
  /** Clock for `time` (ms since the epoch); default `Date.now`. */
  now?: () => number;
}

export class Journal {
  readonly maxRecords: number;
  private readonly now: () => number;
  /** Map iteration order is insertion order: the first key is the oldest token. */
  private readonly byToken = new Map<string, JournalRecord[]>();
  private readonly listeners = new Set<JournalListener>();
  private total = 0;
  private lastSeq = 0;
  private droppedCount = 0;
  /** The last exception a listener threw (listeners are called inside request handling). */
  listenerError: unknown = undefined;

  constructor(opts: JournalOptions = {}) {
    this.maxRecords = opts.maxRecords ?? 20_000;
    if (!Number.isInteger(this.maxRecords) || this.maxRecords < 1) {
      throw new RangeError('Journal maxRecords must be a positive integer');
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

  /** Records dropped so far to stay within the bound. */
  get dropped(): number {
    return this.droppedCount;
  }

  private trim(current: string): void {
    for (const [token, list] of this.byToken) {
      if (this.total <= this.maxRecords) return;
      if (token === current) continue;
      this.byToken.delete(token);
      this.total -= list.length;
      this.droppedCount += list.length;
    }
    const list = this.byToken.get(current);
    if (list !== undefined && this.total > this.maxRecords) {
      const excess = this.total - this.maxRecords;
      list.splice(0, excess);
      this.total -= excess;
      this.droppedCount += excess;
    }
  }
}
