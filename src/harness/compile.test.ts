import { expect, test } from '@playwright/test';
import { decodeInstruction, type Instruction } from '../../servers/instruction.js';
import type { RedirectHop, Scenario } from '../scenario/types.js';
import { DEFAULT_ORIGINS } from '../scenario/world.js';
import {
  INLINE_URL_LIMIT,
  compileScenario,
  endingHop,
  materialiseResponse,
  type CompileContext,
} from './compile.js';

function context(): CompileContext & { registered: Instruction[] } {
  const registered: Instruction[] = [];
  return {
    origins: DEFAULT_ORIGINS,
    pageOrigin: DEFAULT_ORIGINS['same-origin'],
    registered,
    register(i) {
      registered.push(i);
      return `ref${registered.length}`;
    },
  };
}

function inlineOf(url: string): Instruction {
  const i = new URL(url).searchParams.get('i');
  if (i === null) throw new Error(`no i= in ${url}`);
  return decodeInstruction(i);
}

test.describe('materialiseResponse', () => {
  const rows: {
    name: string;
    headers: [string, string][];
    body?: string;
    want: [string, string][];
  }[] = [
    {
      name: 'adds no-store and a length',
      headers: [['Access-Control-Allow-Origin', '*']],
      want: [
        ['Access-Control-Allow-Origin', '*'],
        ['Cache-Control', 'no-store'],
        ['Content-Length', '0'],
      ],
    },
    {
      name: 'keeps the scenario Cache-Control (any case)',
      headers: [['cache-control', 'max-age=60']],
      body: 'héllo',
      want: [
        ['cache-control', 'max-age=60'],
        ['Content-Length', '6'],
      ],
    },
    {
      name: 'keeps an explicit Content-Length, even a wrong one',
      headers: [['Content-Length', '99']],
      body: 'x',
      want: [
        ['Content-Length', '99'],
        ['Cache-Control', 'no-store'],
      ],
    },
    {
      name: 'no Content-Length next to Transfer-Encoding',
      headers: [['Transfer-Encoding', 'chunked']],
      want: [
        ['Transfer-Encoding', 'chunked'],
        ['Cache-Control', 'no-store'],
      ],
    },
  ];
  for (const row of rows) {
    test(row.name, () => {
      const spec =
        row.body === undefined
          ? { status: 200, headers: row.headers }
          : { status: 200, headers: row.headers, body: row.body };
      expect(materialiseResponse(spec).headers).toEqual(row.want);
    });
  }
});

