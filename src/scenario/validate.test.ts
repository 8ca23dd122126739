import { expect, test } from '@playwright/test';
import type { Scenario, ThenStep } from './types.js';
import {
  SCENARIO_SCHEMA,
  ScenarioError,
  applyRequestOverrides,
  parseScenario,
  parseScenarios,
} from './validate.js';

function problemOf(json: unknown): string {
  try {
    parseScenarios(json);
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

const preflighted: Scenario = {
  id: 'preflight/put-with-header',
  anchors: ['cors-preflight-fetch'],
  request: {
    method: 'PUT',
    headers: { 'X-Foo': 'a', 'X-Multi': ['1', '2'] },
    mode: 'cors',
    credentials: 'include',
    target: 'cross-origin',
  },
  server: {
    preflight: {
      status: 204,
      headers: [
        ['Access-Control-Allow-Origin', '<origin>'],
        ['Access-Control-Allow-Methods', 'PUT'],
        ['access-control-allow-methods', ' put '],
        ['Access-Control-Allow-Credentials', 'true'],
      ],
    },
    actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<request-origin>' } },
    redirects: [{ status: 307, to: 'cross-origin-2', headers: { Location: '<next>' } }],
  },
  then: { delayMs: 1000, request: { headers: { 'X-Foo': null }, query: 'b=2' }, then: {} },
};

test.describe('good shapes are accepted', () => {
  test('a minimal scenario', () => {
    expect(parseScenario({ request: {} })).toEqual({ request: {} });
  });

  test('headers as an object and as [name, value] pairs, everything else set', () => {
    expect(parseScenario(preflighted)).toEqual(preflighted);
    const pairs = {
      request: {
        headers: [
          ['x-a', '1'],
          ['X-A', '2'],
          ['content-type', ''],
        ],
      },
    };
    expect(parseScenario(pairs)).toEqual(pairs);
  });

  test('bodies of every kind, xhr fields, cookies, origins, null preflight', () => {
    const bodies = [
      'text',
      { kind: 'text', value: 'x' },
      { kind: 'url-search-params', value: 'a=1' },
      { kind: 'form-data', fields: { a: '1' } },
      { kind: 'blob', value: 'x', type: 'text/plain' },
      { kind: 'array-buffer', value: 'x' },
      { kind: 'stream', value: 'x' },
    ];
    for (const body of bodies) {
      expect(() => parseScenario({ request: { method: 'POST', body } })).not.toThrow();
    }
    const full = {
      version: 1,
      client: 'opaque-origin',
      request: { api: 'xhr', uploadListener: true, withCredentials: false, referrerPolicy: '' },
      server: { preflight: null },
      setup: { cookies: [{ on: 'cross-origin', name: 'sid', value: 'abc', attributes: 'Path=/' }] },
      origins: { 'cross-origin': 'http://example.net:5000' },
    };
    expect(parseScenario(full)).toEqual(full);
  });

  test('an array keeps order and says it was an array; a single object does not', () => {
    const got = parseScenarios([{ request: { method: 'GET' } }, { request: { method: 'POST' } }]);
    expect(got.isArray).toBe(true);
    expect(got.scenarios.map((s) => s.request.method)).toEqual(['GET', 'POST']);
    expect(parseScenarios({ request: {} }).isArray).toBe(false);
  });

  test('header values may use every byte U+0001..U+00FF except CR and LF', () => {
    const value = 'a\tb\u0001\u007f\u00ff<origin>';
    expect(() => parseScenario({ request: { headers: { 'x-v': value } } })).not.toThrow();
  });
});

test('every status 100-999 and a data: redirect target are valid', () => {
  for (const status of [100, 101, 103, 199, 200, 599, 600, 680, 790, 999]) {
    expect(() =>
      parseScenario({ request: {}, server: { preflight: { status }, actual: { status } } }),
    ).not.toThrow();
  }
  const s = parseScenario({
    request: { target: 'same-origin' },
    server: {
      redirects: [
        { status: 302, to: 'cross-origin' },
        { status: 307, to: 'data:text/plain,hi' },
      ],
    },
  });
  expect(s.server?.redirects?.[1]?.to).toBe('data:text/plain,hi');
});

test.describe('bad input names the path and the problem', () => {
  const cases: { name: string; json: unknown; message: string | RegExp }[] = [
    {
      name: 'unknown enum value, in an array',
      json: [{ request: {} }, { request: {} }, { request: { mode: 'nocors' } }],
      message: '$[2].request.mode: must be one of cors, no-cors, same-origin (got "nocors")',
    },
    {
      name: 'unknown top-level field',
      json: { request: {}, reqest: {} },
      message: /^\$\.reqest: unknown field \(known fields: \$schema, id, title, .*request/,
    },
    {
      name: 'unknown nested field',
      json: { request: { mdoe: 'cors' } },
      message: /^\$\.request\.mdoe: unknown field/,
    },
    { name: 'missing request', json: {}, message: '$.request: is required' },
    { name: 'not an object', json: 3, message: '$: must be an object (got number 3)' },
    {
      name: 'wrong type',
      json: { request: { method: 5 } },
      message: '$.request.method: must be a string (got number 5)',
    },
    {
      name: 'status not an integer',
      json: { request: {}, server: { actual: { status: 200.5 } } },
      message: '$.server.actual.status: must be an integer (got 200.5)',
    },
    {
      name: 'status below 100',
      json: { request: {}, server: { actual: { status: 99 } } },
      message: '$.server.actual.status: must be >= 100 (got 99)',
    },
    {
      name: 'status above 999',
      json: { request: {}, server: { preflight: { status: 1000 } } },
      message: '$.server.preflight.status: must be <= 999 (got 1000)',
    },
    {
      name: 'redirect target neither a role nor a data: URL',
      json: { request: {}, server: { redirects: [{ status: 302, to: 'ftp://x' }] } },
      message:
        /^\$\.server\.redirects\[0\]\.to: must be an origin role \(same-origin, .*\) or a data: URL \(got "ftp:\/\/x"\)$/,
    },
    {
      name: 'a data: URL before the last hop',
      json: {
        request: {},
        server: {
          redirects: [
            { status: 302, to: 'data:,a' },
            { status: 302, to: 'cross-origin' },
          ],
        },
      },
      message: "$.server.redirects[0].to: a data: URL can only be the last hop's target",
    },
    {
      name: 'redirect hop without to',
      json: { request: {}, server: { redirects: [{ status: 302 }] } },
      message: '$.server.redirects[0].to: is required',
    },
    {
      name: 'unknown role',
      json: { request: { target: 'elsewhere' } },
      message:
        /^\$\.request\.target: must be one of same-origin, cross-origin, .* \(got "elsewhere"\)$/,
    },
    {
      name: 'header value above 0xFF (object form)',
      json: { request: { headers: { 'X-Euro': 'a€' } } },
      message:
        '$.request.headers["X-Euro"]: header value contains U+20AC ("€") at index 1, which is above U+00FF (not a byte)',
    },
    {
      name: 'header value with LF (pair form)',
      json: {
        request: {
          headers: [
            ['x-a', 'ok'],
            ['x-b', 'a\nb'],
          ],
        },
      },
      message:
        '$.request.headers[1][1]: header value contains U+000A (LF) at index 1, which is not allowed in a header value',
    },
    {
      name: 'header value with NUL (array value)',
      json: { request: { headers: { 'x-a': ['ok', '\u0000'] } } },
      message: /^\$\.request\.headers\["x-a"\]\[1\]: header value contains U\+0000 \(NUL\)/,
    },
    {
      name: 'header value with CR in a response',
      json: { request: {}, server: { preflight: { status: 200, headers: { a: 'x\r' } } } },
      message: /^\$\.server\.preflight\.headers\.a: header value contains U\+000D \(CR\)/,
    },
    {
      name: 'header name not a token (object form)',
      json: { request: { headers: { 'X Foo': '1' } } },
      message:
        '$.request.headers["X Foo"]: header name "X Foo" is not an HTTP token (U+0020 (space) at index 1)',
    },
    {
      name: 'header name not a token (pair form)',
      json: { request: { headers: [['a:b', '1']] } },
      message: /^\$\.request\.headers\[0\]\[0\]: header name "a:b" is not an HTTP token/,
    },
    {
      name: 'headers neither an object nor a list',
      json: { request: { headers: 'X-Foo: 1' } },
      message:
        '$.request.headers: must be an object of header values or a list of [name, value] pairs (got string "X-Foo: 1")',
    },
    {
      name: 'follow-up headers must be an object',
      json: { request: {}, then: { request: { headers: [['a', '1']] } } },
      message: '$.then.request.headers: must be an object (got an array)',
    },
    {
      name: 'header line that is not a pair',
      json: { request: { headers: [['a', '1', '2']] } },
      message: '$.request.headers[0]: a header line must be a [name, value] pair',
    },
    {
      name: 'null header value outside a follow-up',
      json: { request: { headers: { a: null } } },
      message: '$.request.headers.a: must be a string (got null)',
    },
    {
      name: 'unknown body kind',
      json: { request: { body: { kind: 'json', value: '{}' } } },
      message: /^\$\.request\.body\.kind: must be one of text, url-search-params/,
    },
    {
      name: 'blob without type',
      json: { request: { body: { kind: 'blob', value: 'x' } } },
      message: '$.request.body.type: is required',
    },
    {
      name: 'unsupported version',
      json: { version: 2, request: {} },
      message: '$.version: unsupported format version 2 (this tool reads version 1)',
    },
    {
      name: 'bad origin in origins',
      json: { request: {}, origins: { 'cross-origin': 'http://example.net/path' } },
      message:
        '$.origins["cross-origin"]: must be an origin like http://example.com:4001 (got "http://example.net/path")',
    },
    {
      name: 'unknown field deep in a then chain',
      json: { request: {}, then: { then: { delay: 5 } } },
      message: /^\$\.then\.then\.delay: unknown field/,
    },
    {
      name: 'negative delay',
      json: { request: {}, then: { delayMs: -1 } },
      message: '$.then.delayMs: must be >= 0 (got -1)',
    },
    {
      name: 'xhr-only field on fetch',
      json: { request: { uploadListener: true } },
      message: '$.request.uploadListener: only applies when api is "xhr"',
    },
    {
      name: 'follow-up switching to fetch with an inherited xhr field',
      json: { request: { api: 'xhr', withCredentials: true }, then: { request: { api: 'fetch' } } },
      message: /^\$\.then\.request\.api: "fetch" conflicts with withCredentials/,
    },
    {
      name: 'method with a character above 0xFF',
      json: { request: { method: 'GÉT€' } },
      message:
        '$.request.method: method contains U+20AC ("€") at index 3, which is above U+00FF (not a byte)',
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const got = problemOf(c.json);
      if (typeof c.message === 'string') expect(got).toBe(c.message);
      else expect(got).toMatch(c.message);
      expect(got).not.toContain('\n');
    });
  }

  test('the error carries path and problem apart', () => {
    try {
      parseScenario({ request: { mode: 'x' } }, '$[7]');
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      expect((e as ScenarioError).path).toBe('$[7].request.mode');
      expect((e as ScenarioError).problem).toMatch(/^must be one of/);
    }
  });
});

test.describe('applyRequestOverrides', () => {
  const base = {
    method: 'PUT',
    headers: { 'X-A': '1', 'x-b': ['2', '3'], 'X-C': '4' },
    credentials: 'include' as const,
    query: 'a=1',
  };

  test('no request overrides: a copy of the base', () => {
    const got = applyRequestOverrides(base, { delayMs: 5 });
    expect(got).toEqual(base);
    expect(got).not.toBe(base);
  });

  test('fields replace, headers merge by name case-insensitively, null removes', () => {
    const step: ThenStep = {
      request: {
        method: 'DELETE',
        query: 'b=2',
        headers: { 'X-B': 'new', 'x-a': null, 'X-D': ['5', '6'] },
      },
    };
    expect(applyRequestOverrides(base, step)).toEqual({
      method: 'DELETE',
      credentials: 'include',
      query: 'b=2',
      headers: [
        ['X-B', 'new'],
        ['X-C', '4'],
        ['X-D', '5'],
        ['X-D', '6'],
      ],
    });
  });

  test('pair-form base headers keep their order; the base is untouched', () => {
    const pairs = {
      headers: [
        ['a', '1'],
        ['B', '2'],
        ['b', '3'],
        ['c', '4'],
      ] as [string, string][],
    };
    const got = applyRequestOverrides(pairs, { request: { headers: { b: 'x' } } });
    expect(got.headers).toEqual([
      ['a', '1'],
      ['b', 'x'],
      ['c', '4'],
    ]);
    expect(pairs.headers).toHaveLength(4);
  });

  test('overrides on a request without headers', () => {
    expect(applyRequestOverrides({}, { request: { headers: { a: '1', b: null } } })).toEqual({
      headers: [['a', '1']],
    });
  });
});

test('every field of the published schema has a description', () => {
  type Node = Record<string, unknown>;
  const defs = SCENARIO_SCHEMA.definitions as Record<string, Node>;
  const resolve = (n: Node): Node =>
    typeof n.$ref === 'string' ? resolve(defs[n.$ref.split('/').pop() ?? ''] ?? {}) : n;
  const missing: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (node === null || typeof node !== 'object') return;
    const n = node as Node;
    for (const [k, v] of Object.entries((n.properties ?? {}) as Record<string, Node>)) {
      if (v.description === undefined && resolve(v).description === undefined) {
        missing.push(`${path}.${k}`);
      }
      walk(v, `${path}.${k}`);
    }
    // `if` clauses only test a value; they declare no fields.
    for (const key of ['then', 'else', 'items', 'additionalProperties']) walk(n[key], path);
    for (const sub of (n.allOf ?? []) as unknown[]) walk(sub, path);
  };
  walk(SCENARIO_SCHEMA, '$');
  for (const [name, def] of Object.entries(defs)) walk(def, `#${name}`);
  expect(missing).toEqual([]);
  expect(Object.keys(SCENARIO_SCHEMA.properties as object).length).toBeGreaterThan(5);
});

test.describe('initiator apis', () => {
  test('every initiator with its own fields is accepted; v1 fetch/xhr files are unchanged', () => {
    const good: Scenario[] = [
      { request: { api: 'img' } },
      { request: { api: 'img-canvas', crossorigin: 'anonymous', target: 'cross-origin' } },
      { request: { api: 'script', crossorigin: 'use-credentials' } },
      { request: { api: 'module-script' } },
      { request: { api: 'stylesheet', crossorigin: 'absent' } },
      { request: { api: 'css-image', variant: 'mask-image' } },
      { request: { api: 'font', variant: 'font-face-load' } },
      { request: { api: 'module-worker', credentials: 'include', variant: 'construct' } },
      { request: { api: 'eventsource', credentials: 'include' } },
      { request: { api: 'beacon', body: { kind: 'blob', value: '{}', type: 'application/json' } } },
      { request: { api: 'fetch-keepalive', method: 'PUT', headers: { 'X-A': '1' } } },
      { request: { api: 'preload', variant: 'font', crossorigin: 'anonymous' } },
      { request: { api: 'video', variant: 'canvas', crossorigin: 'anonymous' } },
      { request: { api: 'form', method: 'POST', body: { kind: 'form-data', fields: { a: '1' } } } },
      { request: { api: 'websocket', target: 'cross-origin' } },
    ];
    for (const s of good) expect(parseScenario(s)).toEqual(s);
    expect(parseScenario(preflighted)).toEqual(preflighted);
  });

  test('a field the initiator cannot express is one clear line', () => {
    expect(problemOf({ request: { api: 'worker', crossorigin: 'anonymous' } })).toBe(
      '$.request.crossorigin: only applies when api is one of img, img-canvas, script, module-script, stylesheet, preload, video, audio',
    );
    expect(problemOf({ request: { crossorigin: 'anonymous' } })).toMatch(
      /^\$\.request\.crossorigin: only applies when api is one of img, /,
    );
    expect(problemOf({ request: { api: 'img', mode: 'cors' } })).toBe(
      '$.request.mode: only applies when api is one of fetch, xhr',
    );
    expect(problemOf({ request: { api: 'script', credentials: 'include' } })).toMatch(
      /^\$\.request\.credentials: only applies when api is one of fetch, xhr, fetch-keepalive, eventsource, module-worker$/,
    );
    expect(problemOf({ request: { api: 'img', headers: { 'X-A': '1' } } })).toMatch(
      /^\$\.request\.headers: only applies when api is one of /,
    );
    expect(problemOf([{ request: {} }, { request: { api: 'font', variant: 'mask-image' } }])).toBe(
      '$[1].request.variant: must be one of font-face, font-face-load for api "font" (got "mask-image")',
    );
    expect(problemOf({ request: { api: 'audio', variant: 'canvas' } })).toMatch(/for api "audio"/);
    expect(problemOf({ request: { api: 'img', variant: 'x' } })).toBe(
      '$.request.variant: only applies when api is one of css-image, font, preload, video, audio, worker, module-worker, shared-worker',
    );
    expect(problemOf({ request: { api: 'imgs' } })).toMatch(/^\$\.request\.api: must be one of /);
  });

  test('form and beacon methods and bodies; follow-ups stay fetch/xhr only', () => {
    expect(problemOf({ request: { api: 'form', method: 'PUT' } })).toBe(
      '$.request.method: a form submits with GET or POST (got "PUT")',
    );
    expect(problemOf({ request: { api: 'form', method: 'POST', body: 'a=1' } })).toBe(
      '$.request.body: a form body is a form-data or url-search-params object (got string)',
    );
    expect(problemOf({ request: { api: 'beacon', method: 'GET' } })).toMatch(/always uses POST/);
    expect(problemOf({ request: { api: 'beacon', body: { kind: 'stream', value: 'x' } } })).toBe(
      '$.request.body.kind: a keepalive request cannot have a stream body',
    );
    expect(problemOf({ request: { api: 'img' }, then: {} })).toBe(
      '$.then: follow-up steps only apply when api is fetch or xhr (the request uses "img")',
    );
    expect(problemOf({ request: {}, then: { request: { api: 'script' } } })).toMatch(
      /^\$\.then: follow-up steps only apply when api is fetch or xhr/,
    );
  });
});
