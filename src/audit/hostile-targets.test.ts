// Targets that fight back, for verify and audit alike: one that redirects browsers to another
// server (nothing may reach it: the browser stage never leaves the target, and no body from
// elsewhere counts as proof), one that drips its answer a byte at a time (each probe has one
// overall deadline, and so does the command), and one slow for every preflight (no false
// slow-parsing finding: the adversarial preflights are compared with an ordinary one).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { expect, test } from '@playwright/test';
import { findEngine, isMissing } from '../harness/engines/index.js';
import { verify } from '../verify/index.js';
import { BAD_SERVER_ALLOWED } from './fixtures/bad-servers.js';
import { audit } from './index.js';

interface Running {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

async function listen(handler: http.RequestListener, path = '/api/data'): Promise<Running> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method ?? ''} ${req.url ?? ''}`);
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** CORS headers that let any origin read with credentials (the raw probes see these). */
function reflecting(req: http.IncomingMessage): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': req.headers.origin ?? '*',
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Allow-Methods': 'GET, PUT',
    Vary: 'Origin',
  };
}

test('a target that redirects browsers elsewhere: no request leaves the target, no proof from elsewhere', async () => {
  test.setTimeout(120_000);
  test.skip(isMissing(await findEngine('chromium')), 'chromium is not installed here');
  // The other server reflects too, so a browser that followed the redirect would read it.
  const elsewhere = await listen((req, res) => {
    res.writeHead(200, { ...reflecting(req), 'Content-Type': 'text/plain' }).end('stolen');
  }, '/stolen');
  // Requests that look like a browser's (Sec-Fetch-Mode) are sent elsewhere.
  const target = await listen((req, res) => {
    if (req.headers['sec-fetch-mode'] !== undefined && req.method !== 'OPTIONS') {
      res.writeHead(307, { ...reflecting(req), Location: elsewhere.url }).end();
      return;
    }
    res
      .writeHead(200, { ...reflecting(req), 'Content-Type': 'application/json' })
      .end('{"secret":1}');
  });
  try {
    const report = await audit({
      target: target.url,
      allowOrigins: [BAD_SERVER_ALLOWED],
      proof: 'chromium',
      seed: 1,
      generatedRuns: 10,
    });
    const reflection = report.findings.find((f) => f.id === 'origin-reflection');
    expect(reflection?.proof).toMatchObject({ read: false, bodyExcerpt: '' });
    expect(reflection?.proof?.error).toMatch(/redirect; it is not followed/);
    const verified = await verify({
      target: target.url,
      policy: { origins: [BAD_SERVER_ALLOWED], methods: ['GET', 'PUT'], credentials: true },
      engines: ['chromium'],
      seed: 1,
      generatedRuns: 10,
    });
    const ran = verified.cases.flatMap((c) => c.browsers).filter((b) => b.skipped === undefined);
    expect(ran.length).toBeGreaterThan(10);
    // The browser saw the redirect (an opaque-redirect: nothing readable), and nothing more.
    expect(ran.every((b) => b.read === false)).toBe(true);
    expect(target.requests.length).toBeGreaterThan(50);
    expect(elsewhere.requests).toEqual([]);
  } finally {
    await target.close();
    await elsewhere.close();
  }
});

/** A raw server that answers every request one byte every `everyMs`. */
async function dripping(everyMs: number): Promise<Running> {
  const requests: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', (d) => {
      requests.push(d.toString('latin1').split('\r\n')[0] ?? '');
      const text = `HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 40\r\n\r\n${'x'.repeat(40)}`;
      let i = 0;
      const timer = setInterval(() => {
        if (i >= text.length || socket.destroyed) {
          clearInterval(timer);
          socket.end();
          return;
        }
        socket.write(text[i++] ?? '');
      }, everyMs);
      socket.on('close', () => clearInterval(timer));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/api/data`,
    requests,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

test('a target dripping its answer: every probe ends at its deadline, one line, no finding', async () => {
  // 100 bytes at 10 bytes/s would take 10 s per request; the probe deadline is 1 s.
  const drip = await dripping(100);
  try {
    for (const run of [
      () => audit({ target: drip.url, proof: false, probeTimeoutMs: 1000 }),
      () =>
        verify({
          target: drip.url,
          policy: { origins: [BAD_SERVER_ALLOWED] },
          engines: [],
          probeTimeoutMs: 1000,
        }),
    ]) {
      const started = performance.now();
      const error = await run().catch((e: unknown) => e);
      const elapsed = performance.now() - started;
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).toBe('TargetError');
      expect((error as Error).message).toMatch(
        /^http:\/\/127\.0\.0\.1:\d+ sent no complete answer to (GET|OPTIONS) within 1000 ms \(\d+ bytes received\): a target this slow cannot be probed$/,
      );
      // The deadline, not the drip: generous bound for a busy machine.
      expect(elapsed).toBeLessThan(5000);
    }
    expect(drip.requests.length).toBeLessThanOrEqual(3);
  } finally {
    await drip.close();
  }
});

test('--timeout bounds the whole command: the probe that would pass it is not sent', async () => {
  // Every answer takes 150 ms: fine for one probe, too slow for 30 within 1 s.
  const slow = await listen((req, res) => {
    setTimeout(() => res.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end('ok'), 150);
  });
  try {
    const error = await audit({ target: slow.url, proof: false, timeoutMs: 1000 }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toMatch(
      /^(--timeout 1 s reached before \w+ http:\/\/127\.0\.0\.1:\d+\/api\/data\S* was sent|http:\/\/127\.0\.0\.1:\d+ sent no complete answer to \w+ within \d+ ms .*)$/,
    );
    expect(slow.requests.length).toBeLessThan(12);
  } finally {
    await slow.close();
  }
});

test('a target slow for every preflight: no slow-acrh-parsing, the baseline says why', async () => {
  const slow = await listen((req, res) => {
    const wait = req.method === 'OPTIONS' ? 400 : 0;
    setTimeout(() => res.writeHead(204, { 'Access-Control-Allow-Origin': '*' }).end(), wait);
  });
  try {
    const report = await audit({ target: slow.url, proof: false, acrhBudgetMs: 200 });
    expect(report.findings.map((f) => f.id)).not.toContain('slow-acrh-parsing');
    expect(
      report.skipped.some((s) =>
        /^slow-acrh-parsing: an ordinary preflight already took \d+ ms \(budget 200 ms\)/.test(s),
      ),
    ).toBe(true);
  } finally {
    await slow.close();
  }
});
