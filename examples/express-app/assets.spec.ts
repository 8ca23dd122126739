// Assets loaded cross-origin (an image drawn to a canvas, a font), written against the public
// API of cors-conformance only: `cors.load(kind, url, { from })` loads the URL in a real
// browser from a page on a real origin and says whether it loaded and whether the page finds
// it tainted, next to what the model predicts from the server's raw answers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test as base, expect } from 'cors-conformance/test';

// A 2x2 red PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAEUlEQVR4nGP4z8DwH4QZYAwAR8oH+WdZbrcAAAAASUVORK5CYII=',
  'base64',
);

// A CDN-like server: /public/* answers with `Access-Control-Allow-Origin: *`, /private/* without.
const test = base.extend<object, { cdn: string }>({
  cdn: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from the pattern
    async ({}, use) => {
      const server = http.createServer((req, res) => {
        if ((req.url ?? '').startsWith('/public/'))
          res.setHeader('Access-Control-Allow-Origin', '*');
        res.setHeader('Content-Type', 'image/png');
        res.setHeader('Cache-Control', 'no-store');
        res.end(PNG);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    { scope: 'worker' },
  ],
});

test('a CORS-enabled image drawn to a canvas can be read back', async ({ cors, cdn }) => {
  const result = await cors.load('img-canvas', `${cdn}/public/logo.png`, {
    from: 'cross-origin',
    crossorigin: 'anonymous',
  });
  expect(result.load.page.loaded).toBe(true);
  expect(result.load.page.tainted).toBe(false);
  expect(result).toMatchFetchStandard();
});

test('without crossorigin the image loads but taints the canvas', async ({ cors, cdn }) => {
  const result = await cors.load('img-canvas', `${cdn}/public/logo.png`, { from: 'cross-origin' });
  expect(result.load.page.loaded).toBe(true);
  expect(result.load.page.tainted).toBe(true);
  expect(result).toMatchFetchStandard();
});

test('crossorigin against a server without CORS headers fails to load', async ({ cors, cdn }) => {
  const result = await cors.load('img', `${cdn}/private/logo.png`, {
    from: 'cross-origin',
    crossorigin: 'anonymous',
  });
  expect(result.load.page.loaded).toBe(false);
  expect(result.prediction.initiator?.page.loaded).toBe(false);
  expect(result).toMatchFetchStandard();
});

test('an unknown kind is one clear error', async ({ cors, cdn }) => {
  // @ts-expect-error: not a load kind
  await expect(cors.load('iframe', `${cdn}/public/x`)).rejects.toThrow(/kind must be one of/);
});
