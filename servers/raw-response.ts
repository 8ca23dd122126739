// The response side of the raw client: reads HTTP/1.1 responses byte for byte, incrementally
// and in bounded memory. Header lines come out exactly as received (latin1, name case and
// duplicates kept, one space after the colon dropped); bodies are framed by the request
// method and status (HEAD, 1xx, 204, 304: none), Transfer-Encoding: chunked, Content-Length,
// or the connection closing. Interim 1xx responses are skipped. Parse errors are the
// fixture parser's error type.
import type { HeaderList } from '../src/scenario/types.js';
import { HttpParseError } from './raw-http.js';

export interface RawReply {
  status: number;
  reason: string;
  /** Header lines exactly as received (latin1). */
  headers: HeaderList;
  /** The body (chunked framing removed), at most `bodyLimit` bytes. */
  body: Buffer;
  /** Every byte of this response as received (at most head + `bodyLimit` bytes of body framing). */
  raw: Buffer;
  /** True when the body went past `bodyLimit` and the rest was not read. */
  truncated: boolean;
}

export interface ResponseParserOptions {
  /** Bytes of status line and headers before the head counts as malformed. Default 64 KiB. */
  headLimit?: number;
  /** Header lines before the head counts as malformed. Default 500. */
  headerCountLimit?: number;
  /** Body bytes kept; past it the response ends `truncated`. Default: no limit. */
  bodyLimit?: number;
}

type Framing =
  | { kind: 'none' }
  | { kind: 'length'; remaining: number }
  | { kind: 'chunked'; state: 'size' | 'data' | 'data-end' | 'trailers'; remaining: number }
  | { kind: 'close' };

interface Head {
  status: number;
  reason: string;
  headers: HeaderList;
  headBytes: number;
}

const STATUS_LINE = /^HTTP\/\d\.\d (\d{3})(?: (.*))?$/;

/**
 * Incremental response parser for one connection. `expect(method)` names the request each
 * following response answers (for HEAD); `push` bytes as they arrive, `end()` at the close,
 * and `take()` each complete response. A malformed response throws HttpParseError from
 * `push`/`end`; nothing after it is read.
 */
export class ResponseParser {
  private buf: Buffer = Buffer.alloc(0);
  private scanFrom = 0;
  private head: Head | null = null;
  private framing: Framing = { kind: 'none' };
  private rawParts: Buffer[] = [];
  private bodyParts: Buffer[] = [];
  private bodyBytes = 0;
  private truncated = false;
  private readonly methods: string[] = [];
  private readonly done: RawReply[] = [];
  private closed = false;

  constructor(private readonly opts: ResponseParserOptions = {}) {}

  /** The next response answers a request with this method. */
  expect(method: string): void {
    this.methods.push(method);
  }

  push(data: Buffer): void {
    if (this.closed) return;
    this.buf = this.buf.length === 0 ? data : Buffer.concat([this.buf, data]);
    this.drain();
  }

  /** The connection closed: a close-delimited body ends here; a partial response is an error. */
  end(): void {
    if (this.closed) return;
    this.closed = true;
    this.drain();
    if (this.head !== null && this.framing.kind === 'close') {
      this.finish();
      return;
    }
    if (this.head !== null || this.buf.length > 0) {
      throw new HttpParseError(
        this.head === null
          ? 'the connection closed in the middle of the response head'
          : 'the connection closed before the end of the response body',
      );
    }
  }

  /** The oldest complete response not taken yet. */
  take(): RawReply | null {
    return this.done.shift() ?? null;
  }

  /** True when no response is partly read. */
  get idle(): boolean {
    return this.head === null && this.buf.length === 0;
  }

  /** Bytes received but not part of any response read so far (they are handed over once). */
  takeUnparsed(): Buffer {
    const rest = this.head === null ? this.buf : Buffer.alloc(0);
    if (this.head === null) this.buf = Buffer.alloc(0);
    return rest;
  }

