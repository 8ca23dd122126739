import { expect, test } from '@playwright/test';
import type { HeaderList } from '../src/scenario/types.js';
import { encodeInstruction, hopPath, type Instruction } from './instruction.js';
import {
  extraQuery,
  headerValue,
  isCorsPreflight,
  nextHopUrl,
  respond,
  type RequestView,
} from './respond.js';

const ORIGIN = 'http://example.com:4001';

const instruction: Instruction = {
  token: 'tk',
  hops: [
    {
      origin: 'http://example.com:4001',
      preflight: null,
      response: {
        status: 307,
        headers: [
          ['Location', '<next>'],
          ['Content-Length', '0'],
        ],
      },
      nextUserinfo: 'u:p',
    },
    {
      origin: 'http://example.net:4001',
      preflight: {
        status: 200,
        reason: 'Fine',
        headers: [
          ['Access-Control-Allow-Origin', '<origin>'],
          ['access-control-allow-methods', '<acrm>'],
          ['Access-Control-Allow-Headers', '<acrh>'],
          ['X-Host', '<host>'],
          ['X-Target', '<target-origin>'],
          ['X-Upper', '<ORIGIN>'],
          ['X-Reflect', '<request-origin>'],
          ['X-Next', '<next>'],
          ['x-dup', '1'],
          ['X-DUP', '2'],
        ],
      },
      response: {
        status: 200,
        headers: [
          ['Access-Control-Allow-Origin', '*'],
          ['Content-Type', 'text/plain'],
        ],
        body: 'é',
      },
    },
  ],
  vars: { origin: ORIGIN, host: 'example.com:4001' },
};

const inline = encodeInstruction(instruction);
const req = (method: string, hop: number, headers: HeaderList, ref = false): RequestView => ({
  method,
  target: hopPath('tk', hop, ref ? { ref: 'x7' } : { inline }) + '&q=extra',
  rawHeaders: headers,
});

// Which requests count as a CORS preflight (fetch#cors-preflight-request).
const preflightTable: [what: string, method: string, headers: HeaderList, expected: boolean][] = [
  [
    'OPTIONS + Origin + ACRM',
    'OPTIONS',
    [
      ['Origin', ORIGIN],
      ['Access-Control-Request-Method', 'PUT'],
    ],
    true,
  ],
  [
    'header names in odd case',
    'OPTIONS',
    [
      ['oRiGiN', ORIGIN],
      ['access-control-request-method', 'X'],
    ],
    true,
  ],
  ['plain OPTIONS', 'OPTIONS', [], false],
  ['OPTIONS with Origin, no ACRM', 'OPTIONS', [['Origin', ORIGIN]], false],
  ['OPTIONS with ACRM, no Origin', 'OPTIONS', [['Access-Control-Request-Method', 'PUT']], false],
  [
    'lower-case options method',
    'options',
    [
      ['Origin', ORIGIN],
      ['Access-Control-Request-Method', 'PUT'],
    ],
    false,
  ],
  [
    'GET with both headers',
    'GET',
    [
      ['Origin', ORIGIN],
      ['Access-Control-Request-Method', 'PUT'],
    ],
    false,
  ],
];

for (const [what, method, headers, expected] of preflightTable) {
  test(`preflight recognition: ${what} -> ${expected}`, () => {
    expect(isCorsPreflight({ method, rawHeaders: headers })).toBe(expected);
    // And respond() picks the answer accordingly.
    const res = respond(req(method, 1, headers), instruction, 1);
    expect(res.reason === 'Fine').toBe(expected);
  });
}

test('a preflight resolves every placeholder and keeps order, case and duplicates', () => {
  const res = respond(
    req('OPTIONS', 1, [
      ['Origin', 'http://evil.test'],
      ['Access-Control-Request-Method', 'PATCH'],
      ['Access-Control-Request-Headers', 'x-a,x-b'],
    ]),
    instruction,
    1,
  );
  expect(res.status).toBe(200);
  expect(res.reason).toBe('Fine');
  expect(res.headers).toEqual([
    ['Access-Control-Allow-Origin', ORIGIN],
    ['access-control-allow-methods', 'PATCH'],
    ['Access-Control-Allow-Headers', 'x-a,x-b'],
    ['X-Host', 'example.com:4001'],
    ['X-Target', 'http://example.net:4001'],
    ['X-Upper', 'HTTP://EXAMPLE.COM:4001'],
    ['X-Reflect', 'http://evil.test'],
    // X-Next dropped: hop 1 is the last hop.
    ['x-dup', '1'],
    ['X-DUP', '2'],
    ['Content-Length', '0'],
  ]);
});

