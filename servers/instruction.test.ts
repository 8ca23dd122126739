import { expect, test } from '@playwright/test';
import {
  checkInstruction,
  decodeInstruction,
  encodeInstruction,
  hopPath,
  InstructionError,
  parseHopTarget,
  type Instruction,
} from './instruction.js';

const sample: Instruction = {
  token: 'tok_1-A',
  hops: [
    {
      origin: 'http://example.com:4001',
      preflight: null,
      response: { status: 302, reason: 'Moved', headers: [['Location', '<next>']] },
      nextUserinfo: 'user:pa%40ss',
    },
    {
      origin: 'http://example.net:4001',
      preflight: {
        status: 204,
        headers: [
          ['Access-Control-Allow-Origin', '<origin>'],
          ['x-odd', '\u0001\u007f\u00e9'],
        ],
      },
      response: { status: 200, headers: [['ACAO', '*']], body: 'héllo ✓' },
    },
  ],
  vars: { origin: 'http://example.com:4001', host: 'example.com:4001' },
};

const enc = (v: unknown): string => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');
const mutate = (f: (o: Record<string, unknown>) => void): string => {
  const o = JSON.parse(JSON.stringify(sample)) as Record<string, unknown>;
  f(o);
  return enc(o);
};
const hop0 = (o: Record<string, unknown>): Record<string, unknown> =>
  (o.hops as Record<string, unknown>[])[0] as Record<string, unknown>;
const resp0 = (o: Record<string, unknown>): Record<string, unknown> =>
  hop0(o).response as Record<string, unknown>;

test('encode then decode gives the same instruction, in URL-safe characters', () => {
  const s = encodeInstruction(sample);
  expect(s).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(decodeInstruction(s)).toEqual(sample);
  // Padded base64url is accepted too.
  const padded = s + '='.repeat((4 - (s.length % 4)) % 4);
  expect(decodeInstruction(padded)).toEqual(sample);
});

// Each malformed input and the words its one-line error must contain.
const decodeErrors: [what: string, input: string, message: RegExp][] = [
  ['empty', '', /empty/],
  ['not base64url (+ and /)', 'ab+/', /not base64url/],
  ['impossible length', 'abcde', /not base64url/],
  ['not UTF-8', Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url'), /not UTF-8/],
  ['not JSON', Buffer.from('{nope').toString('base64url'), /not JSON/],
  ['JSON but not an object', enc([1, 2]), /instruction must be an object/],
  ['unknown top field', mutate((o) => (o.extra = 1)), /unknown field "extra"/],
  ['token missing', mutate((o) => delete o.token), /token must be a string/],
  ['token with a slash', mutate((o) => (o.token = 'a/b')), /token must match/],
  ['hops empty', mutate((o) => (o.hops = [])), /hops must be a non-empty array/],
  ['hop not an object', mutate((o) => (o.hops = [3])), /hops\[0\] must be an object/],
  ['hop origin with a path', mutate((o) => (hop0(o).origin = 'http://example.com/x')), /origin/],
  ['hop origin not http', mutate((o) => (hop0(o).origin = 'ftp://example.com')), /origin/],
  ['preflight missing', mutate((o) => delete hop0(o).preflight), /preflight is missing/],
  ['response missing', mutate((o) => delete hop0(o).response), /response must be an object/],
  ['status not integer', mutate((o) => (resp0(o).status = 200.5)), /status must be an integer/],
  ['status too small', mutate((o) => (resp0(o).status = 99)), /status/],
  ['status as string', mutate((o) => (resp0(o).status = '200')), /status/],
  ['headers not array', mutate((o) => (resp0(o).headers = {})), /headers must be an array/],
  ['header not a pair', mutate((o) => (resp0(o).headers = [['a']])), /headers\[0\] must be/],
  ['header name empty', mutate((o) => (resp0(o).headers = [['', 'v']])), /name is empty/],
  ['header value number', mutate((o) => (resp0(o).headers = [['a', 1]])), /value must be a/],
  ['header value > U+00FF', mutate((o) => (resp0(o).headers = [['a', '✓']])), /byte string/],
  ['reason with CRLF', mutate((o) => (resp0(o).reason = 'a\r\nb')), /reason must not contain/],
  ['body not string', mutate((o) => (resp0(o).body = 5)), /body must be a string/],
  ['unknown response field', mutate((o) => (resp0(o).statusText = 'x')), /unknown field/],
  ['nextUserinfo with @', mutate((o) => (hop0(o).nextUserinfo = 'a@b')), /nextUserinfo/],
  ['vars missing', mutate((o) => delete o.vars), /vars must be an object/],
  ['vars.host missing', mutate((o) => delete (o.vars as Record<string, unknown>).host), /host/],
];

for (const [what, input, message] of decodeErrors) {
  test(`decode error: ${what}`, () => {
    let err: unknown;
    try {
      decodeInstruction(input);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InstructionError);
    const msg = (err as Error).message;
    expect(msg).toMatch(message);
    expect(msg).not.toContain('\n');
  });
}

test('checkInstruction accepts a parsed value and rejects a wrong one', () => {
  expect(checkInstruction(JSON.parse(JSON.stringify(sample)))).toEqual(sample);
  expect(() => checkInstruction(null)).toThrow(InstructionError);
});

test('hopPath builds inline and registered URLs that parseHopTarget reads back', () => {
  const inline = encodeInstruction(sample);
  const p = hopPath('tok_1-A', 1, { inline });
  expect(p).toBe(`/cors/tok_1-A/1?i=${inline}`);
  expect(parseHopTarget(p)).toEqual({ token: 'tok_1-A', hop: 1, how: { inline } });
  const r = hopPath('t', 0, { ref: 'x1' });
  expect(r).toBe('/cors/t/0?r=x1');
  // Extra parameters after the instruction are ignored.
  expect(parseHopTarget(`${r}&q=1&i2=3`)).toEqual({ token: 't', hop: 0, how: { ref: 'x1' } });
  expect(() => hopPath('bad token', 0, { ref: 'x' })).toThrow(InstructionError);
  expect(() => hopPath('t', -1, { ref: 'x' })).toThrow(InstructionError);
});

test('parseHopTarget: other paths are null, malformed fixture paths throw', () => {
  expect(parseHopTarget('/__health')).toBeNull();
  expect(parseHopTarget('/cors/t/0')).toEqual({ token: 't', hop: 0 });
  expect(() => parseHopTarget('/cors/t')).toThrow(/\/cors\/<token>\/<hop>/);
  expect(() => parseHopTarget('/cors/t/01')).toThrow(/hop must be a decimal/);
  expect(() => parseHopTarget('/cors/t/x?i=a')).toThrow(/hop must be a decimal/);
  expect(() => parseHopTarget('/cors/t.t/0')).toThrow(/token/);
});
