// runScenarios without a browser: a fake engine whose page "runs" a batch by writing the
// journal records a browser would cause and returning the runner's JSON string.
import { expect, test } from '@playwright/test';
import type { Instruction } from '../../servers/instruction.js';
import { Journal } from '../../servers/journal.js';
import { getEngineProfile } from '../engine-facts/index.js';
import type { CookieSetup, Scenario } from '../scenario/types.js';
import { DEFAULT_ORIGINS } from '../scenario/world.js';
import { EngineCrashed, type Engine, type EnginePage } from './engines/types.js';
import type { RunnerArg } from './page-runner.js';
import {
  EngineSlot,
  RunSession,
  predictCase,
  prepareCases,
  repredictOnPageClock,
  runBatchWithRetry,
  runContext,
  runScenarios,
  scheduleBatch,
  settleBatch,
  type HarnessServers,
} from './run.js';
import type { CaseResult } from './types.js';
import type { InitiatorPageResult, RawCaseResult, RawStepResult } from './types.js';

const okStep: RawStepResult = {
  kind: 'ok',
  status: 200,
  statusText: 'OK',
  type: 'cors',
  url: null,
  redirected: false,
  headerNames: [],
  body: '',
  errorName: null,
  errorMessage: null,
  elapsedMs: 1,
};

const PAGE = DEFAULT_ORIGINS['same-origin'];

function fakeServers(): HarnessServers & { journal: Journal } {
  const registered: Instruction[] = [];
  return {
    origins: DEFAULT_ORIGINS,
    pageOrigin: PAGE,
    hostNames: true,
    hostNameList: ['example.com', 'example.net'],
    journal: new Journal(),
    register(i) {
      registered.push(i);
      return `r${registered.length}`;
    },
    addStatic() {},
  };
}

interface FakeBehaviour {
  /** Throw EngineCrashed on these run calls (0-based, counted per fake browser family). */
  crashOnCalls: number[];
  /** The Origin header the fake browser sends. */
  origin: string;
  /** Every URL the page navigated to. */
  gotos: string[];
  /** Called as each in-page run starts. */
  onRun?: () => void;
}

function fakeEngine(servers: { journal: Journal }, b: FakeBehaviour, calls: { n: number }): Engine {
  let closed = false;
  const page: EnginePage = {
    run<T>(_src: string, arg: unknown): Promise<T> {
      if (closed) return Promise.reject(new EngineCrashed('the engine was closed'));
      const call = calls.n++;
      b.onRun?.();
      if (b.crashOnCalls.includes(call))
        return Promise.reject(new EngineCrashed('browser went away'));
      const { cases } = arg as RunnerArg;
      const out: RawCaseResult[] = cases.map((c) => ({
        token: c.token,
        steps: c.steps.map((d, i) => {
          if (d.markUrl !== undefined) servers.journal.mark(c.token, `step-${i}`);
          servers.journal.record({
            kind: 'request',
            token: c.token,
            hop: 0,
            method: d.method ?? 'GET',
            target: '/cors/x/0',
            origin: 'http://example.net:4001',
            rawHeaders: [['Origin', b.origin]],
            preflight: false,
            bodyLength: 0,
          });
          return {
            kind: 'ok',
            status: 200,
            statusText: 'OK',
            type: 'cors',
            url: d.url,
            redirected: false,
            headerNames: ['cache-control', 'content-length'],
            body: '',
            errorName: null,
            errorMessage: null,
            elapsedMs: 1,
          };
        }),
      }));
      return Promise.resolve(JSON.stringify(out) as T);
    },
    goto: (url) => {
      b.gotos.push(url);
      return Promise.resolve();
    },
    takeConsole: () => [],
    close: () => Promise.resolve(),
  };
  return {
    info: {
      browser: 'chromium',
      version: 'fake',
      executable: '/fake',
      driver: 'playwright',
      source: 'system',
      hostNames: true,
    },
    openPage: () => Promise.resolve(page),
    close: () => {
      closed = true;
      return Promise.resolve();
    },
  };
}

function setup(b: Partial<FakeBehaviour> = {}) {
  const servers = fakeServers();
  const behaviour: FakeBehaviour = { crashOnCalls: [], origin: PAGE, gotos: [], ...b };
  const calls = { n: 0 };
  let launches = 0;
  const slot = new EngineSlot(fakeEngine(servers, behaviour, calls), () => {
    launches++;
    return Promise.resolve(fakeEngine(servers, behaviour, calls));
  });
  return { servers, slot, calls, behaviour, launches: () => launches };
}

