#!/usr/bin/env node
// @ts-check
// `npm run browsers`: provisions the browser engines the conformance suites drive.
// Plain Node ESM with no dependencies: it runs on a fresh checkout before `npm ci`. The hosts
// block's text functions come from src/harness/engines/hosts-block.mjs (plain JS too).
//
//   as root on Debian/Ubuntu: apt-get installs whichever of chromium, firefox-esr,
//     webkit2gtk-driver and xvfb are missing (and the Python targets the tests of verify and
//     audit start: python3-starlette, python3-uvicorn, python3-flask-cors), then writes the
//     /etc/hosts block that maps the test host names to 127.0.0.1 (WebKitGTK has no other way
//     to resolve them);
//   not root: prints the sudo command instead;
//   --playwright: installs Playwright's own Chromium, Firefox and WebKit builds instead.
//
// Idempotent: with everything present it only looks (two small reads) and says so.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  DEFAULT_HOST_NAMES,
  namesInBlock,
  rewriteHostsText,
} from '../src/harness/engines/hosts-block.mjs';

export const PACKAGES = ['chromium', 'firefox-esr', 'webkit2gtk-driver', 'xvfb'];
/** Non-Node servers that `npm test` starts as targets of verify and audit (Debian's Python). */
export const TARGET_PACKAGES = ['python3-starlette', 'python3-uvicorn', 'python3-flask-cors'];
const ALL_PACKAGES = [...PACKAGES, ...TARGET_PACKAGES];
/** The names the block maps: the harness's own list, from the one shared module. */
export const HOST_NAMES = DEFAULT_HOST_NAMES;
const HOSTS_PATH = '/etc/hosts';

/** Which of ALL_PACKAGES dpkg does not list as installed; undefined without dpkg. */
function missingPackages() {
  const result = spawnSync(
    'dpkg-query',
    ['-W', '-f=${Package} ${db:Status-Abbrev}\n', ...ALL_PACKAGES],
    {
      encoding: 'utf8',
    },
  );
  if (result.error) return undefined;
  const installed = new Set(
    result.stdout
      .split('\n')
      .filter((line) => / ii\s*$/.test(line))
      .map((line) => line.split(' ')[0]),
  );
  return ALL_PACKAGES.filter((name) => !installed.has(name));
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {Record<string, string>} [extraEnv]
 * @returns {boolean}
 */
function run(command, args, extraEnv = {}) {
  console.log(`$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...extraEnv },
  });
  if (result.error) {
    console.error(`browsers: cannot run ${command}: ${result.error.message}`);
    return false;
  }
  return result.status === 0;
}

function playwrightInstall() {
  return run('npx', ['playwright', 'install', '--with-deps', 'chromium', 'firefox', 'webkit']);
}

/**
 * Adds the /etc/hosts block when it is missing names; returns a line saying what happened.
 * @param {boolean} isRoot
 * @returns {string}
 */
function ensureHosts(isRoot) {
  let text;
  try {
    text = readFileSync(HOSTS_PATH, 'utf8');
  } catch (error) {
    return `hosts: cannot read ${HOSTS_PATH} (${error instanceof Error ? error.message : String(error)}); WebKit cannot use host-named origins`;
  }
  const wanted = [...new Set([...namesInBlock(text), ...HOST_NAMES])];
  const next = rewriteHostsText(text, wanted);
  if (next === text) return `hosts: ${HOSTS_PATH} already maps ${HOST_NAMES.join(' ')}`;
  if (!isRoot) {
    return `hosts: ${HOSTS_PATH} lacks the test names; WebKit needs them: sudo node scripts/browsers.mjs`;
  }
  writeFileSync(HOSTS_PATH, next, 'utf8'); // in place: containers bind-mount this file
  return `hosts: wrote the cors-conformance block to ${HOSTS_PATH}`;
}

export function main(argv = process.argv.slice(2)) {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log('usage: npm run browsers [-- --playwright]');
    console.log(
      `  as root: apt-get install the missing ones of ${ALL_PACKAGES.join(' ')}, add the /etc/hosts block`,
    );
    console.log('  --playwright: npx playwright install --with-deps chromium firefox webkit');
    return 0;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const wantPlaywright = argv.includes('--playwright');
  let ok = true;

  const missing = missingPackages();
  if (missing === undefined) {
    console.log('browsers: no dpkg here (not Debian/Ubuntu); system packages skipped');
    if (!wantPlaywright) {
      console.error(
        "browsers: run `npm run browsers -- --playwright` to install Playwright's builds",
      );
      ok = false;
    }
  } else if (missing.length === 0) {
    console.log(`browsers: installed already: ${ALL_PACKAGES.join(' ')}`);
  } else {
    console.log(`browsers: missing: ${missing.join(' ')}`);
    if (isRoot) {
      const env = { DEBIAN_FRONTEND: 'noninteractive' };
      ok = run('apt-get', ['update'], env) && run('apt-get', ['install', '-y', ...missing], env);
      if (!ok) console.error('browsers: apt-get failed; see its output above');
    } else if (!wantPlaywright) {
      console.error(
        `browsers: not root; run: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
      );
      console.error('browsers: or, without root: npm run browsers -- --playwright');
      ok = false;
    }
  }

  if (wantPlaywright) ok = playwrightInstall() && ok;
  console.log(ensureHosts(isRoot));
  return ok ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main();
}
