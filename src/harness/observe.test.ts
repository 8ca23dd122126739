import { expect, test } from '@playwright/test';
import type { JournalEntry, JournalRecord } from '../../servers/instruction.js';
import type { HeaderList } from '../scenario/types.js';
import { hasCookie, headerValue, observeCase, observeWire, splitSteps } from './observe.js';
import type { RawStepResult } from './types.js';

let seq = 0;
function req(hop: number, method: string, headers: HeaderList, preflight = false): JournalEntry {
  seq++;
  return {
    kind: 'request',
    seq,
    time: 1000 + seq,
    token: 't',
    hop,
    method,
    target: `/cors/t/${hop}?i=x`,
    origin: 'http://example.net:4001',
    rawHeaders: headers,
    preflight,
    bodyLength: 0,
  };
}
function mark(label: string): JournalRecord {
  seq++;
  return { kind: 'mark', seq, time: 1000 + seq, token: 't', label };
}
const PAGE = 'http://example.com:4001';
function preflight(hop: number, acrm: string, acrh?: string): JournalEntry {
  const h: HeaderList = [
    ['Origin', PAGE],
    ['Access-Control-Request-Method', acrm],
  ];
  if (acrh !== undefined) h.push(['Access-Control-Request-Headers', acrh]);
  return req(hop, 'OPTIONS', h, true);
}
function okStep(names: string[] = []): RawStepResult {
  return {
    kind: 'ok',
    status: 200,
    statusText: 'OK',
    type: 'cors',
    url: 'u',
    redirected: false,
    headerNames: names,
    body: '',
    errorName: null,
    errorMessage: null,
    elapsedMs: 3,
  };
}

test('headerValue joins duplicate lines and ignores case', () => {
  const h: HeaderList = [
    ['x-a', '1'],
    ['X-A', '2'],
    ['y', '3'],
  ];
  expect(headerValue(h, 'X-a')).toBe('1, 2');
  expect(headerValue(h, 'z')).toBeNull();
});

test('hasCookie finds a cookie by name only', () => {
  expect(hasCookie([['Cookie', 'a=1; sid=2']], ['sid'])).toBe(true);
  expect(hasCookie([['Cookie', 'xsid=2']], ['sid'])).toBe(false);
  expect(hasCookie([], ['sid'])).toBe(false);
  expect(hasCookie([['Cookie', 'sid=2']], [])).toBe(false);
});

test('preflighted request: ACRM/ACRH of the first preflight, actual reached, Origin there', () => {
  const w = observeWire([preflight(0, 'PUT', 'x-a,x-b'), req(0, 'PUT', [['Origin', PAGE]])], []);
  expect(w).toMatchObject({
    preflight: true,
    acrm: 'PUT',
    acrh: 'x-a,x-b',
    actualSent: true,
    originHeader: PAGE,
  });
  expect(w.wire).toEqual([
    { hop: 0, preflight: true, method: 'OPTIONS', origin: PAGE, acrm: 'PUT', acrh: 'x-a,x-b' },
    { hop: 0, preflight: false, method: 'PUT', origin: PAGE },
  ]);
});

test('denied preflight: no actual request, no Origin reported', () => {
  const w = observeWire([preflight(0, 'DELETE')], []);
  expect(w).toMatchObject({
    preflight: true,
    acrm: 'DELETE',
    acrh: null,
    actualSent: false,
    originHeader: null,
  });
});

test('redirect then preflight at the next hop: the final URL saw no actual request', () => {
  const w = observeWire([req(0, 'GET', [['Origin', PAGE]]), preflight(1, 'GET', 'x-a')], [], 1);
  expect(w.actualSent).toBe(false);
  expect(w.preflight).toBe(true);
});

test('the final URL never reached: not sent, no Origin, whatever an earlier hop saw', () => {
  // A chain page → cross-site → page whose last redirect the engine refused: hop 2 is missing.
  const w = observeWire([req(0, 'GET', []), req(1, 'GET', [['Origin', PAGE]])], [], 2);
  expect(w.actualSent).toBe(false);
  expect(w.originHeader).toBeNull();
  expect(w.wire.map((x) => [x.hop, x.origin])).toEqual([
    [0, null],
    [1, PAGE],
  ]);
});

test('cross-origin redirect: Origin null at the last hop, cookies per request', () => {
  const w = observeWire(
    [
      req(0, 'GET', [
        ['Origin', PAGE],
        ['Cookie', 'sid=1'],
      ]),
      req(1, 'GET', [['Origin', 'null']]),
    ],
    ['sid'],
    1,
  );
  expect(w.originHeader).toBe('null');
  expect(w.wire.map((x) => x.cookie)).toEqual([true, false]);
});

test('nothing arrived: no preflight, no actual request', () => {
  expect(observeWire([], [])).toEqual({
    preflight: false,
    acrm: null,
    acrh: null,
    actualSent: false,
    originHeader: null,
    wire: [],
  });
});

test('splitSteps cuts at step marks in arrival order and ignores error records', () => {
  const a = preflight(0, 'PUT');
  const b = req(0, 'PUT', []);
  const m1 = mark('step-1');
  const c = req(0, 'PUT', []);
  const m2 = mark('step-2');
  const steps = splitSteps(
    [c, m2, a, m1, b, { kind: 'error', seq: 99, time: 0, token: 't', message: 'x' }],
    3,
  );
  expect(steps.map((s) => s.map((e) => e.seq))).toEqual([[a.seq, b.seq], [c.seq], []]);
});

test('observeCase builds the then chain: a cache hit shows no second preflight', () => {
  const records: JournalRecord[] = [
    preflight(0, 'PUT'),
    req(0, 'PUT', [['Origin', PAGE]]),
    mark('step-1'),
    req(0, 'PUT', [['Origin', PAGE]]),
  ];
  const o = observeCase([okStep(['content-length']), okStep()], records, 2, []);
  expect(o.preflight).toBe(true);
  expect(o.readableHeaders).toEqual(['content-length']);
  expect(o.then?.preflight).toBe(false);
  expect(o.then?.actualSent).toBe(true);
  expect(o.then?.then).toBeUndefined();
});

test('observeCase: a missing page result is an exception with a harness note', () => {
  const o = observeCase([], [], 1, []);
  expect(o.outcome).toBe('exception');
  expect(o.unrecognisedError).toBe(true);
});

test('a network error hides status and headers even if the page reported some', () => {
  const raw: RawStepResult = {
    ...okStep(['x']),
    kind: 'rejected',
    errorName: 'TypeError',
    errorMessage: 'Failed to fetch',
  };
  const o = observeCase([raw], [], 1, []);
  expect(o).toMatchObject({
    outcome: 'network-error',
    status: null,
    responseType: null,
    readableHeaders: [],
  });
  expect(o.error).toEqual({ name: 'TypeError', message: 'Failed to fetch' });
  expect(o.unrecognisedError).toBeUndefined();
});
