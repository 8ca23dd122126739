import { expect, test } from '@playwright/test';
import type { RawResponse } from './instruction.js';
import { RawClient } from './raw-client.js';
import {
  HttpParseError,
  RequestParser,
  serializeResponse,
  startRawHttpServer,
  type ParsedRequest,
  type RawHttpServer,
} from './raw-http.js';
import { localCertificate } from './tls.js';

/** A server that answers every request with a JSON echo, or a fixed response for /fixed. */
async function echoServer(
  fixed: RawResponse,
  errors: string[] = [],
  secure?: { key: string; cert: string },
): Promise<RawHttpServer> {
  return startRawHttpServer({
    handler: (req: ParsedRequest) => {
      if (req.target === '/fixed') return fixed;
      const body = JSON.stringify({
        method: req.method,
        target: req.target,
        headers: req.rawHeaders,
        body: req.body.toString('latin1'),
      });
      return { status: 200, headers: [['Content-Length', String(body.length)]], body };
    },
    onError: (m) => errors.push(m),
    ...(secure ? { tls: secure } : {}),
  });
}

/** The echo server's answer body, typed. */
const echoed = (r: { body: Buffer }): { method: string; body: string } =>
  JSON.parse(r.body.toString()) as { method: string; body: string };

const ODD: RawResponse = {
  status: 299,
  reason: 'Odd  Reason',
  headers: [
    ['X-Dup', 'one'],
    ['x-dup', 'two'],
    ['aCCess-control-ALLOW-origin', '*'],
    ['X-Bytes', '\u0001a\u007fb\u00e9'],
    ['X-Spaces', '  padded\t '],
    ['Content-Length', '3'],
  ],
  body: 'abc',
};

test('the parser reads a request fed one byte at a time, then a second one', () => {
  const p = new RequestParser();
  const bytes = Buffer.from(
    'patcH /x?y HTTP/1.1\r\nHost: a\r\nX-A: 1\r\nx-a:  2 \r\nContent-Length: 3\r\n\r\nabc' +
      'CHICKEN / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2;ext=1\r\nhi\r\n1\r\n!\r\n0\r\nT: x\r\n\r\n',
    'latin1',
  );
  const got: ParsedRequest[] = [];
  for (const b of bytes) got.push(...p.push(Buffer.from([b])));
  expect(got).toHaveLength(2);
  expect(got[0]).toMatchObject({
    method: 'patcH',
    target: '/x?y',
    version: 'HTTP/1.1',
    rawHeaders: [
      ['Host', 'a'],
      ['X-A', '1'],
      ['x-a', '2'],
      ['Content-Length', '3'],
    ],
  });
  expect(got[0]?.body.toString()).toBe('abc');
  expect(got[1]?.method).toBe('CHICKEN');
  expect(got[1]?.body.toString()).toBe('hi!');
  expect(p.idle).toBe(true);
});

test('the parser keeps header bytes as latin1 characters', () => {
  const p = new RequestParser();
  const head = Buffer.concat([
    Buffer.from('GET / HTTP/1.1\r\nX-B: ', 'latin1'),
    Buffer.from([0x01, 0x7f, 0xe9, 0xff]),
    Buffer.from('\r\n\r\n', 'latin1'),
  ]);
  expect(p.push(head)[0]?.rawHeaders).toEqual([['X-B', '\u0001\u007f\u00e9\u00ff']]);
});

// Requests the parser must refuse, with words from the one-line reason.
const malformed: [what: string, text: string, reason: RegExp][] = [
  ['two words', 'GET /\r\n\r\n', /request line/],
  ['space in method', 'G T / HTTP/1.1\r\n\r\n', /request line/],
  ['method with a comma', 'GE,T / HTTP/1.1\r\n\r\n', /method/],
  ['HTTP/2.0', 'GET / HTTP/2.0\r\n\r\n', /version/],
  ['header without a colon', 'GET / HTTP/1.1\r\nnocolon\r\n\r\n', /header line/],
  ['space before the colon', 'GET / HTTP/1.1\r\nX-A : 1\r\n\r\n', /header line/],
  ['bad Content-Length', 'POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n', /Content-Length/],
  [
    'two Content-Lengths',
    'POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n',
    /Content-Length/,
  ],
  [
    'TE and CL',
    'POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 1\r\n\r\n',
    /both/,
  ],
  ['TE gzip', 'POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n', /chunked/],
  ['bad chunk size', 'POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', /chunk size/],
];

for (const [what, text, reason] of malformed) {
  test(`the parser refuses: ${what}`, () => {
    const p = new RequestParser();
    expect(p.push(Buffer.from(text, 'latin1'))).toEqual([]);
    expect(p.failure).toBeInstanceOf(HttpParseError);
    expect(p.failure?.message).toMatch(reason);
    expect(p.failure?.message).not.toContain('\n');
    // Once failed, further input is ignored.
    expect(p.push(Buffer.from('GET / HTTP/1.1\r\n\r\n'))).toEqual([]);
  });
}

