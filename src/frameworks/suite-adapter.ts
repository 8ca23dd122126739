// The adapter interface of the generated suites: what a middleware needs to provide to be
// judged (built in, or a maintainer's own module given with `--adapter ./my-adapter.ts`), and
// the test route every adapter serves so the suite can tell the route's answer from the
// middleware's. Documented for users in docs/frameworks.md.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FrameworkPolicy } from './vocabulary.js';

/** One policy being served. */
export interface StartedPolicy {
  /** The route under test, e.g. `http://127.0.0.1:41234/api/data`. */
  url: string;
  /** The middleware's configuration as the adapter wrote it (JSON), for reproductions. */
  config?: unknown;
  /** Stop serving this policy (the adapter may keep a process for the next one). */
  stop(): Promise<void>;
}

/**
 * A CORS middleware under test. `start` serves one policy (the route below behind the
 * middleware configured from it) and resolves once it answers; `cannotExpress` says why a
 * policy has no configuration in this middleware (the case is skipped for it and counted);
 * `close` ends whatever the adapter keeps between policies. One policy is served at a time.
 */
export interface SuiteAdapter {
  /** Column label, e.g. `express+cors@2.8.6`. */
  name: string;
  /** The middleware's version when the name does not say it (set by `unavailable()`). */
  version?: string;
  /** Null when it can run here; else why not and the install command (reported as skipped). */
  unavailable?(): Promise<string | null>;
  cannotExpress?(policy: FrameworkPolicy): string | null;
  start(policy: FrameworkPolicy): Promise<StartedPolicy>;
  close?(): Promise<void>;
}

/** The path the built-in adapters serve. */
export const SUITE_ROUTE_PATH = '/api/data';
/** What the route answers to every method (OPTIONS included), status 200. */
export const SUITE_ROUTE_BODY = '{"route":"ran"}';
/** The response headers the route sends (what `exposedHeaders` is judged on). */
export const SUITE_ROUTE_HEADERS: readonly (readonly [string, string])[] = [
  ['X-Total', '7'],
  ['X-Request-Id', 'cors-conformance'],
];

/** Whether an answer came from the route (not from the middleware answering by itself). */
export function answeredByRoute(body: string): boolean {
  return body.includes('"route":"ran"');
}

/** A user's adapter module could not be loaded or is not an adapter: one line. */
export class AdapterLoadError extends Error {
  override readonly name = 'AdapterLoadError';
}

function isAdapter(v: unknown): v is SuiteAdapter {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { name?: unknown }).name === 'string' &&
    typeof (v as { start?: unknown }).start === 'function'
  );
}

/**
 * Loads `--adapter FILE`: a module whose default export (or `adapter` export) is a
 * `SuiteAdapter`, or a function returning one (sync or async). `.js`/`.mjs` load as they
 * are; a `.ts` file is transpiled (types are not checked, any TypeScript syntax works) next
 * to itself, so its imports resolve as they would for the original, and the copy is removed.
 */
export async function loadSuiteAdapter(file: string): Promise<SuiteAdapter> {
  const full = resolve(file);
  let mod: Record<string, unknown>;
  try {
    mod = await importAdapterModule(full);
  } catch (e) {
    const why = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
    throw new AdapterLoadError(`--adapter ${file}: cannot load it: ${why}`);
  }
  let value = mod['default'] ?? mod['adapter'];
  if (typeof value === 'function') value = await (value as () => unknown)();
  if (!isAdapter(value)) {
    throw new AdapterLoadError(
      `--adapter ${file}: the default export must be an adapter { name, start(policy) } (see docs/frameworks.md)`,
    );
  }
  return value;
}

async function importAdapterModule(full: string): Promise<Record<string, unknown>> {
  if (!/\.(c|m)?ts$/.test(full))
    return (await import(pathToFileURL(full).href)) as Record<string, unknown>;
  const ts = (await import('typescript')).default;
  const js = ts.transpileModule(await readFile(full, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const copy = join(dirname(full), `.${basename(full)}.${process.pid}.cors-conformance.mjs`);
  await writeFile(copy, js);
  try {
    return (await import(pathToFileURL(copy).href)) as Record<string, unknown>;
  } finally {
    await rm(copy, { force: true });
  }
}
