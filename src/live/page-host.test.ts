import { expect, test } from '@playwright/test';
import { RawClient } from '../../servers/raw-client.js';
import { FIXTURE_HOST_NAMES } from '../../servers/fixture-server.js';
import { localCertificate } from '../../servers/tls.js';
import { RUNNER_PAGE_PATH, SANDBOXED_CLIENT_PATH } from '../harness/page-runner.js';
import { isReservedTestName } from './launch.js';
import { PageHost, freePort } from './page-host.js';

test('the local certificate can cover extra names, and the standard one is unchanged', async () => {
  const standard = await localCertificate();
  expect(standard.dnsNames).not.toContain('app.example.com');
  const extended = await localCertificate(['app.example.com', ...standard.dnsNames]);
  expect(extended.dnsNames).toEqual([...standard.dnsNames, 'app.example.com']);
  expect(await localCertificate(['app.example.com'])).toBe(extended);
  expect(await localCertificate([])).toBe(standard);
});

test('an https origin on its port answers every host name with the runner pages, certificate included', async () => {
  const port = await freePort();
  const origins = [`https://shop.example.test:${port}`, `https://other.example.test:${port}`];
  const host = new PageHost();
  try {
    await host.serve(origins);
    expect(host.served).toEqual(origins);
    expect(host.hostNames).toEqual(['shop.example.test', 'other.example.test']);
    const cert = await localCertificate(['shop.example.test', 'other.example.test']);
    for (const path of [RUNNER_PAGE_PATH, SANDBOXED_CLIENT_PATH, '/']) {
      const c = await RawClient.connect({
        port,
        tls: { ca: cert.cert, servername: 'shop.example.test' },
      });
      c.write(`GET ${path} HTTP/1.1\r\nHost: shop.example.test:${port}\r\n\r\n`);
      const r = await c.readResponse();
      c.close();
      expect(r.status, path).toBe(200);
      expect(r.body.toString()).toContain('cors-conformance');
    }
    // The same port again, from someone else: reported, not thrown.
    const again = new PageHost();
    await again.serve([`http://x.test:${port}`]);
    expect(again.served).toEqual([]);
    expect(again.whyUnavailable(`http://x.test:${port}`)).toBe(
      `port ${port} on 127.0.0.1 is already in use (EADDRINUSE)`,
    );
    await again.close();
  } finally {
    await host.close();
  }
});

test('only reserved test names (and the fixture names) may go into /etc/hosts for WebKit', () => {
  for (const name of FIXTURE_HOST_NAMES) expect(isReservedTestName(name)).toBe(true);
  expect(isReservedTestName('attacker.cors-conformance.test')).toBe(true);
  expect(isReservedTestName('app.example.com')).toBe(false);
  expect(isReservedTestName('xn--pp-8cd.example.com')).toBe(false);
});
