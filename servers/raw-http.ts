// HTTP/1.1 read and written by hand on `net`/`tls` sockets.
//
// Node's own HTTP parser refuses request methods outside its fixed list, some bytes in
// header values, and some response header values (llhttp answers 400 to `CHICKEN` or `patcH`). CORS cases
// need all of those, so this module parses requests itself and writes responses byte for
// byte. Strings that stand for bytes are latin1: one character per byte.
import net from 'node:net';
import tls from 'node:tls';
import type { HeaderList } from '../src/scenario/types.js';
import type { RawResponse } from './instruction.js';

/** One request as it arrived. */
export interface ParsedRequest {
  /** The method token exactly as sent (`CHICKEN`, `patcH`). */
  method: string;
  /** The request-target exactly as sent. */
  target: string;
  /** `HTTP/1.1` or `HTTP/1.0`. */
  version: string;
  /** Header lines in order, name case and duplicates kept, values without surrounding spaces. */
  rawHeaders: HeaderList;
  body: Buffer;
}

/** Where a request arrived. */
export interface RequestContext {
  scheme: 'http' | 'https';
  /** The port of the listener. */
  localPort: number;
}

export type RequestHandler = (req: ParsedRequest, ctx: RequestContext) => RawResponse;

export interface RawHttpServerOptions {
  handler: RequestHandler;
  /**
   * Told about every request that could not be parsed (it was answered with 400 and the
   * connection closed) and every handler exception (answered with 500). One-line message;
   * `target` when the request line was readable.
   */
  onError?: (message: string, target: string | undefined) => void;
  /** Serve https with this key and certificate (PEM). */
  tls?: { key: string; cert: string };
  /** Default `127.0.0.1`. Never bind anything but loopback. */
  host?: string;
  /** Default 0: a free port chosen by the OS. */
  port?: number;
}

export interface RawHttpServer {
  readonly port: number;
  readonly scheme: 'http' | 'https';
  /** Stops listening and destroys every open socket. */
  close(): Promise<void>;
}

const MAX_HEAD = 64 * 1024;
const MAX_BODY = 16 * 1024 * 1024;
const TCHAR = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export class HttpParseError extends Error {
  override name = 'HttpParseError';
  constructor(
    message: string,
    readonly target?: string,
  ) {
    super(message);
  }
}

type BodyState =
  | { kind: 'length'; remaining: number }
  | { kind: 'chunk-size' }
  | { kind: 'chunk-data'; remaining: number }
  | { kind: 'chunk-data-end' }
  | { kind: 'trailers' };

/**
 * Incremental request parser: feed it whatever the socket delivered, get back the requests
 * completed so far. On a malformed request it stops: `failure` says why, the requests
 * completed before it are still returned, and later input is ignored.
 */
export class RequestParser {
  private buf: Buffer = Buffer.alloc(0);
  private head: Omit<ParsedRequest, 'body'> | null = null;
  private body: BodyState | null = null;
  private chunks: Buffer[] = [];
  private bodyLength = 0;

  /** Why parsing stopped, or null while all is well. */
  failure: HttpParseError | null = null;

  push(data: Buffer): ParsedRequest[] {
    const out: ParsedRequest[] = [];
    if (this.failure !== null) return out;
    this.buf = this.buf.length === 0 ? data : Buffer.concat([this.buf, data]);
    try {
      for (;;) {
        const got = this.head === null ? this.readHead() : this.readBody();
        if (got === 'more') return out;
        if (got !== 'continue') out.push(got);
      }
    } catch (e) {
      this.failure =
        e instanceof HttpParseError
          ? e
          : new HttpParseError(e instanceof Error ? e.message : String(e), this.head?.target);
      this.buf = Buffer.alloc(0);
      return out;
    }
  }

  /** True when no request is partly read (a clean point to close the connection). */
  get idle(): boolean {
    return this.head === null && this.buf.length === 0;
  }