const simple = (id: string): Scenario => ({
  id,
  request: { method: 'GET', target: 'cross-origin' },
  server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
});
const profile = getEngineProfile('chromium');

test('every case passes, results come back in input order, the journal is read and cleared', async () => {
  const { servers, slot } = setup();
  const scenarios = [simple('a'), simple('b'), { ...simple('c'), then: {} }];
  const progress: number[] = [];
  const results = await runScenarios(slot, servers, scenarios, {
    profile,
    batchSize: 2,
    onProgress: (done) => progress.push(done),
  });
  expect(results.map((r) => [r.scenario.id, r.verdict])).toEqual([
    ['a', 'pass'],
    ['b', 'pass'],
    ['c', 'pass'],
  ]);
  expect(progress).toEqual([1, 2, 3]);
  expect(results[2]?.observation?.then?.actualSent).toBe(true);
  expect(results[2]?.journal.filter((r) => r.kind === 'mark')).toHaveLength(1);
  expect(results[0]?.specPrediction).not.toBeNull();
  for (const r of results) expect(servers.journal.records(r.token)).toEqual([]);
});

test('a crash restarts the engine and retries the batch once; the results say so', async () => {
  const { servers, slot, launches } = setup({ crashOnCalls: [0] });
  const results = await runScenarios(slot, servers, [simple('a')], { profile });
  expect(launches()).toBe(1);
  expect(slot.restarts).toBe(1);
  expect(results[0]?.verdict).toBe('pass');
  // The report lists the restart (src/report/run-status.ts) from this field.
  expect(results[0]?.restart).toBe('EngineCrashed: browser went away');
  const calm = setup();
  const untouched = await runScenarios(calm.slot, calm.servers, [simple('b')], { profile });
  expect(untouched[0]?.restart).toBeUndefined();
});

test('a restart by one session on a shared slot does not make the other fail or restart again', async () => {
  const { servers, slot, launches } = setup({ crashOnCalls: [1] });
  const scenarios = new RunSession(slot, servers);
  const fuzz = new RunSession(slot, servers);
  expect(
    (await runScenarios(slot, servers, [simple('a')], { profile, session: scenarios }))[0]?.verdict,
  ).toBe('pass');
  // The other session's batch crashes: it restarts the shared engine (the old one is closed).
  const crashed = await runScenarios(slot, servers, [simple('b')], { profile, session: fuzz });
  expect(crashed[0]?.restart).toBe('EngineCrashed: browser went away');
  // The first session's page went with the old engine: it opens a new one, no second restart.
  const later = await runScenarios(slot, servers, [simple('c')], { profile, session: scenarios });
  expect(later[0]?.verdict).toBe('pass');
  expect(later[0]?.restart).toBeUndefined();
  expect(launches()).toBe(1);
});

test('a closed slot does not restart (a batch still running when the run ends fails instead)', async () => {
  const { servers, slot, launches } = setup({ crashOnCalls: [0] });
  await slot.close();
  const results = await runScenarios(slot, servers, [simple('a')], { profile });
  expect(launches()).toBe(0);
  expect(results[0]?.verdict).toBe('harness-error');
  expect(results[0]?.note).toMatch(/restart failed: .*the engine was closed/);
});

test('a second crash makes the batch a harness error naming engine and cause', async () => {
  const { servers, slot } = setup({ crashOnCalls: [0, 1] });
  const results = await runScenarios(slot, servers, [simple('a'), simple('b')], { profile });
  expect(results.map((r) => r.verdict)).toEqual(['harness-error', 'harness-error']);
  expect(results[0]?.note).toBe('chromium: EngineCrashed: browser went away');
  expect(results[0]?.prediction).not.toBeNull();
});

test('an invalid scenario is a harness error; the others still run', async () => {
  const { servers, slot } = setup();
  const bad = { id: 'bad', request: { mode: 'nocors' } } as unknown as Scenario;
  const results = await runScenarios(slot, servers, [bad, simple('ok')], { profile });
  expect(results[0]?.verdict).toBe('harness-error');
  expect(results[0]?.note).toMatch(/^preparing the case: .*mode/);
  expect(results[1]?.verdict).toBe('pass');
});

