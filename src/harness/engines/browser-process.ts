// A browser started as a child process of ours (Chromium over CDP, Firefox over WebDriver
// BiDi): its own temporary folder and process group, the tail of its stderr for error
// messages, and the transports its protocol travels on.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import WebSocket from 'ws';
import { ProcessGroups } from './process-groups.js';
import type { ProtocolConnection, Transport } from './protocol-connection.js';
import { callWithTimeout } from './script.js';
import type { EngineInfo } from './types.js';

/** Milliseconds: a page script (unless the caller sets one), a browser's start, a page load. */
export const BROWSER_TIMEOUTS = { script: 30_000, start: 60_000, pageLoad: 30_000 } as const;

/** How much of the browser's stderr is kept for an error message. */
const STDERR_TAIL_CHARS = 4_000;

export interface BrowserProcess {
  readonly child: ChildProcess;
  /** The browser's profile and temporary files; removed by `stop()`. */
  readonly tempDir: string;
  /** The last lines the browser wrote to stderr. */
  stderrTail(): string;
  /** Ends the process group and removes the temporary folder. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** File descriptors 3 and 4 as pipes: Chromium's `--remote-debugging-pipe`. */
  pipes: boolean;
  env?: NodeJS.ProcessEnv;
  /** Writes what the browser reads at start (a profile) into its temporary folder. */
  prepare?: (tempDir: string) => Promise<void>;
}

/**
 * Starts `executable` with `args(tempDir)` in a process group of its own. The browser's
 * temporary files go to `tempDir` (a killed Chromium leaves `org.chromium.Chromium.*` behind).
 */
