import { expect, test } from '@playwright/test';
import { withFramingHeaders } from './framing.js';

test('a body without a length gets Content-Length in UTF-8 bytes', () => {
  expect(withFramingHeaders(200, [['X', '1']], 'é')).toEqual([
    ['X', '1'],
    ['Content-Length', '2'],
  ]);
});

test('a listed length or chunked encoding is left alone, and bodyless statuses get none', () => {
  expect(withFramingHeaders(200, [['content-length', '9']], 'abc')).toEqual([
    ['content-length', '9'],
  ]);
  expect(withFramingHeaders(200, [['Transfer-Encoding', 'chunked']])).toEqual([
    ['Transfer-Encoding', 'chunked'],
  ]);
  for (const status of [101, 204, 304]) expect(withFramingHeaders(status, [])).toEqual([]);
});
