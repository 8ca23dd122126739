import { expect, test } from '@playwright/test';
import { FRAMEWORK_ADAPTERS } from '../frameworks/index.js';
import type { CorsPolicy } from '../policy/index.js';
import type { BadKind } from './fixtures/bad-servers.js';
import { BAD_SERVER_ALLOWED, startBadServer } from './fixtures/bad-servers.js';
import type { FindingId } from './findings.js';
import { RULES } from './findings.js';
import { audit, reachesFailOn } from './index.js';
import { lookalikesOf } from '../policy/index.js';
import { toSarif } from './sarif.js';

/** CI runs the generated lookalikes with a fixed seed (nightly runs take a fresh one). */
const SEED = 1;

test('lookalikes of an exact origin and of a pattern', () => {
  expect(lookalikesOf('https://app.example.com').map((l) => `${l.kind} ${l.origin}`)).toEqual([
    'prefix https://app.example.com.evil.test',
    'suffix https://evilapp.example.com',
    'unescaped-dot https://appxexample.com',
    'unescaped-dot https://app.examplexcom',
    'other-scheme http://app.example.com',
    'subdomain https://evil.app.example.com',
  ]);
  expect(lookalikesOf('http://*.example.test:8080').map((l) => l.origin)).toEqual([
    'http://app.example.test.evil.test:8080',
    'http://evilexample.test:8080',
    'http://appxexample.test:8080',
    'http://app.examplextest:8080',
    'https://app.example.test:8080',
    'http://example.test:8080',
  ]);
});

// Each deliberately bad server and the findings (id and severity) it must produce, exactly.
const BAD: { kind: BadKind; expected: string[] }[] = [
  {
    kind: 'reflect-credentials',
    expected: [
      'credentialed-wildcard/high',
      'null-origin-allowed/high',
      'origin-reflection/high',
      'preflight-origin-reflection/high',
    ],
  },
  { kind: 'null-allowed', expected: ['null-origin-allowed/high'] },
  {
    kind: 'unescaped-dot-regex',
    expected: ['lookalike-origin-allowed/high', 'lookalike-origin-allowed/high'],
  },
  { kind: 'missing-vary', expected: ['missing-vary-origin/medium'] },
  { kind: 'request-vary', expected: ['request-controlled-vary/medium'] },
  { kind: 'random-origin', expected: ['nondeterministic-origin/medium'] },
  { kind: 'options-misclassified', expected: ['options-misclassified/low'] },
  { kind: 'wildcard-credentials', expected: ['credentialed-wildcard/low'] },
  { kind: 'preflight-redirect', expected: ['preflight-redirect/medium'] },
  { kind: 'preflight-error-status', expected: ['preflight-failure-status/medium'] },
  { kind: 'errors-without-cors', expected: ['error-response-without-cors/low'] },
  { kind: 'good', expected: [] },
];

for (const { kind, expected } of BAD) {
  test(`bad server ${kind}: ${expected.length === 0 ? 'no findings' : expected.join(', ')}`, async () => {
    const server = await startBadServer(kind);
    try {
      const report = await audit({
        target: server.url,
        allowOrigins: [BAD_SERVER_ALLOWED],
        proof: false,
        seed: SEED,
      });
      expect(report.findings.map((f) => `${f.id}/${f.severity}`).sort()).toEqual(expected);
      for (const f of report.findings) {
        expect(f.evidence.request.url).toContain(new URL(server.url).host);
        expect(f.fix).toBe(RULES[f.id].fix);
        expect(f.message).not.toContain('\n');
      }
    } finally {
      await server.close();
    }
  });
}

test('lookalike finding names the lookalike and carries the request and the reflected answer', async () => {
  const server = await startBadServer('unescaped-dot-regex');
  try {
    const report = await audit({
      target: server.url,
      allowOrigins: [BAD_SERVER_ALLOWED],
      proof: false,
      seed: SEED,
    });
    const f = report.findings.find((x) => x.id === 'lookalike-origin-allowed');
    expect(f?.exploitable).toBe(true);
    expect(f?.message).toContain('unescaped-dot lookalike of https://app.example.com');
    expect(f?.evidence.request.headers).toContainEqual(['Origin', 'https://appxexample.com']);
    expect(f?.evidence.response.headers).toContainEqual([
      'Access-Control-Allow-Origin',
      'https://appxexample.com',
    ]);
    expect(f?.modelSays).toMatch(/cors response/);
  } finally {
    await server.close();
  }
});