export async function startBrowserProcess(
  executable: string,
  args: (tempDir: string) => string[],
  opts: StartOptions,
): Promise<BrowserProcess> {
  const tempDir = await mkdtemp(join(tempParent(), 'ccb-'));
  try {
    await opts.prepare?.(tempDir);
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  }
  const groups = new ProcessGroups();
  const child = spawn(executable, args(tempDir), {
    detached: true,
    stdio: opts.pipes ? ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] : ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...opts.env, TMPDIR: tempDir },
  });
  groups.add(child);
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-STDERR_TAIL_CHARS);
  });
  child.on('error', (error) => {
    tail += `\ncannot start ${executable}: ${error.message}`;
  });
  return {
    child,
    tempDir,
    stderrTail: () => tail.trim(),
    stop: async () => {
      await groups.killAll();
      await rm(tempDir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

/**
 * Where the engine's temporary folder goes. Chromium puts a socket in it, and a socket path
 * has at most 107 bytes: with `org.chromium.Chromium.XXXXXX/SingletonSocket` and the
 * folder's own name that leaves about 55 for the parent, else the system's folder is used.
 * Under a `run`, the run's temporary folder, which the CLI removes at the end.
 */
export function tempParent(): string {
  const runTemp = process.env.CORS_CONFORMANCE_TEMP;
  const fits = runTemp !== undefined && runTemp.length <= 55 && existsSync(runTemp);
  return fits ? runTemp : tmpdir();
}

/** Why the process ended, in words, or null while it runs. */
export function exitWhy(child: ChildProcess): string | null {
  if (child.signalCode !== null) return `killed by ${child.signalCode}`;
  if (child.exitCode !== null) return `exited with code ${child.exitCode}`;
  return null;
}

/** Resolves with the first match of `pattern` in the browser's stderr. */
export function waitForStderr(
  browser: BrowserProcess,
  pattern: RegExp,
  ms: number,
): Promise<RegExpExecArray> {
  const stderr = browser.child.stderr;
  return new Promise((resolve, reject) => {
    let seen = '';
    const finish = (error: Error | null, match?: RegExpExecArray): void => {
      clearTimeout(timer);
      stderr?.off('data', onData);
      browser.child.off('exit', onExit);
      if (match !== undefined) resolve(match);
      else reject(error ?? new Error('no match'));
    };
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString('utf8');
      const match = pattern.exec(seen);
      if (match !== null) finish(null, match);
    };
    const onExit = (): void =>
      finish(
        new Error(`the browser ${exitWhy(browser.child) ?? 'ended'} at start${lastWords(browser)}`),
      );
    const timer = setTimeout(
      () => finish(new Error(`the browser did not get ready within ${ms} ms${lastWords(browser)}`)),
      ms,
    );
    stderr?.on('data', onData);
    browser.child.once('exit', onExit);
  });
}

/** The browser's last stderr line, for an error message. */
export function lastWords(browser: BrowserProcess): string {
  const lines = browser
    .stderrTail()
    .split('\n')
    .filter((l) => l.trim() !== '');
  const last = lines.at(-1);
  return last === undefined ? '' : `: ${last.trim()}`;
}

/** Chromium's `--remote-debugging-pipe`: we write on fd 3, read on fd 4, messages end in NUL. */
export function pipeTransport(browser: BrowserProcess): Transport {
  const out = browser.child.stdio[3] as Writable;
  const inc = browser.child.stdio[4] as Readable;
  // A message may arrive split anywhere, even inside a UTF-8 sequence.
  const decoder = new StringDecoder('utf8');
  let buffered = '';
  const transport: Transport = {
    send: (text) => {
      out.write(`${text}\0`);
    },
    close: () => {
      out.destroy();
      inc.destroy();
    },
    onMessage: () => undefined,
    onClose: () => undefined,
  };
  inc.on('data', (chunk: Buffer) => {
    buffered += decoder.write(chunk);
    let end = buffered.indexOf('\0');
    while (end !== -1) {
      const text = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      transport.onMessage(text);
      end = buffered.indexOf('\0');
    }
  });
  out.on('error', () => undefined); // a dead browser's pipe: the exit below says why
  inc.on('close', () => transport.onClose(exitWhy(browser.child) ?? 'its pipe closed'));
  browser.child.once('exit', () => transport.onClose(exitWhy(browser.child) ?? 'it exited'));
  return transport;
}

/** A WebSocket to `url` (WebDriver BiDi), opened within `ms`. */
export function webSocketTransport(url: string, ms: number): Promise<Transport> {
  const socket = new WebSocket(url, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`no WebSocket connection to ${url} within ${ms} ms`));
    }, ms);
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.once('open', () => {
      clearTimeout(timer);
      const transport: Transport = {
        send: (text) => socket.send(text),
        close: () => socket.close(),
        onMessage: () => undefined,
        onClose: () => undefined,
      };
      socket.on('message', (data: Buffer) => transport.onMessage(data.toString('utf8')));
      socket.on('error', () => undefined); // followed by 'close', which says it
      socket.on('close', (code) => transport.onClose(`its WebSocket closed (${code})`));
      resolve(transport);
    });
  });
}

/** A browser of ours with its protocol connection: what a CDP or BiDi engine is built on. */
export interface DrivenBrowser {
  info: EngineInfo;
  process: BrowserProcess;
  connection: ProtocolConnection;
  scriptTimeoutMs: number;
}

/** Runs `connect` on a started browser; when it fails, the browser is stopped first. */
export async function orStop<T>(browser: BrowserProcess, connect: () => Promise<T>): Promise<T> {
  try {
    return await connect();
  } catch (error) {
    await browser.stop();
    throw error;
  }
}

/** How long a browser gets to close itself over its protocol before its processes are killed. */
const CLOSE_WAIT_MS = 3_000;

/** Asks the browser to close (`closeMethod`), then ends its processes and temporary folder. */
export async function closeBrowser(driven: DrivenBrowser, closeMethod: string): Promise<void> {
  if (!driven.connection.isClosed) {
    const closing = driven.connection.send(closeMethod).catch(() => undefined);
    await callWithTimeout(closing, CLOSE_WAIT_MS).catch(() => undefined);
    driven.connection.close();
  }
  await driven.process.stop();
}
