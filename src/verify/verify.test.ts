import http from 'node:http';
import { expect, test } from '@playwright/test';
import { blockingHeader, verify } from './index.js';

test('notes: exposed headers beyond the policy, a missing one, and a max-age that differs', async () => {
  const server = http.createServer((req, res) => {
    const origin = req.headers.origin ?? '';
    const allowed = origin === 'https://app.example.com';
    const cors: Record<string, string> = allowed
      ? {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Expose-Headers': 'x-secret',
          Vary: 'Origin',
        }
      : { Vary: 'Origin' };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'Access-Control-Allow-Methods': 'PUT' });
      res.end();
      return;
    }
    res.writeHead(200, {
      ...cors,
      'X-Secret': 's',
      'X-Total': '3',
      'Content-Type': 'application/json',
    });
    res.end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  try {
    const report = await verify({
      target: `http://127.0.0.1:${port}/`,
      policy: {
        origins: ['https://app.example.com'],
        methods: ['GET', 'PUT'],
        exposedHeaders: ['X-Total'],
        maxAge: 600,
      },
      engines: [],
    });
    const get = report.cases.find((c) => c.case.id === 'simple-get/https://app.example.com');
    expect(get?.verdict).toBe('as-intended');
    expect(get?.notes).toEqual([
      'too strict: x-total is in exposedHeaders and sent, but page JS cannot read it',
      'too permissive: page JS can read x-secret, which is not in exposedHeaders',
    ]);
    const put = report.cases.find(
      (c) => c.case.id === 'preflight-method-PUT/https://app.example.com',
    );
    expect(put?.notes).toContain(
      'max-age: the preflight says nothing (browsers cache 5 s), the policy 600',
    );
    expect(report.counts['too-permissive']).toBe(0);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('blockingHeader names the header in the model reason, or the status', () => {
  expect(
    blockingHeader('CORS check step 2: the response has no Access-Control-Allow-Origin header'),
  ).toBe('Access-Control-Allow-Origin');
  expect(
    blockingHeader('CORS-preflight fetch step 7: PUT is not in Access-Control-Allow-Methods (GET)'),
  ).toBe('Access-Control-Allow-Methods');
  expect(blockingHeader('CORS-preflight fetch step 6: the preflight response has status 404')).toBe(
    'status 404',
  );
  expect(blockingHeader('something else')).toBeNull();
});
