// The two tricks that keep results.json small: named fixture ports and prediction patches.
import { expect, test } from '@playwright/test';
import { applyPatch, patchOf } from './json-patch.js';
import { namePorts, portNamesOf, portsByName, restorePorts } from './results-ports.js';

test('a patch turns the base into the value, whatever changed', () => {
  const base = { a: 1, list: [{ x: 1 }, { x: 2 }, { x: 3 }], gone: true, then: { b: 'x' } };
  const values = [
    base,
    { ...base, a: 2 },
    { ...base, list: [{ x: 1 }, { x: 9 }] },
    { ...base, list: [...base.list, { x: 4 }] },
    { a: 1, list: base.list, then: { b: 'x' } },
    { ...base, then: null },
    { ...base, extra: [1, 2] },
    null,
  ];
  for (const v of values) expect(applyPatch(base, patchOf(base, v))).toEqual(v);
  expect(patchOf(base, base)).toBeUndefined();
  // Only what changed is written.
  expect(patchOf(base, { ...base, list: [{ x: 1 }, { x: 9 }, { x: 3 }] })).toEqual({
    list: { '#': 3, '1': { x: { '=': 9 } } },
  });
});

test('fixture ports are named per engine and restored; a scenario port of its own stays', () => {
  const chromium = 'http://example.net:4001/a http://example.com:4002/b https://example.net:4003/c';
  const odd = 'http://example.com:40010/x https://example.com:4001/y';
  const names = portNamesOf([chromium, chromium, odd]);
  expect(names).toEqual({ '4001': 'P', '4002': 'Q', '4003': 'R' });
  const named = namePorts(`${chromium} ${odd}`, names);
  expect(named).toBe(
    'http://example.net:{port:P}/a http://example.com:{port:Q}/b https://example.net:{port:R}/c ' +
      'http://example.com:40010/x https://example.com:{port:P}/y',
  );
  expect(restorePorts(named, portsByName(names))).toBe(`${chromium} ${odd}`);
  // Another engine's numbers give the same named text.
  const firefox = chromium
    .replace(/4001/g, '5001')
    .replace(/4002/g, '5002')
    .replace(/4003/g, '5003');
  expect(namePorts(firefox, portNamesOf([firefox]))).toBe(namePorts(chromium, names));
  expect(portNamesOf(['http://127.0.0.1:4001/'])).toBeNull();
});
