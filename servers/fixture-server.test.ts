import { expect, test } from '@playwright/test';
import { ORIGIN_ROLES } from '../src/scenario/types.js';
import { cookieChainUrl } from './cookie-chain.js';
import { encodeInstruction, hopPath, type Instruction, type JournalEntry } from './instruction.js';
import { RawClient, type RawReply } from './raw-client.js';
import { startFixtureServers, type FixtureServers } from './fixture-server.js';
import { localCertificate } from './tls.js';

const portOf = (origin: string): number => Number(new URL(origin).port);
const hostOf = (origin: string): string => new URL(origin).host;

/** One request on a fresh connection to the listener serving `origin`. */
async function send(origin: string, head: string, body = ''): Promise<RawReply> {
  const url = new URL(origin);
  const c = await RawClient.connect({
    port: Number(url.port),
    ...(url.protocol === 'https:'
      ? { tls: { ca: (await localCertificate()).cert, servername: url.hostname } }
      : {}),
  });
  try {
    c.write(head + body);
    return await c.readResponse();
  } finally {
    c.close();
  }
}

const get = (origin: string, target: string, extra = ''): Promise<RawReply> =>
  send(origin, `GET ${target} HTTP/1.1\r\nHost: ${hostOf(origin)}\r\n${extra}\r\n`);

function chain(s: FixtureServers, token: string): Instruction {
  return {
    token,
    hops: [
      {
        origin: s.origins['same-origin'],
        preflight: null,
        response: { status: 302, headers: [['Location', '<next>']] },
      },
      {
        origin: s.origins['cross-origin'],
        preflight: {
          status: 204,
          headers: [
            ['Access-Control-Allow-Origin', '<origin>'],
            ['Access-Control-Allow-Methods', '<acrm>'],
          ],
        },
        response: {
          status: 200,
          headers: [['Access-Control-Allow-Origin', '*']],
          body: 'done',
        },
      },
    ],
    vars: { origin: s.pageOrigin, host: hostOf(s.pageOrigin) },
  };
}