test('echo placeholders of absent request headers drop their line', () => {
  const res = respond(
    req('OPTIONS', 1, [
      ['Origin', ORIGIN],
      ['Access-Control-Request-Method', 'GET'],
    ]),
    instruction,
    1,
  );
  expect(headerValue(res.headers, 'Access-Control-Allow-Headers')).toBeNull();
  expect(headerValue(res.headers, 'x-reflect')).toBe(ORIGIN);
});

test('<next> is the next hop URL with userinfo, the same i= parameter and the further ones', () => {
  const res = respond(req('GET', 0, [['Origin', ORIGIN]]), instruction, 0);
  expect(res.status).toBe(307);
  expect(res.headers).toEqual([
    ['Location', `http://u:p@example.net:4001/cors/tk/1?i=${inline}&q=extra`],
    ['Content-Length', '0'],
  ]);
});

test('<next> keeps a registered r= reference', () => {
  const res = respond(req('GET', 0, [], true), instruction, 0);
  expect(headerValue(res.headers, 'Location')).toBe(
    'http://u:p@example.net:4001/cors/tk/1?r=x7&q=extra',
  );
  expect(nextHopUrl(instruction, 1, { ref: 'x7' })).toBeNull();
});

test('the actual response: Content-Length added (UTF-8 bytes) only when missing', () => {
  const res = respond(req('CHICKEN', 1, [['Origin', ORIGIN]]), instruction, 1);
  expect(res.headers).toEqual([
    ['Access-Control-Allow-Origin', '*'],
    ['Content-Type', 'text/plain'],
    ['Content-Length', '2'],
  ]);
  expect(res.body).toBe('é');
  const head = respond(req('HEAD', 1, []), instruction, 1);
  expect(headerValue(head.headers, 'content-length')).toBe('2');
  expect(head.body).toBe('');
});

test('a listed Transfer-Encoding or Content-Length is left alone', () => {
  const i: Instruction = {
    ...instruction,
    hops: [
      {
        origin: ORIGIN,
        preflight: null,
        response: {
          status: 200,
          headers: [['transfer-ENCODING', 'chunked']],
          body: '1\r\nx\r\n0\r\n\r\n',
        },
      },
    ],
  };
  expect(respond(req('GET', 0, []), i, 0).headers).toEqual([['transfer-ENCODING', 'chunked']]);
});

test('null preflight answers 404 without CORS headers; non-preflight OPTIONS gets the response', () => {
  const pre = respond(
    req('OPTIONS', 0, [
      ['Origin', ORIGIN],
      ['Access-Control-Request-Method', 'PUT'],
    ]),
    instruction,
    0,
  );
  expect(pre.status).toBe(404);
  expect(pre.headers.some(([n]) => n.toLowerCase().startsWith('access-control-'))).toBe(false);
  expect(respond(req('OPTIONS', 0, [['Origin', ORIGIN]]), instruction, 0).status).toBe(307);
});

test('a hop out of range is a 400 harness error', () => {
  const res = respond(req('GET', 5, []), instruction, 5);
  expect(res.status).toBe(400);
  expect(res.body).toContain('hop 5 is out of range');
  expect(res.headers.some(([n]) => n.toLowerCase().startsWith('access-control-'))).toBe(false);
});

test('respond is pure: the same inputs give equal outputs and the instruction is untouched', () => {
  const before = JSON.stringify(instruction);
  const r = req('GET', 0, [['Origin', ORIGIN]]);
  expect(respond(r, instruction, 0)).toEqual(respond(r, instruction, 0));
  expect(JSON.stringify(instruction)).toBe(before);
});

test('a target outside /cors/ still gets a <next> (instruction carried inline)', () => {
  const res = respond({ method: 'GET', target: '/elsewhere', rawHeaders: [] }, instruction, 0);
  expect(headerValue(res.headers, 'Location')).toBe(
    `http://u:p@example.net:4001/cors/tk/1?i=${inline}`,
  );
});

test("<next> carries the step's further query parameters, raw, after i= or r=", () => {
  const inlined = respond(
    { method: 'GET', target: `/cors/tk/0?i=${inline}&a=1&b=%20`, rawHeaders: [] },
    instruction,
    0,
  );
  expect(headerValue(inlined.headers, 'Location')).toBe(
    `http://u:p@example.net:4001/cors/tk/1?i=${inline}&a=1&b=%20`,
  );
  const registered = respond(
    { method: 'GET', target: '/cors/tk/0?a=1&r=x7', rawHeaders: [] },
    instruction,
    0,
  );
  expect(headerValue(registered.headers, 'Location')).toBe(
    'http://u:p@example.net:4001/cors/tk/1?r=x7&a=1',
  );
  expect(extraQuery('/cors/tk/0?i=x')).toBe('');
  expect(extraQuery('/elsewhere')).toBe('');
});
