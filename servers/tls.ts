// A self-signed certificate for the https fixture origin, made locally on first use and
// kept for the life of the process (generation costs tens of milliseconds; every listener
// and test in a worker shares it). Browsers are told to accept it (acceptInsecureCerts,
// ignoreHTTPSErrors); `certificateFiles()` writes it out for a browser that needs a file.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface LocalCertificate {
  /** PEM private key. */
  key: string;
  /** PEM certificate. */
  cert: string;
  /** SHA-1 fingerprint as selfsigned reports it. */
  fingerprint: string;
  /** The DNS names and IP address the certificate is valid for. */
  dnsNames: readonly string[];
  ipAddresses: readonly string[];
}

/** Names the fixture origins use (see fixture-server.ts), plus loopback. */
export const CERT_DNS_NAMES = [
  'localhost',
  '*.test',
  'example.com',
  'example.net',
  'example.org',
  'sub.example.com',
] as const;
export const CERT_IP_ADDRESSES = ['127.0.0.1'] as const;

let cached: Promise<LocalCertificate> | null = null;
let files: Promise<{ certPath: string; keyPath: string }> | null = null;
/** Certificates that also cover caller-given names, one per distinct name set. */
const extended = new Map<string, Promise<LocalCertificate>>();

/**
 * The process's certificate, generated on the first call. With `extraNames` (host names such
 * as `app.example.com`, for pages served on a user's origins), a certificate that covers the
 * standard names plus those, generated once per distinct set.
 */
export function localCertificate(extraNames: readonly string[] = []): Promise<LocalCertificate> {
  const extra = [...new Set(extraNames)]
    .filter((n) => !(CERT_DNS_NAMES as readonly string[]).includes(n))
    .sort();
  if (extra.length > 0) {
    const key = extra.join(',');
    let found = extended.get(key);
    if (found === undefined) {
      found = makeCertificate(extra).catch((e: unknown) => {
        extended.delete(key);
        throw new Error(`could not generate the local TLS certificate: ${String(e)}`);
      });
      extended.set(key, found);
    }
    return found;
  }
  cached ??= makeCertificate([]).catch((e: unknown) => {
    cached = null;
    throw new Error(`could not generate the local TLS certificate: ${String(e)}`);
  });
  return cached;
}

async function makeCertificate(extra: readonly string[]): Promise<LocalCertificate> {
  const dnsNames: readonly string[] = [...CERT_DNS_NAMES, ...extra];
  const now = new Date();
  const pems = await generate([{ name: 'commonName', value: 'example.com' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    // Valid from a day ago, for clock skew between the generator and a browser.
    notBeforeDate: new Date(now.getTime() - 86_400_000),
    notAfterDate: new Date(now.getTime() + 30 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...dnsNames.map((value) => ({ type: 2 as const, value })),
          ...CERT_IP_ADDRESSES.map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  });
  return {
    key: pems.private,
    cert: pems.cert,
    fingerprint: pems.fingerprint,
    dnsNames,
    ipAddresses: CERT_IP_ADDRESSES,
  };
}

/**
 * The certificate and key as PEM files in a fresh temporary directory (written once per
 * process, left for the OS to clean up with the rest of the temp dir).
 */
export function certificateFiles(): Promise<{ certPath: string; keyPath: string }> {
  files ??= (async () => {
    const c = await localCertificate();
    const dir = await mkdtemp(path.join(tmpdir(), 'cors-conformance-cert-'));
    const certPath = path.join(dir, 'cert.pem');
    const keyPath = path.join(dir, 'key.pem');
    await writeFile(certPath, c.cert, { mode: 0o644 });
    await writeFile(keyPath, c.key, { mode: 0o600 });
    return { certPath, keyPath };
  })();
  return files;
}
