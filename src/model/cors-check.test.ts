import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import type { CredentialsMode, HeaderList } from '../scenario/types.js';
import { corsCheck } from './cors-check.js';

const ORIGIN = 'https://a.example';
const acao = (...values: string[]): HeaderList =>
  values.map((v) => ['Access-Control-Allow-Origin', v]);
const check = (credentialsMode: CredentialsMode, headers: HeaderList, serializedOrigin = ORIGIN) =>
  corsCheck({ credentialsMode, serializedOrigin }, headers);

test('no ACAO fails at step 2', () => {
  const r = check('omit', []);
  expect(r).toMatchObject({ ok: false, algorithm: 'concept-cors-check', step: '2' });
});

test('`*` passes without credentials, fails at step 4 with include', () => {
  expect(check('omit', acao('*'))).toEqual({ ok: true });
  expect(check('same-origin', acao('*'))).toEqual({ ok: true });
  const r = check('include', [...acao('*'), ['Access-Control-Allow-Credentials', 'true']]);
  expect(r).toMatchObject({ ok: false, step: '4' });
});

const failing: [string, HeaderList][] = [
  ['HTTPS://A.EXAMPLE', acao('HTTPS://A.EXAMPLE')],
  ['https://a.example/', acao('https://a.example/')],
  ['https://a.example:443', acao('https://a.example:443')],
  ['https://*.example', acao('https://*.example')],
  ['a space-separated list', acao('https://a.example https://b.example')],
  ['two ACAO lines', acao('https://a.example', 'https://a.example')],
  ['two ACAO lines * and origin', acao('*', 'https://a.example')],
  ['null', acao('null')],
  ['empty', acao('')],
];
for (const [name, headers] of failing) {
  test(`ACAO ${name} fails against ${ORIGIN} at step 4`, () => {
    for (const mode of ['omit', 'include'] as const) {
      const r = check(mode, headers);
      expect(r).toMatchObject({ ok: false, step: '4' });
      if (!r.ok) expect(r.message).toContain(ORIGIN);
    }
  });
}

test('`null` ACAO matches only a null serialized origin', () => {
  expect(check('omit', acao('null'), 'null')).toEqual({ ok: true });
});

test('ACAC is ignored unless include', () => {
  expect(check('omit', [...acao(ORIGIN), ['Access-Control-Allow-Credentials', 'false']])).toEqual({
    ok: true,
  });
  expect(check('same-origin', acao(ORIGIN))).toEqual({ ok: true });
});

const acacRows: [string, HeaderList, boolean][] = [
  ['true', [['Access-Control-Allow-Credentials', 'true']], true],
  ['absent', [], false],
  ['True', [['Access-Control-Allow-Credentials', 'True']], false],
  ['TRUE', [['Access-Control-Allow-Credentials', 'TRUE']], false],
  ['"true"', [['Access-Control-Allow-Credentials', '"true"']], false],
  ['true, true (one line)', [['Access-Control-Allow-Credentials', 'true, true']], false],
  [
    'true twice (two lines)',
    [
      ['Access-Control-Allow-Credentials', 'true'],
      ['access-control-allow-credentials', 'true'],
    ],
    false,
  ],
  ['empty', [['Access-Control-Allow-Credentials', '']], false],
];
for (const [name, acac, ok] of acacRows) {
  test(`with include, ACAC ${name} ${ok ? 'passes' : 'fails at step 8'}`, () => {
    const r = check('include', [...acao(ORIGIN), ...acac]);
    if (ok) expect(r).toEqual({ ok: true });
    else expect(r).toMatchObject({ ok: false, step: '8' });
  });
}

test('property: ACAO = the exact origin (and ACAC true with include) passes', () => {
  const originArb = fc
    .tuple(
      fc.constantFrom('http', 'https'),
      fc.domain(),
      fc.option(fc.integer({ min: 1, max: 65535 }), { nil: null }),
    )
    .map(([s, h, p]) => (p === null ? `${s}://${h}` : `${s}://${h}:${p}`));
  fc.assert(
    fc.property(
      originArb,
      fc.constantFrom<CredentialsMode>('omit', 'same-origin', 'include'),
      (origin, mode) => {
        const headers: HeaderList = [['Access-Control-Allow-Origin', origin]];
        if (mode === 'include') headers.push(['Access-Control-Allow-Credentials', 'true']);
        expect(corsCheck({ credentialsMode: mode, serializedOrigin: origin }, headers)).toEqual({
          ok: true,
        });
      },
    ),
    { seed: 424244, numRuns: 200 },
  );
});
