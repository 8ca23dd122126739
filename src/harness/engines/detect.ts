// Finds a build of each engine and how to drive it. Order per engine: an explicit env var
// (a path), Playwright's own installed build, then the Debian/Ubuntu system package.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { access, constants, readFile, realpath } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { chromium, firefox, webkit } from 'playwright';
import { DEFAULT_HOST_NAMES, HOSTS_PATH, hostsTextCovers, isRoot } from './hosts-file.js';
import type { BrowserName, EngineDriver, EngineInfo, EngineMissing } from './types.js';
import { BROWSER_NAMES } from './types.js';

export const ENV_VARS: Record<BrowserName, string> = {
  chromium: 'CORS_CONFORMANCE_CHROMIUM',
  firefox: 'CORS_CONFORMANCE_FIREFOX',
  webkit: 'CORS_CONFORMANCE_WEBKIT_DRIVER',
};

/** The Debian/Ubuntu packages behind each engine. */
export const PACKAGES: Record<BrowserName, string> = {
  chromium: 'chromium',
  firefox: 'firefox-esr',
  webkit: 'webkit2gtk-driver xvfb',
};

/**
 * The one command that gets a missing engine: its system package where apt-get exists,
 * Playwright's own builds elsewhere.
 */
export function fixFor(browser: BrowserName, packages: string = PACKAGES[browser]): string {
  if (!existsSync('/usr/bin/apt-get')) return 'npm run browsers -- --playwright';
  return `${isRoot() ? '' : 'sudo '}apt-get install -y ${packages}`;
}

const SYSTEM_NAMES: Record<BrowserName, string[]> = {
  chromium: ['chromium', 'chromium-browser'],
  firefox: ['firefox-esr', 'firefox'],
  webkit: ['WebKitWebDriver'],
};

/** Inputs detection reads; tests pass their own. */
export interface DetectOptions {
  env?: NodeJS.ProcessEnv;
  /** Skip Playwright's own browser builds (tests that want the system package). */
  skipPlaywright?: boolean;
}

export async function detectEngines(
  opts: DetectOptions = {},
): Promise<Array<EngineInfo | EngineMissing>> {
  return Promise.all(BROWSER_NAMES.map((browser) => findEngine(browser, opts)));
}

export function isMissing(found: EngineInfo | EngineMissing): found is EngineMissing {
  return 'reason' in found;
}

export async function findEngine(
  browser: BrowserName,
  opts: DetectOptions = {},
): Promise<EngineInfo | EngineMissing> {
  const env = opts.env ?? process.env;
  const hostNames = browser === 'webkit' ? await systemHostNames() : true;

  const fromEnv = env[ENV_VARS[browser]];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!(await isExecutable(fromEnv))) {
      return {
        browser,
        reason: `${ENV_VARS[browser]}=${fromEnv} is not an executable file`,
        fix: `unset ${ENV_VARS[browser]} or point it at a ${browser} executable`,
      };
    }
    return withXvfbCheck(
      {
        browser,
        version: await versionOf(browser, fromEnv, 'env'),
        executable: fromEnv,
        driver: driverFor(browser, env),
        source: 'env',
        hostNames,
      },
      env,
    );
  }

  if (opts.skipPlaywright !== true) {
    const bundled = playwrightExecutable(browser);
    if (bundled !== undefined && (await isExecutable(bundled))) {
      return {
        browser,
        version: await versionOf(browser, bundled, 'playwright'),
        executable: bundled,
        driver: 'playwright',
        source: 'playwright',
        hostNames,
      };
    }
  }

  const system = await findSystemExecutable(browser, env);
  if (system === undefined) {
    return {
      browser,
      reason: `no ${browser} found (${ENV_VARS[browser]} unset, no Playwright build, no system package)`,
      fix: fixFor(browser),
    };
  }
  return withXvfbCheck(
    {
      browser,
      version: await versionOf(browser, system, 'system'),
      executable: system,
      driver: driverFor(browser, env),
      source: 'system',
      hostNames,
    },
    env,
  );
}

/**
 * How a build that is not Playwright's own is driven. `CORS_CONFORMANCE_DRIVER=playwright`
 * drives Chromium and Firefox through Playwright instead (slower: Playwright follows every
 * request's network events), to compare the two.
 */
export function driverFor(browser: BrowserName, env: NodeJS.ProcessEnv): EngineDriver {
  if (browser === 'webkit') return 'webdriver-classic';
  if (env.CORS_CONFORMANCE_DRIVER === 'playwright') return 'playwright';
  return browser === 'chromium' ? 'cdp' : 'webdriver-bidi';
}

