import { expect, test } from '@playwright/test';
import { NETWORK_ERROR_MESSAGES, classifyStep, isNetworkErrorMessage } from './engine-strings.js';
import type { RawStepResult } from './types.js';

function raw(over: Partial<RawStepResult>): RawStepResult {
  return {
    kind: 'rejected',
    status: null,
    statusText: null,
    type: null,
    url: null,
    redirected: null,
    headerNames: [],
    body: null,
    errorName: null,
    errorMessage: null,
    elapsedMs: 0,
    ...over,
  };
}

for (const { engine, message } of NETWORK_ERROR_MESSAGES) {
  test(`${engine}: "${message}" is a recognised network error`, () => {
    expect(isNetworkErrorMessage(message)).toBe(true);
    expect(classifyStep(raw({ errorName: 'TypeError', errorMessage: message }))).toEqual({
      outcome: 'network-error',
      recognised: true,
    });
  });
}

test('an unknown TypeError message is still a network error, flagged unrecognised', () => {
  expect(classifyStep(raw({ errorName: 'TypeError', errorMessage: 'something new' }))).toEqual({
    outcome: 'network-error',
    recognised: false,
  });
});

test('a rejection that is not a TypeError is an exception, flagged', () => {
  expect(classifyStep(raw({ errorName: 'AbortError', errorMessage: 'aborted' }))).toEqual({
    outcome: 'exception',
    recognised: false,
  });
});

test('construction throwing is an exception; a response is ok', () => {
  expect(
    classifyStep(raw({ kind: 'threw', errorName: 'TypeError', errorMessage: 'Invalid method' }))
      .outcome,
  ).toBe('exception');
  expect(classifyStep(raw({ kind: 'ok', status: 200 })).outcome).toBe('ok');
});

test('XHR events: error is a network error, abort is not recognised, timeout is not recognised', () => {
  expect(classifyStep(raw({ event: 'error' }))).toEqual({
    outcome: 'network-error',
    recognised: true,
  });
  expect(classifyStep(raw({ event: 'abort' }))).toEqual({
    outcome: 'network-error',
    recognised: false,
  });
  expect(classifyStep(raw({ kind: 'timeout', event: 'timeout' }))).toEqual({
    outcome: 'network-error',
    recognised: false,
  });
});

test('messages that merely contain a known phrase later on are not matched', () => {
  expect(isNetworkErrorMessage('Oops: Failed to fetch')).toBe(false);
  expect(isNetworkErrorMessage('Load failed twice')).toBe(false);
});