  private drain(): void {
    for (;;) {
      if (this.head === null) {
        if (!this.readHead()) return;
        continue;
      }
      if (!this.readBody()) return;
    }
  }

  /** Reads a head when complete; false when more bytes are needed. */
  private readHead(): boolean {
    if (this.buf.length === 0) return false;
    const end = this.findHeadEnd();
    const limit = this.opts.headLimit ?? 64 * 1024;
    if (end === null) {
      if (this.buf.length > limit) throw new HttpParseError('response head too large');
      return false;
    }
    if (end.length > limit) throw new HttpParseError('response head too large');
    const text = this.buf.subarray(0, end.length).toString('latin1');
    const headBytes = end.length + end.terminator;
    const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
    const m = STATUS_LINE.exec(lines[0] ?? '');
    if (m === null) throw new HttpParseError(`malformed status line: ${printable(lines[0] ?? '')}`);
    if (lines.length - 1 > (this.opts.headerCountLimit ?? 500)) {
      throw new HttpParseError('too many response header lines');
    }
    const headers: HeaderList = lines.slice(1).map((line) => {
      const colon = line.indexOf(':');
      if (colon <= 0) throw new HttpParseError(`malformed header line: ${printable(line)}`);
      return [line.slice(0, colon), line.slice(colon + 1).replace(/^ /, '')];
    });
    const status = Number(m[1]);
    this.rawParts = [Buffer.from(this.buf.subarray(0, headBytes))];
    this.buf = this.buf.subarray(headBytes);
    this.scanFrom = 0;
    if (status >= 100 && status < 200 && status !== 101) {
      // An interim response: the final one follows on the same connection.
      this.rawParts = [];
      return true;
    }
    this.head = { status, reason: m[2] ?? '', headers, headBytes };
    this.framing = framingOf(status, headers, this.methods.shift() ?? 'GET');
    this.bodyParts = [];
    this.bodyBytes = 0;
    this.truncated = false;
    return true;
  }

  /** The first empty line, scanning only bytes not scanned before (linear in the head). */
  private findHeadEnd(): { length: number; terminator: number } | null {
    let from = Math.max(0, this.scanFrom - 1);
    for (;;) {
      const nl = this.buf.indexOf(0x0a, from);
      if (nl < 0) {
        this.scanFrom = this.buf.length;
        return null;
      }
      const next = this.buf[nl + 1];
      if (next === 0x0a) return { length: nl, terminator: 2 };
      if (next === 0x0d) {
        if (nl + 2 >= this.buf.length) {
          this.scanFrom = nl;
          return null;
        }
        if (this.buf[nl + 2] === 0x0a) return { length: nl, terminator: 3 };
      }
      if (next === undefined) {
        this.scanFrom = nl;
        return null;
      }
      from = nl + 1;
    }
  }

  /** Reads body bytes; false when more are needed. */
  private readBody(): boolean {
    const f = this.framing;
    switch (f.kind) {
      case 'none':
        this.finish();
        return true;
      case 'close':
        if (this.buf.length > 0) this.takeBody(this.buf.length);
        if (this.truncated) {
          this.finish();
          return true;
        }
        return false;
      case 'length':
        if (f.remaining === 0 || this.truncated) {
          this.finish();
          return true;
        }
        return this.takeCounted(f);
      case 'chunked':
        if (this.truncated) {
          this.finish();
          return true;
        }
        return this.readChunked(f);
    }
  }

  private readChunked(f: Extract<Framing, { kind: 'chunked' }>): boolean {
    if (f.state === 'data') {
      if (f.remaining > 0) return this.takeCounted(f);
      f.state = 'data-end';
      return true;
    }
    const line = this.takeLine();
    if (line === null) return false;
    if (f.state === 'data-end') {
      if (line !== '') throw new HttpParseError('chunk data longer than its size');
      f.state = 'size';
    } else if (f.state === 'size') {
      const m = /^([0-9A-Fa-f]{1,8})[ \t]*(;.*)?$/.exec(line);
      if (m === null) throw new HttpParseError(`malformed chunk size: ${printable(line)}`);
      f.remaining = parseInt(m[1] ?? '0', 16);
      f.state = f.remaining === 0 ? 'trailers' : 'data';
    } else if (line === '') {
      this.finish();
    }
    return true;
  }

