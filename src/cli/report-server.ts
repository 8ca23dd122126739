// A static file server for the reports folder, and nothing else: GET and HEAD of regular
// files inside the folder, on 127.0.0.1. What it refuses, and why: paths that do not decode
// or carry NUL or a backslash (400), any segment starting with a dot (`..`, `.git`, dotfiles:
// 404), and any file whose real path, symlinks followed, lies outside the folder (404).
// Error pages say only the status; they never show a path of this machine.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, sep } from 'node:path';

export interface ReportServer {
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.zip': 'application/zip',
};

/** The file a request path names under `root` (a real path), or an HTTP status to answer. */
export async function resolveRequestPath(root: string, urlPath: string): Promise<string | number> {
  const pathname = urlPath.split('?')[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return 400;
  }
  if (!decoded.startsWith('/') || /[\0\\]/.test(decoded)) return 400;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s.startsWith('.'))) return 404;
  let file = join(root, ...segments);
  let real: string;
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    real = await realpath(file);
  } catch {
    return 404;
  }
  if (!real.startsWith(root + sep)) return 404;
  const info = await stat(real).catch(() => null);
  return info?.isFile() === true ? real : 404;
}

function answer(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(`${text}\n`);
}

const REASONS: Record<number, string> = {
  400: 'bad request',
  404: 'not found',
  405: 'method not allowed',
  500: 'could not read the file',
};

async function serve(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    answer(res, 405, REASONS[405] ?? '');
    return;
  }
  const found = await resolveRequestPath(root, req.url ?? '/');
  if (typeof found === 'number') {
    answer(res, found, REASONS[found] ?? 'error');
    return;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(found).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(found);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/** Serves `dir` on 127.0.0.1:`port` (0: any free port). */
export async function startReportServer(dir: string, port: number): Promise<ReportServer> {
  const root = await realpath(dir);
  const server: Server = createServer((req, res) => {
    serve(root, req, res).catch(() => {
      if (!res.headersSent) answer(res, 500, REASONS[500] ?? '');
      else res.destroy();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}/index.html`,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