test('simple GET: one hop on the target origin, inline instruction, client vars', () => {
  const ctx = context();
  const s: Scenario = {
    id: 't/simple',
    request: { target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  };
  const c = compileScenario(s, ctx, 'tok1');
  expect(c.registered).toBe(false);
  expect(c.url.startsWith('http://example.net:4001/cors/tok1/0?i=')).toBe(true);
  const i = inlineOf(c.url);
  expect(i).toEqual(c.instruction);
  expect(i.token).toBe('tok1');
  expect(i.vars).toEqual({ origin: 'http://example.com:4001', host: 'example.com:4001' });
  expect(i.hops).toHaveLength(1);
  expect(i.hops[0]?.origin).toBe('http://example.net:4001');
  expect(i.hops[0]?.preflight).toBeNull();
  expect(i.hops[0]?.response.headers).toEqual([
    ['Access-Control-Allow-Origin', '<origin>'],
    ['Cache-Control', 'no-store'],
    ['Content-Length', '0'],
  ]);
  // The model reads the same list.
  expect(c.scenario.server?.actual?.headers).toEqual(i.hops[0]?.response.headers);
  expect(c.descriptor.steps).toEqual([{ url: c.url, api: 'fetch', headers: [] }]);
  expect(c.world).toEqual({
    client: 'page',
    pageOrigin: 'http://example.com:4001',
    origins: DEFAULT_ORIGINS,
  });
});

test('redirect chain: hops on each role, Location <next> unless noLocation, userinfo', () => {
  const s: Scenario = {
    request: { target: 'same-origin' },
    server: {
      redirects: [
        { status: 302, to: 'cross-origin', userinfo: 'u:p' },
        { status: 307, to: 'cross-origin-2', noLocation: true, preflight: { status: 204 } },
      ],
      preflight: { status: 200, headers: [['Access-Control-Allow-Origin', '*']] },
      actual: { status: 201, statusText: 'Made', body: 'ok' },
    },
  };
  const c = compileScenario(s, context(), 'tok2');
  const hops = c.instruction.hops;
  expect(hops.map((h) => h.origin)).toEqual([
    'http://example.com:4001',
    'http://example.net:4001',
    'http://example.org:4001',
  ]);
  expect(hops[0]?.response.headers[0]).toEqual(['Location', '<next>']);
  expect(hops[0]?.nextUserinfo).toBe('u:p');
  expect(hops[0]?.preflight).toBeNull();
  expect(hops[1]?.response.headers.some(([n]) => n === 'Location')).toBe(false);
  expect(hops[1]?.preflight?.headers).toEqual([
    ['Cache-Control', 'no-store'],
    ['Content-Length', '0'],
  ]);
  expect(hops[2]?.response).toEqual({
    status: 201,
    reason: 'Made',
    body: 'ok',
    headers: [
      ['Cache-Control', 'no-store'],
      ['Content-Length', '2'],
    ],
  });
  // The model's copy has no Location: the model adds it from `to` itself.
  expect(c.scenario.server?.redirects?.[0]?.headers).toEqual([
    ['Cache-Control', 'no-store'],
    ['Content-Length', '0'],
  ]);
});

test('then steps: overrides merged, query appended, marks between steps, delays kept', () => {
  const s: Scenario = {
    request: {
      method: 'PUT',
      headers: { 'X-A': '1', 'X-B': ['2', '3'] },
      credentials: 'include',
      body: { kind: 'blob', value: 'b', type: 'text/plain' },
    },
    server: { preflight: { status: 204 } },
    then: {
      delayMs: 50,
      request: { headers: { 'x-a': null, 'X-C': '4' }, query: 'n=2' },
      then: { request: { method: 'GET', mode: 'no-cors' } },
    },
  };
  const c = compileScenario(s, context(), 'tok3');
  const [a, b, d] = c.descriptor.steps;
  expect(a).toEqual({
    url: c.url,
    api: 'fetch',
    method: 'PUT',
    headers: [
      ['X-A', '1'],
      ['X-B', '2'],
      ['X-B', '3'],
    ],
    credentials: 'include',
    body: { kind: 'blob', value: 'b', type: 'text/plain' },
  });
  expect(b?.url).toBe(`${c.url}&n=2`);
  expect(b?.headers).toEqual([
    ['X-B', '2'],
    ['X-B', '3'],
    ['X-C', '4'],
  ]);
  expect(b?.delayMs).toBe(50);
  expect(b?.markUrl).toBe('http://example.com:4001/__mark?token=tok3&label=step-1');
  expect(d?.markUrl).toBe('http://example.com:4001/__mark?token=tok3&label=step-2');
  expect(d?.method).toBe('GET');
  expect(d?.mode).toBe('no-cors');
  expect(d?.url).toBe(c.url);
  expect(d?.delayMs).toBeUndefined();
});

test('xhr fields and an opaque client: vars.origin is null, world says so', () => {
  const s: Scenario = {
    client: 'opaque-origin',
    request: {
      api: 'xhr',
      method: 'POST',
      uploadListener: true,
      withCredentials: true,
      target: 'same-origin-of-parent',
    },
  };
  const c = compileScenario(s, context(), 'tok4');
  expect(c.instruction.vars.origin).toBe('null');
  expect(c.instruction.hops[0]?.origin).toBe('http://example.com:4001');
  expect(c.world.client).toBe('opaque-origin');
  expect(c.descriptor.steps[0]).toMatchObject({
    api: 'xhr',
    uploadListener: true,
    withCredentials: true,
  });
});

test('a long instruction goes by reference (Chromium skips its preflight cache for long URLs)', () => {
  const ctx = context();
  const many: [string, string][] = Array.from({ length: 40 }, (_, n) => [
    `X-Long-${n}`,
    'v'.repeat(20),
  ]);
  const s: Scenario = {
    request: { query: 'q=1' },
    server: { actual: { status: 200, headers: many } },
  };
  const c = compileScenario(s, ctx, 'tok5');
  expect(c.registered).toBe(true);
  expect(ctx.registered).toHaveLength(1);
  expect(c.url).toBe('http://example.net:4001/cors/tok5/0?r=ref1&q=1');
  expect(c.url.length).toBeLessThan(INLINE_URL_LIMIT);
});

test.describe('initiators', () => {
  test('the final answer names its asset; model and server read the same framing headers', () => {
    const s: Scenario = {
      request: { api: 'img-canvas', crossorigin: 'anonymous' },
      server: {
        actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
        redirects: [{ status: 302, to: 'cross-origin' }],
      },
    };
    const c = compileScenario(s, context(), 'tk1');
    const finalHop = c.instruction.hops[1];
    expect(finalHop?.response.asset).toBe('png');
    expect(c.instruction.hops[0]?.response.asset).toBeUndefined();
    expect(c.instruction.api).toBe('img-canvas');
    const actual = c.scenario.server?.actual?.headers as [string, string][];
    expect(actual).toContainEqual(['Content-Type', 'image/png']);
    const length = actual.find(([n]) => n === 'Content-Length')?.[1];
    expect(Number(length)).toBeGreaterThan(20);
    expect(finalHop?.response.headers).toContainEqual(['Content-Length', length ?? '']);
    const d = c.descriptor.steps[0];
    expect(d?.crossorigin).toBe('anonymous');
    expect(d?.journalUrl).toBe(`${DEFAULT_ORIGINS['same-origin']}/__journal?token=tk1`);
  });

  test('a chain that ends at a hop (no Location, or not a redirect status) serves the asset there', () => {
    for (const hop of [
      { status: 302, to: 'cross-origin', noLocation: true },
      { status: 200, to: 'cross-origin' },
    ] satisfies RedirectHop[]) {
      const s: Scenario = {
        request: { api: 'img' },
        server: { redirects: [{ status: 307, to: 'same-origin' }, hop] },
      };
      expect(endingHop(s)).toBe(1);
      const c = compileScenario(s, context(), 'tk3');
      const ends = c.instruction.hops[1]?.response;
      expect(ends?.asset).toBe('png');
      expect(c.instruction.hops[0]?.response.asset).toBeUndefined();
      const headers = c.scenario.server?.redirects?.[1]?.headers as [string, string][];
      expect(headers).toContainEqual(['Content-Type', 'image/png']);
      const length = headers.find(([n]) => n === 'Content-Length')?.[1];
      expect(Number(length)).toBeGreaterThan(20);
      expect(ends?.headers).toContainEqual(['Content-Length', length ?? '']);
    }
    const fetchCase = compileScenario(
      {
        request: {},
        server: { redirects: [{ status: 302, to: 'cross-origin', noLocation: true }] },
      },
      context(),
      'tk4',
    );
    expect(fetchCase.instruction.hops[0]?.response.asset).toBeUndefined();
    expect(
      endingHop({ request: {}, server: { redirects: [{ status: 301, to: 'same-origin' }] } }),
    ).toBeNull();
  });

  test('a scenario body wins over the asset; fetch and beacons carry none', () => {
    const own = compileScenario(
      { request: { api: 'script' }, server: { actual: { status: 200, body: 'x=1' } } },
      context(),
      'tk2',
    );
    expect(own.instruction.hops[0]?.response.asset).toBeUndefined();
    expect(own.instruction.hops[0]?.response.body).toBe('x=1');
    for (const api of ['fetch', 'beacon'] as const) {
      const c = compileScenario({ request: { api } }, context(), `tk-${api}`);
      expect(c.instruction.hops[0]?.response.asset).toBeUndefined();
      expect(c.instruction.api).toBe(api === 'fetch' ? undefined : api);
      expect(c.descriptor.steps[0]?.journalUrl === undefined).toBe(api === 'fetch');
    }
  });
});
