// An adapter for `cors-conformance frameworks --adapter examples/frameworks/my-adapter.mjs`:
// a hand-written CORS middleware on node:http, the kind a framework's own CI would plug in.
// `start(policy)` serves the suite's route behind the middleware configured from the policy
// and resolves to its URL; `cannotExpress` names what this middleware has no setting for.
//
// CORS_EXAMPLE_BUG=reflect-with-credentials makes it echo any origin with credentials, the
// mistake the suite is there to catch (its tests use it to check the exit code and the
// shrunk case).
import http from 'node:http';

const ROUTE = '/api/data';
const buggy = () => process.env.CORS_EXAMPLE_BUG === 'reflect-with-credentials';

/** Whether `origin` matches one `origins` entry (exact, or `scheme://*.suffix[:port]`). */
function matches(entry, origin) {
  if (!entry.includes('*')) return entry === origin;
  const [scheme, rest] = entry.split('://*.');
  let url;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const suffix = new URL(`${scheme}://${rest}`);
  return (
    url.origin === origin &&
    url.protocol === suffix.protocol &&
    url.port === suffix.port &&
    url.hostname.endsWith(`.${suffix.hostname}`)
  );
}

function allowOrigin(policy, origin) {
  // `*` is static: sent to requests without Origin too, so the answer never varies.
  if (policy.origins.kind === 'any' && !buggy()) return '*';
  if (origin === undefined) return null;
  if (buggy()) return origin;
  const o = policy.origins;
  if (o.kind === 'reflect') return origin;
  return o.entries.some((e) => matches(e, origin)) ? origin : null;
}

function handler(policy) {
  return (req, res) => {
    const origin = req.headers.origin;
    const allowed = allowOrigin(policy, origin);
    if (policy.origins.kind !== 'any' || buggy()) res.setHeader('Vary', 'Origin');
    if (allowed !== null) {
      res.setHeader('Access-Control-Allow-Origin', allowed);
      if ((policy.credentials || buggy()) && allowed !== '*')
        res.setHeader('Access-Control-Allow-Credentials', 'true');
      const exposed = policy.exposedHeaders === '*' ? ['*'] : policy.exposedHeaders;
      if (exposed.length > 0) res.setHeader('Access-Control-Expose-Headers', exposed.join(', '));
    }
    const acrm = req.headers['access-control-request-method'];
    if (req.method === 'OPTIONS' && origin !== undefined && acrm !== undefined) {
      // A preflight: answered here (this middleware has no "continue to the route" mode).
      if (allowed !== null) {
        res.setHeader('Access-Control-Allow-Methods', policy.methods.join(', ') || 'GET');
        const asked = req.headers['access-control-request-headers'];
        const headers = policy.requestHeaders === '*' ? asked : policy.requestHeaders.join(', ');
        if (headers) res.setHeader('Access-Control-Allow-Headers', headers);
        if (policy.maxAge !== undefined)
          res.setHeader('Access-Control-Max-Age', String(policy.maxAge));
      }
      res.statusCode = 204;
      res.end();
      return;
    }
    if (req.url !== ROUTE) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('X-Total', '7');
    res.setHeader('X-Request-Id', 'cors-conformance');
    res.setHeader('Content-Type', 'application/json');
    res.end('{"route":"ran"}');
  };
}

let server = null;

/** @type {import('cors-conformance').SuiteAdapter} */
export default {
  name: 'my-middleware',
  cannotExpress(policy) {
    if (policy.preflightContinue === true)
      return 'no preflightContinue: preflights are answered here';
    if (policy.optionsSuccessStatus === 200) return 'a successful preflight is always 204';
    if (policy.exposedHeaders === '*' && policy.credentials)
      return 'no way to expose every header to credentialed requests (the literal * exposes none)';
    return null;
  },
  async start(policy) {
    if (server === null) {
      server = http.createServer();
      await new Promise((done) => server.listen(0, '127.0.0.1', done));
    }
    server.removeAllListeners('request');
    server.on('request', handler(policy));
    return {
      url: `http://127.0.0.1:${server.address().port}${ROUTE}`,
      config: { middleware: 'my-middleware', policy },
      stop: async () => {},
    };
  },
  async close() {
    if (server === null) return;
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    server = null;
  },
};
