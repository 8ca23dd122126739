import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import {
  applyMutation,
  generatedOriginArb,
  lookalikesOf,
  parseOriginRule,
  policyLookalikes,
  ruleMatches,
  sampleGeneratedOrigins,
  searchAllowedOrigins,
} from './index.js';

const RULES = ['https://app.example.com', 'https://*.example.org', 'http://localhost:3000'];

test('every generated origin is what a browser sends: a serialized origin, or dropped', () => {
  for (const allowed of RULES) {
    fc.assert(
      fc.property(generatedOriginArb(allowed), (g) => {
        if (g.origin === null) return;
        const url = new URL(g.origin);
        expect(url.origin).toBe(g.origin);
        expect(['http:', 'https:']).toContain(url.protocol);
        expect(g.of).toBe(allowed);
      }),
      { seed: 7, numRuns: 500 },
    );
  }
});

test('mutations cover the forms a broken check lets through', () => {
  const rule = parseOriginRule('https://app.example.com');
  const at = (ops: Parameters<typeof applyMutation>[1]['ops']): string | null =>
    applyMutation(rule, { base: 'instance', ops }).origin;
  // Edge characters of app.example.com: 0, 2, 3 (the dot), 4, 10, 11 (the dot), 12, 14.
  expect(at([{ kind: 'substitute', at: 2, char: 'x' }])).toBe('https://appxexample.com');
  expect(at([{ kind: 'label-after', label: 'evil' }])).toBe('https://app.example.com.evil');
  expect(at([{ kind: 'label-before', label: 'evil' }])).toBe('https://evil.app.example.com');
  expect(at([{ kind: 'insert', at: 0, char: 'x', percentEncoded: false }])).toBe(
    'https://xapp.example.com',
  );
  expect(at([{ kind: 'scheme' }])).toBe('http://app.example.com');
  expect(at([{ kind: 'port', port: 'next' }])).toBe('https://app.example.com:444');
  expect(at([{ kind: 'drop-label' }])).toBe('https://example.com');
  // Serialization: case and fullwidth letters collapse to the allowed origin itself,
  // a Cyrillic look-alike becomes punycode, userinfo leaves the host after the @.
  expect(at([{ kind: 'case', at: 0 }])).toBe('https://app.example.com');
  expect(at([{ kind: 'idna', at: 0, form: 'fullwidth' }])).toBe('https://app.example.com');
  expect(at([{ kind: 'idna', at: 0, form: 'confusable' }])).toMatch(/^https:\/\/xn--/);
  expect(at([{ kind: 'userinfo', allowedAs: 'user' }])).toBe('https://evil.test');
  expect(at([{ kind: 'insert', at: 3, char: '.', percentEncoded: true }])).toBe(
    'https://app.example..com',
  );
  const pattern = parseOriginRule('https://*.example.com');
  expect(applyMutation(pattern, { base: 'apex', ops: [] }).origin).toBe('https://example.com');
});

test('a sample is deterministic for a seed, distinct, and never allowed', () => {
  const isAllowed = (o: string): boolean =>
    ruleMatches(parseOriginRule('https://*.example.org'), o);
  const a = sampleGeneratedOrigins('https://*.example.org', { seed: 3, count: 40, isAllowed });
  const b = sampleGeneratedOrigins('https://*.example.org', { seed: 3, count: 40, isAllowed });
  expect(a).toEqual(b);
  expect(a.length).toBe(40);
  expect(new Set(a.map((g) => g.origin)).size).toBe(40);
  expect(a.some((g) => g.origin !== null && isAllowed(g.origin))).toBe(false);
});

/** Broken origin checks as servers write them, and the smallest lookalike each lets in. */
const BROKEN: { name: string; allowed: string; check: (o: string) => boolean; smallest: RegExp }[] =
  [
    {
      name: 'a glob read as a regular expression',
      allowed: 'https://*.example.com',
      check: (o) => new RegExp('^https://*.example.com$').test(o),
      smallest: /^https:\/\/example\.com$/,
    },
    {
      name: 'startsWith',
      allowed: 'https://app.example.com',
      check: (o) => o.startsWith('https://app.example.com'),
      // One edit past the allowed origin: a port, a label or a character after it.
      smallest: /^https:\/\/app\.example\.com(:\d+|\.[a-z]+|[a-z])$/,
    },
    {
      name: 'the http and https forms both allowed',
      allowed: 'https://app.example.com',
      check: (o) => o.replace(/^https?/, '') === '://app.example.com',
      smallest: /^http:\/\/app\.example\.com$/,
    },
  ];

for (const b of BROKEN) {
  test(`the search finds ${b.name}, shrinks to the smallest lookalike, and replays by seed`, async () => {
    const run = (seed: number) =>
      searchAllowedOrigins([b.allowed], {
        seed,
        runsPerOrigin: 300,
        serverAllows: (o) => Promise.resolve(b.check(o)),
      });
    const first = await run(42);
    expect(first.findings).toHaveLength(1);
    expect(first.findings[0]?.origin).toMatch(b.smallest);
    expect(first.findings[0]?.of).toBe(b.allowed);
    // Shrunk to at most one edit from its base.
    expect(first.findings[0]?.mutation.split(', then ').length).toBeLessThanOrEqual(2);
    expect(await run(42)).toEqual(first);
  });
}

test('an exact check is never found, and every origin is asked about once', async () => {
  const asked: string[] = [];
  const result = await searchAllowedOrigins(RULES, {
    seed: 5,
    runsPerOrigin: 300,
    serverAllows: (o) => {
      asked.push(o);
      return Promise.resolve(RULES.some((r) => ruleMatches(parseOriginRule(r), o)));
    },
  });
  expect(result.findings).toEqual([]);
  expect(new Set(asked).size).toBe(asked.length);
  expect(result.tried).toEqual(asked);
  // Hundreds of distinct origins for three rules.
  expect(asked.length).toBeGreaterThan(300);
});

test('a probe that throws ends the search with its error, not a finding', async () => {
  await expect(
    searchAllowedOrigins(['https://app.example.com'], {
      seed: 1,
      runsPerOrigin: 50,
      serverAllows: () => Promise.reject(new Error('target gone')),
    }),
  ).rejects.toThrow('target gone');
});

test("named lookalikes include a pattern's apex; the policy drops what it allows", () => {
  expect(lookalikesOf('https://*.example.com').find((l) => l.kind === 'apex')?.origin).toBe(
    'https://example.com',
  );
  const both = policyLookalikes(['https://app.example.com', 'https://*.example.com']);
  // evil.app.example.com is a sub-domain the pattern allows: not a lookalike here.
  expect(both.map((l) => l.origin)).not.toContain('https://evil.app.example.com');
  expect(both.map((l) => l.origin)).toContain('https://example.com');
  expect(new Set(both.map((l) => l.origin)).size).toBe(both.length);
});
