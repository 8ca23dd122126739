// One loopback HTTP server per in-process adapter, kept for the whole run: serving a new
// policy swaps the request handler (a fresh app with the middleware configured for it)
// instead of opening a new port per generated case.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const NOTHING_SERVED: RequestHandler = (_req, res) => {
  res.statusCode = 503;
  res.end('no policy is being served');
};

export class SwapServer {
  private handler: RequestHandler = NOTHING_SERVED;

  private constructor(private readonly server: http.Server) {
    server.on('request', (req, res) => this.handler(req, res));
  }

  static async start(): Promise<SwapServer> {
    const server = http.createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    return new SwapServer(server);
  }

  /** `http://127.0.0.1:<port><path>`. */
  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  /** Serves with `handler` from now on. */
  use(handler: RequestHandler): void {
    this.handler = handler;
  }

  clear(): void {
    this.handler = NOTHING_SERVED;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((done) => this.server.close(() => done()));
  }
}
