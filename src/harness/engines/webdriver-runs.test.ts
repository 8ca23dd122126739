// The script multiplexer with its page-side scripts run in Node against a stand-in window:
// scripts started one command at a time run side by side, and each outcome reaches its
// caller; a replaced page and the script timeout fail the scripts they concern.
import { expect, test } from '@playwright/test';
import { ScriptTimeout } from './types.js';
import { ScriptMultiplexer, type ScriptChannel } from './webdriver-runs.js';

/** One window's globals, as the page scripts see them. */
type FakeWindow = Record<string, unknown>;

/** A channel that runs the page scripts in Node, one command at a time, like a classic session. */
function fakeChannel(scriptTimeoutMs = 5_000) {
  const windows = new Map<string, FakeWindow>([['w1', {}]]);
  const commands: string[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  let queued = 0;
  const inTurn = <T>(fn: () => Promise<T>): Promise<T> => {
    queued++;
    const run = (): Promise<T> => {
      queued--;
      return fn();
    };
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };
  const windowOf = (handle: string): FakeWindow => {
    const w = windows.get(handle);
    if (w === undefined) throw new Error(`no such window ${handle}`);
    return w;
  };
  const channel: ScriptChannel = {
    scriptTimeoutMs,
    execute: (handle, script) =>
      inTurn(() => {
        commands.push('start');
        // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the page script under test
        const body = new Function('window', script) as (w: FakeWindow) => unknown;
        return Promise.resolve(body(windowOf(handle)));
      }),
    executeAsync: (handle, script) =>
      inTurn(() => {
        commands.push('collect');
        // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the page script under test
        const body = new Function('window', 'callback', script(queued)) as (
          w: FakeWindow,
          done: (v: unknown) => void,
        ) => void;
        return new Promise((resolve) => body(windowOf(handle), resolve));
      }),
  };
  return { channel, commands, windows };
}

const sleepIn = (ms: number, value: string): string =>
  `() => new Promise((r) => setTimeout(() => r(${JSON.stringify(value)}), ${ms}))`;

test('scripts started one command at a time run side by side and each gets its own value', async () => {
  const { channel } = fakeChannel();
  const scripts = new ScriptMultiplexer(channel);
  const settled: string[] = [];
  const run = (fn: string, arg: unknown) =>
    scripts.run('w1', fn, arg).then((v) => {
      settled.push(String(v));
      return v;
    });
  const values = await Promise.all([
    run(sleepIn(300, 'slow'), null),
    run(sleepIn(50, 'fast'), null),
    run('(n) => n + 1', 41),
  ]);
  expect(values).toEqual(['slow', 'fast', 42]);
  // Side by side: the scripts started after the slow one came back before it.
  expect(settled).toEqual(['42', 'fast', 'slow']);
});

test("a script's rejection is its caller's error, with the page's message", async () => {
  const { channel } = fakeChannel();
  const scripts = new ScriptMultiplexer(channel);
  await expect(scripts.run('w1', '() => { throw new Error("boom"); }', null)).rejects.toThrow(
    /script failed in the page: Error: boom/,
  );
});

test('a page replaced while its script runs fails that script as a crash', async () => {
  const { channel, windows } = fakeChannel();
  const scripts = new ScriptMultiplexer(channel);
  const running = scripts.run('w1', sleepIn(200, 'never seen'), null);
  await new Promise((r) => setTimeout(r, 20));
  windows.set('w1', {}); // a navigation: the new document knows no scripts
  await expect(running).rejects.toThrow(/the page was replaced while its script ran/);
});

test('a script past the script timeout fails as a timeout; the others go on', async () => {
  const { channel } = fakeChannel(150);
  const scripts = new ScriptMultiplexer(channel);
  const hung = scripts.run('w1', '() => new Promise(() => undefined)', null);
  const quick = scripts.run('w1', sleepIn(20, 'done'), null);
  await expect(hung).rejects.toBeInstanceOf(ScriptTimeout);
  await expect(quick).resolves.toBe('done');
});
