// A minimal raw HTTP/1.1 client for tests and diagnostics: writes bytes as given and reads
// responses byte for byte (no header folding, no normalisation). Loopback only.
import net from 'node:net';
import tls from 'node:tls';
import type { HeaderList } from '../src/scenario/types.js';

export interface RawReply {
  status: number;
  reason: string;
  /** Header lines exactly as received (latin1). */
  headers: HeaderList;
  body: Buffer;
  /** Every byte of this response. */
  raw: Buffer;
}

export interface RawClientOptions {
  port: number;
  /** Loopback address to connect to: `127.0.0.1` (default) or `::1`. */
  host?: '127.0.0.1' | '::1';
  /** Connect with TLS; `ca` is the PEM certificate to trust, `servername` the SNI name. */
  tls?: { ca: string; servername?: string };
  timeoutMs?: number;
}

export class RawClient {
  private buf = Buffer.alloc(0);
  private ended = false;
  private waiter: (() => void) | null = null;
  private failure: Error | null = null;

  private constructor(
    private readonly socket: net.Socket,
    private readonly timeoutMs: number,
  ) {
    socket.on('data', (d: Buffer) => {
      this.buf = Buffer.concat([this.buf, d]);
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
      this.failure = e;
      this.wake();
    });
  }

  static connect(opts: RawClientOptions): Promise<RawClient> {
    const timeoutMs = opts.timeoutMs ?? 5000;
    const host = opts.host ?? '127.0.0.1';
    return new Promise((resolve, reject) => {
      // SNI carries names only; for an IP the certificate is checked against the IP.
      const name = opts.tls?.servername ?? 'localhost';
      const socket = opts.tls
        ? tls.connect({
            host,
            port: opts.port,
            ca: opts.tls.ca,
            ...(net.isIP(name) === 0 ? { servername: name } : {}),
          })
        : net.connect({ host, port: opts.port });
      socket.once(opts.tls ? 'secureConnect' : 'connect', () => {
        socket.off('error', reject);
        resolve(new RawClient(socket, timeoutMs));
      });
      socket.once('error', reject);
    });
  }

  write(data: string | Buffer): void {
    this.socket.write(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
  }

  /** Whether the server has closed its side. */
  get closed(): boolean {
    return this.ended;
  }

  /** Reads one response (framed by Content-Length, or by the connection closing). */
  async readResponse(): Promise<RawReply> {
    for (;;) {
      const got = this.tryParse();
      if (got !== null) return got;
      await this.waitForData();
    }
  }

  /** Everything the server sends until it closes the connection. */
  async readToEnd(): Promise<Buffer> {
    while (!this.ended) await this.waitForData();
    const all = this.buf;
    this.buf = Buffer.alloc(0);
    return all;
  }

  close(): void {
    this.socket.destroy();
  }

  private tryParse(): RawReply | null {
    const end = this.buf.indexOf('\r\n\r\n');
    if (end < 0) return null;
    const lines = this.buf.subarray(0, end).toString('latin1').split('\r\n');
    const m = /^HTTP\/1\.[01] (\d{3}) ?(.*)$/.exec(lines[0] ?? '');
    if (!m) throw new Error(`bad status line: ${lines[0]}`);
    const headers: HeaderList = lines.slice(1).map((l) => {
      const c = l.indexOf(':');
      return [l.slice(0, c), l.slice(c + 1).replace(/^ /, '')];
    });
    const cl = headers.find(([n]) => n.toLowerCase() === 'content-length');
    const start = end + 4;
    let stop: number;
    if (cl !== undefined) {
      stop = start + Number(cl[1]);
      if (this.buf.length < stop) return null;
    } else {
      const status = Number(m[1]);
      const bodyless = status === 204 || status === 304 || status < 200;
      if (!bodyless && !this.ended) return null;
      stop = bodyless ? start : this.buf.length;
    }
    const raw = Buffer.from(this.buf.subarray(0, stop));
    const body = Buffer.from(this.buf.subarray(start, stop));
    this.buf = this.buf.subarray(stop);
    return { status: Number(m[1]), reason: m[2] ?? '', headers, body, raw };
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
