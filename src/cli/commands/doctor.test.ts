import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { EngineInfo, EngineMissing } from '../../harness/engines/types.js';
import type { CliIo } from '../io.js';
import type { DoctorDeps } from './doctor.js';
import { runDoctor } from './doctor.js';

function memoryIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    readStdin: () => Promise.resolve(''),
    readFile: () => Promise.reject(new Error('no files here')),
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
  };
}

const CHROMIUM: EngineInfo = {
  browser: 'chromium',
  version: '156.0.1',
  executable: '/usr/bin/chromium',
  driver: 'cdp',
  source: 'system',
  hostNames: true,
};
const WEBKIT_MISSING: EngineMissing = {
  browser: 'webkit',
  reason: 'no webkit found',
  fix: 'sudo apt-get install -y webkit2gtk-driver xvfb',
};
const WEBKIT_NO_HOSTS: EngineInfo = {
  browser: 'webkit',
  version: '2.50.6',
  executable: '/usr/bin/WebKitWebDriver',
  driver: 'webdriver-classic',
  source: 'system',
  hostNames: false,
};

function fake(found: Array<EngineInfo | EngineMissing>): DoctorDeps {
  return { detect: () => Promise.resolve(found) };
}

test('prints each engine with version, place, driver and the fix for a missing one', async () => {
  const io = memoryIo();
  const code = await runDoctor(io, [], fake([CHROMIUM, WEBKIT_MISSING]));
  const text = io.out.join('');
  expect(code).toBe(0);
  expect(text).toContain('chromium found 156.0.1 at /usr/bin/chromium (system package)');
  expect(text).toContain('CDP over a pipe');
  expect(text).toContain('missing: no webkit found');
  expect(text).toContain('fix: sudo apt-get install -y webkit2gtk-driver xvfb');
  expect(text).toContain('1 of 2 engines usable');
});

test('exits 3 (environment) when nothing is usable, and says when WebKit cannot map host names', async () => {
  const io = memoryIo();
  expect(await runDoctor(io, [], fake([WEBKIT_MISSING]))).toBe(3);
  const noHosts = memoryIo();
  expect(await runDoctor(noHosts, [], fake([WEBKIT_NO_HOSTS]))).toBe(0);
  expect(noHosts.out.join('')).toContain('host names: no: /etc/hosts lacks the test names');
});

test('--json gives the findings to machines', async () => {
  const io = memoryIo();
  expect(await runDoctor(io, ['--json'], fake([CHROMIUM, WEBKIT_MISSING]))).toBe(0);
  const json = JSON.parse(io.out.join('')) as { usable: number; engines: { found: boolean }[] };
  expect(json.usable).toBe(1);
  expect(json.engines.map((e) => e.found)).toEqual([true, false]);
});

test('--launch counts only engines that really start', async () => {
  const io = memoryIo();
  const deps: DoctorDeps = {
    ...fake([CHROMIUM, WEBKIT_NO_HOSTS]),
    checkLaunch: (info) =>
      Promise.resolve(
        info.browser === 'chromium' ? { ok: false, ms: 5, error: 'boom' } : { ok: true, ms: 7 },
      ),
  };
  expect(await runDoctor(io, ['--launch'], deps)).toBe(0);
  const text = io.out.join('');
  expect(text).toContain('launch: FAILED: boom (5 ms)');
  expect(text).toContain('launch: ok (7 ms)');
  expect(text).toContain('1 of 2 engines usable');
  const failing = memoryIo();
  const onlyChromium = { ...deps, ...fake([CHROMIUM]) };
  expect(await runDoctor(failing, ['--launch'], onlyChromium)).toBe(3);
});

test('on this machine all three engines are found', async () => {
  test.skip(!existsSync('/usr/bin/dpkg-query'), 'needs the Debian browser packages');
  const io = memoryIo();
  expect(await runDoctor(io, ['--json'])).toBe(0);
  expect((JSON.parse(io.out.join('')) as { usable: number }).usable).toBe(3);
});
