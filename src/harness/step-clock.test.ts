import { expect, test } from '@playwright/test';
import type { Scenario } from '../scenario/types.js';
import {
  LATE_STEP_MS,
  lateClock,
  lateClockFirstStepEnded,
  pageClock,
  scheduledClock,
} from './step-clock.js';
import type { RawStepResult } from './types.js';

const scenario: Scenario = {
  id: 't/clock',
  request: { method: 'PUT' },
  server: { actual: { status: 200 } },
  then: { delayMs: 1000, then: { delayMs: 500 } },
};

const single: Scenario = {
  id: 't/one',
  request: { method: 'PUT' },
  server: { actual: { status: 200 } },
};

const step = (startedMs?: number): RawStepResult => {
  const s: RawStepResult = {
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
    elapsedMs: 5,
  };
  if (startedMs !== undefined) s.startedMs = startedMs;
  return s;
};

test('the scheduled clock is the running sum of delayMs', () => {
  expect(scheduledClock(scenario)).toEqual([0, 1000, 1500]);
  expect(scheduledClock(single)).toEqual([0]);
});

test("the page's clock counts from the first step, and needs every step's start", () => {
  expect(pageClock([step(100), step(1120), step(1700)])).toEqual([0, 1020, 1600]);
  expect(pageClock([step(100), step()])).toBeNull();
});

test('steps on time keep the scheduled clock; a late step brings the page clock', () => {
  const onTime = [step(10), step(1030), step(1510 + LATE_STEP_MS)];
  expect(lateClock(scenario, onTime)).toBeNull();
  const late = [step(10), step(1030), step(1511 + LATE_STEP_MS)];
  expect(lateClock(scenario, late)).toEqual([0, 1020, 1501 + LATE_STEP_MS]);
  // A step the page never ran (a chain cut short) leaves the scheduled clock.
  expect(lateClock(scenario, [step(10), step(5000)])).toBeNull();
  // One request alone has no clock to correct.
  expect(lateClock(single, [step(10)])).toBeNull();
});

test("the first step taken at its end moves the later steps back by the first step's duration", () => {
  const late = [{ ...step(10), elapsedMs: 700 }, step(1030), step(2400)];
  expect(lateClockFirstStepEnded(scenario, late)).toEqual([0, 320, 1690]);
  // On time: no page clock, so no second clock either.
  expect(lateClockFirstStepEnded(scenario, [step(10), step(1030), step(1520)])).toBeNull();
});
