// Lookalikes through verify and audit together: the same named set from the same pattern,
// and a glob read as a regular expression found by both with the shrunk lookalike and seed.
import { expect, test } from '@playwright/test';
import { verify } from '../verify/index.js';
import { BAD_SERVER_PATTERN, startBadServer } from './fixtures/bad-servers.js';
import { audit } from './index.js';

const SEED = 1;

test('verify and audit try the same named lookalikes for the same pattern and origin', async () => {
  const server = await startBadServer('good');
  const origins = ['https://app.example.com', 'https://*.example.org', 'http://localhost:3000'];
  try {
    const a = await audit({ target: server.url, allowOrigins: origins, proof: false, seed: SEED });
    const v = await verify({ target: server.url, policy: { origins }, engines: [], seed: SEED });
    const verifyLookalikes = [
      ...new Set(
        v.cases.filter((c) => c.case.originKind.startsWith('lookalike-')).map((c) => c.case.origin),
      ),
    ];
    expect(a.lookalikes.length).toBeGreaterThan(10);
    expect(verifyLookalikes).toEqual(a.lookalikes);
    // And the same generated origins: one generator, one seed, one property.
    expect(v.generated?.tried).toEqual(a.generated?.tried);
    expect(a.generated?.tried.length).toBeGreaterThan(200);
  } finally {
    await server.close();
  }
});

test('a glob read as a regular expression: audit and verify find the shrunk lookalike, with the seed', async () => {
  const server = await startBadServer('glob-as-regex');
  try {
    const a = await audit({
      target: server.url,
      allowOrigins: [BAD_SERVER_PATTERN],
      proof: false,
      seed: SEED,
    });
    expect(a.generated?.seed).toBe(SEED);
    const found = a.findings.filter((f) => f.id === 'lookalike-origin-allowed');
    // The named apex is allowed, and the generator, whatever it finds first, shrinks it to the
    // same smallest lookalike: the apex itself (its finding carries the seed).
    expect(
      found.map((f) => f.evidence.request.headers.find(([n]) => n === 'Origin')?.[1]),
    ).toContain('https://example.com');
    const apex = found.find((f) => f.generated !== undefined);
    expect(apex?.generated).toMatchObject({
      of: BAD_SERVER_PATTERN,
      seed: SEED,
      raw: 'https://example.com',
    });
    expect(apex?.severity).toBe('high');
    expect(a.generated?.findings.map((f) => f.origin)).toEqual(['https://example.com']);

    const v = await verify({
      target: server.url,
      policy: { origins: [BAD_SERVER_PATTERN], credentials: true },
      engines: [],
      seed: SEED,
    });
    expect(v.generated?.findings.map((f) => f.origin)).toEqual(['https://example.com']);
    expect(
      v.cases.find((c) => c.case.id === 'simple-get-credentials/https://example.com')?.verdict,
    ).toBe('too-permissive');
    // The real sub-domains the pattern means to allow are refused: too strict.
    expect(v.cases.find((c) => c.case.id === 'simple-get/https://app.example.com')?.verdict).toBe(
      'too-strict',
    );
  } finally {
    await server.close();
  }
});
