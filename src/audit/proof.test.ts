// One browser proof in Chromium: a page on the attacker origin, with a cookie for the target
// in the jar, reads the body of a server that reflects origins with credentials.
import { expect, test } from '@playwright/test';
import { findEngine, isMissing } from '../harness/engines/index.js';
import { BAD_SERVER_ALLOWED, startBadServer } from './fixtures/bad-servers.js';
import { audit } from './index.js';

test('browser proof: reflection + credentials is read from the attacker page, with the cookie', async () => {
  test.setTimeout(90_000);
  const found = await findEngine('chromium');
  test.skip(isMissing(found), 'chromium is not installed here');
  const server = await startBadServer('reflect-credentials');
  try {
    const report = await audit({
      target: server.url,
      allowOrigins: [BAD_SERVER_ALLOWED],
      proof: 'chromium',
    });
    const reflection = report.findings.find((f) => f.id === 'origin-reflection');
    expect(reflection?.exploitable).toBe(true);
    const proof = reflection?.proof;
    expect(proof?.engine).toMatch(/^chromium /);
    // A plain-http target on 127.0.0.1: the attacker page is same-site (another port), so a Lax cookie goes along.
    expect(proof?.attackerOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(proof?.attackerOrigin).not.toBe(new URL(server.url).origin);
    expect(proof?.read).toBe(true);
    expect(proof?.status).toBe(200);
    // The bad server says whether the request carried a cookie: the jar's cookie went along.
    expect(JSON.parse(proof?.bodyExcerpt ?? '{}')).toEqual({
      secret: 'account 12345',
      cookie: true,
    });
    // null origin: proven from a sandboxed frame.
    const nul = report.findings.find((f) => f.id === 'null-origin-allowed');
    expect(nul?.proof).toMatchObject({ attackerOrigin: 'null', read: true });
  } finally {
    await server.close();
  }
});

test('no proof for a correct server: nothing exploitable, no browser started', async () => {
  const server = await startBadServer('good');
  try {
    const report = await audit({
      target: server.url,
      allowOrigins: [BAD_SERVER_ALLOWED],
      proof: 'chromium',
    });
    expect(report.findings).toEqual([]);
    expect(report.skipped).toEqual([]);
  } finally {
    await server.close();
  }
});

test('reflection only when the request carries a cookie: high, proven with the same cookie', async () => {
  test.setTimeout(90_000);
  test.skip(isMissing(await findEngine('chromium')), 'chromium is not installed here');
  const server = await startBadServer('reflect-with-cookie');
  try {
    const report = await audit({
      target: server.url,
      allowOrigins: [BAD_SERVER_ALLOWED],
      proof: 'chromium',
      cookie: 'session=s3cret',
    });
    const reflection = report.findings.find((f) => f.id === 'origin-reflection');
    expect(reflection).toMatchObject({ severity: 'high', exploitable: true });
    expect(reflection?.message).toContain(
      "only when the request carries the user's cookie (without it: Access-Control-Allow-Origin *, Access-Control-Allow-Credentials true)",
    );
    // The raw probe carried the cookie, and so did the browser's request.
    expect(reflection?.evidence.request.headers).toContainEqual(['Cookie', 'session=s3cret']);
    expect(reflection?.proof).toMatchObject({ read: true, status: 200, cookie: 'session=s3cret' });
    expect(JSON.parse(reflection?.proof?.bodyExcerpt ?? '{}')).toEqual({
      secret: 'account 12345',
      cookie: true,
    });
  } finally {
    await server.close();
  }
});
