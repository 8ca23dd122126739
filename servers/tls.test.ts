import { expect, test } from '@playwright/test';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { DEFAULT_ORIGINS } from '../src/scenario/world.js';
import { certificateFiles, localCertificate } from './tls.js';

test('the certificate names every fixture host and loopback, and is made once', async () => {
  const c = await localCertificate();
  expect(await localCertificate()).toBe(c);
  const x = new X509Certificate(c.cert);
  const san = x.subjectAltName ?? '';
  // Every host of the fixture origins, loopback's name and the `.test` names the suites use.
  const fixtureHosts = Object.values(DEFAULT_ORIGINS).map((o) => new URL(o).hostname);
  for (const name of new Set(['localhost', '*.test', ...fixtureHosts])) {
    expect(san).toContain(`DNS:${name}`);
  }
  expect(san).toContain('IP Address:127.0.0.1');
  expect(x.checkHost('sub.example.com')).toBe('sub.example.com');
  expect(x.checkIP('127.0.0.1')).toBe('127.0.0.1');
  expect(x.checkPrivateKey(createPrivateKey(c.key))).toBe(true);
  expect(new Date(x.validTo).getTime()).toBeGreaterThan(Date.now() + 7 * 86_400_000);
});

test('certificateFiles writes the PEMs once and returns the same paths', async () => {
  const f = await certificateFiles();
  expect(await certificateFiles()).toEqual(f);
  expect(await readFile(f.certPath, 'utf8')).toBe((await localCertificate()).cert);
  expect(await readFile(f.keyPath, 'utf8')).toBe((await localCertificate()).key);
});
