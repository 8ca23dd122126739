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
import { errorText } from '../src/error-text.js';

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
   * Told about every request that could not be parsed (it was answered with 400, 408 or 431
   * and the connection closed) and every handler exception (answered with 500). One-line
   * message; `target` when the request line was readable.
   */
  onError?: (message: string, target: string | undefined) => void;
  /** Serve https with this key and certificate (PEM). */
  tls?: { key: string; cert: string };
  /** Default `127.0.0.1`. Never bind anything but loopback. */
  host?: string;
  /** Default 0: a free port chosen by the OS. */
  port?: number;
  /** How long a connection may stall; defaults in `DEFAULT_TIMEOUTS`. */
  timeouts?: Partial<ServerTimeouts>;
}

/**
 * Bounds on how long a connection may hold the server's attention. A browser sends a head
 * in one go and reuses idle connections within a second or two (and opens a new one when
 * an idle one was closed), so these only ever end connections nobody is using.
 */
export interface ServerTimeouts {
  /** No byte in either direction for this long: the connection is closed. */
  idleMs: number;
  /** From a request's first byte until its head is complete (else 408). */
  headMs: number;
  /** From a request's first byte until its body is complete (else 408). */
  requestMs: number;
  /** A TLS handshake that does not finish in this time is dropped. */
  handshakeMs: number;
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = {
  idleMs: 15_000,
  headMs: 10_000,
  requestMs: 30_000,
  handshakeMs: 10_000,
};

export interface RawHttpServer {
  readonly port: number;
  readonly scheme: 'http' | 'https';
  /** Stops listening and destroys every open socket. */
  close(): Promise<void>;
}

/** A request head (request line and header lines) larger than this gets 431. */
export const MAX_HEAD = 64 * 1024;
/** More header lines than this get 431 (browsers send about 15, a scenario adds a few). */
export const MAX_HEADER_LINES = 256;
/** A request body larger than this gets 413 (scenario bodies are at most 1 Mi characters). */
export const MAX_BODY = 4 * 1024 * 1024;
/** Connections open at once per listener; past it new ones are closed at once. */
export const MAX_CONNECTIONS = 1024;
const TCHAR = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export class HttpParseError extends Error {
  override name = 'HttpParseError';
  constructor(
    message: string,
    readonly target?: string,
    /** The status the request is answered with. */
    readonly status: 400 | 408 | 413 | 431 = 400,
  ) {
    super(message);
  }
}

/**
 * Bytes received and not parsed yet. Appending copies only the new bytes (the store grows by
 * doubling), so a head that arrives a few bytes at a time costs time linear in its size.
 */
class ByteQueue {
  private store = Buffer.alloc(0);
  private start = 0;
  private end = 0;
  /** Bytes copied so far, new and moved (what `RequestParser.work` reports). */
  copied = 0;

  get length(): number {
    return this.end - this.start;
  }

  /** The unparsed bytes, without copying (valid until the next append). */
  view(): Buffer {
    return this.store.subarray(this.start, this.end);
  }

  append(data: Buffer): void {
    if (this.end + data.length > this.store.length) {
      const needed = this.length + data.length;
      const size = Math.max(needed, this.store.length * 2, 4096);
      const next = Buffer.allocUnsafe(needed <= this.store.length / 2 ? this.store.length : size);
      this.copied += this.store.copy(next, 0, this.start, this.end);
      this.store = next;
      this.end -= this.start;
      this.start = 0;
    }
    this.copied += data.copy(this.store, this.end);
    this.end += data.length;
  }

  consume(n: number): void {
    this.start += n;
    if (this.start >= this.end) this.clear();
  }

