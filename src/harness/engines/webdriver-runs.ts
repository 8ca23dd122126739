// Page scripts that run side by side over WebDriver classic. A classic session runs one
// command at a time, so an `execute/async` that lasts as long as its script (a whole batch)
// holds every other script of the engine back. Instead each script is started with a short
// `execute/sync` that leaves its promise in the page, and one collector command at a time
// waits (briefly) for any started script of a window to settle and brings back the outcomes.
// Other commands (a start, a navigation) go between two collections.
import { scriptExpression } from './script.js';
import { EngineCrashed, ScriptTimeout } from './types.js';

/** How long one collection waits in the page for a script to settle when nothing else waits. */
export const COLLECT_WAIT_MS = 100;

/** What a script came to in the page: a value or the error it rejected with. */
interface Outcome {
  ok: boolean;
  value?: unknown;
  error?: string;
}

interface Started {
  handle: string;
  deadline: number;
  settle: (o: Outcome) => void;
  fail: (e: Error) => void;
}

/** The WebDriver commands the multiplexer needs from its engine. */
export interface ScriptChannel {
  /** Runs a synchronous script in `handle`'s window, in turn with the engine's other commands. */
  execute(handle: string, script: string): Promise<unknown>;
  /**
   * Runs an asynchronous script in `handle`'s window; `wait` gets the number of commands
   * queued behind this one when it is sent.
   */
  executeAsync(handle: string, script: (queued: number) => string): Promise<unknown>;
  readonly scriptTimeoutMs: number;
}

/** The page's registry of started scripts (one per window). */
const REGISTRY = '__corsConformanceRuns';

/** `execute/sync` body: starts the script under `id` and returns at once. */
export function startScript(id: string, fnSource: string, arg: unknown): string {
  return `const runs = (window.${REGISTRY} ||= { pending: {}, settled: {}, wake: null });
const id = ${JSON.stringify(id)};
runs.pending[id] = true;
const settle = (outcome) => {
  delete runs.pending[id];
  runs.settled[id] = outcome;
  if (runs.wake) runs.wake();
};
Promise.resolve()
  .then(() => ${scriptExpression(fnSource, arg)})
  .then(
    (value) => settle({ ok: true, value: value === undefined ? null : value }),
    (e) => settle({ ok: false, error: String((e && (e.stack || e.message)) || e) }),
  );
return true;`;
}

/**
 * `execute/async` body: the outcomes of those of `ids` that have settled, as soon as one has
 * (or after `waitMs`). An id the page does not know maps to null: the page was replaced
 * (navigated, reloaded) while its script ran.
 */
export function collectScript(ids: readonly string[], waitMs: number): string {
  return `const done = arguments[arguments.length - 1];
const ids = ${JSON.stringify(ids)};
const runs = window.${REGISTRY} || { pending: {}, settled: {} };
const take = () => {
  const out = {};
  let n = 0;
  for (const id of ids) {
    if (id in runs.settled) { out[id] = runs.settled[id]; delete runs.settled[id]; n++; }
    else if (!runs.pending[id]) { out[id] = null; n++; }
  }
  return n > 0 ? out : null;
};
const now = take();
if (now !== null || ${waitMs} === 0) done(now || {});
else {
  const timer = setTimeout(() => { runs.wake = null; done({}); }, ${waitMs});
  runs.wake = () => {
    const out = take();
    if (out !== null) { clearTimeout(timer); runs.wake = null; done(out); }
  };
}`;
}

/** Starts page scripts and collects their outcomes, one WebDriver command at a time. */
export class ScriptMultiplexer {
  private readonly started = new Map<string, Started>();
  private serial = 0;
  private collecting = false;

  constructor(private readonly channel: ScriptChannel) {}

  /** Runs `fnSource(arg)` in `handle`'s window beside the scripts already running there. */
  async run(handle: string, fnSource: string, arg: unknown): Promise<unknown> {
    const id = `run${++this.serial}`;
    const outcome = new Promise<Outcome>((settle, fail) => {
      const deadline = Date.now() + this.channel.scriptTimeoutMs;
      this.started.set(id, { handle, deadline, settle, fail });
    });
    outcome.catch(() => undefined); // awaited below, unless the start fails
    try {
      await this.channel.execute(handle, startScript(id, fnSource, arg));
    } catch (e) {
      this.started.delete(id);
      throw e;
    }
    this.collect();
    const o = await outcome;
    if (o.ok) return o.value;
    throw new Error(`script failed in the page: ${o.error ?? 'unknown error'}`);
  }

  /** Fails every script still running (the engine is closing). */
  failAll(e: Error): void {
    for (const [id, s] of this.started) {
      this.started.delete(id);
      s.fail(e);
    }
  }

  private collect(): void {
    if (this.collecting) return;
    this.collecting = true;
    void this.collectLoop().finally(() => {
      this.collecting = false;
      if (this.started.size > 0) this.collect();
    });
  }

  private async collectLoop(): Promise<void> {
    for (let next = this.oldest(); next !== undefined; next = this.oldest()) {
      const handle = next.handle;
      const ids = [...this.started].filter(([, s]) => s.handle === handle).map(([id]) => id);
      try {
        const got = (await this.channel.executeAsync(handle, (queued) =>
          collectScript(ids, queued > 0 ? 0 : COLLECT_WAIT_MS),
        )) as Record<string, Outcome | null> | null;
        this.deliver(got ?? {});
      } catch (e) {
        const why = e instanceof Error ? e : new Error(String(e));
        for (const id of ids) this.finish(id, (s) => s.fail(why));
      }
      this.expire();
    }
  }

  private oldest(): Started | undefined {
    return this.started.values().next().value;
  }

  private deliver(got: Record<string, Outcome | null>): void {
    for (const [id, o] of Object.entries(got)) {
      const gone = new EngineCrashed('the page was replaced while its script ran');
      this.finish(id, (s) => (o === null ? s.fail(gone) : s.settle(o)));
    }
  }

  /** Scripts past the engine's script timeout fail as a driver's own timeout would. */
  private expire(): void {
    const now = Date.now();
    for (const [id, s] of this.started) {
      if (now < s.deadline) continue;
      const ms = this.channel.scriptTimeoutMs;
      this.finish(id, (x) => x.fail(new ScriptTimeout(`script did not finish within ${ms} ms`)));
    }
  }

  private finish(id: string, how: (s: Started) => void): void {
    const s = this.started.get(id);
    if (s === undefined) return;
    this.started.delete(id);
    how(s);
  }
}