  /** Body bytes of a known count (a length, or one chunk); false when none are buffered. */
  private takeCounted(f: { remaining: number }): boolean {
    if (this.buf.length === 0) return false;
    const n = Math.min(f.remaining, this.buf.length);
    f.remaining -= n;
    this.takeBody(n);
    return true;
  }

  private takeLine(): string | null {
    const nl = this.buf.indexOf(0x0a);
    if (nl < 0) {
      if (this.buf.length > (this.opts.headLimit ?? 64 * 1024)) {
        throw new HttpParseError('chunk line too long');
      }
      return null;
    }
    const bytes = this.buf.subarray(0, nl + 1);
    this.rawParts.push(Buffer.from(bytes));
    this.buf = this.buf.subarray(nl + 1);
    const line = bytes.subarray(0, nl).toString('latin1');
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  }

  /** Moves `n` buffered bytes into the body (and raw), up to the body limit. */
  private takeBody(n: number): void {
    const part = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    const limit = this.opts.bodyLimit ?? Infinity;
    const room = Math.max(0, limit - this.bodyBytes);
    const kept = part.length > room ? part.subarray(0, room) : part;
    if (kept.length > 0) {
      this.rawParts.push(Buffer.from(kept));
      this.bodyParts.push(Buffer.from(kept));
    }
    this.bodyBytes += part.length;
    if (this.bodyBytes > limit) this.truncated = true;
  }

  private finish(): void {
    const head = this.head;
    if (head === null) return;
    this.done.push({
      status: head.status,
      reason: head.reason,
      headers: head.headers,
      body: Buffer.concat(this.bodyParts),
      raw: Buffer.concat(this.rawParts),
      truncated: this.truncated,
    });
    this.head = null;
    this.framing = { kind: 'none' };
    this.rawParts = [];
    this.bodyParts = [];
    if (this.truncated) {
      // The rest of this response was not read: the connection is of no further use.
      this.buf = Buffer.alloc(0);
      this.closed = true;
    }
  }
}

function framingOf(status: number, headers: HeaderList, method: string): Framing {
  if (method.toUpperCase() === 'HEAD' || status === 204 || status === 304 || status < 200) {
    return { kind: 'none' };
  }
  const te = headers.filter(([n]) => n.toLowerCase() === 'transfer-encoding').map(([, v]) => v);
  if (te.length > 0) {
    const codings = te
      .join(',')
      .split(',')
      .map((c) => c.trim().toLowerCase());
    if (codings[codings.length - 1] === 'chunked') {
      return { kind: 'chunked', state: 'size', remaining: 0 };
    }
    return { kind: 'close' };
  }
  const cl = headers.filter(([n]) => n.toLowerCase() === 'content-length').map(([, v]) => v);
  if (cl.length === 0) return { kind: 'close' };
  const values = new Set(cl.flatMap((v) => v.split(',').map((x) => x.trim())));
  const [only] = [...values];
  if (values.size !== 1 || only === undefined || !/^[0-9]{1,15}$/.test(only)) {
    throw new HttpParseError(`malformed Content-Length: ${printable(cl.join(', '))}`);
  }
  return { kind: 'length', remaining: Number(only) };
}

/** A string safe to put in a one-line message. */
function printable(s: string): string {
  const cut = s.length > 80 ? `${s.slice(0, 80)}...` : s;
  // eslint-disable-next-line no-control-regex
  const unsafe = /[\x00-\x1f\x7f-\xff]/g;
  return JSON.stringify(
    cut.replace(unsafe, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`),
  );
}
