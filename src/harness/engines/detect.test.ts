import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { detectEngines, findEngine, isMissing } from './detect.js';
import type { EngineInfo } from './types.js';

// Debian/Ubuntu machines get the packages from `npm run browsers`; elsewhere these skip.
const isDebianBox = existsSync('/usr/bin/dpkg-query');

test('finds the three system engines with versions and how each is driven', async () => {
  test.skip(!isDebianBox, 'needs the Debian browser packages');
  const found = await detectEngines({ env: { PATH: '/usr/bin:/bin' }, skipPlaywright: true });
  const infos = found.filter((f): f is EngineInfo => !isMissing(f));
  expect(infos.map((i) => [i.browser, i.driver, i.source])).toEqual([
    ['chromium', 'cdp', 'system'],
    ['firefox', 'webdriver-bidi', 'system'],
    ['webkit', 'webdriver-classic', 'system'],
  ]);
  for (const info of infos) expect(info.version).toMatch(/^\d+\.\d+/);
});

test('an env var path wins, and a wrong one is a one-line reason with its fix', async () => {
  test.skip(!isDebianBox, 'needs the Debian browser packages');
  const chosen = await findEngine('chromium', {
    env: { PATH: '', CORS_CONFORMANCE_CHROMIUM: '/usr/bin/chromium' },
  });
  expect(isMissing(chosen) ? chosen.reason : [chosen.source, chosen.executable]).toEqual([
    'env',
    '/usr/bin/chromium',
  ]);
  const wrong = await findEngine('firefox', {
    env: { PATH: '', CORS_CONFORMANCE_FIREFOX: '/nonexistent/firefox' },
  });
  expect(isMissing(wrong) && wrong.reason).toContain(
    'CORS_CONFORMANCE_FIREFOX=/nonexistent/firefox',
  );
  expect(isMissing(wrong) && wrong.fix).toContain('CORS_CONFORMANCE_FIREFOX');
});
