// `cors-conformance doctor [--json]`: which browser engines this machine can drive, where
// each was found, how it is driven, whether test host names resolve in it, and the one
// command that gets a missing one. Exit 0 when at least one engine is usable, 3 (environment)
// otherwise.
import type { Command } from 'commander';
import { detectEngines, isMissing } from '../../harness/engines/detect.js';
import { launchEngine } from '../../harness/engines/index.js';
import type { Engine, EngineInfo, EngineMissing } from '../../harness/engines/types.js';
import { EXIT, messageOf } from '../errors.js';
import type { CliIo } from '../io.js';
import { commandFactory, runStandalone } from '../run-command.js';

export type Detect = () => Promise<Array<EngineInfo | EngineMissing>>;

/** The outcome of really starting an engine (`--launch`). */
export interface LaunchCheck {
  ok: boolean;
  ms: number;
  error?: string;
}
export type CheckLaunch = (info: EngineInfo) => Promise<LaunchCheck>;

/** What doctor reads from the machine; tests pass fakes. */
export interface DoctorDeps {
  detect?: Detect;
  checkLaunch?: CheckLaunch;
}

export interface DoctorOptions {
  json?: boolean;
  launch?: boolean;
}

/** Starts the engine, runs one script in a blank page, closes it. Changes nothing on the machine. */
export async function launchCheck(info: EngineInfo): Promise<LaunchCheck> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  let engine: Engine | undefined;
  try {
    // No host names: doctor must not edit /etc/hosts.
    engine = await launchEngine(info.browser, { hostNames: [], scriptTimeoutMs: 10_000 });
    const page = await engine.openPage('about:blank');
    const answer = await page.run<number>('async (n) => n + 1', 1);
    if (answer !== 2)
      return { ok: false, ms: elapsed(), error: `script returned ${String(answer)}` };
    return { ok: true, ms: elapsed() };
  } catch (e) {
    return { ok: false, ms: elapsed(), error: messageOf(e) };
  } finally {
    await engine?.close();
  }
}

const SOURCES: Record<EngineInfo['source'], string> = {
  env: 'from its env var',
  playwright: "Playwright's own build",
  system: 'system package',
};

/** How the engine is driven, in words. */
export function drivenBy(info: EngineInfo): string {
  if (info.driver === 'webdriver-classic') {
    return 'WebDriver classic (WebKitWebDriver + MiniBrowser, under Xvfb unless DISPLAY is usable)';
  }
  if (info.driver === 'cdp') return 'CDP over a pipe (its DevTools protocol, our own client)';
  if (info.driver === 'webdriver-bidi') return 'WebDriver BiDi (our own client)';
  if (info.browser === 'chromium') return 'Playwright over CDP';
  if (info.browser === 'firefox') {
    return info.source === 'playwright'
      ? 'Playwright (its patched Firefox)'
      : 'Playwright over WebDriver BiDi (moz-firefox channel)';
  }
  return 'Playwright (its own WebKit)';
}

/** Whether and how host names like example.com reach 127.0.0.1 in this engine. */
export function hostNameMapping(info: EngineInfo): string {
  if (info.browser === 'chromium') return 'yes (--host-resolver-rules)';
  if (info.browser === 'firefox') return 'yes (network.dns.localDomains pref)';
  return info.hostNames
    ? 'yes (/etc/hosts block, added at launch when missing)'
    : 'no: /etc/hosts lacks the test names and this is not root (fix: sudo npm run browsers); port-based origins still work';
}

/** The body of `doctor`; resolves to the exit code. */
export async function doctorAction(
  options: DoctorOptions,
  io: CliIo,
  deps: DoctorDeps = {},
): Promise<number> {
  const engines = await (deps.detect ?? (() => detectEngines()))();
  const checkLaunch = deps.checkLaunch ?? launchCheck;
  const checks = new Map<EngineInfo['browser'], LaunchCheck>();
  if (options.launch === true) {
    // One after another: three browsers at once would crowd a small machine.
    for (const engine of engines) {
      if (!isMissing(engine)) checks.set(engine.browser, await checkLaunch(engine));
    }
  }
  const works = (e: EngineInfo | EngineMissing): boolean =>
    !isMissing(e) && checks.get(e.browser)?.ok !== false;
  const usable = engines.filter(works).length;
  if (options.json === true) {
    const rows = engines.map((e) =>
      isMissing(e)
        ? { found: false, ...e }
        : {
            found: true,
            ...e,
            drivenBy: drivenBy(e),
            hostNameMapping: hostNameMapping(e),
            ...(checks.has(e.browser) ? { launch: checks.get(e.browser) } : {}),
          },
    );
    io.stdout(`${JSON.stringify({ usable, engines: rows }, null, 2)}\n`);
  } else {
    for (const engine of engines) io.stdout(describe(engine, checks.get(engine.browser)));
    io.stdout(
      usable === 0
        ? 'No engine is usable: install one with the fix above (or all with: npm run browsers).\n'
        : `${usable} of ${engines.length} engines usable.\n`,
    );
  }
  return usable > 0 ? EXIT.ok : EXIT.environment;
}

function describe(engine: EngineInfo | EngineMissing, check: LaunchCheck | undefined): string {
  const name = engine.browser.padEnd(9);
  const indent = ' '.repeat(9);
  if (isMissing(engine)) {
    return `${name}missing: ${engine.reason}\n${indent}fix: ${engine.fix}\n`;
  }
  return (
    `${name}found ${engine.version} at ${engine.executable} (${SOURCES[engine.source]})\n` +
    `${indent}driven by: ${drivenBy(engine)}\n` +
    `${indent}host names: ${hostNameMapping(engine)}\n` +
    (check === undefined
      ? ''
      : `${indent}launch: ${check.ok ? 'ok' : `FAILED: ${check.error ?? 'unknown error'}`} (${check.ms} ms)\n`)
  );
}

/** The `doctor` command on `deps` (the real detection and launches unless a test passes fakes). */
export function doctorCommand(
  io: CliIo,
  done: (code: number) => void,
  deps: DoctorDeps = {},
): Command {
  return commandFactory('doctor', {
    description:
      'check which browser engines (chromium, firefox, webkit) can be driven here: version, where found, how driven, host-name mapping, and the command that installs a missing one',
    options: [
      ['--json', 'print the findings as JSON'],
      ['--launch', 'also start each engine found and run a script in it (a few seconds)'],
    ],
    run: (options: DoctorOptions, i) => doctorAction(options, i, deps),
  })(io, done);
}

/** Runs `doctor` in-process; `argv` are the arguments after `doctor`. */
export function runDoctor(io: CliIo, argv: string[] = [], deps: DoctorDeps = {}): Promise<number> {
  return runStandalone((i, done) => doctorCommand(i, done, deps), argv, io);
}
