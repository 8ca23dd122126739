// The fixed part of a reproduction's server.mjs: a dependency-free Node script that serves
// the page on one port and the scenario's CORS answers (raw header lines, byte for byte) on
// two ports, and prints every request that arrives. The data it serves is prepended by
// repro.ts as `const DATA = {...}`.

import {
  IMPORT_SCRIPTS_WORKER_PATH,
  IMPORT_SCRIPTS_WORKER_SOURCE,
} from '../harness/initiators/page-drivers.js';

/** Source text of the server, after the DATA line. */
export const REPRO_SERVER_SOURCE =
  `const IMPORT_SCRIPTS_WORKER_PATH = ${JSON.stringify(IMPORT_SCRIPTS_WORKER_PATH)};
const IMPORT_SCRIPTS_WORKER_SOURCE = ${JSON.stringify(IMPORT_SCRIPTS_WORKER_SOURCE)};
` +
  String.raw`
import net from 'node:net';

const PAGE_PORT = Number(process.env.PAGE_PORT ?? 8001);
const OTHER_PORT = PAGE_PORT + 1; // the page computes it the same way
// The page is on localhost; every cross-origin role is 127.0.0.1 on the other port.
const ORIGINS = {
  page: 'http://localhost:' + PAGE_PORT,
  other: 'http://127.0.0.1:' + OTHER_PORT,
};

// Every request to a hop, in order (the journal the page's wire-watching drivers read).
const seen = [];

function roleOrigin(role) {
  return role === 'same-origin' || role === 'same-origin-of-parent' ? ORIGINS.page : ORIGINS.other;
}

// Where hop i lives, and the URL of hop i + 1 (or the final URL).
function hopOrigin(i) {
  return roleOrigin(i === 0 ? DATA.target : DATA.hops[i - 1].to);
}

function fill(value, vars) {
  let missing = false;
  const out = value.replace(/<(origin|ORIGIN|host|target-origin|next|acrm|acrh|request-origin)>/g, (_m, n) => {
    const v = vars[n];
    if (v === null || v === undefined) missing = true;
    return v ?? '';
  });
  return missing ? null : out;
}

function head(headers, name) {
  const line = headers.find(([n]) => n.toLowerCase() === name);
  return line ? line[1] : null;
}

// HEAD and these statuses carry no body, as the fixture servers send them.
function bodyless(status, method) {
  return method === 'HEAD' || status === 204 || status === 304 || (status >= 100 && status < 200);
}

function answer(socket, spec, vars, method) {
  const bytes = spec.body64 !== undefined ? Buffer.from(spec.body64, 'base64') : Buffer.from(spec.body ?? '', 'utf8');
  const body = bodyless(spec.status, method) ? Buffer.alloc(0) : bytes;
  let text = 'HTTP/1.1 ' + spec.status + ' ' + (spec.statusText ?? 'X') + '\r\n';
  for (const [name, value] of spec.headers) {
    const v = fill(value, vars);
    if (v !== null) text += name + ': ' + v + '\r\n';
  }
  text += 'Connection: close\r\n\r\n';
  socket.end(Buffer.concat([Buffer.from(text, 'latin1'), body]));
}

function handle(socket, port, method, target, headers) {
  const [path] = target.split('?');
  const origin = head(headers, 'origin');
  const acrm = head(headers, 'access-control-request-method');
  const preflight = method === 'OPTIONS' && origin !== null && acrm !== null;
  console.log(
    (port === PAGE_PORT ? 'page ' : 'other') + ' ' + method + ' ' + target +
      (preflight ? '  [preflight] ACRM=' + acrm + ' ACRH=' + head(headers, 'access-control-request-headers') : '') +
      '  Origin=' + origin,
  );
  if (path === '/__journal') {
    // The initiator drivers that watch the wire (CSS images, beacons) poll this.
    const records = seen.map(() => ({ kind: 'request' }));
    return answer(socket, { status: 200, statusText: 'OK', headers: [['Content-Type', 'application/json'], ['Cache-Control', 'no-store']], body: JSON.stringify(records) }, {}, method);
  }
  if (path === IMPORT_SCRIPTS_WORKER_PATH) {
    return answer(socket, { status: 200, statusText: 'OK', headers: [['Content-Type', 'text/javascript; charset=utf-8'], ['Cache-Control', 'no-store']], body: IMPORT_SCRIPTS_WORKER_SOURCE }, {}, method);
  }
  if (path === '/' || path === '/repro.html') {
    return answer(socket, { status: 200, statusText: 'OK', headers: [['Content-Type', 'text/html; charset=utf-8'], ['Cache-Control', 'no-store']], body: DATA.html }, {}, method);
  }
  const m = /^\/hop\/(\d+)$/.exec(path);
  const i = m ? Number(m[1]) : -1;
  const hop = i >= 0 && i < DATA.hops.length ? DATA.hops[i] : i === DATA.hops.length ? DATA.final : null;
  if (hop === null) return answer(socket, { status: 404, statusText: 'Not Found', headers: [['Content-Length', '0']] }, {}, method);
  seen.push(target);
  const here = port === PAGE_PORT ? ORIGINS.page : ORIGINS.other;
  let next = null;
  if (i < DATA.hops.length) {
    // The step's query goes on with the redirect: each hop URL of the step is its own.
    const q = target.indexOf('?');
    const u = new URL('/hop/' + (i + 1) + (q < 0 ? '' : target.slice(q)), hopOrigin(i + 1));
    const info = hop.userinfo ?? '';
    next = info === '' ? u.href : u.href.replace('//', '//' + info + '@');
  }
  const vars = {
    origin: DATA.client === 'page' ? ORIGINS.page : 'null',
    host: 'localhost:' + PAGE_PORT,
    'target-origin': here,
    next,
    acrm,
    acrh: head(headers, 'access-control-request-headers'),
    'request-origin': origin,
  };
  vars.ORIGIN = vars.origin.toUpperCase();
  if (preflight) {
    return answer(socket, hop.preflight ?? { status: 404, statusText: 'Not Found', headers: [['Content-Length', '0']] }, vars, method);
  }
  return answer(socket, hop.response, vars, method);
}

function serve(port) {
  const server = net.createServer((socket) => {
    let buf = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const lines = buf.subarray(0, end).toString('latin1').split('\r\n');
      const [method, target] = (lines[0] ?? '').split(' ');
      const headers = lines.slice(1).map((l) => {
        const c = l.indexOf(':');
        return [l.slice(0, c).trim(), l.slice(c + 1).trim()];
      });
      const length = Number(head(headers, 'content-length') ?? 0);
      if (buf.length < end + 4 + length) return;
      socket.removeAllListeners('data');
      handle(socket, port, method, target, headers);
    });
    socket.on('error', () => {});
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
}

// Say where to go only once both ports really listen.
Promise.all([serve(PAGE_PORT), serve(OTHER_PORT)]).then(() =>
  console.log('open ' + ORIGINS.page + '/ in the browser (this server prints every request it gets)'),
);
`;
