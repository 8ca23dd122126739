// `npm run browsers` on a provisioned machine: quick, changes nothing, says what it found.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const SCRIPT = fileURLToPath(new URL('./browsers.mjs', import.meta.url));

test('a second run finds everything in place and exits 0 in under 2 s', () => {
  const provisioned = ['/usr/bin/chromium', '/usr/bin/firefox-esr', '/usr/bin/WebKitWebDriver'];
  test.skip(
    !existsSync('/usr/bin/dpkg-query') || !provisioned.every((p) => existsSync(p)),
    'needs the Debian browser packages',
  );
  spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
  const started = performance.now();
  const again = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
  const elapsed = performance.now() - started;
  expect(again.status, again.stderr).toBe(0);
  expect(again.stdout).toContain(
    'installed already: chromium firefox-esr webkit2gtk-driver xvfb python3-starlette python3-uvicorn python3-flask-cors',
  );
  if (process.getuid?.() === 0) expect(again.stdout).toContain('/etc/hosts already maps');
  expect(again.stdout).not.toContain('$ apt-get');
  expect(elapsed).toBeLessThan(2_000);
});
