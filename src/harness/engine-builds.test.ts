import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import {
  applySelector,
  detectOptionsFor,
  engineProjects,
  engineProjectsFor,
} from './engine-builds.js';
import { findEngine, isMissing } from './engines/detect.js';
import type { EngineInfo } from './engines/types.js';

function build(over: Partial<EngineInfo> & Pick<EngineInfo, 'browser'>): EngineInfo {
  return {
    version: '1.0',
    executable: `/usr/bin/${over.browser}`,
    driver: 'playwright',
    source: 'system',
    hostNames: true,
    ...over,
  };
}

const systemChromium = build({ browser: 'chromium', version: '156.0.8078.108' });
const playwrightChromium = build({
  browser: 'chromium',
  version: '148.0.7778.5',
  source: 'playwright',
  executable: '/root/.cache/ms-playwright/chromium-1200/chrome-linux/chrome',
});
const firefox = build({
  browser: 'firefox',
  version: '153.7.0esr',
  executable: '/usr/bin/firefox-esr',
});

test('one build per engine: projects named after the engine, launched as usual', () => {
  const projects = engineProjects([firefox, systemChromium]);
  expect(projects).toEqual([
    { name: 'chromium', browser: 'chromium', version: '156.0.8078.108' },
    { name: 'firefox', browser: 'firefox', version: '153.7.0esr' },
  ]);
});

test("Playwright's build and the system's side by side: one project per build", () => {
  const env = { CORS_CONFORMANCE_CHROMIUM: '/somewhere/else', PATH: '/usr/bin' };
  const projects = engineProjects([systemChromium, playwrightChromium, firefox]);
  expect(projects.map((p) => p.name)).toEqual([
    'chromium@148.0.7778.5',
    'chromium@156.0.8078.108',
    'firefox',
  ]);
  // Playwright's build: the env var is dropped so detection reaches it.
  expect(projects[0]?.select).toEqual({ variable: 'CORS_CONFORMANCE_CHROMIUM', executable: null });
  expect(detectOptionsFor(playwrightChromium, env)).toEqual({ env: { PATH: '/usr/bin' } });
  // The system's: named by the env var, which detection tries first.
  expect(projects[1]?.select?.executable).toBe('/usr/bin/chromium');
  const workerEnv: NodeJS.ProcessEnv = { ...env };
  applySelector(projects[1]!.select!, workerEnv);
  expect(workerEnv.CORS_CONFORMANCE_CHROMIUM).toBe('/usr/bin/chromium');
  applySelector(projects[0]!.select!, workerEnv);
  expect(workerEnv).toEqual({ PATH: '/usr/bin' });
});

test('an env-var build beside the system one; same version tells sources apart', () => {
  const fromEnv = build({
    browser: 'chromium',
    version: '156.0.8078.108',
    source: 'env',
    executable: '/opt/chromium/chrome',
  });
  const projects = engineProjects([systemChromium, fromEnv]);
  expect(projects.map((p) => p.name)).toEqual([
    'chromium@156.0.8078.108-env',
    'chromium@156.0.8078.108-system',
  ]);
});

test('the same executable found twice is one build', () => {
  expect(engineProjects([systemChromium, { ...systemChromium, source: 'env' }])).toHaveLength(1);
});

test('WebKitGTK keeps its WebDriver: the driver path goes in the WebKit env var', () => {
  const driver = build({
    browser: 'webkit',
    driver: 'webdriver-classic',
    executable: '/usr/bin/WebKitWebDriver',
  });
  expect(detectOptionsFor(driver, {})).toEqual({
    env: { CORS_CONFORMANCE_WEBKIT_DRIVER: '/usr/bin/WebKitWebDriver' },
  });
});

test('without CORS_ENGINE_BUILDS=all, one plain project per engine and no detection', async () => {
  expect(await engineProjectsFor(['chromium', 'webkit'], {})).toEqual([
    { name: 'chromium', browser: 'chromium' },
    { name: 'webkit', browser: 'webkit' },
  ]);
});

test('with CORS_ENGINE_BUILDS=all, an env-var build beside the system one is two projects', async () => {
  // A stand-in second build: a script answering --version like Chromium does.
  const dir = await mkdtemp(join(tmpdir(), 'cc-builds-'));
  try {
    const fake = join(dir, 'chrome');
    await writeFile(fake, '#!/bin/sh\necho "Chromium 999.0.1.2"\n', { mode: 0o755 });
    const system = await findEngine('chromium', {
      env: { PATH: '/usr/bin:/bin' },
      skipPlaywright: true,
    });
    const env = {
      CORS_ENGINE_BUILDS: 'all',
      CORS_CONFORMANCE_CHROMIUM: fake,
      PATH: '/usr/bin:/bin',
    };
    const names = (await engineProjectsFor(['chromium'], env)).map((p) => p.name);
    expect(names[0]).toBe('chromium@999.0.1.2');
    if (!isMissing(system)) expect(names).toContain(`chromium@${system.version}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
