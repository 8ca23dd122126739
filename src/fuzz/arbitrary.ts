// The scenario space the fuzzer explores in real browsers: the valid-scenario generators of
// src/scenario/arbitraries.ts, narrowed where a browser run would be slow or stateful
// beyond one case. Changing this file changes what a SEED:PATH replays, so keep it stable.
import fc from 'fast-check';
import {
  initiatorRequestArb,
  requestArb,
  serverArb,
  thenStepArb,
} from '../scenario/arbitraries.js';
import type { ClientKind, Scenario, ThenStep } from '../scenario/types.js';

/** The id every generated scenario carries (no checked-in expectation uses it). */
export const FUZZ_SCENARIO_ID = 'fuzz/generated';

// Follow-ups wait at most 1.1 s in the page: 0 and 10 ms test the preflight cache within
// its lifetime, 1100 ms (one generated delay in five) lets a `max-age: 0`/`1` entry expire.
// Longer waits are the stateful cache suite's business (src/fuzz/cache-commands.ts).
function shortDelay(ms: number): number {
  if (ms <= 10) return ms;
  return ms > 1000 && ms < 10_000 ? 1100 : 10;
}

function shortenDelays(step: ThenStep): ThenStep {
  const out: ThenStep = { ...step };
  if (step.delayMs !== undefined) out.delayMs = shortDelay(step.delayMs);
  if (step.then !== undefined) out.then = shortenDelays(step.then);
  return out;
}

/**
 * A whole scenario for a browser run: any request and server answer the generators make,
 * mostly from the top page (opaque-origin clients sometimes), no cookie setup (a jar state
 * per case would cost a navigation each), follow-ups with short delays.
 */
export const fuzzScenarioArb: fc.Arbitrary<Scenario> = fc
  .record(
    {
      client: fc.oneof(
        { weight: 6, arbitrary: fc.constant<ClientKind>('page') },
        { weight: 1, arbitrary: fc.constantFrom<ClientKind>('opaque-origin', 'data-url') },
      ),
      request: requestArb,
      server: serverArb,
      then: thenStepArb(1).map(shortenDelays),
    },
    { requiredKeys: ['request', 'server'] },
  )
  .map((s): Scenario => ({ id: FUZZ_SCENARIO_ID, ...s }));

/**
 * The values `fc.check(property(arb), { seed })` would try first, from index `start` on:
 * fast-check's sampler walks the same random stream as its runner, and a one-element path
 * skips `start` values (a test checks both facts).
 */
export function sampleScenarios<T>(
  arb: fc.Arbitrary<T>,
  seed: number,
  start: number,
  count: number,
): T[] {
  if (count <= 0) return [];
  return fc.sample(arb, { seed, path: String(start), numRuns: count });
}

/**
 * `fuzz --initiators`: a request from an initiator (img, script, font, worker, beacon, form,
 * WebSocket, ...) from the top page, any server answer. A generator of its own, so the
 * default stream and the replay ids recorded from it do not move; a replay of one of these
 * cases needs `--initiators` again.
 */
export const fuzzInitiatorScenarioArb: fc.Arbitrary<Scenario> = fc
  .record({ request: initiatorRequestArb, server: serverArb })
  .map((s): Scenario => ({ id: FUZZ_SCENARIO_ID, client: 'page', ...withAssetBody(s) }));

/**
 * The final answer carries the fixture's asset for the initiator (a real image, font,
 * script...): a generated body would replace it, and whether an engine can decode "hello" as
 * an image or a font is not something the model predicts. Applied after the draw, so the
 * generator's value stream stays as it is.
 */
function withAssetBody<T extends Pick<Scenario, 'server'>>(s: T): T {
  const actual = s.server?.actual;
  if (actual?.body === undefined) return s;
  const { body: _body, ...rest } = actual;
  return { ...s, server: { ...s.server, actual: rest } };
}
