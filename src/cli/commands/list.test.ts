import { expect, test } from '@playwright/test';
import { loadTables } from '../../suites/catalog.js';
import type { CliIo } from '../io.js';
import { runList } from './list.js';

function memoryIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readStdin: () => Promise.resolve(''),
    readFile: () => Promise.reject(new Error('unused')),
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

test('list --suite smoke: each scenario with id, title and anchor URLs', async () => {
  const m = memoryIo();
  expect(await runList(['--suite', 'smoke'], m.io)).toBe(0);
  const smoke = (await loadTables()).find((s) => s.name === 'smoke');
  expect(m.out()).toContain(`smoke (${smoke?.scenarios.length} scenarios)`);
  expect(m.out()).toContain('  smoke/simple-get-star  simple GET, ACAO * → readable cors response');
  expect(m.out()).toContain('      https://fetch.spec.whatwg.org/#concept-cors-check');
  expect(m.out()).not.toContain('redirects/');
});

test('list --json: every scenario of every suite as one array in the portable format', async () => {
  const m = memoryIo();
  expect(await runList(['--json'], m.io)).toBe(0);
  const all = (await loadTables()).flatMap((s) => s.scenarios);
  expect(JSON.parse(m.out())).toEqual(JSON.parse(JSON.stringify(all)));
});

test('list --suite nope: one line naming the suites, exit 2', async () => {
  const m = memoryIo();
  expect(await runList(['--suite', 'nope'], m.io)).toBe(2);
  expect(m.err()).toMatch(/^--suite: no suite nope \(suites: cors-check, credentials, .*smoke/);
  expect(m.err().trim().split('\n')).toHaveLength(1);
});
