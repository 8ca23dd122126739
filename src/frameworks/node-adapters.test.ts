// Every built-in Node adapter serves generated policies: the route answers behind the
// middleware, the middleware answers CORS as configured, one server per adapter for the run.
import { expect, test } from '@playwright/test';
import { sendToTarget } from '../live/target.js';
import { readFileSync } from 'node:fs';
import { installSpec, nodeSuiteAdapters } from './node-adapters.js';
import type { FrameworkPolicy } from './vocabulary.js';

const policy: FrameworkPolicy = {
  origins: { kind: 'list', entries: ['https://app.example.com', 'https://*.example.org'] },
  methods: ['GET', 'PUT'],
  requestHeaders: ['X-Token'],
  exposedHeaders: ['X-Total'],
  credentials: true,
  maxAge: 600,
};

const get = (h: [string, string][], n: string): string | undefined =>
  h.find(([k]) => k.toLowerCase() === n)?.[1];

test('each built-in Node adapter serves a policy, then another on the same port', async () => {
  for (const adapter of nodeSuiteAdapters()) {
    expect(await adapter.unavailable?.(), adapter.name).toBeNull();
    try {
      const first = await adapter.start(policy);
      const url = new URL(first.url);
      const ok = await sendToTarget(
        { url },
        { method: 'GET', headers: [['Origin', 'https://a.example.org']] },
      );
      expect(ok.status, adapter.name).toBe(200);
      expect(ok.body, adapter.name).toBe('{"route":"ran"}');
      expect(get(ok.headers, 'x-total'), adapter.name).toBe('7');
      expect(get(ok.headers, 'access-control-allow-origin'), adapter.name).toBe(
        'https://a.example.org',
      );
      const pre = await sendToTarget(
        { url },
        {
          method: 'OPTIONS',
          headers: [
            ['Origin', 'https://app.example.com'],
            ['Access-Control-Request-Method', 'PUT'],
            ['Access-Control-Request-Headers', 'x-token'],
          ],
        },
      );
      expect(get(pre.headers, 'access-control-allow-methods'), adapter.name).toMatch(/PUT/);
      expect(get(pre.headers, 'access-control-max-age'), adapter.name).toBe('600');
      await first.stop();
      const second = await adapter.start({
        ...policy,
        origins: { kind: 'any' },
        credentials: false,
      });
      expect(new URL(second.url).port, adapter.name).toBe(url.port);
      const any = await sendToTarget(
        { url },
        { method: 'GET', headers: [['Origin', 'https://x.example.net']] },
      );
      expect(get(any.headers, 'access-control-allow-origin'), adapter.name).toMatch(
        /^(\*|https:\/\/x\.example\.net)$/,
      );
      await second.stop();
    } finally {
      await adapter.close?.();
    }
  }
});

test('the aliases in package.json are the versions the adapter names and install hints say', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const names = nodeSuiteAdapters().map((a) => a.name);
  for (const [alias, version] of [
    ['cors-v2-8-4', '2.8.4'],
    ['cors-v2-8-1', '2.8.1'],
    ['fastify-cors-v6-0-2', '6.0.2'],
    ['koa-cors-v4', '4.0.0'],
    ['hono-v4-12-24', '4.12.24'],
    ['hono-v4-10-2', '4.10.2'],
  ] as const) {
    expect(installSpec(alias)).toBe(`${alias}@${pkg.devDependencies[alias] ?? ''}`);
    expect(
      names.some((n) => n.endsWith(`@${version}`)),
      alias,
    ).toBe(true);
  }
  // The current versions' labels follow the installed packages.
  for (const [dep, label] of [
    ['cors', 'express+cors@'],
    ['@fastify/cors', 'fastify+@fastify/cors@'],
    ['@koa/cors', 'koa+@koa/cors@'],
    ['hono', 'hono@'],
  ] as const)
    expect(names).toContain(`${label}${pkg.devDependencies[dep] ?? ''}`);
  expect(installSpec('express')).toBe('express');
});
