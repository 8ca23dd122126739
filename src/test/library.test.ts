// Browser-less tests of the library: CorsProber against a real node:http server with a fake
// engine whose page runs the in-page runner in Node (Node's fetch does no CORS, so the
// observation here is not an engine's: these tests check the raw replay, the prediction from
// the server's real answers, the errors, and the matchers' verdicts and messages).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect as baseExpect, test } from '@playwright/test';
import getPort from 'get-port';
import { startFixtureServers, type FixtureServers } from '../../servers/fixture-server.js';
import type { Engine, EnginePage } from '../harness/engines/types.js';
import { RUNNER_PAGE_PATH, type RunnerArg } from '../harness/page-runner.js';
import { CorsProber, ProbeError, type ProbeResult } from '../harness/probe.js';
import { EngineSlot } from '../harness/run.js';
import { expect } from './index.js';

type Runner = (arg: RunnerArg) => Promise<string>;

function fakeEngine(source: { current: string }): Engine {
  const page: EnginePage = {
    run<T>(fnSource: string, arg: unknown): Promise<T> {
      source.current = fnSource;
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      const make = new Function(`return (${fnSource});`) as () => Runner;
      const runner = make();
      return runner(arg as RunnerArg) as Promise<T>;
    },
    goto: () => Promise.resolve(),
    takeConsole: () => [],
    close: () => Promise.resolve(),
  };
  return {
    info: {
      browser: 'chromium',
      version: 'fake',
      executable: 'node',
      driver: 'playwright',
      source: 'env',
      hostNames: false,
    },
    openPage: () => Promise.resolve(page),
    close: () => Promise.resolve(),
  };
}

interface Seen {
  method: string;
  origin: string | undefined;
  acrm: string | undefined;
}

let servers: FixtureServers;
let app: http.Server;
let api: string;
let prober: CorsProber;
const seen: Seen[] = [];

test.beforeAll(async () => {
  servers = await startFixtureServers({ hostNames: false });
  const allowed = servers.origins['cross-origin'];
  app = http.createServer((req, res) => {
    const origin = req.headers.origin;
    seen.push({
      method: req.method ?? '',
      origin,
      acrm: req.headers['access-control-request-method'],
    });
    if (origin === allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Expose-Headers', 'X-Hello');
    }
    if (req.method === 'OPTIONS') {
      if (origin === allowed) {
        res.setHeader('Access-Control-Allow-Methods', 'PUT');
        res.setHeader('Access-Control-Allow-Headers', 'X-Token');
      }
      res.writeHead(204).end();
      return;
    }
    res.setHeader('X-Hello', 'world');
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end('hi');
  });
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  api = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  const engine = fakeEngine({ current: '' });
  prober = new CorsProber(new EngineSlot(engine, () => Promise.resolve(engine)), servers);
});

test.afterAll(async () => {
  await prober.close();
  app.closeAllConnections();
  await new Promise((resolve) => app.close(resolve));
  await servers.close();
});

test.beforeEach(() => {
  seen.length = 0;
});

test('a preflighted PUT: Node replays the preflight the model builds, then the PUT', async () => {
  const r = await prober.fetch(`${api}/x`, { method: 'PUT', headers: { 'X-Token': '1' } });
  baseExpect(r.sentPreflight).toEqual([
    ['Origin', servers.origins['cross-origin']],
    ['Access-Control-Request-Method', 'PUT'],
    ['Access-Control-Request-Headers', 'x-token'],
    ['Accept', '*/*'],
  ]);
  baseExpect(r.preflight?.status).toBe(204);
  baseExpect(r.actual?.status).toBe(200);
  baseExpect(r.prediction.outcome).toBe('ok');
  baseExpect(r.prediction.readableHeaders).toContain('x-hello');
  baseExpect(r.from).toBe(servers.origins['cross-origin']);
  // Node's preflight and PUT, then the page's own (Node's fetch sends no preflight).
  baseExpect(seen.map((s) => s.method)).toEqual(['OPTIONS', 'PUT', 'PUT']);
  baseExpect(r.scenario.server?.preflight?.headers).toEqual(r.preflight?.headers);
});

test('a refused preflight: the PUT is not replayed and the model names the failing step', async () => {
  const r = await prober.fetch(`${api}/x`, { method: 'PUT', from: 'cross-origin-2' });
  baseExpect(r.preflight?.status).toBe(204);
  baseExpect(r.actual).toBeNull();
  baseExpect(r.prediction.outcome).toBe('network-error');
  baseExpect(seen.filter((s) => s.method === 'PUT' && s.acrm === undefined)).toHaveLength(1); // the page's only
  baseExpect(r.prediction.because.at(-1)?.algorithm).toBe('concept-cors-check');
  // Reasons name the real URL, not the model's own.
  baseExpect(r.prediction.because.map((b) => b.message).join('\n')).toContain(`${api}/x`);
  baseExpect(r.prediction.because.map((b) => b.message).join('\n')).not.toContain('/cors/model/');
});