  clear(): void {
    this.start = 0;
    this.end = 0;
    // Keep a small store for the next request; let a large one go.
    if (this.store.length > 64 * 1024) this.store = Buffer.alloc(0);
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
  private readonly queue = new ByteQueue();
  private head: Omit<ParsedRequest, 'body'> | null = null;
  private body: BodyState | null = null;
  private chunks: Buffer[] = [];
  private bodyLength = 0;
  /** Where the search for the end of the head (or of a chunk line) goes on from. */
  private scanFrom = 0;
  private scanned = 0;

  /**
   * The work done so far, in bytes: copied into the buffer, and searched for the end of a
   * head or line. Both grow linearly with the input however it is split into reads.
   */
  get work(): { copied: number; scanned: number } {
    return { copied: this.queue.copied, scanned: this.scanned };
  }

  /** Why parsing stopped, or null while all is well. */
  failure: HttpParseError | null = null;

  private get buf(): Buffer {
    return this.queue.view();
  }

  private consume(n: number): void {
    this.queue.consume(n);
    this.scanFrom = 0;
  }

  push(data: Buffer): ParsedRequest[] {
    const out: ParsedRequest[] = [];
    if (this.failure !== null) return out;
    this.queue.append(data);
    try {
      for (;;) {
        const got = this.head === null ? this.readHead() : this.readBody();
        if (got === 'more') return out;
        if (got !== 'continue') out.push(got);
      }
    } catch (e) {
      this.failure =
        e instanceof HttpParseError ? e : new HttpParseError(errorText(e), this.head?.target);
      this.queue.clear();
      return out;
    }
  }

  /** True when no request is partly read (a clean point to close the connection). */
  get idle(): boolean {
    return this.head === null && this.queue.length === 0;
  }

  /** `idle`, reading a request's head, or reading its body. */
  get phase(): 'idle' | 'head' | 'body' {
    if (this.head !== null) return 'body';
    return this.queue.length === 0 ? 'idle' : 'head';
  }

  private readHead(): 'more' | 'continue' | ParsedRequest {
    // Empty lines before a request line are skipped (RFC 9112 section 2.2).
    for (let b = this.buf; b.length > 0 && (b[0] === 0x0a || b[0] === 0x0d); b = this.buf) {
      if (b[0] === 0x0d && b.length < 2) return 'more';
      this.consume(b[0] === 0x0d && b[1] === 0x0a ? 2 : 1);
    }
    const buf = this.buf;
    this.scanned += buf.length - this.scanFrom;
    const end = findHeadEnd(buf, this.scanFrom);
    if (end === null) {
      if (buf.length > MAX_HEAD) {
        throw new HttpParseError(`request head larger than ${MAX_HEAD} bytes`, undefined, 431);
      }
      // Every newline before the last two bytes has been looked at.
      this.scanFrom = Math.max(0, buf.length - 2);
      return 'more';
    }
    if (end.headLength > MAX_HEAD) {
      throw new HttpParseError(`request head larger than ${MAX_HEAD} bytes`, undefined, 431);
    }
    const text = buf.subarray(0, end.headLength).toString('latin1');
    this.consume(end.headLength + end.terminatorLength);
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
    if (lines.length - 1 > MAX_HEADER_LINES) {
      throw new HttpParseError(`more than ${MAX_HEADER_LINES} header lines`, target, 431);
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
        if (this.queue.length === 0) return 'more';
        const take = Math.min(state.remaining, this.queue.length);
        this.addBody(this.buf.subarray(0, take), target);
        this.consume(take);
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
    const buf = this.buf;
    this.scanned += buf.length - this.scanFrom;
    const nl = buf.indexOf(0x0a, this.scanFrom);
    if (nl < 0) {
      if (buf.length > MAX_HEAD) throw new HttpParseError('chunk line too long', target);
      this.scanFrom = buf.length;
      return null;
    }
    const line = buf.subarray(0, nl).toString('latin1');
    this.consume(nl + 1);
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  }

  private addBody(part: Buffer, target: string): void {
    this.bodyLength += part.length;
    if (this.bodyLength > MAX_BODY) {
      throw new HttpParseError(`request body larger than ${MAX_BODY} bytes`, target, 413);
    }
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

/**
 * Where the head ends: the first empty line (CRLF CRLF, or bare LFs), looking from `from`
 * (bytes before it were searched already and hold no end).
 */
function findHeadEnd(
  buf: Buffer,
  from = 0,
): { headLength: number; terminatorLength: number } | null {
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
  if (n > MAX_BODY) {
    throw new HttpParseError(`request body larger than ${MAX_BODY} bytes`, target, 413);
  }
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
 * exactly as listed, an empty line, then the body (UTF-8). Nothing is added here. A CR or
 * LF inside the reason or a header line would end that line early and make the rest a new
 * header (or the body): no instruction can mean that, so it throws instead.
 */
export function serializeResponse(res: RawResponse): Buffer {
  const reason = res.reason ?? defaultReason(res.status);
  if (/[\r\n]/.test(reason)) throw new Error('the reason phrase contains CR or LF');
  let head = `HTTP/1.1 ${res.status} ${reason}\r\n`;
  for (const [name, value] of res.headers) {
    if (/[\r\n]/.test(name) || /[\r\n]/.test(value)) {
      throw new Error(`response header ${printable(name)} contains CR or LF`);
    }
    head += `${name}: ${value}\r\n`;
  }
  head += '\r\n';
  const body = res.bodyBytes ?? Buffer.from(res.body ?? '', 'utf8');
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
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
  if (req.method === 'HEAD') return (res.body ?? '') === '' && res.bodyBytes === undefined;
  const cl = res.headers.filter(([n]) => n.toLowerCase() === 'content-length');
  const bodyBytes = res.bodyBytes?.length ?? Buffer.byteLength(res.body ?? '', 'utf8');
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

/** The bytes to send for a request: the handler's answer, or a 500 when it cannot be sent. */
function answerFor(req: ParsedRequest, opts: RawHttpServerOptions, ctx: RequestContext) {
  let res: RawResponse;
  try {
    res = opts.handler(req, ctx);
    return { res, bytes: serializeResponse(res) };
  } catch (e) {
    const message = `handler failed: ${errorText(e)}`;
    opts.onError?.(message, req.target);
    res = plainError(500, message);
    return { res, bytes: serializeResponse(res) };
  }
}

/**
 * Serves one connection: parse, answer in order, keep alive while that is safe. A request
 * that stalls (head or body not complete in time) gets 408, an idle connection is closed.
 */
function serveSocket(
  socket: net.Socket,
  opts: RawHttpServerOptions,
  ctx: RequestContext,
  timeouts: ServerTimeouts,
): void {
  const parser = new RequestParser();
  let closing = false;
  let upgraded = false;
  let headTimer: NodeJS.Timeout | undefined;
  let requestTimer: NodeJS.Timeout | undefined;
  const clearTimers = (): void => {
    clearTimeout(headTimer);
    clearTimeout(requestTimer);
    headTimer = requestTimer = undefined;
  };
  const fail = (failure: HttpParseError): void => {
    if (closing) return;
    closing = true;
    clearTimers();
    opts.onError?.(failure.message, failure.target);
    socket.end(serializeResponse(plainError(failure.status, failure.message)));
    // A client that does not read its answer must not keep the socket.
    setTimeout(() => socket.destroy(), 1_000).unref();
  };
  const stalled = (what: string, ms: number) => () =>
    fail(new HttpParseError(`${what} not complete within ${ms} ms`, undefined, 408));
  const arm = (): void => {
    const phase = parser.phase;
    if (phase === 'idle') return clearTimers();
    requestTimer ??= setTimeout(stalled('request', timeouts.requestMs), timeouts.requestMs);
    if (phase === 'head') {
      headTimer ??= setTimeout(stalled('request head', timeouts.headMs), timeouts.headMs);
    } else {
      clearTimeout(headTimer);
    }
  };
  // One write per response; send it at once rather than waiting to coalesce.
  socket.setNoDelay(true);
  socket.setTimeout(timeouts.idleMs, () => socket.destroy());
  socket.on('error', () => socket.destroy());
  socket.on('close', clearTimers);
  socket.on('data', (data: Buffer) => {
    if (closing) return;
    const requests = parser.push(data);
    const failure = parser.failure;
    // Requests completed before a malformed one still get their answers first.
    for (const req of requests) {
      if (closing) break;
      const { res, bytes } = answerFor(req, opts, ctx);
      socket.write(bytes);
      if (res.status === 101) {
        // Switched protocols (a WebSocket handshake): what follows is not HTTP. Stop
        // reading requests; the idle timeout or the client's close ends the socket.
        closing = upgraded = true;
        clearTimers();
        return;
      }
      if (!canKeepAlive(req, res)) {
        closing = true;
        socket.end();
      }
    }
    if (failure !== null) return fail(failure);
    // A completed request restarts the clocks for the next one.
    if (requests.length > 0) clearTimers();
    if (!closing) arm();
  });
  socket.on('end', () => {
    if (!closing || upgraded) socket.end();
  });
}

/** Starts one listener (http, or https with `opts.tls`) on loopback. */
export function startRawHttpServer(opts: RawHttpServerOptions): Promise<RawHttpServer> {
  const sockets = new Set<net.Socket>();
  const scheme = opts.tls ? 'https' : 'http';
  const timeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
  let port = 0;
  const track = (socket: net.Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveSocket(socket, opts, { scheme, localPort: port }, timeouts);
  };
  let server: net.Server;
  if (opts.tls) {
    const tlsServer = tls.createServer(
      { key: opts.tls.key, cert: opts.tls.cert, handshakeTimeout: timeouts.handshakeMs },
      track,
    );
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
  server.maxConnections = MAX_CONNECTIONS;
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
