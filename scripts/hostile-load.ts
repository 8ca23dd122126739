// The fixture servers under hostile but fair load, measured: the server runs in a child
// process; this process sends the battery over loopback and reads the child's resident
// memory, open file descriptors and CPU time from /proc before, right after, and once the
// servers' timeouts have passed. Bounded in count and time; stops by itself.
//
//   npm run build && node dist/scripts/hostile-load.js [--wait-ms 20000] [--server <fixture-server.js>]
//
// Battery: 200 requests of 10,000 short header lines each; 500
// connections that send half a request head and stay open, a third of them on the https
// port (no TLS handshake at all); 50 connections that send garbage without a newline; one
// 62 KB head sent in 16-byte writes (the server's CPU time for it is reported alone).
import { fork } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readProcStat } from '../src/live/proc-stat.js';

interface Sample {
  rssMb: number;
  fds: number;
  cpuMs: number;
}

function sample(pid: number): Sample {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const ticks = readProcStat(`/proc/${pid}/stat`)?.cpuTicks ?? 0;
  return {
    rssMb: Math.round(rssKb / 102.4) / 10,
    fds: readdirSync(`/proc/${pid}/fd`).length,
    cpuMs: ticks * 10,
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Sends `data` on a new connection and resolves with the first line of the answer (or ''). */
function exchange(port: number, data: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    const done = (): void => {
      socket.destroy();
      resolve(answer.split('\r\n')[0] ?? '');
    };
    socket.setTimeout(20_000, done);
    socket.on('data', (b: Buffer) => (answer += b.toString('latin1')));
    socket.on('error', done);
    socket.on('close', done);
    socket.end(data);
  });
}

/** Opens a connection, sends `data`, leaves it open; resolves once connected. */
function hold(port: number, data: Buffer | null, open: net.Socket[]): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      if (data !== null) socket.write(data);
      resolve();
    });
    socket.on('error', () => resolve());
    // Read what the server says (a 408 before it closes), so its close is seen here.
    socket.resume();
    open.push(socket);
  });
}

async function dripHead(port: number): Promise<string> {
  const head = Buffer.from(
    `GET /__health HTTP/1.1\r\nHost: a\r\n${'X-Pad: 0123456789abcdef\r\n'.repeat(2_400)}\r\n`,
    'latin1',
  ).subarray(0, 62 * 1024);
  const socket = net.connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  await new Promise((r) => socket.once('connect', r));
  for (let i = 0; i < head.length; i += 16) {
    await new Promise<void>((r) => socket.write(head.subarray(i, i + 16), () => r()));
    // A pause, so that the server reads each write on its own.
    await sleep(1);
  }
  socket.destroy();
  return `${head.length} bytes in ${Math.ceil(head.length / 16)} writes`;
}

async function serve(modulePath: string): Promise<void> {
  const mod = (await import(pathToFileURL(modulePath).href)) as {
    startFixtureServers: (o: object) => Promise<{ ports: number[] }>;
  };
  const servers = await mod.startFixtureServers({ hostNames: true });
  process.send?.({ ports: servers.ports });
  // Ends when the parent says so (or goes away).
  process.on('message', () => process.exit(0));
  process.on('disconnect', () => process.exit(0));
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : (process.argv[i + 1] ?? fallback);
}

async function attack(): Promise<void> {
  const here = fileURLToPath(import.meta.url);
  const server = option(
    '--server',
    fileURLToPath(new URL('../servers/fixture-server.js', import.meta.url)),
  );
  const waitMs = Number(option('--wait-ms', '20000'));
  const child = fork(here, ['--serve', server], { stdio: 'inherit' });
  const ports = await new Promise<number[]>((resolve) =>
    child.once('message', (m: { ports: number[] }) => resolve(m.ports)),
  );
  const pid = child.pid ?? 0;
  const [http = 0, , https = 0] = ports;
  const rows: [string, Sample][] = [['before', sample(pid)]];

  const manyLines = Buffer.from(
    `GET /cors/t1/0?i=x HTTP/1.1\r\nHost: a\r\n${'a: b\r\n'.repeat(10_000)}\r\n`,
    'latin1',
  );
  const statuses = new Map<string, number>();
  for (let i = 0; i < 200; i += 10) {
    const answers = await Promise.all(Array.from({ length: 10 }, () => exchange(http, manyLines)));
    for (const a of answers) statuses.set(a, (statuses.get(a) ?? 0) + 1);
  }
  rows.push(['after 200 x 10,000 header lines', sample(pid)]);

  const open: net.Socket[] = [];
  const half = Buffer.from('GET /__health HTTP/1.1\r\nHost: a\r\nX-Half', 'latin1');
  for (let i = 0; i < 500; i++)
    await hold(i % 3 === 0 ? https : http, i % 3 === 0 ? null : half, open);
  for (let i = 0; i < 50; i++) await hold(http, Buffer.alloc(2048, 0x78), open);
  await sleep(500);
  rows.push(['with 550 stalled connections open', sample(pid)]);

  const before = sample(pid).cpuMs;
  const drip = await dripHead(http);
  await sleep(300);
  const dripCpu = sample(pid).cpuMs - before;

  const health = await exchange(http, Buffer.from('GET /__health HTTP/1.1\r\nHost: a\r\n\r\n'));
  await sleep(waitMs);
  const stillOpen = open.filter((s) => !s.destroyed && s.readyState === 'open').length;
  rows.push([`${waitMs / 1000} s later`, sample(pid)]);
  for (const s of open) s.destroy();
  child.send('stop');

  console.log('moment                              RSS MB   fds  CPU ms');
  for (const [what, s] of rows) {
    console.log(
      `${what.padEnd(36)}${String(s.rssMb).padStart(6)}${String(s.fds).padStart(6)}${String(s.cpuMs).padStart(8)}`,
    );
  }
  console.log(
    `answers to the 10,000-line requests: ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  console.log(`a request during the battery: ${health || '(no answer)'}`);
  console.log(
    `stalled connections the server still held ${waitMs / 1000} s later: ${stillOpen} of ${open.length}`,
  );
  console.log(`62 KB head in 16-byte writes (${drip}): server CPU ${dripCpu} ms`);
}

if (process.argv[2] === '--serve') await serve(process.argv[3] ?? '');
else await attack();