  private readHead(): 'more' | 'continue' | ParsedRequest {
    // Empty lines before a request line are skipped (RFC 9112 section 2.2).
    while (this.buf.length > 0 && (this.buf[0] === 0x0a || this.buf[0] === 0x0d)) {
      if (this.buf[0] === 0x0d && this.buf.length < 2) return 'more';
      this.buf = this.buf.subarray(this.buf[0] === 0x0d && this.buf[1] === 0x0a ? 2 : 1);
    }
    const end = findHeadEnd(this.buf);
    if (end === null) {
      if (this.buf.length > MAX_HEAD) throw new HttpParseError('request head too large');
      return 'more';
    }
    const text = this.buf.subarray(0, end.headLength).toString('latin1');
    this.buf = this.buf.subarray(end.headLength + end.terminatorLength);
    const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
    const requestLine = lines[0] ?? '';
    const parts = requestLine.split(' ');
    if (parts.length !== 3) {
      throw new HttpParseError(`malformed request line: ${printable(requestLine)}`);
    }
    const [method = '', target = '', version = ''] = parts;
    if (!TCHAR.test(method)) throw new HttpParseError(`malformed method: ${printable(method)}`);
    // eslint-disable-next-line no-control-regex
    if (target.length === 0 || /[\x00-\x20\x7f]/.test(target)) {
      throw new HttpParseError(`malformed request-target: ${printable(target)}`);
    }
    if (!/^HTTP\/1\.[01]$/.test(version)) {
      throw new HttpParseError(`unsupported HTTP version: ${printable(version)}`, target);
    }
    const rawHeaders: HeaderList = [];
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      const name = colon < 0 ? '' : line.slice(0, colon);
      if (!TCHAR.test(name)) {
        throw new HttpParseError(`malformed header line: ${printable(line)}`, target);
      }
      if (line.includes('\r')) throw new HttpParseError('bare CR in a header line', target);
      rawHeaders.push([name, line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '')]);
    }
    this.head = { method, target, version, rawHeaders };
    this.body = bodyFraming(rawHeaders, target);
    this.chunks = [];
    this.bodyLength = 0;
    return 'continue';
  }

  private readBody(): 'more' | 'continue' | ParsedRequest {
    const head = this.head;
    const state = this.body;
    if (head === null) return 'continue';
    const target = head.target;
    if (state === null) return this.finish(head);
    switch (state.kind) {
      case 'length':
      case 'chunk-data': {
        if (state.remaining === 0) {
          if (state.kind === 'length') return this.finish(head);
          this.body = { kind: 'chunk-data-end' };
          return 'continue';
        }
        if (this.buf.length === 0) return 'more';
        const take = Math.min(state.remaining, this.buf.length);
        this.addBody(this.buf.subarray(0, take), target);
        this.buf = this.buf.subarray(take);
        state.remaining -= take;
        return 'continue';
      }
      case 'chunk-data-end': {
        const line = this.takeLine(target);
        if (line === null) return 'more';
        if (line !== '') throw new HttpParseError('chunk data longer than its size', target);
        this.body = { kind: 'chunk-size' };
        return 'continue';
      }
      case 'chunk-size': {
        const line = this.takeLine(target);
        if (line === null) return 'more';
        const m = /^([0-9A-Fa-f]{1,8})[ \t]*(;.*)?$/.exec(line);
        if (!m) throw new HttpParseError(`malformed chunk size: ${printable(line)}`, target);
        const size = parseInt(m[1] ?? '', 16);
        this.body = size === 0 ? { kind: 'trailers' } : { kind: 'chunk-data', remaining: size };
        return 'continue';
      }
      case 'trailers': {
        const line = this.takeLine(target);
        if (line === null) return 'more';
        // Trailer fields are read and dropped; an empty line ends the message.
        return line === '' ? this.finish(head) : 'continue';
      }
    }
  }

  private takeLine(target: string): string | null {
    const nl = this.buf.indexOf(0x0a);
    if (nl < 0) {
      if (this.buf.length > MAX_HEAD) throw new HttpParseError('chunk line too long', target);
      return null;
    }
    const line = this.buf.subarray(0, nl).toString('latin1');
    this.buf = this.buf.subarray(nl + 1);
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  }

  private addBody(part: Buffer, target: string): void {
    this.bodyLength += part.length;
    if (this.bodyLength > MAX_BODY) throw new HttpParseError('request body too large', target);
    this.chunks.push(Buffer.from(part));
  }

  private finish(head: Omit<ParsedRequest, 'body'>): ParsedRequest {
    const req: ParsedRequest = { ...head, body: Buffer.concat(this.chunks) };
    this.head = null;
    this.body = null;
    this.chunks = [];
    return req;
  }
}

