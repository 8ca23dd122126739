import { expect, test } from '@playwright/test';
import { ProtocolConnection, ProtocolError, type Transport } from './protocol-connection.js';
import { EngineCrashed } from './types.js';

/** A transport whose browser side the test plays: it sees what was sent and answers. */
function fakeTransport(): Transport & { sent: Record<string, unknown>[]; closedByUs: boolean } {
  const t = {
    sent: [] as Record<string, unknown>[],
    closedByUs: false,
    send(text: string) {
      t.sent.push(JSON.parse(text) as Record<string, unknown>);
    },
    close() {
      t.closedByUs = true;
    },
    onMessage: (_text: string) => undefined as void,
    onClose: (_why: string) => undefined as void,
  };
  return t;
}

test('a reply resolves the command with the same id, in any order', async () => {
  const t = fakeTransport();
  const c = new ProtocolConnection(t, 'chromium');
  const a = c.send('A.one', { x: 1 });
  const b = c.send('B.two', {}, 'S1');
  expect(t.sent).toEqual([
    { id: 1, method: 'A.one', params: { x: 1 } },
    { id: 2, method: 'B.two', params: {}, sessionId: 'S1' },
  ]);
  t.onMessage(JSON.stringify({ id: 2, result: { two: true } }));
  t.onMessage(JSON.stringify({ type: 'success', id: 1, result: { one: true } }));
  expect(await a).toEqual({ one: true });
  expect(await b).toEqual({ two: true });
});

test('an error reply rejects with the method and the browser words (CDP and BiDi shapes)', async () => {
  const t = fakeTransport();
  const c = new ProtocolConnection(t, 'firefox');
  const cdp = c.send('Page.navigate');
  const bidi = c.send('script.evaluate');
  t.onMessage(JSON.stringify({ id: 1, error: { code: -32000, message: 'No target' } }));
  t.onMessage(JSON.stringify({ type: 'error', id: 2, error: 'no such frame', message: 'gone' }));
  await expect(cdp).rejects.toThrow(new ProtocolError('Page.navigate: No target'));
  await expect(bidi).rejects.toThrow('script.evaluate: no such frame: gone');
});

test('events reach their handlers with the session they name, until stopped', () => {
  const t = fakeTransport();
  const c = new ProtocolConnection(t, 'chromium');
  const seen: string[] = [];
  const stop = c.on('Log.entryAdded', (p, s) => seen.push(`${String(p.n)}@${s ?? '-'}`));
  t.onMessage(JSON.stringify({ method: 'Log.entryAdded', params: { n: 1 }, sessionId: 'S' }));
  t.onMessage(JSON.stringify({ type: 'event', method: 'Log.entryAdded', params: { n: 2 } }));
  t.onMessage('not json');
  stop();
  t.onMessage(JSON.stringify({ method: 'Log.entryAdded', params: { n: 3 } }));
  expect(seen).toEqual(['1@S', '2@-']);
});

test("a page's session failing rejects only that page's commands", async () => {
  const t = fakeTransport();
  const c = new ProtocolConnection(t, 'chromium');
  const mine = c.send('Runtime.evaluate', {}, 'S1');
  const other = c.send('Runtime.evaluate', {}, 'S2');
  c.failSession('S1', 'the page crashed');
  await expect(mine).rejects.toThrow(new EngineCrashed('the page crashed'));
  t.onMessage(JSON.stringify({ id: 2, result: { ok: 1 } }));
  expect(await other).toEqual({ ok: 1 });
});

test('a closed transport fails every waiting command and every later one as EngineCrashed', async () => {
  const t = fakeTransport();
  const c = new ProtocolConnection(t, 'firefox');
  const waiting = c.send('script.evaluate');
  t.onClose('killed by SIGKILL');
  await expect(waiting).rejects.toThrow(new EngineCrashed('firefox went away: killed by SIGKILL'));
  expect(c.isClosed).toBe(true);
  await expect(c.send('browser.close')).rejects.toThrow(EngineCrashed);
  expect(t.sent).toHaveLength(1);
});