test('a disagreeing browser fails; a rule covering it makes a deviation', async () => {
  const { servers, slot } = setup({ origin: 'null' });
  const [plain] = await runScenarios(slot, servers, [simple('a')], {
    profile,
    facts: { knobs: {}, rules: [] },
  });
  expect(plain?.verdict).toBe('fail');
  expect(plain?.diffs).toEqual([{ field: 'originHeader', predicted: PAGE, observed: 'null' }]);
  const [ruled] = await runScenarios(slot, servers, [simple('b')], {
    profile,
    facts: {
      knobs: {},
      rules: [
        {
          id: 'sends-null',
          reason: 'sends null',
          fields: ['originHeader'],
          when: {},
          evidence: { status: 'evidenced', upstream: [{ bug: 'https://bugs.example/1' }] },
        },
      ],
    },
  });
  expect(ruled?.verdict).toBe('known-deviation');
  expect(ruled?.note).toBe('sends-null: sends null');
  expect(ruled?.explainedBy).toEqual({ knobs: [], rules: ['sends-null'] });
});

function chainOf(url: string): unknown {
  const u = new URL(url);
  expect(u.pathname).toBe('/__set-cookie');
  expect(u.searchParams.get('step')).toBe('0');
  return JSON.parse(Buffer.from(u.searchParams.get('jar') ?? '', 'base64url').toString('utf8'));
}

test('cookie cases run after cookie-free ones, with their cookies set first-party and expired after', async () => {
  const { servers, slot, behaviour, calls } = setup();
  const withCookie: Scenario = {
    ...simple('c'),
    setup: { cookies: [{ on: 'cross-origin', name: 'sid', value: '1', attributes: 'Path=/' }] },
  };
  const results = await runScenarios(slot, servers, [withCookie, simple('a')], { profile });
  expect(results.map((r) => r.scenario.id)).toEqual(['c', 'a']);
  expect(calls.n).toBe(2);
  const runner = `${PAGE}/harness/runner.html`;
  // One navigation sets the jar (a redirect chain ending on the runner page), one expires it.
  expect(behaviour.gotos.map(chainOf)).toEqual([
    { set: [{ origin: 'http://example.net:4001', line: 'sid=1; Path=/' }], then: runner },
    {
      set: [{ origin: 'http://example.net:4001', line: 'sid=1; Path=/; Max-Age=0' }],
      then: runner,
    },
  ]);
});

/** The steps of one run, without runScenarios around them. */
function steps(b: Partial<FakeBehaviour> = {}) {
  const world = setup(b);
  const finished = new Map<number, CaseResult>();
  const ctx = runContext(
    new RunSession(world.slot, world.servers),
    world.servers,
    { profile },
    (i, r) => finished.set(i, r),
  );
  return { ...world, ctx, finished };
}

test('scheduling a batch hands it to the page first, then predicts while the page works', async () => {
  const { ctx, calls } = steps();
  const batch = prepareCases(ctx, [simple('a'), simple('b')], 'run1');
  let callsWhenHandedOff = -1;
  const raw = await scheduleBatch(ctx, batch, 'page', () => {
    callsWhenHandedOff = calls.n;
    expect(batch.every((p) => p.prediction === null)).toBe(true);
  });
  expect(callsWhenHandedOff).toBe(1);
  expect(raw.map((r) => r.token)).toEqual(['run1-0', 'run1-1']);
  expect(batch.every((p) => p.prediction !== null && p.specPrediction !== null)).toBe(true);
});

test('settling a batch decides each case from the journal; a batch without results names its cause', async () => {
  const { ctx, finished, servers } = steps();
  const batch = prepareCases(ctx, [simple('a'), simple('b')], 'run2');
  const raw = await scheduleBatch(ctx, batch, 'page');
  settleBatch(ctx, batch.slice(0, 1), { raw: raw.slice(0, 1), cause: '', console: [] });
  expect(finished.get(0)?.verdict).toBe('pass');
  expect(servers.journal.records('run2-0')).toEqual([]);
  settleBatch(ctx, batch.slice(1), {
    raw: null,
    cause: 'it hung',
    restartedAfter: 'x',
    console: [],
  });
  expect(finished.get(1)?.verdict).toBe('harness-error');
  expect(finished.get(1)?.note).toBe('chromium: it hung');
  expect(finished.get(1)?.restart).toBe('x');
});

test('a batch retried after one crash has results and says why; after two it has none', async () => {
  const once = steps({ crashOnCalls: [0] });
  const out = await runBatchWithRetry(once.ctx, prepareCases(once.ctx, [simple('a')]), 'page', []);
  expect(out.raw).toHaveLength(1);
  expect(out.restartedAfter).toBe('EngineCrashed: browser went away');
  expect(once.launches()).toBe(1);
  const twice = steps({ crashOnCalls: [0, 1] });
  const lost = await runBatchWithRetry(
    twice.ctx,
    prepareCases(twice.ctx, [simple('a')]),
    'page',
    [],
  );
  expect(lost.raw).toBeNull();
  expect(lost.cause).toBe('EngineCrashed: browser went away');
});