test('a simple GET: no preflight, the replay carries the page origin', async () => {
  const r = await prober.fetch(`${api}/x`, { from: 'same-site' });
  baseExpect(r.sentPreflight).toBeNull();
  baseExpect(seen[0]).toEqual({
    method: 'GET',
    origin: servers.origins['same-site'],
    acrm: undefined,
  });
  baseExpect(r.fromRole).toBe('same-site');
});

test('from an origin of your choice: a page server on that port, the replay carries it', async () => {
  const port = await getPort();
  const origin = `http://localhost:${port}`;
  const r = await prober.fetch(`${api}/x`, { from: origin });
  baseExpect(r.from).toBe(origin);
  baseExpect(r.fromRole).toBeNull();
  baseExpect(seen[0]?.origin).toBe(origin);
  baseExpect(r.prediction.outcome).toBe('network-error'); // not in the app's allow-list
  const page = await fetch(`http://127.0.0.1:${port}${RUNNER_PAGE_PATH}`);
  baseExpect(page.status).toBe(200);
  // The same port cannot be served twice by anyone else: a one-line error names it.
  const other = new CorsProber(prober['slot'], servers);
  await baseExpect(other.fetch(`${api}/x`, { from: `http://127.0.0.1:${port}` })).rejects.toThrow(
    /cannot serve a page on http:\/\/127\.0\.0\.1:\d+ \(.*EADDRINUSE.*\): choose a free port/,
  );
  await other.close();
});

test('mistakes are one-line ProbeErrors', async () => {
  await baseExpect(prober.fetch('https://example.com/')).rejects.toThrow(ProbeError);
  await baseExpect(prober.fetch('https://example.com/')).rejects.toThrow(/over http on localhost/);
  await baseExpect(prober.fetch('nope')).rejects.toThrow(/not an absolute URL/);
  await baseExpect(prober.fetch(`${api}/`, { from: 'http://evil.test' })).rejects.toThrow(
    /neither a role .*, a fixture origin .* nor http:\/\/localhost:<port>/,
  );
  await baseExpect(prober.fetch(`${api}/`, { mode: 'nocors' as 'cors' })).rejects.toThrow(
    /^cors\.fetch\(.*\): init\.mode: must be one of/,
  );
  await baseExpect(prober.fetch('http://127.0.0.1:1/')).rejects.toThrow(/is the server running\?/);
});

/** A result whose observation is made up to agree or not with its prediction. */
async function agreeing(): Promise<ProbeResult> {
  const r = await prober.fetch(`${api}/x`, { method: 'PUT', from: 'cross-origin-2' });
  return {
    ...r,
    observation: {
      ...r.observation,
      outcome: 'network-error',
      status: null,
      responseType: null,
      readableHeaders: [],
    },
    diffs: [],
  };
}

test('toMatchFetchStandard passes on agreement, and its failure shows everything', async () => {
  const r = await agreeing();
  expect(r).toMatchFetchStandard();
  expect(r).not.toBeReadableFrom('cross-origin-2');
  const wrong: ProbeResult = {
    ...r,
    observation: { ...r.observation, outcome: 'ok', status: 200, responseType: 'cors' },
    diffs: [{ field: 'outcome', predicted: 'network-error', observed: 'ok' }],
  };
  let message = '';
  try {
    expect(wrong).toMatchFetchStandard();
  } catch (e) {
    message = e instanceof Error ? e.message : String(e);
  }
  baseExpect(message).toContain(`request: PUT ${api}/x from ${servers.origins['cross-origin-2']}`);
  baseExpect(message).toContain('Access-Control-Request-Method: PUT');
  baseExpect(message).toContain('preflight: 204');
  baseExpect(message).toMatch(/\n {4}Date: /); // the raw header lines
  baseExpect(message).toContain('prediction (chromium profile):');
  baseExpect(message).toContain('CORS check step');
  baseExpect(message).toContain('observation (chromium):');
  baseExpect(message).toContain('outcome: predicted "network-error", observed "ok"');
});

test('toBeReadableFrom refuses a result requested from another origin', async () => {
  const r = await agreeing();
  baseExpect(() => expect(r).toBeReadableFrom('cross-origin')).toThrow(
    /requested from .* not cross-origin: call cors\.fetch\(url, \{ from: 'cross-origin' \}\)/,
  );
  baseExpect(() => expect({ nope: 1 }).toMatchFetchStandard()).toThrow(/the result of cors\.fetch/);
});

test('toExposeHeader reads the observed header names', async () => {
  const r = await agreeing();
  const ok: ProbeResult = {
    ...r,
    observation: {
      ...r.observation,
      outcome: 'ok',
      status: 200,
      responseType: 'cors',
      readableHeaders: ['x-hello'],
    },
  };
  expect(ok).toExposeHeader('X-Hello');
  expect(ok).not.toExposeHeader('X-Other');
  expect(r).not.toExposeHeader('X-Hello');
});
