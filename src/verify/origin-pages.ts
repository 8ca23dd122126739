// Pages on the requesting origins: one tiny loopback listener per (scheme, port) that answers
// any Host with an empty HTML page, so a browser that maps the origin's host name to
// 127.0.0.1 loads a document that really is on that origin. https listeners use the local
// certificate extended with the origins' host names.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { localCertificate } from '../../servers/tls.js';

export interface OriginPages {
  /** Origins that could be served (their listener is up). */
  served: string[];
  /** Origins that could not, with a one-line reason each. */
  unavailable: { origin: string; reason: string }[];
  /** Host names the browser must map to loopback. */
  hostNames: string[];
  close(): Promise<void>;
}

const PAGE =
  '<!doctype html><meta charset="utf-8"><title>cors-conformance origin page</title><body></body>';

function defaultPort(scheme: string): number {
  return scheme === 'https:' ? 443 : 80;
}

/** Starts listeners so every origin in `origins` (serialized, with host names) has a page. */
export async function serveOriginPages(origins: readonly string[]): Promise<OriginPages> {
  const byListener = new Map<string, URL[]>();
  for (const o of new Set(origins)) {
    const u = new URL(o);
    const port = u.port === '' ? defaultPort(u.protocol) : Number(u.port);
    const key = `${u.protocol}${port}`;
    byListener.set(key, [...(byListener.get(key) ?? []), u]);
  }
  const servers: (http.Server | https.Server)[] = [];
  const served: string[] = [];
  const unavailable: { origin: string; reason: string }[] = [];
  const httpsNames = [
    ...new Set(
      [...byListener.values()]
        .flat()
        .filter((u) => u.protocol === 'https:')
        .map((u) => u.hostname),
    ),
  ];
  const cert = httpsNames.length > 0 ? await localCertificate(httpsNames) : null;
  for (const urls of byListener.values()) {
    const first = urls[0];
    if (first === undefined) continue;
    const port = first.port === '' ? defaultPort(first.protocol) : Number(first.port);
    const handler = (_req: http.IncomingMessage, res: http.ServerResponse): void => {
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end(PAGE);
    };
    const server =
      first.protocol === 'https:' && cert !== null
        ? https.createServer({ key: cert.key, cert: cert.cert }, handler)
        : http.createServer(handler);
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      });
      servers.push(server);
      served.push(...urls.map((u) => u.origin));
    } catch (e) {
      const code = (e as { code?: string }).code ?? String(e);
      const why =
        code === 'EACCES'
          ? `port ${port} needs root to bind`
          : code === 'EADDRINUSE'
            ? `port ${port} on 127.0.0.1 is already in use`
            : `cannot listen on port ${port}: ${code}`;
      for (const u of urls) unavailable.push({ origin: u.origin, reason: why });
    }
  }
  const hostNames = [...new Set(served.map((o) => new URL(o).hostname))].filter(
    (h) => h !== 'localhost' && !/^[\d.]+$/.test(h) && !h.startsWith('['),
  );
  return {
    served,
    unavailable,
    hostNames,
    close: async () => {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      );
    },
  };
}

/** A free loopback port (for a port-bearing attacker origin). */
export async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/**
 * WebKit resolves host names through /etc/hosts (the engine layer writes a marked block
 * there), which would point real domains on this machine at loopback for good. For WebKit only
 * `.test` names (reserved, never real) are mapped; pages on other names are reported as
 * unavailable. Returns a view of `pages` with those moved.
 */
export function limitToTestNames(pages: OriginPages): OriginPages {
  const isSafe = (origin: string): boolean => {
    const host = new URL(origin).hostname;
    return (
      host.endsWith('.test') ||
      host === 'localhost' ||
      /^[\d.]+$/.test(host) ||
      host.startsWith('[')
    );
  };
  const unsafe = pages.served.filter((o) => !isSafe(o));
  return {
    served: pages.served.filter(isSafe),
    unavailable: [
      ...pages.unavailable,
      ...unsafe.map((origin) => ({
        origin,
        reason:
          'WebKit resolves names through /etc/hosts, where only .test names are mapped (use chromium or firefox)',
      })),
    ],
    hostNames: pages.hostNames.filter((h) => h.endsWith('.test')),
    close: () => pages.close(),
  };
}