test.describe('with host names', () => {
  let s: FixtureServers;
  test.beforeAll(async () => {
    s = await startFixtureServers();
  });
  test.afterAll(async () => {
    await s.close();
  });

  test('roles map to host-named origins on three listeners', () => {
    expect(s.hostNames).toBe(true);
    expect(s.hostNameList).toEqual([
      'example.com',
      'sub.example.com',
      'example.net',
      'example.org',
    ]);
    expect(s.pageOrigin).toBe(s.origins['same-origin']);
    const p = portOf(s.pageOrigin);
    expect(s.origins).toEqual({
      'same-origin': `http://example.com:${p}`,
      'cross-origin': `http://example.net:${p}`,
      'cross-origin-different-port': `http://example.com:${portOf(s.origins['cross-origin-different-port'])}`,
      'cross-origin-2': `http://example.org:${p}`,
      'same-site': `http://sub.example.com:${p}`,
      'same-origin-of-parent': `http://example.com:${p}`,
      'https-cross-origin': `https://example.net:${portOf(s.origins['https-cross-origin'])}`,
    });
    expect(new Set(s.ports).size).toBe(3);
    const distinct = new Set(
      ORIGIN_ROLES.filter((r) => r !== 'same-origin-of-parent').map((r) => s.origins[r]),
    );
    expect(distinct.size).toBe(6);
    expect(s.siteRelation['same-site']).toBe('same-site');
    expect(s.siteRelation['cross-origin-different-port']).toBe('same-site');
    expect(s.siteRelation['cross-origin']).toBe('cross-site');
    expect(s.siteRelation['https-cross-origin']).toBe('cross-site');
  });

  test('odd methods are answered and journaled with their exact case and raw headers', async () => {
    const i = chain(s, 'odd-methods');
    const path = hopPath(i.token, 1, { inline: encodeInstruction(i) });
    const b = s.origins['cross-origin'];
    for (const m of ['CHICKEN', 'patcH']) {
      const r = await send(
        b,
        `${m} ${path}&q=1 HTTP/1.1\r\nHost: ${hostOf(b)}\r\norigin: x\r\nX-Dup: 1\r\nx-dup: 2\r\nContent-Length: 2\r\n\r\n`,
        'hi',
      );
      expect(r.status).toBe(200);
      expect(r.body.toString()).toBe('done');
    }
    const recs = s.journal.records('odd-methods') as JournalEntry[];
    expect(recs.map((r) => r.method)).toEqual(['CHICKEN', 'patcH']);
    expect(recs[0]).toMatchObject({
      kind: 'request',
      hop: 1,
      origin: b,
      preflight: false,
      bodyLength: 2,
      target: `${path}&q=1`,
      rawHeaders: [
        ['Host', hostOf(b)],
        ['origin', 'x'],
        ['X-Dup', '1'],
        ['x-dup', '2'],
        ['Content-Length', '2'],
      ],
    });
  });

  test('instruction headers reach the wire byte for byte: duplicates, case, control bytes', async () => {
    const i = chain(s, 'bytes');
    i.hops[1] = {
      ...i.hops[1]!,
      response: {
        status: 200,
        reason: 'Fine  Thanks',
        headers: [
          ['X-Dup', '1'],
          ['x-DUP', '2'],
          ['aCCESS-CONTROL-allow-origin', '*'],
          ['X-Bytes', '\u0001\u007f\u00e9'],
          ['Content-Length', '1'],
        ],
        body: 'z',
      },
    };
    const b = s.origins['cross-origin'];
    const r = await get(b, hopPath('bytes', 1, { inline: encodeInstruction(i) }));
    const expected = Buffer.concat([
      Buffer.from(
        'HTTP/1.1 200 Fine  Thanks\r\nX-Dup: 1\r\nx-DUP: 2\r\naCCESS-CONTROL-allow-origin: *\r\nX-Bytes: ',
        'latin1',
      ),
      Buffer.from([0x01, 0x7f, 0xe9]),
      Buffer.from('\r\nContent-Length: 1\r\n\r\nz', 'latin1'),
    ]);
    expect(r.raw.equals(expected)).toBe(true);
  });

  test('a registered chain: redirect to <next> with r=, then preflight and response', async () => {
    const i = chain(s, 'reg-chain');
    const id = s.register(i);
    const a = s.origins['same-origin'];
    const first = await get(a, hopPath(i.token, 0, { ref: id }));
    expect(first.status).toBe(302);
    const location = first.headers.find(([n]) => n === 'Location')?.[1] ?? '';
    expect(location).toBe(`${s.origins['cross-origin']}/cors/reg-chain/1?r=${id}`);
    const next = new URL(location);
    const pre = await send(
      next.origin,
      `OPTIONS ${next.pathname}${next.search} HTTP/1.1\r\nHost: ${next.host}\r\nOrigin: ${a}\r\n` +
        'Access-Control-Request-Method: PUT\r\n\r\n',
    );
    expect(pre.status).toBe(204);
    expect(pre.headers).toEqual([
      ['Access-Control-Allow-Origin', s.pageOrigin],
      ['Access-Control-Allow-Methods', 'PUT'],
    ]);
    const recs = s.journal.records('reg-chain');
    expect(
      recs.map((r) => (r.kind === 'request' ? [r.hop, r.preflight, r.origin] : r.kind)),
    ).toEqual([
      [0, false, a],
      [1, true, s.origins['cross-origin']],
    ]);
    expect(() => s.register({ ...i, token: 'no spaces allowed' })).toThrow(/token/);
  });

  test('harness errors: bad instruction, unknown r=, token mismatch, hop out of range', async () => {
    const a = s.origins['same-origin'];
    const i = chain(s, 'errs');
    const cases: [string, RegExp][] = [
      ['/cors/errs/0?i=%%%', /not base64url/],
      ['/cors/errs/0?r=nope', /no instruction registered/],
      [`/cors/errs/0?i=${encodeInstruction({ ...i, token: 'other' })}`, /differs/],
      [hopPath('errs', 7, { inline: encodeInstruction(i) }), /hop 7 is out of range/],
      ['/cors/errs/0', /neither i= nor r=/],
    ];
    for (const [target, why] of cases) {
      const r = await get(a, target);
      expect(r.status).toBe(400);
      expect(r.body.toString()).toMatch(why);
    }
    const errors = s.journal.records('errs').filter((r) => r.kind === 'error');
    expect(errors).toHaveLength(cases.length);
    cases.forEach(([, why], n) =>
      expect(errors[n]?.kind === 'error' && errors[n].message).toMatch(why),
    );
  });

  test('a malformed request gets a 400 and an error record under its token', async () => {
    const a = s.origins['same-origin'];
    const r = await send(a, 'GET /cors/broken/0?i=x HTTP/1.1\r\nBad Header: 1\r\n\r\n');
    expect(r.status).toBe(400);
    const errs = s.journal.records('broken');
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ kind: 'error', target: '/cors/broken/0?i=x' });
    const before = s.journal.errors().length;
    await send(a, 'NOT A REQUEST\r\n\r\n');
    expect(s.journal.errors().length).toBe(before + 1);
    expect(s.journal.errors().at(-1)?.token).toBe('');
  });

  test('control routes: journal, mark, set-cookie, health, static, 404', async () => {
    const b = s.origins['cross-origin'];
    const mark = await get(b, '/__mark?token=ctl&label=step%201');
    expect(mark.status).toBe(204);
    expect(mark.headers).toEqual([['Cache-Control', 'no-store']]);
    const j = await get(s.origins['same-site'], '/__journal?token=ctl');
    expect(j.status).toBe(200);
    expect(j.headers).toContainEqual(['Cache-Control', 'no-store']);
    expect(j.headers.some(([n]) => n.toLowerCase().startsWith('access-control-'))).toBe(false);
    expect(JSON.parse(j.body.toString())).toMatchObject([{ kind: 'mark', label: 'step 1' }]);

    const c1 = await get(b, '/__set-cookie?name=sid&value=1&attrs=SameSite%3DNone%3B%20Secure');
    expect(c1.status).toBe(200);
    expect(c1.headers.filter(([n]) => n === 'Set-Cookie')).toEqual([
      ['Set-Cookie', 'sid=1; SameSite=None; Secure'],
    ]);
    const c2 = await get(b, '/__set-cookie?name=k&value=v');
    expect(c2.headers).toContainEqual(['Set-Cookie', 'k=v']);
    expect((await get(b, '/__set-cookie?name=k&value=%0D%0A')).status).toBe(400);

    expect((await get(s.origins['cross-origin-2'], '/__health')).status).toBe(200);
    s.addStatic('/page.html', {
      contentType: 'text/html',
      body: '<p>hi</p>',
      headers: [['X-P', '1']],
    });
    for (const role of ORIGIN_ROLES) {
      const p = await get(s.origins[role], '/page.html?x=1');
      expect(p.status).toBe(200);
      expect(p.body.toString()).toBe('<p>hi</p>');
      expect(p.headers.slice(0, 3)).toEqual([
        ['Content-Type', 'text/html'],
        ['X-P', '1'],
        ['Cache-Control', 'no-store'],
      ]);
    }
    expect(() => s.addStatic('/cors/x', { contentType: 'text/plain', body: '' })).toThrow(
      /collides/,
    );
    expect((await get(b, '/nothing-here')).status).toBe(404);
  });

  test('a cookie chain sets each cookie on its own origin and redirects hop by hop', async () => {
    const a = s.origins['cross-origin'];
    const h = s.origins['https-cross-origin'];
    const then = `${s.pageOrigin}/harness/runner.html`;
    const first = cookieChainUrl({
      set: [
        { origin: a, line: 'sid=1; Path=/' },
        { origin: h, line: 'k=2; SameSite=None; Secure' },
      ],
      then,
    });
    if (first === null) throw new Error('no chain');
    const u1 = new URL(first);
    const r1 = await get(a, u1.pathname + u1.search);
    expect(r1.status).toBe(302);
    expect(r1.headers).toContainEqual(['Set-Cookie', 'sid=1; Path=/']);
    const next = r1.headers.find(([n]) => n === 'Location')?.[1] ?? '';
    expect(next.startsWith(`${h}/__set-cookie?`)).toBe(true);
    const u2 = new URL(next);
    const r2 = await get(h, u2.pathname + u2.search);
    expect(r2.headers).toContainEqual(['Set-Cookie', 'k=2; SameSite=None; Secure']);
    expect(r2.headers).toContainEqual(['Location', then]);
    expect(cookieChainUrl({ set: [], then })).toBeNull();
    expect((await get(a, '/__set-cookie?jar=bm90IGpzb24&step=0')).status).toBe(400);
    expect((await get(a, `${u1.pathname}?jar=${u1.searchParams.get('jar')}&step=2`)).status).toBe(
      400,
    );
  });

  test('the https origin answers with the generated certificate for example.net', async () => {
    const i = chain(s, 'tls-hop');
    i.hops[1] = { ...i.hops[1]!, origin: s.origins['https-cross-origin'] };
    const https = s.origins['https-cross-origin'];
    const r = await get(https, hopPath('tls-hop', 1, { inline: encodeInstruction(i) }));
    expect(r.status).toBe(200);
    expect(s.journal.records('tls-hop')[0]).toMatchObject({ origin: https });
  });
});

