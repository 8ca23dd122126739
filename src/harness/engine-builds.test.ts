import { test, expect } from '@playwright/test';
import { detectOptionsFor, engineProjects } from './engine-builds.js';
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
  const projects = engineProjects([systemChromium, playwrightChromium, firefox], env);
  expect(projects.map((p) => p.name)).toEqual([
    'chromium@148.0.7778.5',
    'chromium@156.0.8078.108',
    'firefox',
  ]);
  // Playwright's build: the env var is dropped so detection reaches it.
  expect(projects[0]?.detect).toEqual({ env: { PATH: '/usr/bin' } });
  // The system's: named by the env var, which detection tries first.
  expect(projects[1]?.detect?.env?.CORS_CONFORMANCE_CHROMIUM).toBe('/usr/bin/chromium');
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