test('serializeResponse writes exactly the listed lines', () => {
  expect(serializeResponse(ODD).toString('latin1')).toBe(
    'HTTP/1.1 299 Odd  Reason\r\nX-Dup: one\r\nx-dup: two\r\naCCess-control-ALLOW-origin: *\r\n' +
      'X-Bytes: \u0001a\u007fb\u00e9\r\nX-Spaces:   padded\t \r\nContent-Length: 3\r\n\r\nabc',
  );
  expect(serializeResponse({ status: 799, headers: [] }).toString()).toBe(
    'HTTP/1.1 799 Unknown\r\n\r\n',
  );
});

test('over a socket: odd methods accepted, response bytes arrive exactly as listed', async () => {
  const server = await echoServer(ODD);
  const c = await RawClient.connect({ port: server.port });
  try {
    c.write('CHICKEN /echo HTTP/1.1\r\nHost: x\r\n\r\n');
    const echo = await c.readResponse();
    expect(echoed(echo).method).toBe('CHICKEN');
    c.write('GET /fixed HTTP/1.1\r\nHost: x\r\n\r\n');
    const odd = await c.readResponse();
    expect(odd.raw.equals(serializeResponse(ODD))).toBe(true);
    // The raw bytes 0x01, 0x7F, 0xE9 are on the wire, one byte each.
    const line = Buffer.from('X-Bytes: ', 'latin1');
    const at = odd.raw.indexOf(line) + line.length;
    expect([...odd.raw.subarray(at, at + 5)]).toEqual([0x01, 0x61, 0x7f, 0x62, 0xe9]);
  } finally {
    c.close();
    await server.close();
  }
});

test('keep-alive: three requests in sequence on one socket, then a chunked body', async () => {
  const server = await echoServer(ODD);
  const c = await RawClient.connect({ port: server.port });
  try {
    for (const m of ['GET', 'patcH', 'OPTIONS']) {
      c.write(`${m} /n HTTP/1.1\r\nHost: x\r\n\r\n`);
      const r = await c.readResponse();
      expect(echoed(r).method).toBe(m);
    }
    // Split across writes, in the middle of the chunked framing.
    c.write('POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nwi');
    await new Promise((r) => setTimeout(r, 20));
    c.write('ki\r\n5\r\npedia\r\n0\r\n\r\n');
    const r = await c.readResponse();
    expect(echoed(r).body).toBe('wikipedia');
    expect(c.closed).toBe(false);
  } finally {
    c.close();
    await server.close();
  }
});

test('Connection: close and an unframed response end the connection', async () => {
  const unframed: RawResponse = { status: 200, headers: [['X', '1']], body: 'tail' };
  const server = await echoServer(unframed);
  try {
    const a = await RawClient.connect({ port: server.port });
    a.write('GET /e HTTP/1.1\r\nConnection: close\r\n\r\n');
    expect((await a.readResponse()).status).toBe(200);
    await a.readToEnd();
    expect(a.closed).toBe(true);
    const b = await RawClient.connect({ port: server.port });
    b.write('GET /fixed HTTP/1.1\r\n\r\n');
    const all = await b.readToEnd();
    expect(all.toString()).toBe('HTTP/1.1 200 OK\r\nX: 1\r\n\r\ntail');
  } finally {
    await server.close();
  }
});

test('a malformed request gets a 400, an error report and a closed connection', async () => {
  const errors: string[] = [];
  const server = await echoServer(ODD, errors);
  try {
    const c = await RawClient.connect({ port: server.port });
    // A good request first: it is answered before the bad one is refused.
    c.write('GET /ok HTTP/1.1\r\n\r\nGET / HTTP/9\r\n\r\n');
    expect((await c.readResponse()).status).toBe(200);
    const bad = await c.readResponse();
    expect(bad.status).toBe(400);
    expect(bad.body.toString()).toContain('unsupported HTTP version');
    await c.readToEnd();
    expect(c.closed).toBe(true);
    expect(errors).toEqual(['unsupported HTTP version: "HTTP/9"']);
    // The server still serves new connections.
    const d = await RawClient.connect({ port: server.port });
    d.write('GET /again HTTP/1.1\r\n\r\n');
    expect((await d.readResponse()).status).toBe(200);
    d.close();
  } finally {
    await server.close();
  }
});

test('https: the listener answers with the locally generated certificate', async () => {
  // The names the certificate holds are tls.test.ts's; here each one below must verify.
  const cert = await localCertificate();
  const server = await echoServer(ODD, [], { key: cert.key, cert: cert.cert });
  try {
    expect(server.scheme).toBe('https');
    for (const servername of ['example.net', 'sub.example.com', 'localhost']) {
      // Verification against the certificate itself: name and signature must check out.
      const c = await RawClient.connect({ port: server.port, tls: { ca: cert.cert, servername } });
      c.write('patcH /s HTTP/1.1\r\nHost: example.net\r\n\r\n');
      expect(echoed(await c.readResponse()).method).toBe('patcH');
      c.close();
    }
  } finally {
    await server.close();
  }
});

test('close() ends idle keep-alive sockets too', async () => {
  const server = await echoServer(ODD);
  const c = await RawClient.connect({ port: server.port });
  c.write('GET / HTTP/1.1\r\n\r\n');
  await c.readResponse();
  await server.close();
  await c.readToEnd();
  expect(c.closed).toBe(true);
});