test('port-based fallback: every role its own 127.0.0.1 port, none cross-site but https', async () => {
  const s = await startFixtureServers({ hostNames: false });
  try {
    expect(s.hostNames).toBe(false);
    expect(s.hostNameList).toEqual([]);
    for (const role of ORIGIN_ROLES) {
      expect(s.origins[role]).toMatch(/^https?:\/\/127\.0\.0\.1:\d+$/);
    }
    expect(s.origins['same-origin-of-parent']).toBe(s.pageOrigin);
    const distinct = new Set(Object.values(s.origins));
    expect(distinct.size).toBe(6);
    expect(s.origins['https-cross-origin'].startsWith('https://')).toBe(true);
    expect(s.siteRelation['cross-origin']).toBe('same-site');
    expect(s.siteRelation['https-cross-origin']).toBe('cross-site');
    const r = await get(s.origins['cross-origin-2'], '/__health');
    expect(r.status).toBe(200);
    const h = await get(s.origins['https-cross-origin'], '/__health');
    expect(h.status).toBe(200);
  } finally {
    await s.close();
  }
});

test('close() leaves no listener or socket open', async () => {
  const count = (): number =>
    process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap' || r === 'TCPSocketWrap')
      .length;
  const before = count();
  const s = await startFixtureServers();
  // An idle keep-alive connection that close() must end.
  const c = await RawClient.connect({ port: portOf(s.pageOrigin) });
  c.write(`GET /__health HTTP/1.1\r\nHost: ${hostOf(s.pageOrigin)}\r\n\r\n`);
  await c.readResponse();
  expect(count()).toBeGreaterThan(before);
  await s.close();
  await c.readToEnd();
  await new Promise((r) => setTimeout(r, 20));
  expect(count()).toBe(before);
  await expect(RawClient.connect({ port: portOf(s.pageOrigin) })).rejects.toThrow(/ECONNREFUSED/);
});
