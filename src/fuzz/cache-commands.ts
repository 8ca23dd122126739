// Stateful testing of the CORS-preflight cache with fast-check model-based commands: a
// sequence of requests and clock advances against one URL whose preflight answer allows
// PUT, DELETE, x-a and x-b for max-age 4 s. Running the commands (fc.modelRun) builds
// a scenario whose `then` chain replays the sequence with real waits, and, from a tiny
// independent cache model, the preflight each request should cause. The scenario then runs
// in an engine like any generated case (compared with the model's profile), and a unit test
// holds the reference model to the tiny cache model.
//
// Real time runs ahead of the model's clock by the requests' own duration, which only ever
// makes an entry older: with three engines side by side on two cores a few steps can take
// over a second together. So the advances keep every entry the model calls alive far from
// expiry: small advances (0 or 20 ms) and at most one long one (2.2 s) since the last
// preflight leave 1.8 s of max-age 4 s for that overhead; two long ones (4.4 s) are past it
// whatever the overhead.
import fc from 'fast-check';
import type { Scenario, ThenStep } from '../scenario/types.js';

export type CacheMethod = 'GET' | 'PUT' | 'DELETE';
export type CacheHeader = 'x-a' | 'x-b' | null;

/** What the commands build: the steps, and the preflight each step should cause. */
export class CacheSequence {
  readonly steps: { delayMs: number; method: CacheMethod; header: CacheHeader }[] = [];
  pendingDelay = 0;
}

/** The tiny cache model: when the one preflight answer (it caches everything) was stored. */
export class CacheModel {
  now = 0;
  storedAt: number | null = null;
  readonly expected: boolean[] = [];
  constructor(readonly maxAgeS: number) {}

  /** Whether a request needs a preflight now; a preflight stores a fresh entry. */
  request(method: CacheMethod, header: CacheHeader): boolean {
    const unsafe = method !== 'GET' || header !== null;
    const alive = this.storedAt !== null && this.now - this.storedAt < this.maxAgeS * 1000;
    const preflight = unsafe && !alive;
    if (preflight) this.storedAt = this.now;
    this.expected.push(preflight);
    return preflight;
  }
}

class RequestCommand implements fc.Command<CacheModel, CacheSequence> {
  constructor(
    readonly method: CacheMethod,
    readonly header: CacheHeader,
  ) {}
  check(): boolean {
    return true;
  }
  run(model: CacheModel, real: CacheSequence): void {
    real.steps.push({ delayMs: real.pendingDelay, method: this.method, header: this.header });
    real.pendingDelay = 0;
    model.request(this.method, this.header);
  }
  toString(): string {
    return `request(${this.method}${this.header === null ? '' : `, ${this.header}`})`;
  }
}

class AdvanceCommand implements fc.Command<CacheModel, CacheSequence> {
  constructor(readonly ms: number) {}
  check(): boolean {
    return true;
  }
  run(model: CacheModel, real: CacheSequence): void {
    real.pendingDelay += this.ms;
    model.now += this.ms;
  }
  toString(): string {
    return `advance(${this.ms})`;
  }
}

const requestCommandArb = fc
  .tuple(
    fc.constantFrom<CacheMethod>('GET', 'PUT', 'DELETE'),
    fc.constantFrom<CacheHeader>(null, 'x-a', 'x-b'),
  )
  .map(([m, h]) => new RequestCommand(m, h));
/** The long clock advance: one keeps an entry alive, two expire it. */
export const LONG_ADVANCE_MS = 2200;
const advanceCommandArb = fc
  .constantFrom(0, 20, LONG_ADVANCE_MS)
  .map((ms) => new AdvanceCommand(ms));

/** A short cache test: max-age 4 s and up to 6 commands (requests and advances). */
export const cacheSequenceArb = fc.record({
  maxAge: fc.constant(4),
  commands: fc.commands([requestCommandArb, requestCommandArb, advanceCommandArb], {
    maxCommands: 6,
  }),
});

export interface BuiltCacheCase {
  scenario: Scenario;
  /** Preflight expected by the tiny cache model, per step. */
  expected: boolean[];
}

/** Runs the commands: the scenario (a `then` chain) and the expected preflights. */
export function buildCacheCase(input: {
  maxAge: number;
  commands: Iterable<fc.Command<CacheModel, CacheSequence>>;
}): BuiltCacheCase {
  const model = new CacheModel(input.maxAge);
  const real = new CacheSequence();
  // Every sequence starts with a PUT, so there is a first request and a first preflight.
  new RequestCommand('PUT', null).run(model, real);
  fc.modelRun(() => ({ model, real }), input.commands);
  const [first, ...rest] = real.steps;
  const headersOf = (h: CacheHeader): Record<string, string | null> => ({
    'x-a': h === 'x-a' ? '1' : null,
    'x-b': h === 'x-b' ? '1' : null,
  });
  let then: ThenStep | undefined;
  for (const s of [...rest].reverse()) {
    const step: ThenStep = {
      delayMs: s.delayMs,
      request: { method: s.method, headers: headersOf(s.header) },
    };
    if (then !== undefined) step.then = then;
    then = step;
  }
  const scenario: Scenario = {
    id: 'fuzz/preflight-cache-sequence',
    anchors: ['concept-cache', 'http-access-control-max-age'],
    request: { method: first?.method ?? 'PUT', target: 'cross-origin' },
    server: {
      preflight: {
        status: 204,
        headers: [
          ['Access-Control-Allow-Origin', '<origin>'],
          ['Access-Control-Allow-Methods', 'PUT, DELETE'],
          ['Access-Control-Allow-Headers', 'x-a, x-b'],
          ['Access-Control-Max-Age', String(input.maxAge)],
        ],
      },
      actual: { status: 200, headers: [['Access-Control-Allow-Origin', '<origin>']] },
    },
  };
  if (then !== undefined) scenario.then = then;
  return { scenario, expected: model.expected };
}

/** Scenarios for a seed: `count` built cache sequences, as the browser suite runs them. */
export function sampleCacheCases(seed: number, count: number): BuiltCacheCase[] {
  return fc.sample(cacheSequenceArb, { seed, numRuns: count }).map(buildCacheCase);
}

/** The preflight flags along a prediction's or observation's `then` chain. */
export function preflightTrail(p: { preflight: boolean; then?: unknown }): boolean[] {
  const out: boolean[] = [];
  for (let s: { preflight: boolean; then?: unknown } | undefined = p; s !== undefined;) {
    out.push(s.preflight);
    s = s.then as { preflight: boolean; then?: unknown } | undefined;
  }
  return out;
}
