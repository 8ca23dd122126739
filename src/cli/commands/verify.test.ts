import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { serveExpressWith, serveKoa } from '../../frameworks/index.js';
import type { CliIo } from '../io.js';
import { runFrameworks } from './frameworks.js';
import { runVerify } from './verify.js';

function memoryIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    readStdin: () => Promise.resolve(''),
    readFile: (p: string) => readFile(p, 'utf8'),
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
  };
  return io;
}

const policy = {
  origins: ['https://app.example.com'],
  methods: ['GET', 'PUT'],
  requestHeaders: ['x-token'],
  credentials: true,
};

async function policyFile(json: unknown): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'verify-cli-'));
  const file = path.join(dir, 'policy.json');
  await writeFile(file, JSON.stringify(json));
  return file;
}

test('verify (model only): a server that matches the policy exits 0, every case as intended', async () => {
  const served = await serveKoa(policy);
  try {
    const io = memoryIo();
    expect(
      await runVerify(
        ['--target', served.url, '--policy', await policyFile(policy), '--no-browser'],
        io,
      ),
    ).toBe(0);
    expect(io.out).toMatch(
      /^verify http:\/\/127\.0\.0\.1:\d+\/api\/data: \d+ cases: (\d+) as intended, 0 too strict, 0 too permissive/,
    );
  } finally {
    await served.close();
  }
});

test('verify: too permissive and too strict cases exit 1 with the raw headers and the reason', async () => {
  // Reflects every origin, credentials on, and allows only GET: PUT and x-token are refused.
  const served = await serveExpressWith({
    origin: true,
    credentials: true,
    methods: ['GET'],
    allowedHeaders: [],
  });
  try {
    const io = memoryIo();
    expect(
      await runVerify(
        [
          '--target',
          served.url,
          '--policy',
          await policyFile(policy),
          '--no-browser',
          '--format',
          'json',
        ],
        io,
      ),
    ).toBe(1);
    const report = JSON.parse(io.out) as {
      cases: {
        case: { id: string };
        verdict: string;
        blockedBy: string | null;
        model: { reason: string };
      }[];
    };
    const byId = new Map(report.cases.map((c) => [c.case.id, c]));
    expect(byId.get('simple-get/https://appxexample.com')?.verdict).toBe('too-permissive');
    expect(byId.get('simple-get-credentials/null')?.verdict).toBe('too-permissive');
    const put = byId.get('preflight-method-PUT/https://app.example.com');
    expect(put?.verdict).toBe('too-strict');
    expect(put?.blockedBy).toBe('Access-Control-Allow-Methods');
    expect(byId.get('preflight-headers/https://app.example.com')?.blockedBy).toBe(
      'Access-Control-Allow-Headers',
    );
    expect(byId.get('simple-get/https://app.example.com')?.verdict).toBe('as-intended');
    const text = memoryIo();
    await runVerify(
      ['--target', served.url, '--policy', await policyFile(policy), '--no-browser'],
      text,
    );
    expect(text.out).toContain('TOO PERMISSIVE simple-get/https://appxexample.com [deny]');
    expect(text.out).toMatch(
      /preflight-method-PUT\/https:\/\/app\.example\.com: too-strict \(blocked by Access-Control-Allow-Methods\)/,
    );
    expect(text.out).toContain('actual 200: Access-Control-Allow-Origin: https://appxexample.com');
  } finally {
    await served.close();
  }
});

test('verify: policy errors are one line, exit 2; an unreachable target exit 3', async () => {
  const bad = await policyFile({ origins: ['https://app.example.com/'] });
  const cases: [string[], RegExp][] = [
    [['--target', 'http://127.0.0.1:9/'], /^--policy FILE is required/],
    [
      ['--target', 'http://127.0.0.1:9/', '--policy', bad],
      /policy\.json: \$\.origins\[0\]: must be a lowercase origin/,
    ],
    [['--policy', await policyFile(policy)], /^--target URL is required/],
    [
      [
        '--target',
        'http://127.0.0.1:1/',
        '--policy',
        await policyFile(policy),
        '--engine',
        'opera',
      ],
      /^--engine: must be one of chromium, firefox, webkit/,
    ],
  ];
  for (const [argv, message] of cases) {
    const io = memoryIo();
    expect(await runVerify(argv, io), argv.join(' ')).toBe(2);
    expect(io.err, argv.join(' ')).toMatch(message);
    expect(io.err.trim().split('\n')).toHaveLength(1);
  }
  const unreachable = memoryIo();
  const argv = ['--target', 'http://127.0.0.1:1/', '--policy', await policyFile(policy)];
  expect(await runVerify([...argv, '--no-browser'], unreachable)).toBe(3);
  expect(unreachable.err).toMatch(/^cannot reach http:\/\/127\.0\.0\.1:1: ECONNREFUSED[^\n]*\n$/);
});

test('frameworks (model only): one table, differing OPTIONS handling highlighted', async () => {
  test.setTimeout(60_000);
  const io = memoryIo();
  expect(await runFrameworks(['--policy', await policyFile(policy), '--no-browser'], io)).toBe(0);
  const header = io.out.split('\n')[0] ?? '';
  for (const name of [
    'express+cors',
    'express+cors@2.8.4',
    'fastify+@fastify/cors',
    'koa+@koa/cors',
    'koa+@koa/cors@4.0.0',
    'hono',
  ]) {
    expect(header).toContain(name);
  }
  expect(io.out).toMatch(/^>> options-without-acrm +pf 204 +pf 204 +pf 400 +route +route +pf 204/m);
  expect(io.out).toContain('koa+@koa/cors: route ran');
});

test('verify against https: a certificate the machine does not trust is one line, exit 3; --ca or --insecure fix it', async () => {
  const { localCertificate } = await import('../../../servers/tls.js');
  const https = await import('node:https');
  const cert = await localCertificate();
  const server = https.createServer({ key: cert.key, cert: cert.cert }, (req, res) => {
    const origin = req.headers.origin;
    res.writeHead(
      200,
      origin === 'https://app.example.com'
        ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' }
        : {},
    );
    res.end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  const simple = { origins: ['https://app.example.com'] };
  try {
    const untrusted = memoryIo();
    expect(
      await runVerify(
        [
          '--target',
          `https://localhost:${port}/`,
          '--policy',
          await policyFile(simple),
          '--no-browser',
        ],
        untrusted,
      ),
    ).toBe(3);
    expect(untrusted.err).toMatch(
      /^TLS failure talking to https:\/\/localhost:\d+: .*\(give --ca FILE to trust its certificate, or --insecure\)\n$/,
    );
    const dir = await mkdtemp(path.join(tmpdir(), 'verify-ca-'));
    await writeFile(path.join(dir, 'ca.pem'), cert.cert);
    const trusted = memoryIo();
    expect(
      await runVerify(
        [
          '--target',
          `https://localhost:${port}/`,
          '--policy',
          await policyFile(simple),
          '--no-browser',
          '--ca',
          path.join(dir, 'ca.pem'),
        ],
        trusted,
      ),
    ).toBe(0);
    const insecure = memoryIo();
    expect(
      await runVerify(
        [
          '--target',
          `https://localhost:${port}/`,
          '--policy',
          await policyFile(simple),
          '--no-browser',
          '--insecure',
        ],
        insecure,
      ),
    ).toBe(0);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
