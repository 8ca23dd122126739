// The fixture servers stay up and bounded under hostile but fair load (loopback only,
// bounded in count and time): heads too large or with too many lines get 431, stalled
// requests 408, idle connections and unfinished TLS handshakes are closed, the journal keeps
// to its byte bound, the head parser's work grows linearly with its input however it is
// split, and no response is ever split by a CR or LF. `scripts/hostile-load.ts` runs the
// full-size battery against a server in its own process and measures memory and fds.
import net from 'node:net';
import { expect, test } from '@playwright/test';
import { encodeInstruction, hopPath, type Instruction } from './instruction.js';
import { startFixtureServers, type FixtureServers } from './fixture-server.js';
import { Journal } from './journal.js';
import { RawClient } from './raw-client.js';
import {
  MAX_HEAD,
  MAX_HEADER_LINES,
  RequestParser,
  serializeResponse,
  startRawHttpServer,
} from './raw-http.js';

/** Short timeouts, so that the test waits a second at most for each of them. */
const FAST = { idleMs: 1000, headMs: 300, requestMs: 600, handshakeMs: 300 };

/** Sends `data` on a new connection; the whole answer (latin1) once the server closes or goes quiet. */
function exchange(port: number, data: string | Buffer, quietMs = 3000): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    const done = (): void => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(quietMs, done);
    socket.on('data', (b: Buffer) => (answer += b.toString('latin1')));
    socket.on('error', done);
    socket.on('close', done);
    socket.write(data);
  });
}

/** Opens a connection, sends `data` (if any), resolves when the server has closed it. */
function closedByServer(port: number, data: string | null): Promise<{ answer: string }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      if (data !== null) socket.write(data);
    });
    let answer = '';
    socket.on('data', (b: Buffer) => (answer += b.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ answer }));
  });
}

const portOf = (origin: string): number => Number(new URL(origin).port);

let servers: FixtureServers;
test.beforeAll(async () => {
  servers = await startFixtureServers({ hostNames: true, timeouts: FAST });
});
test.afterAll(async () => {
  await servers.close();
});

test('a head with more header lines than the cap, or larger than 64 KiB, gets 431 and no request record', async () => {
  const port = servers.ports[0] ?? 0;
  const manyLines = `GET /cors/many/0?i=x HTTP/1.1\r\nHost: a\r\n${'a: b\r\n'.repeat(10_000)}\r\n`;
  expect(await exchange(port, manyLines)).toMatch(
    new RegExp(`^HTTP/1.1 431 .*more than ${MAX_HEADER_LINES} header lines`, 's'),
  );
  const huge = `GET /cors/huge/0?i=x HTTP/1.1\r\nHost: a\r\nX-Big: ${'x'.repeat(MAX_HEAD)}\r\n\r\n`;
  expect(await exchange(port, huge)).toMatch(/^HTTP\/1.1 431 /);
  // The refusals are journaled as errors (bounded), never as requests with their headers.
  expect(servers.journal.records('many').every((r) => r.kind === 'error')).toBe(true);
  expect(await exchange(port, 'GET /__health HTTP/1.1\r\nHost: a\r\n\r\n')).toMatch(
    /^HTTP\/1.1 200/,
  );
});

test('what the suites send stays inside the bounds: a 1,023-character URL and 40 headers of 130 bytes', async () => {
  const origin = servers.origins['cross-origin'];
  const instruction: Instruction = {
    token: 'big-but-fair',
    hops: [{ origin, preflight: null, response: { status: 200, headers: [] } }],
    vars: { origin: servers.pageOrigin, host: new URL(servers.pageOrigin).host },
  };
  const path = `${hopPath('big-but-fair', 0, { inline: encodeInstruction(instruction) })}&pad=`;
  const target = path + 'p'.repeat(1023 - path.length);
  const headers = Array.from({ length: 40 }, (_, i) => `X-H${i}: ${'v'.repeat(124)}\r\n`).join('');
  const answer = await exchange(
    portOf(origin),
    `GET ${target} HTTP/1.1\r\nHost: ${new URL(origin).host}\r\n${headers}Connection: close\r\n\r\n`,
  );
  expect(answer).toMatch(/^HTTP\/1.1 200 /);
  const [record] = servers.journal.records('big-but-fair');
  expect(record?.kind === 'request' ? record.rawHeaders.length : 0).toBe(42);
});

test('stalled requests get 408; idle connections and unfinished TLS handshakes are closed', async () => {
  const [http = 0, , https = 0] = servers.ports;
  const within = async (p: Promise<{ answer: string }>): Promise<string> => {
    const timer = new Promise<never>((_, fail) =>
      setTimeout(() => fail(new Error('the server kept the connection')), 5_000),
    );
    return (await Promise.race([p, timer])).answer;
  };
  // Half a head, garbage without a newline, a body that never comes: 408, then closed.
  expect(await within(closedByServer(http, 'GET /__health HTTP/1.1\r\nHost: a\r\nX-Half'))).toMatch(
    /^HTTP\/1.1 408 .*head not complete within 300 ms/s,
  );
  expect(await within(closedByServer(http, 'x'.repeat(2048)))).toMatch(/^HTTP\/1.1 408 /);
  expect(
    await within(
      closedByServer(http, 'POST /__health HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n12'),
    ),
  ).toMatch(/^HTTP\/1.1 408 .*request not complete within 600 ms/s);
  // Nothing at all: closed when idle; on the https port no handshake: dropped.
  expect(await within(closedByServer(http, null))).toBe('');
  expect(await within(closedByServer(https, null))).toBe('');
});