test("a case whose steps started late is predicted again on the page's clock", () => {
  const { ctx } = steps();
  const cached: Scenario = {
    id: 'late',
    request: { method: 'PUT', target: 'cross-origin' },
    server: {
      preflight: {
        status: 204,
        headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT' },
      },
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
    },
    then: { delayMs: 1000 },
  };
  const [p] = prepareCases(ctx, [cached], 'run9');
  if (p === undefined) throw new Error('no case');
  predictCase(p, ctx.profile, ctx.specProfile);
  const at = (startedMs: number): RawStepResult => ({ ...okStep, startedMs });
  // On time: the scheduled clock stands (the default 5 s entry is reused at 1 s).
  expect(repredictOnPageClock(p, [at(100), at(1150)], ctx.profile, ctx.specProfile)).toBe(
    undefined,
  );
  expect(p.prediction?.then?.preflight).toBe(false);
  // 5 s late: the entry has expired by the page's clock, so a second preflight is predicted.
  const note = repredictOnPageClock(p, [at(100), at(6100)], ctx.profile, ctx.specProfile);
  expect(note).toBe(
    "steps started late (at 0, 6000 ms, scheduled 0, 1000 ms): predicted on the page's clock",
  );
  expect(p.prediction?.then?.preflight).toBe(true);
  expect(p.specPrediction?.then?.preflight).toBe(true);
});

test("a late case is also judged with the first step's cache entry stored at that step's end", () => {
  const { ctx, servers, finished } = steps();
  const expiring: Scenario = {
    id: 'late-end',
    request: { method: 'PUT', target: 'cross-origin' },
    server: {
      preflight: {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Methods': 'PUT',
          'Access-Control-Max-Age': '2',
        },
      },
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
    },
    then: { delayMs: 1000 },
  };
  const settle = (firstTook: number, runId: string): CaseResult | undefined => {
    const batch = prepareCases(ctx, [expiring], runId);
    const token = batch[0]?.compiled.token ?? '';
    const wire = (method: string, preflight: boolean): void => {
      const rawHeaders: [string, string][] = [['Origin', PAGE]];
      if (preflight) rawHeaders.push(['Access-Control-Request-Method', 'PUT']);
      servers.journal.record({
        kind: 'request',
        token,
        hop: 0,
        method,
        target: '/cors/x/0',
        origin: 'http://example.net:4001',
        rawHeaders,
        preflight,
        bodyLength: 0,
      });
    };
    // The engine preflights once and reuses the entry 2.7 s after the first step started.
    wire('OPTIONS', true);
    wire('PUT', false);
    servers.journal.mark(token, 'step-1');
    wire('PUT', false);
    const headerNames = ['cache-control', 'content-length'];
    const raw = [
      {
        token,
        steps: [
          { ...okStep, headerNames, startedMs: 100, elapsedMs: firstTook },
          { ...okStep, headerNames, startedMs: 2803 },
        ],
      },
    ];
    settleBatch(ctx, batch, { raw, cause: '', console: [] });
    return finished.get(0);
  };
  // The first step took 900 ms: stored at its end, the entry is 1.8 s old at the reuse.
  const ended = settle(900, 'run11');
  expect(ended?.verdict).toBe('pass');
  expect(ended?.note).toMatch(/cache entry taken as stored at its end \(\+900 ms\)/);
  expect(ended?.prediction?.then?.preflight).toBe(false);
  // It took 5 ms: the entry was 2.7 s old whichever end of the step stored it.
  const expired = settle(5, 'run12');
  expect(expired?.verdict).toBe('fail');
  expect(expired?.prediction?.then?.preflight).toBe(true);
});

test('a step the page timed out on is a harness error naming the step, not a verdict', async () => {
  const { ctx, finished } = steps();
  const batch = prepareCases(ctx, [simple('a')], 'run10');
  const raw = await scheduleBatch(ctx, batch, 'page');
  const timedOut = raw.map((r) => ({
    ...r,
    steps: r.steps.map((s) => ({
      ...s,
      kind: 'timeout' as const,
      errorName: 'TimeoutError',
      errorMessage: 'The operation timed out.',
    })),
  }));
  settleBatch(ctx, batch, { raw: timedOut, cause: '', console: [] });
  expect(finished.get(0)?.verdict).toBe('harness-error');
  expect(finished.get(0)?.note).toBe(
    'chromium: step 0 did not settle within 10000 ms (the step timeout)',
  );
});

