import { expect, test } from '@playwright/test';
import type { Diff } from '../harness/types.js';
import type { Scenario } from '../scenario/types.js';
import { triage } from './triage.js';

const d = (field: string): Diff => ({ field, predicted: 'a', observed: 'b' });

const noReferrerPut: Scenario = {
  request: {
    method: 'PUT',
    mode: 'same-origin',
    referrerPolicy: 'no-referrer',
    target: 'same-origin',
  },
};

test('a difference covered by a rule of that engine is triaged, naming the rule', () => {
  expect(triage('chromium', noReferrerPut, [d('originHeader')])).toEqual([
    'origin-header-no-referrer-same-origin',
  ]);
});

test('another engine, another field, or an uncovered extra difference stays a finding', () => {
  expect(triage('firefox', noReferrerPut, [d('originHeader')])).toBeNull();
  expect(triage('chromium', noReferrerPut, [d('acrh')])).toBeNull();
  expect(triage('chromium', noReferrerPut, [d('originHeader'), d('status')])).toBeNull();
  expect(triage('chromium', noReferrerPut, [])).toBeNull();
});

test('a difference in a follow-up is judged on that follow-up request', () => {
  const s: Scenario = {
    request: { target: 'same-origin' },
    then: { request: { method: 'PUT', mode: 'same-origin', referrerPolicy: 'no-referrer' } },
  };
  expect(triage('chromium', s, [d('then.originHeader')])).not.toBeNull();
  expect(triage('chromium', s, [d('originHeader')])).toBeNull();
});

test('redirect rules look at the hops', () => {
  const s: Scenario = {
    request: { redirect: 'error', target: 'same-origin' },
    server: { redirects: [{ status: 301, to: 'same-origin', noLocation: true }] },
  };
  expect(triage('webkit', s, [d('outcome'), d('status')])).toEqual([
    'redirect-error-without-location',
  ]);
  expect(triage('firefox', s, [d('outcome')])).toBeNull();
});
