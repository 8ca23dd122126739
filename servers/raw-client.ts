// The one raw HTTP/1.1 client of the project: the fixture servers' tests, the library's
// probes, `verify` and `audit` all send through it. It writes bytes exactly as given and
// reads responses byte for byte (raw-response.ts: no header folding, no normalisation, no
// redirect ever followed). Reads are bounded twice: an idle wait per read (`timeoutMs`) and
// one overall deadline for the whole exchange (`deadlineMs`), so a server that drips a byte
// at a time cannot hold a caller longer than the deadline.
import net from 'node:net';
import tls from 'node:tls';
import type { HeaderList } from '../src/scenario/types.js';
import type { RawReply } from './raw-response.js';
import { ResponseParser } from './raw-response.js';

export type { RawReply } from './raw-response.js';

export interface RawClientOptions {
  port: number;
  /** Host name or address to connect to. Default `127.0.0.1`. */
  host?: string;
  /**
   * Connect with TLS: `ca` is the PEM certificate(s) to trust (default: the system's),
   * `servername` the SNI and certificate name (default: the host, when it is a name),
   * `insecure` accepts any certificate.
   */
  tls?: { ca?: string; servername?: string; insecure?: boolean };
  /** Longest wait for the next bytes of a read, ms. Default 5 000. */
  timeoutMs?: number;
  /** Everything (connect, write, every read) must be done this many ms after connect starts. */
  deadlineMs?: number;
  /** Body bytes kept per response; the rest is not read (`truncated`). Default: no limit. */
  bodyLimit?: number;
}

/** The overall deadline passed: says how much of the answer had arrived. */
export class RawDeadlineError extends Error {
  override readonly name = 'RawDeadlineError';
  constructor(
    readonly deadlineMs: number,
    readonly bytesReceived: number,
  ) {
    super(
      `no complete response within ${deadlineMs} ms (${bytesReceived} byte${bytesReceived === 1 ? '' : 's'} received)`,
    );
  }
}

export class RawClient {
  private pending: Buffer = Buffer.alloc(0);
  private ended = false;
  private waiter: (() => void) | null = null;
  private failure: Error | null = null;
  private readonly parser: ResponseParser;
  /** Bytes received on this connection so far. */
  bytesReceived = 0;

  private constructor(
    private readonly socket: net.Socket,
    private readonly timeoutMs: number,
    bodyLimit: number | undefined,
  ) {
    this.parser = new ResponseParser(bodyLimit === undefined ? {} : { bodyLimit });
    socket.on('data', (d: Buffer) => {
      this.bytesReceived += d.length;
      this.pending = this.pending.length === 0 ? d : Buffer.concat([this.pending, d]);
      this.wake();
    });
    socket.on('end', () => {
      this.ended = true;
      this.wake();
    });
    socket.on('close', () => {
      this.ended = true;
      this.wake();
    });
    socket.on('error', (e) => {
      this.failure ??= e;
      this.wake();
    });
  }

  static connect(opts: RawClientOptions): Promise<RawClient> {
    const timeoutMs = opts.timeoutMs ?? 5000;
    const host = opts.host ?? '127.0.0.1';
    return new Promise((resolve, reject) => {
      const socket = opts.tls
        ? tlsSocket(host, opts.port, opts.tls)
        : net.connect({ host, port: opts.port });
      let client: RawClient | null = null;
      let timer: NodeJS.Timeout | undefined;
      if (opts.deadlineMs !== undefined) {
        const deadline = opts.deadlineMs;
        timer = setTimeout(() => {
          const error = new RawDeadlineError(deadline, client?.bytesReceived ?? 0);
          if (client === null) reject(error);
          else client.fail(error);
          socket.destroy();
        }, deadline);
        timer.unref();
        socket.once('close', () => clearTimeout(timer));
      }
      socket.once(opts.tls ? 'secureConnect' : 'connect', () => {
        socket.off('error', onError);
        client = new RawClient(socket, timeoutMs, opts.bodyLimit);
        resolve(client);
      });
      const onError = (e: Error): void => {
        clearTimeout(timer);
        reject(e);
      };
      socket.once('error', onError);
    });
  }

