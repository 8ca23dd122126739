import { expect, test } from '@playwright/test';
import type { JournalRecord } from './instruction.js';
import { Journal, type JournalInput } from './journal.js';

const request = (token: string, hop = 0): JournalInput => ({
  kind: 'request',
  token,
  hop,
  method: 'GET',
  target: `/cors/${token}/${hop}`,
  origin: 'http://example.net:1',
  rawHeaders: [['Host', 'example.net:1']],
  preflight: false,
  bodyLength: 0,
});

test('records per token in arrival order, seq across tokens, time from the clock', () => {
  let t = 1000;
  const j = new Journal({ now: () => t++ });
  j.record(request('a'));
  j.record(request('b'));
  j.mark('a', 'step-1');
  j.record(request('a', 1));
  const a = j.records('a');
  expect(a.map((r) => r.kind)).toEqual(['request', 'mark', 'request']);
  expect(a.map((r) => r.seq)).toEqual([1, 3, 4]);
  expect(a.map((r) => r.time)).toEqual([1000, 1002, 1003]);
  expect(a[1]).toMatchObject({ kind: 'mark', label: 'step-1', token: 'a' });
  expect(j.records('b')).toHaveLength(1);
  expect(j.records('none')).toEqual([]);
  // A copy: changing it does not change the journal.
  a.pop();
  expect(j.records('a')).toHaveLength(3);
});

test('clear forgets one token only', () => {
  const j = new Journal();
  j.record(request('a'));
  j.record(request('b'));
  j.clear('a');
  expect(j.records('a')).toEqual([]);
  expect(j.records('b')).toHaveLength(1);
  expect(j.size).toBe(1);
});

test('onRecord wakes a listener for each record until unsubscribed', () => {
  const j = new Journal();
  const seen: JournalRecord[] = [];
  const off = j.onRecord((r) => seen.push(r));
  j.record(request('a'));
  j.mark('a', 'x');
  off();
  j.record(request('a'));
  expect(seen.map((r) => r.seq)).toEqual([1, 2]);
});

test('a throwing listener neither stops the record nor the other listeners', () => {
  const j = new Journal();
  const boom = new Error('listener bug');
  let calls = 0;
  j.onRecord(() => {
    throw boom;
  });
  j.onRecord(() => calls++);
  expect(() => j.record(request('a'))).not.toThrow();
  expect(calls).toBe(1);
  expect(j.records('a')).toHaveLength(1);
  expect(j.listenerError).toBe(boom);
});

test('past the bound, whole tokens are dropped oldest first', () => {
  const j = new Journal({ maxRecords: 5 });
  for (const t of ['a', 'a', 'b', 'b', 'c']) j.record(request(t));
  expect(j.size).toBe(5);
  j.record(request('d'));
  expect(j.records('a')).toEqual([]);
  expect(j.records('b')).toHaveLength(2);
  expect(j.records('d')).toHaveLength(1);
  expect(j.size).toBe(4);
  expect(j.dropped).toBe(2);
});

test('a single token larger than the bound keeps its newest records', () => {
  const j = new Journal({ maxRecords: 3 });
  for (let n = 0; n < 5; n++) j.record(request('big', n));
  expect(j.records('big').map((r) => (r.kind === 'request' ? r.hop : -1))).toEqual([2, 3, 4]);
  expect(() => new Journal({ maxRecords: 0 })).toThrow(RangeError);
});

test('errors() lists error records of every token, with and without one', () => {
  const j = new Journal();
  j.record({ kind: 'error', token: '', message: 'malformed request line' });
  j.record(request('a'));
  j.record({ kind: 'error', token: 'a', message: 'bad instruction', target: '/cors/a/0?i=x' });
  expect(j.errors().map((e) => e.message)).toEqual(['malformed request line', 'bad instruction']);
});