/** Where the head ends: the first empty line (CRLF CRLF, or bare LFs). */
function findHeadEnd(buf: Buffer): { headLength: number; terminatorLength: number } | null {
  let from = 0;
  for (;;) {
    const nl = buf.indexOf(0x0a, from);
    if (nl < 0) return null;
    if (buf[nl + 1] === 0x0a) return { headLength: nl, terminatorLength: 2 };
    if (buf[nl + 1] === 0x0d) {
      if (nl + 2 >= buf.length) return null;
      if (buf[nl + 2] === 0x0a) return { headLength: nl, terminatorLength: 3 };
    }
    from = nl + 1;
  }
}

function bodyFraming(headers: HeaderList, target: string): BodyState | null {
  const te = headers.filter(([n]) => n.toLowerCase() === 'transfer-encoding').map(([, v]) => v);
  const cl = headers.filter(([n]) => n.toLowerCase() === 'content-length').map(([, v]) => v);
  if (te.length > 0) {
    if (cl.length > 0) {
      throw new HttpParseError('both Transfer-Encoding and Content-Length', target);
    }
    const codings = te
      .join(',')
      .split(',')
      .map((c) => c.trim().toLowerCase());
    if (codings[codings.length - 1] !== 'chunked') {
      throw new HttpParseError('Transfer-Encoding without chunked last', target);
    }
    return { kind: 'chunk-size' };
  }
  if (cl.length === 0) return null;
  const values = new Set(cl.flatMap((v) => v.split(',').map((x) => x.trim())));
  const [only] = [...values];
  if (values.size !== 1 || only === undefined || !/^[0-9]{1,15}$/.test(only)) {
    throw new HttpParseError(`malformed Content-Length: ${printable(cl.join(', '))}`, target);
  }
  const n = Number(only);
  if (n > MAX_BODY) throw new HttpParseError('request body too large', target);
  return n === 0 ? null : { kind: 'length', remaining: n };
}

/** A string safe to put in a one-line message. */
function printable(s: string): string {
  const cut = s.length > 80 ? `${s.slice(0, 80)}...` : s;
  // eslint-disable-next-line no-control-regex
  return JSON.stringify(cut.replace(/[\x00-\x1f\x7f-\xff]/g, (c) => `\\x${hex(c)}`));
}

function hex(c: string): string {
  return c.charCodeAt(0).toString(16).padStart(2, '0');
}

const REASONS: Record<number, string> = {
  100: 'Continue',
  101: 'Switching Protocols',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-Authoritative Information',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  410: 'Gone',
  413: 'Content Too Large',
  418: "I'm a teapot",
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** The usual reason phrase for a status, or `Unknown`. */
export function defaultReason(status: number): string {
  return REASONS[status] ?? 'Unknown';
}

/**
 * The bytes of a response: status line with the given (or usual) reason, the header lines
 * exactly as listed, an empty line, then the body (UTF-8). Nothing is added here.
 */
export function serializeResponse(res: RawResponse): Buffer {
  let head = `HTTP/1.1 ${res.status} ${res.reason ?? defaultReason(res.status)}\r\n`;
  for (const [name, value] of res.headers) head += `${name}: ${value}\r\n`;
  head += '\r\n';
  return Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(res.body ?? '', 'utf8')]);
}

/**
 * Whether the connection can carry another response after this one: only when the
 * response's own length is certain (exactly one Content-Length that matches the body,
 * no Transfer-Encoding) and the request did not ask to close.
 */
