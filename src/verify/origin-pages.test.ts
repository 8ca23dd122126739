import https from 'node:https';
import { expect, test } from '@playwright/test';
import { localCertificate } from '../../servers/tls.js';
import { freePort, limitToTestNames, serveOriginPages } from './origin-pages.js';

test('the local certificate can cover extra names, and the standard one is unchanged', async () => {
  const standard = await localCertificate();
  expect(standard.dnsNames).toContain('example.com');
  expect(standard.dnsNames).not.toContain('app.example.com');
  const extended = await localCertificate(['app.example.com', 'example.com']);
  expect(extended.dnsNames).toEqual([...standard.dnsNames, 'app.example.com']);
  expect(await localCertificate(['app.example.com'])).toBe(extended);
  expect(await localCertificate([])).toBe(standard);
});

test('origin pages: an https origin on its port answers for its host name with a certificate for it', async () => {
  const port = await freePort();
  const origin = `https://shop.example.test:${port}`;
  const pages = await serveOriginPages([origin, `https://other.example.test:${port}`]);
  try {
    expect(pages.served).toEqual([origin, `https://other.example.test:${port}`]);
    expect(pages.hostNames).toEqual(['shop.example.test', 'other.example.test']);
    const cert = await localCertificate(['shop.example.test', 'other.example.test']);
    const body = await new Promise<string>((resolve, reject) => {
      const req = https.request(
        {
          host: '127.0.0.1',
          port,
          path: '/',
          servername: 'shop.example.test',
          ca: cert.cert,
          headers: { Host: `shop.example.test:${port}` },
        },
        (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('end', () => resolve(text));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(body).toContain('cors-conformance origin page');
    // The same port again: reported as unavailable, not thrown.
    const again = await serveOriginPages([`http://x.test:${port}`]);
    expect(again.served).toEqual([]);
    expect(again.unavailable).toEqual([
      { origin: `http://x.test:${port}`, reason: `port ${port} on 127.0.0.1 is already in use` },
    ]);
    await again.close();
  } finally {
    await pages.close();
  }
});

test('for WebKit only .test names (and loopback addresses) get pages', async () => {
  const port = await freePort();
  const pages = await serveOriginPages([
    `http://app.example.com:${port}`,
    `http://evil.test:${port}`,
    `http://127.0.0.1:${port}`,
  ]);
  try {
    const limited = limitToTestNames(pages);
    expect(limited.served).toEqual([`http://evil.test:${port}`, `http://127.0.0.1:${port}`]);
    expect(limited.hostNames).toEqual(['evil.test']);
    expect(limited.unavailable.map((u) => u.origin)).toEqual([`http://app.example.com:${port}`]);
  } finally {
    await pages.close();
  }
});
