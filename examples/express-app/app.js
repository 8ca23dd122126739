// A small real API: express 5 with the `cors` middleware and a real policy.
// - /api/*: only the origins in `allowedOrigins`, with credentials (cookies), one exposed
//   response header (X-Request-Id), a fixed list of methods and request headers, and
//   preflight results cached for 10 minutes.
// - /public/status: open to every origin (`Access-Control-Allow-Origin: *`), no credentials.
// Run it alone with `ALLOWED_ORIGINS=http://localhost:5173 node examples/express-app/app.js`.
/* global process, console */
import { pathToFileURL } from 'node:url';
import cors from 'cors';
import express from 'express';

/**
 * @param {{ allowedOrigins: string[] }} options
 * @returns {import('express').Express}
 */
export function createApp({ allowedOrigins }) {
  const app = express();
  const apiCors = cors({
    origin: allowedOrigins,
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['Content-Type', 'Authorization', 'X-Api-Key'],
    exposedHeaders: ['X-Request-Id'],
    maxAge: 600,
  });
  /** @type {Map<string, { id: string; name: string }>} */
  const items = new Map([['1', { id: '1', name: 'first' }]]);
  let requestId = 0;

  app.use('/api', apiCors, (_req, res, next) => {
    res.set('X-Request-Id', String(++requestId));
    res.set('X-Internal-Trace', 'not for browsers');
    next();
  });
  app.get('/api/items', (_req, res) => {
    res.json([...items.values()]);
  });
  app.put('/api/items/:id', express.json(), (req, res) => {
    /** @type {unknown} */
    const body = req.body;
    const name =
      typeof body === 'object' && body !== null && 'name' in body && typeof body.name === 'string'
        ? body.name
        : '';
    const item = { id: req.params.id, name };
    items.set(item.id, item);
    res.json(item);
  });
  app.delete('/api/items/:id', (req, res) => {
    items.delete(req.params.id);
    res.status(204).end();
  });
  app.get('/public/status', cors(), (_req, res) => {
    res.json({ ok: true });
  });
  return app;
}

/**
 * Starts the app on 127.0.0.1 (port 0: any free port).
 * @param {{ allowedOrigins: string[]; port?: number }} options
 * @returns {Promise<{ url: string; close(): Promise<void> }>}
 */
export function startApp({ allowedOrigins, port = 0 }) {
  const app = createApp({ allowedOrigins });
  return new Promise((resolve, reject) => {
    const server = app.listen(port, '127.0.0.1', (err) => {
      if (err) return reject(err);
      const address = server.address();
      const actual = typeof address === 'object' && address !== null ? address.port : port;
      resolve({
        url: `http://127.0.0.1:${actual}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const allowedOrigins = (process.env.ALLOWED_ORIGINS ?? 'http://localhost:5173').split(',');
  const port = Number(process.env.PORT ?? 3000);
  const { url } = await startApp({ allowedOrigins, port });
  console.log(`listening on ${url}, CORS allowed for ${allowedOrigins.join(', ')}`);
}
