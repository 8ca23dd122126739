import net from 'node:net';
import { expect, test } from '@playwright/test';
import { RawClient, RawDeadlineError, exchange, serializeRequest } from './raw-client.js';
import { RequestParser } from './raw-http.js';
import type { RawReply } from './raw-response.js';
import { ResponseParser } from './raw-response.js';

/** Feeds `bytes` to a parser in pieces of `step` bytes, then the close; every response. */
function parseAll(
  bytes: string,
  opts: { step?: number; methods?: string[]; bodyLimit?: number } = {},
): RawReply[] {
  const p = new ResponseParser(opts.bodyLimit === undefined ? {} : { bodyLimit: opts.bodyLimit });
  for (const m of opts.methods ?? ['GET', 'GET', 'GET']) p.expect(m);
  const buf = Buffer.from(bytes, 'latin1');
  const step = opts.step ?? buf.length;
  for (let i = 0; i < buf.length; i += step) p.push(buf.subarray(i, i + step));
  p.end();
  const out: RawReply[] = [];
  for (let r = p.take(); r !== null; r = p.take()) out.push(r);
  return out;
}

const FRAMINGS: { name: string; bytes: string; body: string; methods?: string[] }[] = [
  {
    name: 'Content-Length',
    bytes: 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello',
    body: 'hello',
  },
  {
    name: 'chunked, with an extension and a trailer',
    bytes:
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2;x=1\r\nhe\r\n3\r\nllo\r\n0\r\nT: v\r\n\r\n',
    body: 'hello',
  },
  { name: 'the connection closing', bytes: 'HTTP/1.1 200 OK\r\nX: y\r\n\r\nhello', body: 'hello' },
  {
    name: 'HEAD (a length, no body)',
    bytes: 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n',
    body: '',
    methods: ['HEAD'],
  },
  { name: '204', bytes: 'HTTP/1.1 204 No Content\r\nX: y\r\n\r\n', body: '' },
  {
    name: 'an interim 100 first',
    bytes: 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello',
    body: 'hello',
  },
];

for (const f of FRAMINGS) {
  test(`a response framed by ${f.name} reads the same whole and byte by byte`, () => {
    for (const step of [undefined, 1, 3]) {
      const [r, ...rest] = parseAll(f.bytes, {
        ...(step ? { step } : {}),
        ...(f.methods ? { methods: f.methods } : {}),
      });
      expect(rest).toEqual([]);
      expect(r?.body.toString('latin1'), `step ${step}`).toBe(f.body);
      expect(r?.truncated).toBe(false);
    }
  });
}

test('header lines come out as received: case, duplicates, odd bytes; one space after the colon dropped', () => {
  const [r] = parseAll(
    'HTTP/1.1 404 Not  Found\r\nX-A:  two\r\nx-a:\u00e9\r\nVary: Origin\r\nContent-Length: 0\r\n\r\n',
  );
  expect(r?.status).toBe(404);
  expect(r?.reason).toBe('Not  Found');
  expect(r?.headers).toEqual([
    ['X-A', ' two'],
    ['x-a', '\u00e9'],
    ['Vary', 'Origin'],
    ['Content-Length', '0'],
  ]);
});

test('two responses on one connection, and a body past the limit ends the response truncated', () => {
  const two = parseAll(
    'HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\naHTTP/1.1 201 Created\r\nContent-Length: 1\r\n\r\nb',
  );
  expect(two.map((r) => `${r.status} ${r.body.toString()}`)).toEqual(['200 a', '201 b']);
  const [big] = parseAll(`HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n${'x'.repeat(100)}`, {
    bodyLimit: 10,
  });
  expect(big?.body.length).toBe(10);
  expect(big?.truncated).toBe(true);
});

test('malformed responses are one-line parse errors', () => {
  const cases: [string, RegExp][] = [
    ['HTTP/1.1 OK\r\n\r\n', /malformed status line/],
    ['HTTP/1.1 200 OK\r\nno colon here\r\n\r\n', /malformed header line/],
    ['HTTP/1.1 200 OK\r\nContent-Length: 1, 2\r\n\r\n', /malformed Content-Length/],
    ['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', /malformed chunk size/],
    [
      'HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nshort',
      /closed before the end of the response body/,
    ],
    [`HTTP/1.1 200 OK\r\nX: ${'a'.repeat(70_000)}`, /response head too large/],
  ];
  for (const [bytes, message] of cases) {
    expect(() => parseAll(bytes), JSON.stringify(bytes.slice(0, 40))).toThrow(message);
  }
});

test('the request bytes the client writes are what the fixture servers parse', () => {
  const head = serializeRequest(
    {
      method: 'PUT',
      target: '/a?b=1',
      headers: [
        ['Origin', 'https://x.test'],
        ['X-Odd', '\u00e9'],
      ],
      body: 'hi',
    },
    '127.0.0.1:9',
  );
  const [req] = new RequestParser().push(
    Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from('hi')]),
  );
  expect(req).toMatchObject({ method: 'PUT', target: '/a?b=1', version: 'HTTP/1.1' });
  expect(req?.rawHeaders).toEqual([
    ['Host', '127.0.0.1:9'],
    ['Origin', 'https://x.test'],
    ['X-Odd', '\u00e9'],
    ['Connection', 'close'],
    ['Content-Length', '2'],
  ]);
  expect(req?.body.toString()).toBe('hi');
});

test('a server dripping a byte at a time cannot outlast the overall deadline', async () => {
  // One byte every 50 ms: the idle timeout (restarted by every byte) would never fire.
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    const text = `HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n${'x'.repeat(100)}`;
    let i = 0;
    const timer = setInterval(() => {
      if (i >= text.length || socket.destroyed) return clearInterval(timer);
      socket.write(text[i++] ?? '');
    }, 50);
    socket.on('close', () => clearInterval(timer));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  try {
    const started = performance.now();
    const error = await exchange(
      { port, hostHeader: `127.0.0.1:${port}`, timeoutMs: 1000, deadlineMs: 600 },
      { method: 'GET', target: '/', headers: [] },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RawDeadlineError);
    expect((error as RawDeadlineError).bytesReceived).toBeGreaterThan(0);
    expect((error as Error).message).toMatch(
      /^no complete response within 600 ms \(\d+ bytes? received\)$/,
    );
    // Generous bound: the point is that it is the deadline, not the 7.5 s the drip takes.
    expect(performance.now() - started).toBeLessThan(3000);
  } finally {
    for (const s of sockets) s.destroy();
    server.close();
  }
});

test('RawClient keeps reading responses and the rest of the connection as before', async () => {
  const server = net.createServer((socket) => {
    socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokTRAILING');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  try {
    const c = await RawClient.connect({ port });
    c.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    expect((await c.readResponse()).body.toString()).toBe('ok');
    expect((await c.readToEnd()).toString()).toBe('TRAILING');
    expect(c.closed).toBe(true);
  } finally {
    server.close();
  }
});
