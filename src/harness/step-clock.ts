// The clock of a `then` chain as the page ran it. The model advances its clock by each
// step's `delayMs`; in a crowded batch a step can start seconds later than that, and a
// preflight-cache entry (default lifetime 5 s, https://fetch.spec.whatwg.org/#cors-preflight-cache)
// expires by real time. When the page's steps started late, the case is predicted again on
// the page's clock, so a timing artefact of the harness is never judged as an engine's.
import type { Scenario, ThenStep } from '../scenario/types.js';
import type { RawStepResult } from './types.js';

/** How far a step may start after its scheduled time before the page's clock is used. */
export const LATE_STEP_MS = 250;

/** Each step's scheduled start, in ms after the first: the running sum of `delayMs`. */
export function scheduledClock(scenario: Scenario): number[] {
  const clock = [0];
  let at = 0;
  for (let step: ThenStep | undefined = scenario.then; step !== undefined; step = step.then) {
    at += step.delayMs ?? 0;
    clock.push(at);
  }
  return clock;
}

/** Each step's start on the page's clock, in ms after the first; null if any is missing. */
export function pageClock(steps: readonly RawStepResult[]): number[] | null {
  const first = steps[0]?.startedMs;
  if (first === undefined) return null;
  const clock: number[] = [];
  for (const s of steps) {
    if (s.startedMs === undefined) return null;
    clock.push(s.startedMs - first);
  }
  return clock;
}

/**
 * The page's clock when some step started more than LATE_STEP_MS after its scheduled time
 * (and the page ran every step); otherwise null: the scheduled clock stands.
 */
export function lateClock(scenario: Scenario, steps: readonly RawStepResult[]): number[] | null {
  const scheduled = scheduledClock(scenario);
  const page = pageClock(steps);
  if (page === null || scheduled.length < 2 || page.length !== scheduled.length) return null;
  return page.some((at, k) => at - (scheduled[k] ?? 0) > LATE_STEP_MS) ? page : null;
}

/**
 * The page's clock with the first step taken at its end: a preflight-cache entry the first
 * request stored arrived some time between that request's start and its end, and a late
 * chain can sit on either side of an entry's expiry within that window. Steps after the
 * first keep their start (a later step looks the cache up as it starts). Null where
 * `lateClock` is null or the first step has no duration.
 */
export function lateClockFirstStepEnded(
  scenario: Scenario,
  steps: readonly RawStepResult[],
): number[] | null {
  const clock = lateClock(scenario, steps);
  const took = steps[0]?.elapsedMs ?? 0;
  if (clock === null || took <= 0) return null;
  return clock.map((at, k) => (k === 0 ? 0 : Math.max(0, at - took)));
}
