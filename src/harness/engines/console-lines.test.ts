import { expect, test } from '@playwright/test';
import { ConsoleLines } from './console-lines.js';

test('errors and warnings are kept (BiDi spells warning "warn"), other levels dropped; take empties', () => {
  const c = new ConsoleLines();
  c.add('error', 'blocked by CORS policy');
  c.add('warn', 'w1');
  c.add('warning', 'w2');
  c.add('log', 'not evidence');
  c.add('info', 'neither');
  c.add(undefined, 'no level');
  expect(c.take()).toEqual(['error: blocked by CORS policy', 'warning: w1', 'warning: w2']);
  expect(c.take()).toEqual([]);
});