export function canKeepAlive(req: ParsedRequest, res: RawResponse): boolean {
  const conn = req.rawHeaders
    .filter(([n]) => n.toLowerCase() === 'connection')
    .map(([, v]) => v.toLowerCase())
    .join(',');
  if (/(^|,)\s*close\s*(,|$)/.test(conn)) return false;
  if (req.version === 'HTTP/1.0' && !/(^|,)\s*keep-alive\s*(,|$)/.test(conn)) return false;
  const names = res.headers.map(([n]) => n.toLowerCase());
  if (names.includes('transfer-encoding')) return false;
  // A HEAD answer has no body whatever its Content-Length says.
  if (req.method === 'HEAD') return (res.body ?? '') === '';
  const cl = res.headers.filter(([n]) => n.toLowerCase() === 'content-length');
  const bodyBytes = Buffer.byteLength(res.body ?? '', 'utf8');
  if (cl.length === 0) return bodyBytes === 0 && bodylessStatus(res.status);
  return cl.length === 1 && cl[0]?.[1].trim() === String(bodyBytes);
}

function bodylessStatus(status: number): boolean {
  return status === 204 || status === 304 || (status >= 100 && status < 200);
}

function plainError(status: number, message: string): RawResponse {
  const body = `${status} ${defaultReason(status)}: ${message}\n`;
  return {
    status,
    headers: [
      ['Content-Type', 'text/plain; charset=utf-8'],
      ['Cache-Control', 'no-store'],
      ['Connection', 'close'],
      ['Content-Length', String(Buffer.byteLength(body))],
    ],
    body,
  };
}

/** Serves one connection: parse, answer in order, keep alive while that is safe. */
function serveSocket(socket: net.Socket, opts: RawHttpServerOptions, ctx: RequestContext): void {
  const parser = new RequestParser();
  let closing = false;
  // One write per response; send it at once rather than waiting to coalesce.
  socket.setNoDelay(true);
  socket.on('error', () => socket.destroy());
  socket.on('data', (data: Buffer) => {
    if (closing) return;
    const requests = parser.push(data);
    const failure = parser.failure;
    // Requests completed before a malformed one still get their answers first.
    for (const req of requests) {
      if (closing) break;
      let res: RawResponse;
      try {
        res = opts.handler(req, ctx);
      } catch (e) {
        const message = `handler failed: ${e instanceof Error ? e.message : String(e)}`;
        opts.onError?.(message, req.target);
        res = plainError(500, message);
      }
      socket.write(serializeResponse(res));
      if (!canKeepAlive(req, res)) {
        closing = true;
        socket.end();
      }
    }
    if (failure !== null && !closing) {
      closing = true;
      opts.onError?.(failure.message, failure.target);
      socket.end(serializeResponse(plainError(400, failure.message)));
    }
  });
  socket.on('end', () => {
    if (!closing) socket.end();
  });
}

/** Starts one listener (http, or https with `opts.tls`) on loopback. */
export function startRawHttpServer(opts: RawHttpServerOptions): Promise<RawHttpServer> {
  const sockets = new Set<net.Socket>();
  const scheme = opts.tls ? 'https' : 'http';
  let port = 0;
  const track = (socket: net.Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveSocket(socket, opts, { scheme, localPort: port });
  };
  let server: net.Server;
  if (opts.tls) {
    const tlsServer = tls.createServer({ key: opts.tls.key, cert: opts.tls.cert }, track);
    // Sockets that never finish the handshake must be closable too.
    tlsServer.on('connection', (raw: net.Socket) => {
      sockets.add(raw);
      raw.on('close', () => sockets.delete(raw));
    });
    tlsServer.on('tlsClientError', (_e, s) => s.destroy());
    server = tlsServer;
  } else {
    server = net.createServer(track);
  }
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      const addr = server.address();
      port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      resolve({
        port,
        scheme,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            for (const s of sockets) s.destroy();
          }),
      });
    });
  });
}