/** A promise the test opens by hand. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}

const turn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

test('batches of one jar share the page up to the limit; another jar waits until it is empty', async () => {
  const { servers, slot, behaviour } = setup();
  const session = new RunSession(slot, servers, 2);
  const log: string[] = [];
  const jar: CookieSetup[] = [{ name: 'k', value: 'v', on: 'same-origin' }];
  const batch = (name: string, cookies: CookieSetup[], g: { wait: Promise<void> }) =>
    session.withJar(cookies, async () => {
      log.push(`start ${name}`);
      await g.wait;
      log.push(`end ${name}`);
    });
  const [a, b, c, d, e] = [gate(), gate(), gate(), gate(), gate()];
  const all = [
    batch('a', [], a),
    batch('b', [], b),
    batch('c', [], c), // a third batch of the same jar: over the limit of two
    batch('d', jar, d), // another jar: after a, b and c
    batch('e', [], e), // behind d, although the page's jar is its own
  ];
  await turn();
  expect(log).toEqual(['start a', 'start b']);
  a.open();
  await turn();
  expect(log.slice(2)).toEqual(['end a', 'start c']);
  b.open();
  c.open();
  await turn();
  // d switched the jar (one navigation) only once the page was empty.
  expect(log.slice(4)).toEqual(['end b', 'end c', 'start d']);
  expect(behaviour.gotos).toHaveLength(1);
  d.open();
  e.open();
  await Promise.all(all);
  expect(log.slice(7)).toEqual(['end d', 'start e', 'end e']);
  expect(behaviour.gotos).toHaveLength(2); // and back to the empty jar for e
});

test('a cookie-free table on a shared session does not wait for the batches queued behind it', async () => {
  const { servers, slot, behaviour } = setup();
  const session = new RunSession(slot, servers, 2);
  const [g, h] = [gate(), gate()];
  const held: Promise<void>[] = [session.withJar([], () => g.wait)];
  // While the table's batch runs beside g, another batch queues for the page.
  behaviour.onRun = () => {
    delete behaviour.onRun;
    held.push(session.withJar([], () => h.wait));
  };
  const table = runScenarios(slot, servers, [simple('a')], { profile, session });
  const first = await Promise.race([table.then(() => 'table'), turn().then(() => 'still waiting')]);
  // Nothing of this table is in the jar: it ends with its batch, not after h's turn.
  expect(first).toBe('table');
  expect(held).toHaveLength(2);
  g.open();
  h.open();
  await Promise.all(held);
  expect(session.holdsCookies).toBe(false);
});

test('batches that fail together in one engine share one restart', async () => {
  const { servers, slot, launches } = setup({ crashOnCalls: [0, 1] });
  const results = await runScenarios(slot, servers, [simple('a'), simple('b')], {
    profile,
    batchSize: 1,
  });
  expect(results.map((r) => r.verdict)).toEqual(['pass', 'pass']);
  expect(results.map((r) => r.restart)).toEqual([
    'EngineCrashed: browser went away',
    'EngineCrashed: browser went away',
  ]);
  expect(launches()).toBe(1);
});

test("an initiator's wait that ran out is a harness error where the verdict would be fail", async () => {
  const { ctx, finished } = steps();
  const img: Scenario = { id: 'img', request: { api: 'img', target: 'same-origin' } };
  const batch = prepareCases(ctx, [img, img], 'run13');
  const raw = await scheduleBatch(ctx, batch, 'page');
  const outcomes: InitiatorPageResult[] = [
    { loaded: false, timeout: true, detail: 'no event within 8000 ms' },
    { loaded: false, detail: 'error' },
  ];
  const settled = raw.map((r, i) => ({
    ...r,
    steps: r.steps.map((s) => ({ ...s, initiator: outcomes[i] ?? { loaded: null } })),
  }));
  settleBatch(ctx, batch, { raw: settled, cause: '', console: [] });
  expect(finished.get(0)?.verdict).toBe('harness-error');
  expect(finished.get(0)?.note).toBe(
    "chromium: step 0: no event within 8000 ms (the page's wait ran out)",
  );
  expect(finished.get(0)?.diffs).toContainEqual({
    field: 'loaded',
    predicted: true,
    observed: 'timeout',
  });
  // An error event is an observation: the disagreement stays a finding.
  expect(finished.get(1)?.verdict).toBe('fail');
});