test('the hostile battery, scaled down: the server stays up, answers, and lets every stalled connection go', async () => {
  const [http = 0, , https = 0] = servers.ports;
  const manyLines = `GET /cors/battery/0?i=x HTTP/1.1\r\nHost: a\r\n${'a: b\r\n'.repeat(10_000)}\r\n`;
  const refused = await Promise.all(Array.from({ length: 20 }, () => exchange(http, manyLines)));
  expect(refused.every((a) => a.startsWith('HTTP/1.1 431 '))).toBe(true);
  const stalled = [
    ...Array.from({ length: 40 }, () =>
      closedByServer(http, 'GET /__health HTTP/1.1\r\nHost: a\r\nX-Half'),
    ),
    ...Array.from({ length: 20 }, () => closedByServer(https, null)),
    ...Array.from({ length: 10 }, () => closedByServer(http, 'garbage without a newline')),
  ];
  // While they hang, a fair request is answered.
  expect(await exchange(http, 'GET /__health HTTP/1.1\r\nHost: a\r\n\r\n')).toMatch(
    /^HTTP\/1.1 200/,
  );
  const deadline = new Promise<never>((_, fail) =>
    setTimeout(() => fail(new Error('stalled connections were kept')), 10_000),
  );
  await Promise.race([Promise.all(stalled), deadline]);
  expect(servers.journal.sizeBytes).toBeLessThanOrEqual(servers.journal.maxBytes);
});

test('the journal keeps to its byte bound, dropping the oldest tokens first', () => {
  const journal = new Journal({ maxBytes: 20_000 });
  const big: [string, string][] = Array.from({ length: 50 }, (_, i) => [`x-h${i}`, 'v'.repeat(50)]);
  for (let i = 0; i < 100; i++) {
    journal.record({
      kind: 'request',
      token: `t${i}`,
      hop: 0,
      method: 'GET',
      target: '/cors/t/0',
      origin: 'http://a.test:1',
      rawHeaders: big,
      preflight: false,
      bodyLength: 0,
    });
  }
  expect(journal.sizeBytes).toBeLessThanOrEqual(20_000);
  expect(journal.records('t0')).toEqual([]);
  expect(journal.records('t99')).toHaveLength(1);
  expect(journal.dropped).toBeGreaterThan(80);
});

test('the head parser does linear work however the head is split (62 KB in 16-byte reads)', () => {
  const line = `X-Pad: ${'p'.repeat(300)}\r\n`;
  const head = Buffer.from(`GET / HTTP/1.1\r\nHost: a\r\n${line.repeat(200)}\r\n`, 'latin1');
  const parser = new RequestParser();
  let requests = 0;
  for (let i = 0; i < head.length; i += 16)
    requests += parser.push(head.subarray(i, i + 16)).length;
  expect(requests).toBe(1);
  // Before: each read copied and searched everything received so far (about 120 MB here).
  expect(parser.work.copied).toBeLessThanOrEqual(3 * head.length);
  expect(parser.work.scanned).toBeLessThanOrEqual(2 * head.length);
});

test('a CR or LF in a header value, a reason or an origin variable never splits a response', async () => {
  expect(() =>
    serializeResponse({ status: 200, headers: [['X-A', 'ok\r\nX-Injected: 1']] }),
  ).toThrow(/CR or LF/);
  expect(() => serializeResponse({ status: 200, reason: 'OK\r\nX: 1', headers: [] })).toThrow(
    /CR or LF/,
  );
  // Through a fixture URL: an instruction carrying CR/LF is refused as a harness error.
  const origin = servers.origins['cross-origin'];
  const client = await RawClient.connect({ port: portOf(origin) });
  try {
    for (const [token, instruction] of [
      ['crlf-value', { headers: [['X-A', 'a\r\nX-Injected: 1']], vars: 'http://a.test:1' }],
      ['crlf-var', { headers: [['X-A', '<origin>']], vars: 'http://a.test:1\r\nX-Injected: 1' }],
    ] as const) {
      const i = {
        token,
        hops: [
          { origin, preflight: null, response: { status: 200, headers: instruction.headers } },
        ],
        vars: { origin: instruction.vars, host: 'a.test:1' },
      };
      const path = hopPath(token, 0, {
        inline: Buffer.from(JSON.stringify(i)).toString('base64url'),
      });
      client.write(`GET ${path} HTTP/1.1\r\nHost: ${new URL(origin).host}\r\n\r\n`);
      const reply = await client.readResponse();
      expect(reply.status).toBe(400);
      expect(reply.headers.map(([n]) => n.toLowerCase())).not.toContain('x-injected');
      expect(reply.body.toString()).toMatch(/must not contain CR or LF/);
    }
  } finally {
    client.close();
  }
});

test('a handler answer with CR or LF in a header is a 500, not a split response', async () => {
  const errors: string[] = [];
  const server = await startRawHttpServer({
    handler: () => ({ status: 200, headers: [['X-A', 'a\nX-Injected: 1']], body: '' }),
    onError: (m) => errors.push(m),
  });
  try {
    const answer = await exchange(server.port, 'GET / HTTP/1.1\r\nHost: a\r\n\r\n', 500);
    expect(answer).toMatch(/^HTTP\/1.1 500 /);
    expect(answer).not.toMatch(/^X-Injected/im);
    expect(errors[0]).toMatch(/contains CR or LF/);
  } finally {
    await server.close();
  }
});
