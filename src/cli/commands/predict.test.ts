import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { scenarioArb } from '../../scenario/arbitraries.js';
import { predict } from '../../model/predict.js';
import { SPEC } from '../../model/spec-profile.js';
import { INITIATOR_APIS, type Prediction, type Scenario } from '../../scenario/types.js';
import type { CliIo } from '../io.js';
import { runExplain } from './explain.js';
import { runPredict } from './predict.js';

/** An in-memory CliIo: files by name, stdin text, captured output. */
function memoryIo(files: Record<string, string> = {}, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readStdin: () => Promise.resolve(stdin),
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) {
        return Promise.reject(Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' }));
      }
      return Promise.resolve(text);
    },
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

const simple = {
  request: { method: 'GET', target: 'cross-origin' },
  server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
};
const refused = {
  request: { method: 'GET', target: 'cross-origin' },
  server: {
    actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'http://example.org:4001' } },
  },
};

test.describe('bad input: exit 2, one stderr line, nothing on stdout', () => {
  const cases: {
    name: string;
    argv: string[];
    files?: Record<string, string>;
    stdin?: string;
    line: string | RegExp;
  }[] = [
    {
      name: 'invalid enum value inside an array',
      argv: ['scenario.json'],
      files: { 'scenario.json': JSON.stringify([simple, simple, { request: { mode: 'nocors' } }]) },
      line: 'scenario.json: $[2].request.mode: must be one of cors, no-cors, same-origin (got "nocors")',
    },
    {
      name: 'invalid JSON, with line and column when the parser gives a position',
      argv: ['bad.json'],
      files: { 'bad.json': '{\n  "request": {,}\n}' },
      line: /^bad\.json: invalid JSON: .+/,
    },
    {
      name: 'empty stdin',
      argv: ['-'],
      stdin: '  ',
      line: '<stdin>: invalid JSON: the input is empty',
    },
    {
      name: 'header value above 0xFF from stdin (no FILE)',
      argv: [],
      stdin: JSON.stringify({ request: { headers: { 'x-a': '\u0100' } } }),
      line: /^<stdin>: \$\.request\.headers\["x-a"\]: header value contains U\+0100/,
    },
    {
      name: 'header name not a token',
      argv: ['s.json'],
      files: { 's.json': JSON.stringify({ request: { headers: [['a(b', '1']] } }) },
      line: /^s\.json: \$\.request\.headers\[0\]\[0\]: header name "a\(b" is not an HTTP token/,
    },
    { name: 'missing file', argv: ['nope.json'], line: 'nope.json: cannot read: no such file' },
    {
      name: 'unknown engine',
      argv: ['--engine', 'safari', 's.json'],
      files: { 's.json': JSON.stringify(simple) },
      line: '--engine: must be one of spec, chromium, firefox, webkit (got "safari")',
    },
    {
      name: 'unknown option (commander), hint kept on the same line',
      argv: ['--engin', 'spec'],
      line: "error: unknown option '--engin' (Did you mean --engine?)",
    },
  ];
  for (const c of cases) {
    for (const [command, run] of [
      ['predict', runPredict],
      ['explain', runExplain],
    ] as const) {
      test(`${command}: ${c.name}`, async () => {
        const m = memoryIo(c.files, c.stdin);
        const code = await run(c.argv, m.io);
        expect(code).toBe(2);
        expect(m.stdout()).toBe('');
        const lines = m.stderr().split('\n');
        expect(lines).toHaveLength(2);
        expect(lines[1]).toBe('');
        if (typeof c.line === 'string') expect(lines[0]).toBe(c.line);
        else expect(lines[0]).toMatch(c.line);
      });
    }
  }
});

test.describe('with the reference model', () => {
  test('predict: one scenario in, one prediction out, as JSON', async () => {
    const m = memoryIo({ 's.json': JSON.stringify(simple) });
    expect(await runPredict(['s.json'], m.io)).toBe(0);
    expect(m.stderr()).toBe('');
    const p = JSON.parse(m.stdout()) as Record<string, unknown>;
    expect(p).toMatchObject({
      preflight: false,
      acrm: null,
      acrh: null,
      actualSent: true,
      outcome: 'ok',
      status: 200,
      responseType: 'cors',
      originHeader: 'http://example.com:4001',
    });
    expect(Array.isArray(p.readableHeaders)).toBe(true);
    expect(Array.isArray(p.because)).toBe(true);
  });

  test('predict: an array in gives an array out, in the same order (stdin)', async () => {
    const m = memoryIo({}, JSON.stringify([refused, simple]));
    expect(await runPredict(['--engine', 'chromium'], m.io)).toBe(0);
    const ps = JSON.parse(m.stdout()) as { outcome: string }[];
    expect(ps.map((p) => p.outcome)).toEqual(['network-error', 'ok']);
  });

  test('predict: a then step gives a nested prediction', async () => {
    const preflighted = {
      request: { method: 'PUT', headers: { 'X-Foo': '1' } },
      server: {
        preflight: {
          status: 204,
          headers: {
            'Access-Control-Allow-Origin': '<origin>',
            'Access-Control-Allow-Methods': 'PUT',
            'Access-Control-Allow-Headers': 'x-foo',
          },
        },
        actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } },
      },
      then: { delayMs: 100 },
    };
    const m = memoryIo({ 'p.json': JSON.stringify(preflighted) });
    expect(await runPredict(['-e', 'firefox', 'p.json'], m.io)).toBe(0);
    const p = JSON.parse(m.stdout()) as {
      preflight: boolean;
      acrm: string;
      then?: { outcome: string };
    };
    expect(p.preflight).toBe(true);
    expect(p.acrm).toBe('PUT');
    expect(p.then?.outcome).toBe('ok');
  });

  test('explain: the headline names the CORS check step that failed', async () => {
    const m = memoryIo({ 'r.json': JSON.stringify({ id: 'demo/refused', ...refused }) });
    expect(await runExplain(['r.json'], m.io)).toBe(0);
    const text = m.stdout();
    expect(text.split('\n')[0]).toBe('demo/refused (engine: spec)');
    expect(text).toMatch(/\n {2}network error: .*CORS check/);
    expect(text).toContain('preflight: no; actual request: sent; Origin: http://example.com:4001');
  });
});

