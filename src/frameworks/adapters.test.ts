import type { Context } from 'koa';
import { expect, test } from '@playwright/test';
import { sendToTarget as probe } from '../live/target.js';
import type { CorsPolicy } from '../policy/index.js';
import { expressCorsOptions } from './express.js';
import { fastifyCorsOptions } from './fastify.js';
import { honoCorsOptions } from './hono.js';
import { FRAMEWORK_ADAPTERS } from './index.js';
import { koaCorsOptions } from './koa.js';
import { patternRegExp } from './shared.js';

const policy: CorsPolicy = {
  origins: ['https://app.example.com', 'https://*.example.org', 'http://localhost:3000'],
  methods: ['GET', 'PUT'],
  requestHeaders: ['Content-Type', 'X-Token'],
  credentials: true,
  exposedHeaders: ['X-Total'],
  maxAge: 600,
};

test('patterns become anchored regular expressions with escaped dots', () => {
  const re = patternRegExp('https://*.example.org');
  expect(re.test('https://a.example.org')).toBe(true);
  expect(re.test('https://a.b.example.org')).toBe(true);
  expect(re.test('https://example.org')).toBe(false);
  expect(re.test('https://a.examplexorg')).toBe(false);
  expect(re.test('https://a.example.org.evil.test')).toBe(false);
  expect(re.test('http://a.example.org')).toBe(false);
  expect(patternRegExp('http://*.example.com:8080').test('http://sub.example.com:8080')).toBe(true);
  expect(patternRegExp('http://*.example.com:8080').test('http://sub.example.com')).toBe(false);
});

test('express + cors: origins as strings and regexps, explicit header list, credentials, max-age', () => {
  const o = expressCorsOptions(policy);
  expect(o.origin).toEqual([
    'https://app.example.com',
    patternRegExp('https://*.example.org'),
    'http://localhost:3000',
  ]);
  expect(o).toMatchObject({
    methods: ['GET', 'PUT'],
    allowedHeaders: ['Content-Type', 'X-Token'],
    exposedHeaders: ['X-Total'],
    credentials: true,
    maxAge: 600,
    preflightContinue: false,
  });
  // No requestHeaders: an empty list, so cors does not echo what was asked for.
  expect(expressCorsOptions({ origins: ['https://a.example'] })).toMatchObject({
    allowedHeaders: [],
    credentials: false,
    methods: ['GET', 'HEAD', 'POST'],
  });
  expect(expressCorsOptions({ origins: ['https://a.example'] })).not.toHaveProperty('maxAge');
});

test('fastify + @fastify/cors: the same mapping in its option names', () => {
  const o = fastifyCorsOptions(policy);
  expect(o).toMatchObject({
    methods: ['GET', 'PUT'],
    allowedHeaders: ['Content-Type', 'X-Token'],
    exposedHeaders: ['X-Total'],
    credentials: true,
    maxAge: 600,
  });
  expect(o.origin).toEqual(expressCorsOptions(policy).origin);
});

test('koa + @koa/cors: origin function answers the request origin only when allowed', () => {
  const o = koaCorsOptions(policy);
  const ctx = (origin: string): Context =>
    ({ get: (n: string) => (n === 'Origin' ? origin : '') }) as unknown as Context;
  expect(o.origin(ctx('https://app.example.com'))).toBe('https://app.example.com');
  expect(o.origin(ctx('https://x.example.org'))).toBe('https://x.example.org');
  expect(o.origin(ctx('https://appxexample.com'))).toBe('');
  expect(o.origin(ctx('null'))).toBe('');
  expect(o.origin(ctx(''))).toBe('');
  expect(o).toMatchObject({
    allowMethods: ['GET', 'PUT'],
    allowHeaders: ['Content-Type', 'X-Token'],
    exposeHeaders: ['X-Total'],
    credentials: true,
    maxAge: 600,
  });
});

test('hono: origin function returns the origin or null', () => {
  const o = honoCorsOptions(policy);
  const fn = o.origin as (origin: string, c: unknown) => string | null;
  expect(fn('https://app.example.com', {})).toBe('https://app.example.com');
  expect(fn('https://example.org', {})).toBeNull();
  expect(fn('http://localhost:3000', {})).toBe('http://localhost:3000');
  expect(o).toMatchObject({
    allowMethods: ['GET', 'PUT'],
    allowHeaders: ['Content-Type', 'X-Token'],
    exposeHeaders: ['X-Total'],
    credentials: true,
    maxAge: 600,
  });
});

test('every adapter serves the policy: allowed origin gets ACAO + ACAC, a lookalike gets none', async () => {
  for (const adapter of FRAMEWORK_ADAPTERS) {
    const served = await adapter.serve(policy);
    try {
      const url = new URL(served.url);
      const ok = await probe(
        { url },
        { method: 'GET', headers: [['Origin', 'https://app.example.com']] },
      );
      const get = (r: typeof ok, n: string): string | undefined =>
        r.headers.find(([k]) => k.toLowerCase() === n)?.[1];
      expect(ok.status, adapter.name).toBe(200);
      expect(get(ok, 'access-control-allow-origin'), adapter.name).toBe('https://app.example.com');
      expect(get(ok, 'access-control-allow-credentials'), adapter.name).toBe('true');
      expect(JSON.parse(ok.body), adapter.name).toMatchObject({ ok: true });
      const bad = await probe(
        { url },
        { method: 'GET', headers: [['Origin', 'https://appxexample.com']] },
      );
      expect(get(bad, 'access-control-allow-origin'), adapter.name).toBeUndefined();
      const pre = await probe(
        { url },
        {
          method: 'OPTIONS',
          headers: [
            ['Origin', 'https://a.example.org'],
            ['Access-Control-Request-Method', 'PUT'],
            ['Access-Control-Request-Headers', 'x-token'],
          ],
        },
      );
      expect(pre.status, adapter.name).toBeGreaterThanOrEqual(200);
      expect(pre.status, adapter.name).toBeLessThan(300);
      expect(get(pre, 'access-control-allow-methods'), adapter.name).toMatch(/PUT/);
      expect(get(pre, 'access-control-max-age'), adapter.name).toBe('600');
    } finally {
      await served.close();
    }
  }
});

test('no request headers in the policy: no adapter echoes Access-Control-Request-Headers', async () => {
  const bare: CorsPolicy = { origins: ['https://app.example.com'] };
  expect(koaCorsOptions(bare).allowHeaders).toEqual(['sec-cors-conformance-none']);
  expect(honoCorsOptions(bare).allowHeaders).toEqual(['sec-cors-conformance-none']);
  for (const adapter of FRAMEWORK_ADAPTERS) {
    const served = await adapter.serve(bare);
    try {
      const pre = await probe(
        { url: new URL(served.url) },
        {
          method: 'OPTIONS',
          headers: [
            ['Origin', 'https://app.example.com'],
            ['Access-Control-Request-Method', 'GET'],
            ['Access-Control-Request-Headers', 'x-anything'],
          ],
        },
      );
      const acah =
        pre.headers.find(([k]) => k.toLowerCase() === 'access-control-allow-headers')?.[1] ?? '';
      expect(acah, adapter.name).not.toContain('x-anything');
    } finally {
      await served.close();
    }
  }
});
