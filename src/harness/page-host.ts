// A page server on a port the user chooses, for requests "from" an origin such as
// http://localhost:5173 that a server's fixed allow-list names. Serves only the runner pages
// (GET of a registered path), on 127.0.0.1 (and ::1 when free: `localhost` may resolve to
// either in the browser).
import http from 'node:http';
import type { HeaderList } from '../scenario/types.js';
import { installRunnerPages } from './page-runner.js';

interface Page {
  contentType: string;
  body: string;
  headers?: HeaderList;
}

export interface PageHost {
  origin: string;
  close(): Promise<void>;
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Serves the runner pages at `origin` (http, localhost or 127.0.0.1, explicit port). */
export async function startPageHost(origin: string): Promise<PageHost> {
  const url = new URL(origin);
  const pages = new Map<string, Page>();
  installRunnerPages({ addStatic: (path, res) => pages.set(path, res) });
  const handler: http.RequestListener = (req, res) => {
    const page = pages.get((req.url ?? '/').split('?')[0] ?? '/');
    if (req.method !== 'GET' || page === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const headers: Record<string, string> = { 'Content-Type': page.contentType };
    for (const [n, v] of page.headers ?? []) headers[n] = v;
    res.writeHead(200, headers).end(page.body);
  };
  const servers: http.Server[] = [];
  const v4 = http.createServer(handler);
  await listen(v4, Number(url.port), '127.0.0.1');
  servers.push(v4);
  if (url.hostname === 'localhost') {
    const v6 = http.createServer(handler);
    // Best effort: no IPv6 loopback, or the port taken there, leaves IPv4 alone serving.
    await listen(v6, Number(url.port), '::1').then(
      () => servers.push(v6),
      () => undefined,
    );
  }
  return {
    origin: url.origin,
    close: () =>
      Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      ).then(() => undefined),
  };
}