test('slow Access-Control-Request-Headers parsing is caught within the time budget', async () => {
  // A server that spends time proportional to the square of the header length.
  const http = await import('node:http');
  const server = http.createServer((req, res) => {
    const acrh = String(req.headers['access-control-request-headers'] ?? '');
    if (acrh.length > 1000) {
      const until = Date.now() + 400;
      while (Date.now() < until);
    }
    res.writeHead(req.method === 'OPTIONS' ? 204 : 200, { 'Access-Control-Allow-Origin': '*' });
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  try {
    const report = await audit({
      target: `http://127.0.0.1:${port}/`,
      proof: false,
      acrhBudgetMs: 200,
    });
    expect(report.findings.map((f) => f.id)).toEqual(['slow-acrh-parsing']);
    expect(report.skipped).toContain('lookalike-origin-allowed: no --allow-origin given');
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

// Correct configurations of every framework: nothing above low, and the only low finding is
// the middleware answering every OPTIONS itself (express cors, @fastify/cors, hono do; koa's does not).
const CORRECT: CorsPolicy[] = [
  {
    origins: ['https://app.example.com', 'https://*.example.org'],
    methods: ['GET', 'POST', 'PUT'],
    requestHeaders: ['content-type', 'x-token'],
    credentials: true,
    exposedHeaders: ['x-total'],
    maxAge: 600,
  },
  { origins: ['http://localhost:3000'] },
];
for (const adapter of FRAMEWORK_ADAPTERS) {
  test(`correct configuration, ${adapter.name}: no findings but the framework's OPTIONS handling`, async () => {
    for (const policy of CORRECT) {
      const served = await adapter.serve(policy);
      try {
        const report = await audit({
          target: served.url,
          allowOrigins: policy.origins,
          proof: false,
          seed: SEED,
        });
        const ids = report.findings.map((f) => f.id);
        const expected: FindingId[] = adapter.framework === 'koa' ? [] : ['options-misclassified'];
        expect(ids, JSON.stringify(report.findings.map((f) => f.message))).toEqual(expected);
        expect(reachesFailOn(report, 'medium')).toBe(false);
      } finally {
        await served.close();
      }
    }
  });
}

test('SARIF 2.1.0: one run, rules for every id, results with ruleId, level and message', async () => {
  const server = await startBadServer('reflect-credentials');
  try {
    const report = await audit({
      target: server.url,
      allowOrigins: [BAD_SERVER_ALLOWED],
      proof: false,
      seed: SEED,
    });
    const sarif = toSarif(report, '1.2.3') as {
      version: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          message: { text: string };
          locations: unknown[];
        }[];
      }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    const run = sarif.runs[0]!;
    expect(run.tool.driver.name).toBe('cors-conformance');
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(Object.keys(RULES));
    expect(run.results).toHaveLength(report.findings.length);
    for (const r of run.results) {
      expect(Object.keys(RULES)).toContain(r.ruleId);
      expect(run.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
      expect(['note', 'warning', 'error']).toContain(r.level);
      expect(r.message.text.length).toBeGreaterThan(10);
      expect(r.locations).toHaveLength(1);
    }
    expect(run.results.find((r) => r.ruleId === 'origin-reflection')?.level).toBe('error');
  } finally {
    await server.close();
  }
});

test('every finding id is documented in docs/audit.md, and nothing else is', async () => {
  const { readFile } = await import('node:fs/promises');
  const doc = await readFile(new URL('../../docs/audit.md', import.meta.url), 'utf8');
  const anchors = [...doc.matchAll(/<a id="([a-z-]+)"><\/a>`([a-z-]+)`/g)].map((m) => {
    expect(m[1]).toBe(m[2]);
    return m[1];
  });
  expect(anchors.sort()).toEqual(Object.keys(RULES).sort());
});
