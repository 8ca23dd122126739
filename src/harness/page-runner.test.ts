// The in-page runner is plain web-platform JS; Node has fetch, Request, Headers, FormData,
// Blob and AbortSignal too, so its fetch path runs here against real fixture servers (no CORS
// in Node: this checks the runner's own logic, not an engine).
import { expect, test } from '@playwright/test';
import { startFixtureServers, type FixtureServers } from '../../servers/fixture-server.js';
import type { Scenario } from '../scenario/types.js';
import { compileScenario } from './compile.js';
import {
  PAGE_RUNNER_SOURCE,
  SANDBOXED_CLIENT_PATH,
  clientFields,
  clientPageHtml,
  dataUrlClientSrc,
  type RunnerArg,
} from './page-runner.js';
import type { RawCaseResult } from './types.js';

type Runner = (arg: RunnerArg) => Promise<string>;
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const makeRunner = new Function(`return (${PAGE_RUNNER_SOURCE});`) as () => Runner;
const runner = makeRunner();

let servers: FixtureServers;
test.beforeAll(async () => {
  servers = await startFixtureServers({ hostNames: false });
});
test.afterAll(async () => {
  await servers.close();
});

async function run(
  scenarios: Scenario[],
  concurrency = 4,
  requestsAtOnce = 0,
): Promise<RawCaseResult[]> {
  const cases = scenarios.map((s, i) => compileScenario(s, servers, `pr${i}x${Date.now()}`));
  const out = await runner({
    cases: cases.map((c) => c.descriptor),
    concurrency,
    bodyCap: 5,
    stepTimeoutMs: 5000,
    requestsAtOnce,
    client: 'page',
  });
  expect(typeof out).toBe('string');
  return JSON.parse(out) as RawCaseResult[];
}

test('fetch path: status, type, header names, capped body, then-steps with marks', async () => {
  const s: Scenario = {
    request: {
      method: 'POST',
      body: { kind: 'form-data', fields: { a: '1' } },
      headers: [
        ['X-One', '1'],
        ['X-One', '2'],
      ],
    },
    server: {
      actual: {
        status: 201,
        statusText: 'Made',
        headers: { 'X-B': '1', 'x-a': '2' },
        body: 'long body',
      },
    },
    then: { request: { method: 'PUT' } },
  };
  const [r] = await run([s]);
  expect(r?.steps).toHaveLength(2);
  const first = r?.steps[0];
  expect(first).toMatchObject({ kind: 'ok', status: 201, statusText: 'Made', body: 'long ' });
  expect(typeof first?.type).toBe('string');
  expect(r?.steps[1]?.kind).toBe('ok');
  expect(first?.headerNames).toEqual(['cache-control', 'content-length', 'x-a', 'x-b']);
  const journal = servers.journal.records(r?.token ?? '');
  expect(
    journal.map((e) =>
      e.kind === 'mark' ? `mark:${e.label}` : e.kind === 'request' ? e.method : 'error',
    ),
  ).toEqual(['POST', 'mark:step-1', 'PUT']);
  const post = journal[0];
  if (post?.kind !== 'request') throw new Error('expected the POST first');
  const ct = post.rawHeaders.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';
  expect(ct).toMatch(/^multipart\/form-data; boundary=/);
  expect(post.rawHeaders.find(([n]) => n.toLowerCase() === 'x-one')?.[1]).toBe('1, 2');
});

test('requestsAtOnce: one step sends at a time, and a case waiting out a delay holds no slot', async () => {
  const delayed: Scenario = { request: {}, then: { delayMs: 300, request: {} } };
  const results = await run([delayed, { request: {} }, { request: {} }], 3, 1);
  const spans = results.flatMap((r) =>
    r.steps.map((st) => ({ from: st.startedMs ?? NaN, to: (st.startedMs ?? NaN) + st.elapsedMs })),
  );
  expect(spans).toHaveLength(4);
  spans.sort((a, b) => a.from - b.from);
  // startedMs is rounded to whole ms: allow 1 ms of overlap from rounding alone.
  spans.slice(1).forEach((span, i) => expect(span.from).toBeGreaterThanOrEqual(spans[i]!.to - 1));
  const delayedStep = results[0]?.steps[1]?.startedMs ?? NaN;
  for (const r of results.slice(1)) expect(r.steps[0]?.startedMs).toBeLessThan(delayedStep);
});

test('construction errors are `threw`, network failures `rejected`, and one case never stops another', async () => {
  const results = await run([
    { request: { method: 'CONNECT' } },
    { request: { headers: [['Bad Name', 'x']] } },
    { request: { body: 'x', method: 'GET' } },
    { request: {} },
  ]);
  expect(results.map((r) => r.steps[0]?.kind)).toEqual(['threw', 'threw', 'threw', 'ok']);
  expect(results[0]?.steps[0]?.errorName).toBe('TypeError');
  // A URL nobody listens on: the fetch itself rejects.
  const closed = await runner({
    cases: [
      { token: 'closed', steps: [{ url: 'http://127.0.0.1:9/x', api: 'fetch', headers: [] }] },
    ],
    concurrency: 1,
    bodyCap: 10,
    stepTimeoutMs: 5000,
    client: 'page',
  });
  const [c] = JSON.parse(closed) as RawCaseResult[];
  expect(c?.steps[0]).toMatchObject({ kind: 'rejected', errorName: 'TypeError' });
});

test('body kinds build the BodyInit the scenario names', async () => {
  const bodies: Scenario['request']['body'][] = [
    'plain',
    { kind: 'text', value: 'text' },
    { kind: 'url-search-params', value: 'a=1&b=2' },
    { kind: 'blob', value: '{}', type: 'application/json' },
    { kind: 'array-buffer', value: 'abc' },
  ];
  const results = await run(
    bodies.map((body) => ({
      request: body === undefined ? { method: 'POST' } : { method: 'POST', body },
    })),
  );
  const seen = results.map((r) => {
    const e = servers.journal.records(r.token).find((x) => x.kind === 'request');
    if (e?.kind !== 'request') return null;
    const ct = e.rawHeaders.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? null;
    return [ct, e.bodyLength];
  });
  expect(seen).toEqual([
    ['text/plain;charset=UTF-8', 5],
    ['text/plain;charset=UTF-8', 4],
    ['application/x-www-form-urlencoded;charset=UTF-8', 7],
    ['application/json', 2],
    [null, 3],
  ]);
});

test('client documents: the sandboxed page and the data: URL both carry the runner', () => {
  expect(clientPageHtml()).toContain('cors-runner-ready');
  expect(clientPageHtml()).toContain('corsConformanceRunner');
  expect(
    decodeURIComponent(dataUrlClientSrc().replace(/^data:text\/html;charset=utf-8,/, '')),
  ).toBe(clientPageHtml());
  expect(clientFields('opaque-origin', 'http://example.com:1')).toEqual({
    client: 'opaque-origin',
    frameSrc: `http://example.com:1${SANDBOXED_CLIENT_PATH}`,
    sandbox: true,
  });
  expect(clientFields('page', 'http://example.com:1')).toEqual({ client: 'page' });
});
