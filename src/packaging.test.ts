// The package as users get it: `npm pack` the built dist/, install the tarball into a fresh
// project in a temporary directory, and there (1) import the Node API, (2) run the bin,
// (3) run a Playwright test written against `cors-conformance/test` for a small server that
// knows nothing of this project, in Chromium found by the engine detection (no download),
// and (4) in a project made by `npm init -y`, run every shipped suite and a user's scenario
// file with `npx cors-conformance run`. Needs a current build (`npm run build`; `npm test`
// builds before it runs the tests).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { fromResultsJson } from './report/report-data.js';
import { loadTables } from './suites/catalog.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Ran {
  code: number;
  out: string;
}

function run(cmd: string, args: string[], cwd: string, timeoutMs: number): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      {
        cwd,
        timeout: timeoutMs,
        maxBuffer: 16 * 1024 * 1024,
        env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', CI: '', FORCE_COLOR: '0' },
      },
      (err, stdout, stderr) => {
        const code = err === null ? 0 : typeof err.code === 'number' ? err.code : 1;
        resolve({ code, out: `${stdout}\n${stderr}` });
      },
    );
  });
}

const tail = (r: Ran): string => r.out.split('\n').slice(-40).join('\n');

// A server written with no knowledge of this project: plain node:http, CORS for one origin
// (given at start), one exposed header, preflights for PUT with X-Token.
const SERVER = `import http from 'node:http';
export function start(allowed) {
  const server = http.createServer((req, res) => {
    const origin = req.headers.origin;
    if (origin === allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Expose-Headers', 'X-Hello');
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      if (origin === allowed) {
        res.setHeader('Access-Control-Allow-Methods', 'PUT');
        res.setHeader('Access-Control-Allow-Headers', 'X-Token');
      }
      res.writeHead(204).end();
      return;
    }
    res.setHeader('X-Hello', 'world');
    res.setHeader('X-Secret', 'hidden');
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end('hello');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
`;

const SPEC = `import { test as base, expect } from 'cors-conformance/test';
import { start } from './server.mjs';

const test = base.extend({
  api: [async ({ corsOrigins }, use) => {
    const server = await start(corsOrigins['cross-origin']);
    await use('http://127.0.0.1:' + server.address().port);
    server.close();
  }, { scope: 'worker' }],
});

test('the allowed origin reads the response and X-Hello', async ({ cors, api }) => {
  const r = await cors.fetch(api + '/hello', { from: 'cross-origin' });
  expect(r).toMatchFetchStandard();
  expect(r).toBeReadableFrom('cross-origin');
  expect(r).toExposeHeader('X-Hello');
  expect(r).not.toExposeHeader('X-Secret');
});

test('another origin cannot', async ({ cors, api }) => {
  const r = await cors.fetch(api + '/hello', { from: 'cross-origin-2' });
  expect(r).toMatchFetchStandard();
  expect(r).not.toBeReadableFrom('cross-origin-2');
});

test('a preflighted PUT is allowed', async ({ cors, api }) => {
  const r = await cors.fetch(api + '/hello', { method: 'PUT', headers: { 'X-Token': '1' } });
  expect(r.sentPreflight).not.toBeNull();
  expect(r).toMatchFetchStandard();
  expect(r).toBeReadableFrom('cross-origin');
});
`;

const NODE_CHECK = `import { explain, predict, definePolicy, SCENARIO_FORMAT_VERSION } from 'cors-conformance';
const p = predict({ request: { method: 'PUT' } }, { engine: 'firefox' });
const text = explain({ request: { method: 'PUT' } });
console.log(JSON.stringify({ preflight: p.preflight, explains: text.includes('preflight'),
  policy: definePolicy({ origins: ['https://a.example'] }).origins.length, version: SCENARIO_FORMAT_VERSION }));
`;

interface Packed {
  dir: string;
  tarball: string;
  files: string[];
  ms: number;
}