  write(data: string | Buffer): void {
    this.socket.write(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
  }

  /** Whether the server has closed its side. */
  get closed(): boolean {
    return this.ended;
  }

  /**
   * Reads one response (framed by the request method, status, chunked encoding,
   * Content-Length, or the connection closing). `method` is the request it answers.
   */
  async readResponse(method = 'GET'): Promise<RawReply> {
    this.parser.expect(method);
    for (;;) {
      if (this.failure !== null) throw this.failure;
      if (this.pending.length > 0) {
        const data = this.pending;
        this.pending = Buffer.alloc(0);
        this.parser.push(data);
      }
      if (this.ended) this.parser.end();
      const got = this.parser.take();
      if (got !== null) return got;
      await this.waitForData();
    }
  }

  /** Everything the server sends (and no response has taken) until it closes the connection. */
  async readToEnd(): Promise<Buffer> {
    while (!this.ended) await this.waitForData();
    const all = Buffer.concat([this.parser.takeUnparsed(), this.pending]);
    this.pending = Buffer.alloc(0);
    return all;
  }

  close(): void {
    this.socket.destroy();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake();
  }

  private waitForData(): Promise<void> {
    if (this.failure !== null) return Promise.reject(this.failure);
    if (this.ended) return Promise.reject(new Error('connection closed before a full response'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new Error(`no response within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.waiter = () => {
        clearTimeout(timer);
        this.waiter = null;
        resolve();
      };
    });
  }

  private wake(): void {
    this.waiter?.();
  }
}

function tlsSocket(
  host: string,
  port: number,
  opts: NonNullable<RawClientOptions['tls']>,
): tls.TLSSocket {
  // SNI carries names only; for an IP the certificate is checked against the IP.
  const name = opts.servername ?? host;
  return tls.connect({
    host,
    port,
    ...(opts.ca !== undefined ? { ca: opts.ca } : {}),
    ...(opts.insecure === true ? { rejectUnauthorized: false } : {}),
    ...(net.isIP(name) === 0 ? { servername: name } : {}),
  });
}

/** One request to send with `exchange`. */
export interface RawRequest {
  method: string;
  /** The request-target as sent (`/api?x=1`). */
  target: string;
  /** Header lines in order, exactly as sent; `Host` first unless given. */
  headers: HeaderList;
  body?: string | Buffer;
}

/**
 * One request on a fresh connection (`Connection: close` added unless given) and its
 * response, read within `deadlineMs`. The request goes out byte for byte as listed.
 */
export async function exchange(
  opts: RawClientOptions & { hostHeader: string },
  req: RawRequest,
): Promise<RawReply & { elapsedMs: number }> {
  const started = performance.now();
  const client = await RawClient.connect(opts);
  try {
    client.write(serializeRequest(req, opts.hostHeader));
    if (req.body !== undefined && req.body.length > 0) client.write(req.body);
    const reply = await client.readResponse(req.method);
    return { ...reply, elapsedMs: performance.now() - started };
  } finally {
    client.close();
  }
}

/** The request head bytes: request line, Host (unless listed), the lines, Connection, Content-Length. */
export function serializeRequest(req: RawRequest, hostHeader: string): string {
  const has = (name: string): boolean =>
    req.headers.some(([n]) => n.toLowerCase() === name.toLowerCase());
  const lines = [`${req.method} ${req.target} HTTP/1.1`];
  if (!has('host')) lines.push(`Host: ${hostHeader}`);
  for (const [n, v] of req.headers) lines.push(`${n}: ${v}`);
  if (!has('connection')) lines.push('Connection: close');
  const bytes = req.body === undefined ? 0 : Buffer.byteLength(req.body);
  if (bytes > 0 && !has('content-length') && !has('transfer-encoding')) {
    lines.push(`Content-Length: ${bytes}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}
