// Deliberately broken tiny CORS servers for the audit's tests (and for trying the audit by
// hand): each gets one mistake. Plain node:http on 127.0.0.1, a random port.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type BadKind =
  | 'reflect-credentials'
  | 'null-allowed'
  | 'unescaped-dot-regex'
  | 'missing-vary'
  | 'request-vary'
  | 'random-origin'
  | 'options-misclassified'
  | 'wildcard-credentials'
  | 'preflight-redirect'
  | 'preflight-error-status'
  | 'errors-without-cors'
  | 'reflect-with-cookie'
  | 'glob-as-regex'
  | 'good';

/** The origin every bad server means to allow. */
export const BAD_SERVER_ALLOWED = 'https://app.example.com';
/** The pattern `glob-as-regex` means to allow. */
export const BAD_SERVER_PATTERN = 'https://*.example.com';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

type Decide = (origin: string | undefined, req: http.IncomingMessage) => Record<string, string>;

/** The answer that lets `origin` read with credentials. */
function allowing(origin: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    Vary: 'Origin',
  };
}

function decide(kind: BadKind): Decide {
  let counter = 0;
  const exact = (o: string | undefined): boolean => o === BAD_SERVER_ALLOWED;
  const exactOnly: Decide = (o) => (exact(o) ? allowing(o ?? '') : { Vary: 'Origin' });
  switch (kind) {
    case 'reflect-credentials':
      return (o) => (o !== undefined ? allowing(o) : {});
    case 'null-allowed':
      return (o) => (exact(o) || o === 'null' ? allowing(o ?? '') : { Vary: 'Origin' });
    case 'unescaped-dot-regex':
      // The classic: /^https:\/\/app.example.com$/ lets https://appxexample.com in.
      return (o) =>
        o !== undefined && /^https:\/\/app.example.com$/.test(o) ? allowing(o) : { Vary: 'Origin' };
    case 'missing-vary':
      return (o) => (exact(o) ? { 'Access-Control-Allow-Origin': o ?? '' } : {});
    case 'request-vary':
      return (o, req) => ({
        ...(exact(o) ? { 'Access-Control-Allow-Origin': o ?? '' } : {}),
        Vary: [
          'Origin',
          ...Object.keys(req.headers)
            .filter((h) => h.startsWith('x-') || h === 'vary')
            .map((h) => String(req.headers[h])),
        ].join(', '),
      });
    case 'random-origin':
      // Alternates, so the test is deterministic while the answer is not.
      return (o) => {
        counter += 1;
        return exact(o) && counter % 2 === 0
          ? { 'Access-Control-Allow-Origin': o ?? '', Vary: 'Origin' }
          : { Vary: 'Origin' };
      };
    case 'wildcard-credentials':
      return () => ({
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Credentials': 'true',
      });
    case 'reflect-with-cookie':
      // "All origins with credentials" done the way Starlette 0.26's CORSMiddleware does it:
      // `*` to a request without a Cookie, the request's own origin to one that has one.
      return (o, req) =>
        o === undefined ? {} : allowing(req.headers.cookie === undefined ? '*' : o);
    case 'glob-as-regex': {
      // The glob `https://*.example.com` handed to a regular expression as it is: `/*` means
      // "any number of slashes" and `.` any character, so the apex and `xexample.com` pass
      // while every real sub-domain fails.
      const re = new RegExp(`^${BAD_SERVER_PATTERN}$`);
      return (o) => (o !== undefined && re.test(o) ? allowing(o) : { Vary: 'Origin' });
    }
    case 'options-misclassified':
    case 'preflight-redirect':
    case 'preflight-error-status':
    case 'errors-without-cors':
    case 'good':
      return exactOnly;
  }
}

/** Starts one bad server; `kind: 'good'` is the same shape done right. */
export async function startBadServer(kind: BadKind): Promise<RunningServer> {
  const cors = decide(kind);
  const server = http.createServer((req, res) => {
    const origin = req.headers.origin;
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      ...cors(origin, req),
    };
    const isPreflight =
      req.method === 'OPTIONS' &&
      origin !== undefined &&
      req.headers['access-control-request-method'] !== undefined;
    if (isPreflight && kind === 'preflight-redirect') {
      res.writeHead(301, { ...headers, Location: '/api/data/' });
      res.end();
      return;
    }
    if (isPreflight && kind === 'preflight-error-status') {
      // Says "allowed" in its headers, but with a status browsers refuse.
      res.writeHead(500, {
        ...headers,
        'Access-Control-Allow-Methods': 'GET, POST, PUT',
        'Access-Control-Allow-Headers': 'content-type',
      });
      res.end('{"error":"no handler"}');
      return;
    }
    if (req.method === 'OPTIONS' && (isPreflight || kind === 'options-misclassified')) {
      res.writeHead(204, {
        ...headers,
        'Access-Control-Allow-Methods': 'GET, POST, PUT',
        'Access-Control-Allow-Headers': 'content-type',
        'Content-Length': '0',
      });
      res.end();
      return;
    }
    if (req.url !== '/api/data') {
      const errorHeaders = kind === 'errors-without-cors' ? {} : headers;
      res.writeHead(404, { ...errorHeaders, 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    // The body says whether a cookie came along, so a browser proof can show it did.
    const cookie = req.headers.cookie !== undefined;
    const body =
      req.method === 'OPTIONS'
        ? '{"route":"ran"}'
        : JSON.stringify({ secret: 'account 12345', cookie });
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/api/data`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