/** `npm pack` of the current build into a fresh temporary folder. */
async function pack(): Promise<Packed> {
  expect(
    existsSync(path.join(ROOT, 'dist/src/test/index.js')),
    'dist/ is built (npm run build)',
  ).toBe(true);
  const dir = await mkdtemp(path.join(tmpdir(), 'cors-conformance-pack-'));
  const started = Date.now();
  const packed = await run(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', dir],
    ROOT,
    60_000,
  );
  expect(packed.code, tail(packed)).toBe(0);
  const info = JSON.parse(packed.out.slice(packed.out.indexOf('['))) as {
    filename: string;
    files: { path: string }[];
  }[];
  const tarball = info[0]?.filename ?? '';
  const files = (info[0]?.files ?? []).map((f) => f.path);
  return { dir, tarball, files, ms: Date.now() - started };
}

let packed: Packed | null = null;
test.beforeAll(async () => {
  test.setTimeout(90_000);
  packed = await pack();
});
test.afterAll(async () => {
  if (packed !== null) await rm(packed.dir, { recursive: true, force: true });
});

function packedTarball(): Packed {
  if (packed === null) throw new Error('npm pack did not run');
  return packed;
}

test('the packed tarball installs into a fresh project and its example test passes', async () => {
  test.slow();
  test.setTimeout(240_000);
  const { tarball, files, ms } = packedTarball();
  const dir = await mkdtemp(path.join(tmpdir(), 'cors-conformance-project-'));
  try {
    const started = Date.now() - ms;
    await copyFile(path.join(packedTarball().dir, tarball), path.join(dir, tarball));
    expect(files).toContain('dist/src/test/index.js');
    expect(files).toContain('dist/src/test/index.d.ts');
    expect(files).toContain('dist/src/scenario/scenario.schema.json');
    expect(files.filter((f) => /\.(test|spec)\.|\.map$/.test(f))).toEqual([]);

    const manifest = {
      name: 'pack-check',
      private: true,
      type: 'module',
      devDependencies: { 'cors-conformance': `file:./${tarball}`, '@playwright/test': '1.64.1' },
    };
    await writeFile(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
    await writeFile(path.join(dir, 'server.mjs'), SERVER);
    await writeFile(path.join(dir, 'cors.spec.js'), SPEC);
    await writeFile(path.join(dir, 'check.mjs'), NODE_CHECK);
    await writeFile(
      path.join(dir, 'playwright.config.js'),
      `export default { testMatch: '*.spec.js', use: { corsBrowser: 'chromium' } };\n`,
    );
    const flags = ['install', '--no-audit', '--no-fund', '--ignore-scripts'];
    let installed = await run('npm', [...flags, '--offline'], dir, 120_000);
    if (installed.code !== 0)
      installed = await run('npm', [...flags, '--prefer-offline'], dir, 120_000);
    expect(installed.code, tail(installed)).toBe(0);
    const tInstall = Date.now() - started;

    const node = await run('node', ['check.mjs'], dir, 30_000);
    expect(node.code, tail(node)).toBe(0);
    expect(JSON.parse(node.out.trim().split('\n')[0] ?? '{}')).toEqual({
      preflight: true,
      explains: true,
      policy: 1,
      version: 1,
    });

    const bin = await run('npx', ['--no-install', 'cors-conformance', '--help'], dir, 30_000);
    expect(bin.code, tail(bin)).toBe(0);
    expect(bin.out).toContain('predict');

    const pw = await run(
      'npx',
      ['--no-install', 'playwright', 'test', '--reporter=line'],
      dir,
      150_000,
    );
    expect(pw.code, tail(pw)).toBe(0);
    expect(pw.out).toMatch(/3 passed/);
    const total = Date.now() - started;
    await test.info().attach('timings.json', {
      body: JSON.stringify({ installMs: tInstall, totalMs: total }),
      contentType: 'application/json',
    });
    // The whole round trip stays small enough for every CI run.
    expect(total, 'pack + install + tests').toBeLessThan(180_000);
    const lock = await readFile(path.join(dir, 'package-lock.json'), 'utf8');
    expect(lock).toContain('"node_modules/cors-conformance"');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/** A user's own scenario file: one scenario without an id, in the portable format. */
const USER_SCENARIO = {
  title: 'PUT with X-Token, allowed by the preflight',
  request: { method: 'PUT', headers: { 'X-Token': '1' }, target: 'cross-origin' },
  server: {
    preflight: {
      status: 204,
      headers: {
        'Access-Control-Allow-Origin': '<origin>',
        'Access-Control-Allow-Methods': 'PUT',
        'Access-Control-Allow-Headers': 'x-token',
      },
    },
    actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } },
  },
};

interface Results {
  run: { status: string; expected: number; ran: number };
  drift: unknown[];
  cases: { id: string; area: string; engine: string; verdict: string }[];
}

test('npm init -y && npm install <tgz>: npx cors-conformance run gives the checkout matrix, and runs my.json', async () => {
  test.setTimeout(360_000);
  const { tarball, files } = packedTarball();
  expect(files).toContain('dist/suites/index.json');
  expect(files).toContain('dist/suites/smoke.json');
  expect(files).toContain('dist/src/suites/playwright.config.js');
  expect(files).toContain('dist/src/suites/driver.js');
  // The compiled tables stay out: the JSON is the shipped form.
  expect(files.filter((f) => f.startsWith('dist/suites/') && !f.endsWith('.json'))).toEqual([]);
  const dir = await mkdtemp(path.join(tmpdir(), 'cors-conformance-init-'));
  try {
    const started = Date.now();
    expect((await run('npm', ['init', '-y'], dir, 30_000)).code).toBe(0);
    const flags = ['install', '--no-audit', '--no-fund', '--prefer-offline'];
    const tgz = path.join(packedTarball().dir, tarball);
    const installed = await run('npm', [...flags, tgz], dir, 180_000);
    expect(installed.code, tail(installed)).toBe(0);
    const tInstall = Date.now() - started;

    const listed = await run(
      'npx',
      ['--no-install', 'cors-conformance', 'list', '--suite', 'smoke'],
      dir,
      30_000,
    );
    expect(listed.code, tail(listed)).toBe(0);
    expect(listed.out).toContain('smoke/simple-get-star');

    // The full matrix in Chromium, as from a checkout: every suite, every scenario.
    const full = await run(
      'npx',
      ['--no-install', 'cors-conformance', 'run', '--engine', 'chromium'],
      dir,
      240_000,
    );
    const results = fromResultsJson(
      JSON.parse(await readFile(path.join(dir, 'reports/results.json'), 'utf8')),
    ) as Results;
    expect(results.run.status, tail(full)).toBe('complete');
    const tables = await loadTables();
    const perSuite = (cases: Results['cases']): Record<string, number> => {
      const counts: Record<string, number> = {};
      for (const c of cases) counts[c.area] = (counts[c.area] ?? 0) + 1;
      return counts;
    };
    const fromCheckout = perSuite(
      tables.flatMap((t) =>
        t.scenarios.map((s) => ({
          id: s.id ?? '',
          area: (s.id ?? '').split('/')[0] ?? '',
          engine: 'chromium',
          verdict: '',
        })),
      ),
    );
    expect(perSuite(results.cases)).toEqual(fromCheckout);
    expect(results.cases).toHaveLength(tables.reduce((n, t) => n + t.scenarios.length, 0));
    expect(full.code, tail(full)).toBe(results.drift.length === 0 ? 0 : 1);
    const tFull = Date.now() - started - tInstall;

    // A user's file: run in real Chromium, printed side by side, the same reports.
    await writeFile(path.join(dir, 'my.json'), JSON.stringify(USER_SCENARIO, null, 2));
    const mine = await run(
      'npx',
      [
        '--no-install',
        'cors-conformance',
        'run',
        '--engine',
        'chromium',
        '--out',
        'mine',
        'my.json',
      ],
      dir,
      120_000,
    );
    expect(mine.code, tail(mine)).toBe(0);
    expect(mine.out).toContain('my.json#0: chromium pass');
    expect(mine.out).toMatch(/ {2}preflight\s+true\s+true\s+true/);
    const my = fromResultsJson(
      JSON.parse(await readFile(path.join(dir, 'mine/results.json'), 'utf8')),
    ) as Results;
    expect(my.cases.map((c) => [c.id, c.verdict])).toEqual([['my.json#0', 'pass']]);
    for (const f of ['junit.xml', 'index.html'])
      expect(existsSync(path.join(dir, 'mine', f))).toBe(true);
    await test.info().attach('timings.json', {
      body: JSON.stringify({
        installMs: tInstall,
        fullRunMs: tFull,
        totalMs: Date.now() - started,
      }),
      contentType: 'application/json',
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
