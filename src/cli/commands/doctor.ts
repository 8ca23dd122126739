// `cors-conformance doctor [--json]`: which browser engines this machine can drive, where
// each was found, how it is driven, whether test host names resolve in it, and the one
// command that gets a missing one. Exit 0 when at least one engine is usable, 1 otherwise.
import { Command } from 'commander';
import { detectEngines, isMissing } from '../../harness/engines/detect.js';
import type { EngineInfo, EngineMissing } from '../../harness/engines/types.js';
import type { CliIo } from '../io.js';
import { EXIT_OK, processIo } from '../io.js';
import { runCommand, runStandalone, setExitCode } from '../run-command.js';

/** Exit code when no engine at all can be driven. */
export const EXIT_NO_ENGINE = 1;

export type Detect = () => Promise<Array<EngineInfo | EngineMissing>>;

export interface DoctorOptions {
  json?: boolean;
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
  if (info.browser === 'chromium') return 'Playwright over CDP';
  if (info.browser === 'firefox') {
    return info.source === 'playwright'
      ? 'Playwright (its patched Firefox)'
      : 'Playwright over WebDriver BiDi (moz-firefox channel)';
  }
  return 'Playwright (its own WebKit)';
}

/** Whether and how host names like a.test reach 127.0.0.1 in this engine. */
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
  detect: Detect = () => detectEngines(),
): Promise<number> {
  const engines = await detect();
  const usable = engines.filter((e) => !isMissing(e)).length;
  if (options.json === true) {
    const rows = engines.map((e) =>
      isMissing(e)
        ? { found: false, ...e }
        : { found: true, ...e, drivenBy: drivenBy(e), hostNameMapping: hostNameMapping(e) },
    );
    io.stdout(`${JSON.stringify({ usable, engines: rows }, null, 2)}\n`);
  } else {
    for (const engine of engines) io.stdout(describe(engine));
    io.stdout(
      usable === 0
        ? 'No engine is usable: install one with the fix above (or all with: npm run browsers).\n'
        : `${usable} of ${engines.length} engines usable.\n`,
    );
  }
  return usable > 0 ? EXIT_OK : EXIT_NO_ENGINE;
}

function describe(engine: EngineInfo | EngineMissing): string {
  const name = engine.browser.padEnd(9);
  const indent = ' '.repeat(9);
  if (isMissing(engine)) {
    return `${name}missing: ${engine.reason}\n${indent}fix: ${engine.fix}\n`;
  }
  return (
    `${name}found ${engine.version} at ${engine.executable} (${SOURCES[engine.source]})\n` +
    `${indent}driven by: ${drivenBy(engine)}\n` +
    `${indent}host names: ${hostNameMapping(engine)}\n`
  );
}

/** The `doctor` command, writing to `io` and reporting its exit code to `done`. */
export function doctorCommand(io: CliIo, done: (code: number) => void, detect?: Detect): Command {
  return new Command('doctor')
    .description(
      'check which browser engines (chromium, firefox, webkit) can be driven here: version, ' +
        'where found, how driven, host-name mapping, and the command that installs a missing one',
    )
    .option('--json', 'print the findings as JSON')
    .action(async (options: DoctorOptions) => {
      done(await runCommand(io, () => doctorAction(options, io, detect)));
    });
}

/** Adds `doctor` to the program (process streams; exit code via process.exitCode). */
export function register(program: Command): void {
  program.addCommand(doctorCommand(processIo(), setExitCode));
}

/** Runs `doctor` in-process; `argv` are the arguments after `doctor`. */
export function runDoctor(io: CliIo, argv: string[] = [], detect?: Detect): Promise<number> {
  return runStandalone((i, done) => doctorCommand(i, done, detect), argv, io);
}
