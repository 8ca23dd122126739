// CORS regression tests for the express app in ./app.js, written against the public API of
// cors-conformance only. Each test makes a real request from a page on a real origin in a
// real browser, and the model checks the engine's behaviour against the server's raw headers.
import { test as base, expect } from 'cors-conformance/test';
import { startApp } from './app.js';

// The app under test, started once per worker. Its allow-list comes from the fixture
// origins: `cross-origin` (http://example.net:PORT) and `https-cross-origin` are allowed,
// `cross-origin-2` (http://example.org:PORT) is not.
const test = base.extend<object, { api: string }>({
  api: [
    async ({ corsOrigins }, use) => {
      const app = await startApp({
        allowedOrigins: [corsOrigins['cross-origin'], corsOrigins['https-cross-origin']],
      });
      await use(app.url);
      await app.close();
    },
    { scope: 'worker' },
  ],
});

test('an allowed origin reads the item list', async ({ cors, api }) => {
  const result = await cors.fetch(`${api}/api/items`, { from: 'cross-origin' });
  expect(result).toMatchFetchStandard();
  expect(result).toBeReadableFrom('cross-origin');
  expect(result.observation.body).toContain('first');
});

test('an origin outside the allow-list cannot read it', async ({ cors, api }) => {
  const result = await cors.fetch(`${api}/api/items`, { from: 'cross-origin-2' });
  expect(result).toMatchFetchStandard();
  expect(result).not.toBeReadableFrom('cross-origin-2');
});

test('X-Request-Id is exposed, the internal trace header is not', async ({ cors, api }) => {
  const result = await cors.fetch(`${api}/api/items`, { from: 'cross-origin' });
  expect(result).toMatchFetchStandard();
  expect(result).toExposeHeader('X-Request-Id');
  expect(result).not.toExposeHeader('X-Internal-Trace');
});

test('credentialed requests work from an allowed https origin', async ({ cors, api }) => {
  const result = await cors.fetch(`${api}/api/items`, {
    from: 'https-cross-origin',
    credentials: 'include',
  });
  expect(result).toMatchFetchStandard();
  expect(result).toBeReadableFrom('https-cross-origin');
});

test('PUT with JSON is preflighted and allowed', async ({ cors, api }) => {
  const result = await cors.fetch(`${api}/api/items/2`, {
    from: 'cross-origin',
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'second' }),
  });
  expect(result.sentPreflight, 'the browser must ask first').not.toBeNull();
  expect(result).toMatchFetchStandard();
  expect(result).toBeReadableFrom('cross-origin');
});

test('a request header outside the allowed list fails the preflight', async ({ cors, api }) => {
  const result = await cors.fetch(`${api}/api/items`, {
    from: 'cross-origin',
    headers: { 'X-Debug': '1' },
  });
  expect(result).toMatchFetchStandard();
  expect(result).not.toBeReadableFrom('cross-origin');
  expect(result.actual, 'the GET itself is never sent').toBeNull();
});

test('the public status endpoint is readable from anywhere, without credentials', async ({
  cors,
  api,
}) => {
  const open = await cors.fetch(`${api}/public/status`, { from: 'cross-origin-2' });
  expect(open).toMatchFetchStandard();
  expect(open).toBeReadableFrom('cross-origin-2');
  // `*` does not cover credentialed requests.
  const withCookies = await cors.fetch(`${api}/public/status`, {
    from: 'cross-origin-2',
    credentials: 'include',
  });
  expect(withCookies).toMatchFetchStandard();
  expect(withCookies).not.toBeReadableFrom('cross-origin-2');
});

test('an opaque origin (sandboxed iframe, Origin: null) is refused', async ({ cors, api }) => {
  const result = await cors.fetch(`${api}/api/items`, {
    from: 'cross-origin',
    client: 'opaque-origin',
  });
  expect(result).toMatchFetchStandard();
  expect(result.observation.outcome).toBe('network-error');
});