test('explain: a deviation from the spec names the engine profile knob', async () => {
  const scenario = {
    request: { headers: { Authorization: 'Bearer t' } },
    server: {
      preflight: {
        status: 200,
        headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*' },
      },
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
    },
  };
  const spec = memoryIo({}, JSON.stringify(scenario));
  expect(await runExplain(['-'], spec.io)).toBe(0);
  expect(spec.stdout()).toMatch(/\n {2}network error: /);
  expect(spec.stdout()).not.toContain('profile knob');
  const chromium = memoryIo({}, JSON.stringify(scenario));
  expect(await runExplain(['--engine', 'chromium', '-'], chromium.io)).toBe(0);
  expect(chromium.stdout()).toContain('\n  ok: status 200');
  expect(chromium.stdout()).toContain('profile knob `wildcardCoversAuthorization`');
});

test('explain: an array gives one account per scenario, in order', async () => {
  const scenarios = fc.sample(scenarioArb, { numRuns: 30, seed: 11 });
  const m = memoryIo({ 'all.json': JSON.stringify(scenarios) });
  expect(await runExplain(['-e', 'webkit', 'all.json'], m.io)).toBe(0);
  const heads = m
    .stdout()
    .split('\n')
    .filter((l) => l.endsWith('(engine: webkit)'));
  expect(heads).toEqual(scenarios.map((s) => `${s.id ?? 'scenario'} (engine: webkit)`));
});

test.describe('the predict contract on generated scenarios', () => {
  function depth(s: { then?: { then?: unknown } | undefined } | undefined): number {
    let n = 0;
    let step = s?.then as { then?: unknown } | undefined;
    while (step !== undefined) {
      n += 1;
      step = step.then as { then?: unknown } | undefined;
    }
    return n;
  }

  for (const engine of ['spec', 'chromium', 'firefox', 'webkit']) {
    test(`${engine}: an array of valid scenarios gives well-formed predictions in order`, async () => {
      const scenarios = fc.sample(scenarioArb, { numRuns: 60, seed: 7 });
      const m = memoryIo({ 'all.json': JSON.stringify(scenarios) });
      expect(await runPredict(['--engine', engine, 'all.json'], m.io)).toBe(0);
      expect(m.stderr()).toBe('');
      const predictions = JSON.parse(m.stdout()) as Prediction[];
      expect(predictions).toHaveLength(scenarios.length);
      predictions.forEach((first, i) => {
        let p: Prediction | undefined = first;
        let steps = 0;
        while (p !== undefined) {
          expect(['ok', 'network-error', 'exception']).toContain(p.outcome);
          if (p.outcome !== 'ok') expect(p.status).toBeNull();
          if (p.outcome === 'ok') expect(p.responseType).not.toBeNull();
          if (!p.preflight) expect(p.acrm).toBeNull();
          const lower = p.readableHeaders.map((h) => h.toLowerCase());
          expect(p.readableHeaders).toEqual([...lower].sort());
          expect(p.because.length).toBeGreaterThan(0);
          p = p.then;
          steps += p === undefined ? 0 : 1;
        }
        expect(steps).toBe(depth(scenarios[i]));
      });
    });
  }
});

test('predict and explain cover every initiator: the initiator block and its account', async () => {
  const scenarios = INITIATOR_APIS.map((api) => ({
    id: `demo/${api}`,
    request: { api, target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  }));
  const m = memoryIo({ 'all.json': JSON.stringify(scenarios) });
  expect(await runPredict(['all.json'], m.io)).toBe(0);
  const predictions = JSON.parse(m.stdout()) as Prediction[];
  expect(predictions.map((p) => p.initiator?.request.mode)).toEqual(
    INITIATOR_APIS.map(
      (api) =>
        predict(scenarios[INITIATOR_APIS.indexOf(api)] as Scenario, { engine: SPEC }).initiator
          ?.request.mode,
    ),
  );
  expect(predictions.every((p) => p.initiator !== undefined)).toBe(true);
  const e = memoryIo({ 'all.json': JSON.stringify(scenarios) });
  expect(await runExplain(['--engine', 'firefox', 'all.json'], e.io)).toBe(0);
  expect(e.stdout().match(/HTML hands Fetch: mode /g)?.length).toBe(INITIATOR_APIS.length);
  expect(e.stdout()).toContain(
    'HTML hands Fetch: mode no-cors, credentials include, destination image',
  );
});
