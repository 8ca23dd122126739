// The audit against real middleware packages configured in ways known to be unsafe: the
// reflection defaults of @koa/cors (4.x reflects any origin by default; 5.x with credentials
// turns its `*` default into the request origin), `origin: true` in cors and @fastify/cors,
// an unanchored regular expression, and a hand-written hono origin function.
import { expect, test } from '@playwright/test';
import {
  serveExpressWith,
  serveFastifyWith,
  serveHonoWith,
  serveKoaWith,
} from '../frameworks/index.js';
import type { ServedFramework } from '../frameworks/index.js';
import { audit } from './index.js';

const ALLOWED = 'https://app.example.com';

const CONFIGS: {
  name: string;
  start: () => Promise<ServedFramework>;
  expected: string[];
  /** Lookalikes beyond the named ones the generator finds (seed 1). */
  generated?: number;
}[] = [
  {
    name: '@koa/cors 4.0.0 with its default origin (reflects the request origin)',
    start: () => serveKoaWith({}, { pkg: 'koa-cors-v4' }),
    expected: ['null-origin-allowed/medium', 'origin-reflection/low'],
  },
  {
    name: '@koa/cors 4.0.0 default origin + credentials',
    start: () => serveKoaWith({ credentials: true }, { pkg: 'koa-cors-v4' }),
    expected: [
      'credentialed-wildcard/high',
      'null-origin-allowed/high',
      'origin-reflection/high',
      'preflight-origin-reflection/high',
    ],
  },
  {
    name: '@koa/cors 5 default origin + credentials (the * default becomes the request origin)',
    start: () => serveKoaWith({ credentials: true }, { pkg: '@koa/cors' }),
    expected: [
      'credentialed-wildcard/high',
      'null-origin-allowed/high',
      'origin-reflection/high',
      'preflight-origin-reflection/high',
    ],
  },
  {
    name: 'cors origin: true + credentials',
    start: () => serveExpressWith({ origin: true, credentials: true }),
    expected: [
      'credentialed-wildcard/high',
      'null-origin-allowed/high',
      'options-misclassified/low',
      'origin-reflection/high',
      'preflight-origin-reflection/high',
    ],
  },
  {
    // /example\.com$/ lets in the suffix, unescaped-dot, other-scheme and sub-domain lookalikes.
    name: 'cors 2.8.4 with an unanchored regular expression + credentials',
    start: () =>
      serveExpressWith({ origin: /example\.com$/, credentials: true }, { pkg: 'cors-v2-8-4' }),
    expected: [
      ...Array<string>(4).fill('lookalike-origin-allowed/high'),
      'options-misclassified/low',
    ],
    generated: 1,
  },
  {
    name: '@fastify/cors origin: true + credentials',
    start: () => serveFastifyWith({ origin: true, credentials: true }),
    expected: [
      'credentialed-wildcard/high',
      'null-origin-allowed/high',
      'options-misclassified/low',
      'origin-reflection/high',
    ],
  },
  {
    name: 'hono with an origin function that checks startsWith',
    start: () =>
      serveHonoWith({ origin: (o) => (o.startsWith(ALLOWED) ? o : null), credentials: true }),
    expected: ['lookalike-origin-allowed/high', 'options-misclassified/low'],
    generated: 1,
  },
];

for (const c of CONFIGS) {
  test(c.name, async () => {
    const served = await c.start();
    try {
      const report = await audit({
        target: served.url,
        allowOrigins: [ALLOWED],
        proof: false,
        seed: 1,
      });
      // The named checks, exactly; a lookalike only the generator found is counted apart.
      const named = report.findings.filter((f) => !f.message.startsWith('a generated lookalike'));
      expect(named.map((f) => `${f.id}/${f.severity}`).sort()).toEqual(c.expected);
      expect(report.findings.length - named.length).toBe(c.generated ?? 0);
    } finally {
      await served.close();
    }
  });
}
