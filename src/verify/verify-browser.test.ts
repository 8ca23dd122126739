// verify() with Chromium confirming the model: pages really on the requesting origins
// (https ones on port 443 with the local certificate, the null origin from a sandboxed frame).
import { expect, test } from '@playwright/test';
import { serveExpressWith, serveKoa } from '../frameworks/index.js';
import { findEngine, isMissing } from '../harness/engines/index.js';
import { verify } from './index.js';

const policy = { origins: ['https://app.example.com'], methods: ['GET', 'PUT'], credentials: true };

test('Chromium agrees with the model on every case, for a correct and for a reflecting server', async () => {
  test.setTimeout(120_000);
  test.skip(isMissing(await findEngine('chromium')), 'chromium is not installed here');
  const good = await serveKoa(policy);
  const reflecting = await serveExpressWith({
    origin: true,
    credentials: true,
    methods: ['GET', 'PUT'],
  });
  try {
    const ok = await verify({ target: good.url, policy, engines: ['chromium'] });
    expect(ok.counts['too-permissive'] + ok.counts['too-strict']).toBe(0);
    const ran = ok.cases.flatMap((c) => c.browsers).filter((b) => b.skipped === undefined);
    expect(ran.length).toBeGreaterThan(10);
    expect(ran.every((b) => b.agreesWithModel === true)).toBe(true);
    expect(
      ok.cases.find((c) => c.case.id === 'preflight-method-PUT/https://app.example.com')
        ?.browsers[0],
    ).toMatchObject({ read: true, verdict: 'as-intended' });

    const bad = await verify({ target: reflecting.url, policy, engines: ['chromium'] });
    const lookalike = bad.cases.find(
      (c) => c.case.id === 'simple-get-credentials/https://appxexample.com',
    );
    expect(lookalike?.verdict).toBe('too-permissive');
    expect(lookalike?.browsers[0]).toMatchObject({
      read: true,
      verdict: 'too-permissive',
      agreesWithModel: true,
    });
    const nul = bad.cases.find((c) => c.case.id === 'simple-get-credentials/null');
    expect(nul?.browsers[0]).toMatchObject({ read: true, verdict: 'too-permissive' });
    expect(
      bad.cases
        .flatMap((c) => c.browsers)
        .every((b) => b.skipped !== undefined || b.agreesWithModel === true),
    ).toBe(true);
  } finally {
    await good.close();
    await reflecting.close();
  }
});
