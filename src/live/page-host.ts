// Pages on requesting origins of any kind: `http://localhost:5173` for the library,
// `https://app.example.com` for verify, the attacker's origin for audit proofs. One loopback
// listener per (scheme, port) answers every Host with the in-page runner's pages, so a browser
// that maps the origin's host name to 127.0.0.1 loads a document that really is on that
// origin. https listeners use the local certificate extended with the origins' host names.
// Listeners are the fixture servers' own raw HTTP servers.
import type { RawResponse } from '../../servers/instruction.js';
import { startRawHttpServer, type RawHttpServer } from '../../servers/raw-http.js';
import { localCertificate } from '../../servers/tls.js';
import { installRunnerPages, RUNNER_PAGE_PATH } from '../harness/page-runner.js';
import type { HeaderList } from '../scenario/types.js';

interface Page {
  contentType: string;
  body: string;
  headers?: HeaderList;
}

/** An origin that could not be served, and why (one line). */
export interface Unavailable {
  origin: string;
  reason: string;
}

function defaultPort(protocol: string): number {
  return protocol === 'https:' ? 443 : 80;
}

/** Whether a host is an address or `localhost` (nothing to map in the browser). */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || /^[\d.]+$/.test(host) || host.startsWith('[');
}

/** The runner pages, by path; `/` is the runner page too. */
function runnerPages(): Map<string, Page> {
  const pages = new Map<string, Page>();
  installRunnerPages({ addStatic: (path, res) => pages.set(path, res) });
  const runner = pages.get(RUNNER_PAGE_PATH);
  if (runner !== undefined) pages.set('/', runner);
  return pages;
}

/**
 * Serves the runner pages on requesting origins, added as needed (`serve`). Origins that
 * cannot be served (port in use, a privileged port without root) are reported, not thrown.
 */
export class PageHost {
  private readonly pages = runnerPages();
  /** Listener per `scheme//port` key, and the origins each one serves. */
  private readonly listeners = new Map<
    string,
    { servers: RawHttpServer[]; origins: Set<string> }
  >();
  private readonly failed = new Map<string, Unavailable>();

  /** Origins with a page. */
  get served(): string[] {
    return [...this.listeners.values()].flatMap((l) => [...l.origins]);
  }

  /** Origins that could not be served. */
  get unavailable(): Unavailable[] {
    return [...this.failed.values()];
  }

  /** Host names of served origins that the browser must map to loopback. */
  get hostNames(): string[] {
    return [...new Set(this.served.map((o) => new URL(o).hostname))].filter(
      (h) => !isLoopbackHost(h),
    );
  }

  /** Why `origin` has no page, or null when it has one (or was never asked for). */
  whyUnavailable(origin: string): string | null {
    return this.failed.get(origin)?.reason ?? null;
  }

  /** Starts listeners so every origin in `origins` (serialized, http or https) has a page. */
  async serve(origins: readonly string[]): Promise<void> {
    const groups = new Map<string, URL[]>();
    for (const o of new Set(origins)) {
      const u = new URL(o);
      const key = `${u.protocol}//${u.port === '' ? defaultPort(u.protocol) : Number(u.port)}`;
      const existing = this.listeners.get(key);
      if (existing !== undefined) {
        // The listener answers any Host: the origin is served already.
        existing.origins.add(u.origin);
        continue;
      }
      groups.set(key, [...(groups.get(key) ?? []), u]);
    }
    for (const [key, urls] of groups) await this.listen(key, urls);
  }

  private async listen(key: string, urls: URL[]): Promise<void> {
    const first = urls[0];
    if (first === undefined) return;
    const port = first.port === '' ? defaultPort(first.protocol) : Number(first.port);
    const secure = first.protocol === 'https:';
    const names = urls.map((u) => u.hostname).filter((h) => !isLoopbackHost(h));
    const cert = secure ? await localCertificate(names) : null;
    const handler = (req: { method: string; target: string }): RawResponse => this.answer(req);
    const servers: RawHttpServer[] = [];
    try {
      servers.push(
        await startRawHttpServer({
          handler,
          port,
          ...(cert !== null ? { tls: { key: cert.key, cert: cert.cert } } : {}),
        }),
      );
    } catch (e) {
      const why = listenFailure(e, port);
      for (const u of urls) this.failed.set(u.origin, { origin: u.origin, reason: why });
      return;
    }
    if (urls.some((u) => u.hostname === 'localhost')) {
      // `localhost` may resolve to ::1 in the browser; no IPv6 loopback leaves IPv4 serving.
      await startRawHttpServer({
        handler,
        port,
        host: '::1',
        ...(cert !== null ? { tls: { key: cert.key, cert: cert.cert } } : {}),
      }).then(
        (s) => servers.push(s),
        () => undefined,
      );
    }
    this.listeners.set(key, { servers, origins: new Set(urls.map((u) => u.origin)) });
  }

  private answer(req: { method: string; target: string }): RawResponse {
    const page = this.pages.get(req.target.split('?')[0] ?? '/');
    if ((req.method !== 'GET' && req.method !== 'HEAD') || page === undefined) {
      return {
        status: 404,
        headers: [
          ['Content-Type', 'text/plain'],
          ['Content-Length', '10'],
        ],
        body: 'not found\n',
      };
    }
    const headers: HeaderList = [['Content-Type', page.contentType], ...(page.headers ?? [])];
    if (!headers.some(([n]) => n.toLowerCase() === 'cache-control')) {
      headers.push(['Cache-Control', 'no-store']);
    }
    headers.push(['Content-Length', String(Buffer.byteLength(page.body))]);
    return { status: 200, headers, body: req.method === 'HEAD' ? '' : page.body };
  }

  /** Stops every listener. */
  async close(): Promise<void> {
    const all = [...this.listeners.values()].flatMap((l) => l.servers);
    this.listeners.clear();
    await Promise.all(all.map((s) => s.close()));
  }
}

function listenFailure(e: unknown, port: number): string {
  const code = (e as { code?: string }).code ?? String(e);
  if (code === 'EACCES') return `port ${port} needs root to bind`;
  if (code === 'EADDRINUSE') return `port ${port} on 127.0.0.1 is already in use (EADDRINUSE)`;
  return `cannot listen on port ${port}: ${code}`;
}

/** A free loopback port (for a port-bearing origin of our own choosing). */
export async function freePort(): Promise<number> {
  const s = await startRawHttpServer({
    handler: () => ({ status: 404, headers: [] }),
  });
  const port = s.port;
  await s.close();
  return port;
}