/** WebKitGTK needs an X display: a usable DISPLAY or Xvfb to start one. */
async function withXvfbCheck(
  info: EngineInfo,
  env: NodeJS.ProcessEnv,
): Promise<EngineInfo | EngineMissing> {
  if (info.driver !== 'webdriver-classic') return info;
  if (displayUsable(env.DISPLAY) || (await onPath('Xvfb', env)) !== undefined) return info;
  return {
    browser: info.browser,
    reason: `found ${info.executable} but no X display: DISPLAY unset and Xvfb not installed`,
    fix: fixFor(info.browser, 'xvfb'),
  };
}

/** `:N` displays are usable when their local socket exists. */
export function displayUsable(display: string | undefined): boolean {
  if (display === undefined || display === '') return false;
  const match = /^:(\d+)(\.\d+)?$/.exec(display);
  if (match === null) return true; // a remote or unusual display: trust the user
  return existsSync(`/tmp/.X11-unix/X${match[1]}`);
}

function playwrightExecutable(browser: BrowserName): string | undefined {
  try {
    const launcher = { chromium, firefox, webkit }[browser];
    return launcher.executablePath();
  } catch {
    return undefined;
  }
}

async function findSystemExecutable(
  browser: BrowserName,
  env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
  for (const name of SYSTEM_NAMES[browser]) {
    const found = await onPath(name, env);
    if (found !== undefined) return found;
  }
  if (browser === 'webkit') {
    // Older Debian/Ubuntu releases kept the driver beside the library, not in /usr/bin.
    for (const arch of ['x86_64-linux-gnu', 'aarch64-linux-gnu']) {
      for (const api of ['4.1', '4.0']) {
        const candidate = `/usr/lib/${arch}/webkit2gtk-${api}/WebKitWebDriver`;
        if (await isExecutable(candidate)) return candidate;
      }
    }
  }
  return undefined;
}

async function onPath(name: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const dirs = (env.PATH ?? '/usr/local/bin:/usr/bin:/bin').split(delimiter);
  for (const dir of [...dirs, '/usr/bin']) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** WebKitGTK resolves through /etc/hosts: usable when the names are there or we can add them. */
async function systemHostNames(): Promise<boolean> {
  if (isRoot()) return true;
  try {
    return hostsTextCovers(await readFile(HOSTS_PATH, 'utf8'), DEFAULT_HOST_NAMES);
  } catch {
    return false;
  }
}

// Version look-ups spawn a process; remember them per executable for the life of the process.
const versionCache = new Map<string, Promise<string>>();

function versionOf(
  browser: BrowserName,
  executable: string,
  source: EngineInfo['source'],
): Promise<string> {
  const key = `${browser}\0${executable}`;
  let cached = versionCache.get(key);
  if (cached === undefined) {
    cached = lookUpVersion(browser, executable, source);
    versionCache.set(key, cached);
  }
  return cached;
}

async function lookUpVersion(
  browser: BrowserName,
  executable: string,
  source: EngineInfo['source'],
): Promise<string> {
  if (browser === 'webkit') {
    if (source === 'playwright') return playwrightBrowserVersion('webkit');
    // WebKitWebDriver has no --version; the Debian package that owns it carries the version.
    return (await packageVersionOf(executable)) ?? 'unknown';
  }
  const out = await run(executable, ['--version']);
  return /\d+(?:\.\d+)+(?:esr)?/.exec(out)?.[0] ?? 'unknown';
}

function playwrightBrowserVersion(name: string): string {
  try {
    const require = createRequire(import.meta.url);
    const json = require('playwright-core/browsers.json') as {
      browsers: Array<{ name: string; browserVersion?: string }>;
    };
    return json.browsers.find((b) => b.name === name)?.browserVersion ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

async function packageVersionOf(path: string): Promise<string | undefined> {
  // dpkg knows files by their installed path (/usr/bin/x, not /bin/x on merged-/usr systems).
  const real = await realpath(path).catch(() => path);
  const owner = /^([^:\s]+)(?::\S+)?: /.exec(await run('dpkg', ['-S', real]))?.[1];
  if (owner === undefined) return undefined;
  const version = (await run('dpkg-query', ['-W', '-f=${Version}', owner])).trim();
  // Drop the Debian revision: 2.50.6-1~deb12u2 -> 2.50.6.
  return version === '' ? undefined : version.replace(/-[^-]*$/, '');
}

function run(file: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: 10_000 }, (_error, stdout) => resolve(String(stdout)));
  });
}
