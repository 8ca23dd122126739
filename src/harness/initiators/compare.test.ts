import { expect, test } from '@playwright/test';
import type { InitiatorPrediction, WireRequest } from '../../scenario/types.js';
import { compareInitiator, compareSecFetch, initiatorWaitRanOut, secFetchOf } from './compare.js';

const predicted = (loaded: boolean, tainted?: boolean): InitiatorPrediction => ({
  request: {
    mode: 'no-cors',
    credentials: 'include',
    destination: 'image',
    initiator: '',
    preflightPossible: false,
  },
  page: tainted === undefined ? { loaded } : { loaded, tainted },
});

test('Sec-Fetch-* headers become one record; none at all is undefined', () => {
  expect(secFetchOf([['Accept', '*/*']])).toBeUndefined();
  expect(
    secFetchOf([
      ['sec-fetch-site', 'cross-site'],
      ['Sec-Fetch-Mode', 'navigate'],
      ['Sec-Fetch-Dest', 'iframe'],
      ['Sec-Fetch-User', '?1'],
    ]),
  ).toEqual({ site: 'cross-site', mode: 'navigate', dest: 'iframe', user: true });
});

test('loaded differs, a timeout is its own value, a page without an event compares nothing', () => {
  expect(compareInitiator('img', predicted(true), { loaded: false }, '')).toEqual([
    { field: 'loaded', predicted: true, observed: false },
  ]);
  expect(compareInitiator('img', predicted(false), { loaded: false, timeout: true }, '')).toEqual([
    { field: 'loaded', predicted: false, observed: 'timeout' },
  ]);
  // A form's only outcome is the load event: none within the wait is the observation false.
  expect(compareInitiator('form', predicted(false), { loaded: false, timeout: true }, '')).toEqual(
    [],
  );
  expect(compareInitiator('form', predicted(true), { loaded: false, timeout: true }, '')).toEqual([
    { field: 'loaded', predicted: true, observed: false },
  ]);
  expect(initiatorWaitRanOut([{}, { initiator: { loaded: false, timeout: true } }])).toBe(1);
  expect(initiatorWaitRanOut([{ initiator: { loaded: false } }])).toBe(-1);
  expect(compareInitiator('css-image', predicted(false), { loaded: null }, '')).toEqual([]);
  expect(compareInitiator('img', undefined, { loaded: true }, '')).toEqual([]);
  expect(compareInitiator('img', predicted(true), undefined, '')).toHaveLength(1);
});

test('tainted is compared where the driver observes it and the resource loaded', () => {
  expect(
    compareInitiator('img-canvas', predicted(true, true), { loaded: true, tainted: false }, ''),
  ).toEqual([{ field: 'tainted', predicted: true, observed: false }]);
  // A driver that should have observed it and did not is a difference, not a pass.
  expect(compareInitiator('script', predicted(true, true), { loaded: true }, '')).toEqual([
    { field: 'tainted', predicted: true, observed: null },
  ]);
  // No observable (a module imported with import()): nothing to compare.
  expect(compareInitiator('dynamic-import', predicted(true, false), { loaded: true }, '')).toEqual(
    [],
  );
  // A video frame drawn into a canvas: the fixture video has frames, so a read that reported
  // nothing is a difference; the load variant (no taint predicted) compares nothing.
  expect(compareInitiator('video', predicted(true, true), { loaded: true }, '')).toEqual([
    { field: 'tainted', predicted: true, observed: null },
  ]);
  expect(
    compareInitiator('video', predicted(true, false), { loaded: true, tainted: true }, ''),
  ).toEqual([{ field: 'tainted', predicted: false, observed: true }]);
  expect(compareInitiator('video', predicted(true), { loaded: true }, '')).toEqual([]);
  expect(compareInitiator('img-canvas', predicted(false, true), { loaded: false }, '')).toEqual([]);
});

test('Fetch Metadata is compared request by request once the model predicts it', () => {
  const w = (secFetch?: WireRequest['secFetch']): WireRequest => ({
    hop: 0,
    preflight: false,
    method: 'GET',
    origin: null,
    ...(secFetch === undefined ? {} : { secFetch }),
  });
  const sf = { site: 'cross-site' as const, mode: 'no-cors', dest: 'image' };
  expect(compareSecFetch([w()], [w(sf)], '')).toEqual([]);
  expect(compareSecFetch([w(sf)], [w(sf)], '')).toEqual([]);
  expect(compareSecFetch([w(sf)], [w()], '')).toEqual([
    { field: 'secFetch', predicted: [sf], observed: [null] },
  ]);
});

test("a navigation's Sec-Fetch-User is the automation's, not judged; the rest of it is", () => {
  const w = (secFetch: NonNullable<WireRequest['secFetch']>): WireRequest => ({
    hop: 0,
    preflight: false,
    method: 'POST',
    origin: 'null',
    secFetch,
  });
  const nav = { site: 'cross-site' as const, mode: 'navigate', dest: 'iframe' };
  expect(compareSecFetch([w(nav)], [w({ ...nav, user: true })], '')).toEqual([]);
  expect(compareSecFetch([w(nav)], [w({ ...nav, dest: 'document', user: true })], '')).toEqual([
    {
      field: 'secFetch',
      predicted: [nav],
      observed: [{ site: 'cross-site', mode: 'navigate', dest: 'document' }],
    },
  ]);
  const img = { site: 'cross-site' as const, mode: 'no-cors', dest: 'image' };
  expect(compareSecFetch([w(img)], [w({ ...img, user: true })], '')).toHaveLength(1);
});
