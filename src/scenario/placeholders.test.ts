import { expect, test } from '@playwright/test';
import { normalizeHeaders, resolvePlaceholders } from './placeholders.js';

test('object headers become ordered raw lines, arrays become repeated lines', () => {
  expect(normalizeHeaders({ A: '1', b: ['2', '3'] })).toEqual([
    ['A', '1'],
    ['b', '2'],
    ['b', '3'],
  ]);
});

test('an echo of an absent request header drops the line', () => {
  const v = {
    origin: 'http://example.com:1',
    host: 'example.com:1',
    targetOrigin: 'http://example.net:1',
  };
  expect(resolvePlaceholders('<acrh>', v)).toBeNull();
  expect(resolvePlaceholders('<ORIGIN>', v)).toBe('HTTP://EXAMPLE.COM:1');
});
