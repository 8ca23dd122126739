// `verify --assets` / `--asset` end to end against a small local asset server: fonts and
// images that send Access-Control-Allow-Origin and ones that do not (or name another
// origin). Chromium loads them from a page really on the site's origin; the model judges the
// server's raw answers; findings decide the exit code.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { tinyFont, tinyPng } from '../../../servers/assets.js';
import { findEngine, isMissing } from '../../harness/engines/index.js';
import type { VerifyReport } from '../../verify/index.js';
import type { CliIo } from '../io.js';
import { runVerify } from './verify.js';

const SITE = 'https://app.example.com';

/** Serves a font and an image under /good/ (ACAO *), /bad/ (none) and /wrong/ (another site). */
async function assetServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const p = req.url ?? '/';
    const headers: Record<string, string> = {};
    if (p.startsWith('/good/')) headers['Access-Control-Allow-Origin'] = '*';
    if (p.startsWith('/wrong/')) headers['Access-Control-Allow-Origin'] = 'https://www.example.com';
    if (p.endsWith('.woff')) res.writeHead(200, { ...headers, 'Content-Type': 'font/woff' });
    else if (p.endsWith('.png')) res.writeHead(200, { ...headers, 'Content-Type': 'image/png' });
    else res.writeHead(404, headers);
    res.end(p.endsWith('.woff') ? tinyFont() : p.endsWith('.png') ? tinyPng() : '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function memoryIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    readStdin: () => Promise.resolve(''),
    readFile: (p: string) => readFile(p, 'utf8'),
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
  };
  return io;
}

async function listFile(lines: string[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'verify-assets-'));
  const file = path.join(dir, 'assets.txt');
  await writeFile(file, `# what ${SITE} loads from the API host\n${lines.join('\n')}\n`);
  return file;
}

test('Chromium: assets with ACAO load, those without (or naming another site) are findings, exit 1', async () => {
  test.setTimeout(120_000);
  test.skip(isMissing(await findEngine('chromium')), 'chromium is not installed here');
  const served = await assetServer();
  try {
    const file = await listFile([
      'font /good/brand.woff',
      'font /bad/brand.woff',
      'img-canvas /good/logo.png anonymous',
      'img-canvas /wrong/logo.png anonymous',
    ]);
    const io = memoryIo();
    const args = ['--target', served.url, '--assets', file, '--from', SITE, '--format', 'json'];
    expect(await runVerify(args, io)).toBe(1);
    expect(io.err).toBe('');
    const report = JSON.parse(io.out) as VerifyReport;
    expect(report.from).toBe(SITE);
    expect(report.skipped).toEqual([]);
    const byPath = new Map(report.assets.map((a) => [new URL(a.asset.url).pathname, a]));
    for (const good of ['/good/brand.woff', '/good/logo.png']) {
      const a = byPath.get(good);
      expect(a, good).toMatchObject({ verdict: 'ok', finding: null });
      expect(a?.browsers).toEqual([
        expect.objectContaining({ loaded: true, verdict: 'ok', agreesWithModel: true }),
      ]);
    }
    const bad = byPath.get('/bad/brand.woff');
    expect(bad).toMatchObject({
      verdict: 'fails',
      blockedBy: 'Access-Control-Allow-Origin',
      model: { mode: 'cors', loaded: false },
    });
    expect(bad?.finding).toMatch(/^fails to load: .*no Access-Control-Allow-Origin header/);
    expect(bad?.browsers).toEqual([
      expect.objectContaining({ loaded: false, verdict: 'fails', agreesWithModel: true }),
    ]);
    const wrong = byPath.get('/wrong/logo.png');
    expect(wrong?.finding).toMatch(
      /"https:\/\/www\.example\.com", not byte-identical to the request origin "https:\/\/app\.example\.com"/,
    );
    expect(wrong?.browsers[0]).toMatchObject({ loaded: false, agreesWithModel: true });
    // The raw answer the verdict came from: the request carried the page's Origin.
    expect(wrong?.response?.request).toContainEqual(['Origin', SITE]);
  } finally {
    await served.close();
  }
});

test('model only: every asset fine is exit 0; a taint without crossorigin is a note, not a finding', async () => {
  const served = await assetServer();
  try {
    const io = memoryIo();
    const args = ['--target', served.url, '--from', SITE, '--no-browser'];
    const code = await runVerify(
      [...args, '--asset', 'font=/good/a.woff', '--asset', 'img-canvas /bad/a.png'],
      io,
    );
    expect(io.err).toBe('');
    expect(code).toBe(0);
    expect(io.out).toMatch(
      /^assets loaded from a page on https:\/\/app\.example\.com: 2 assets, 0 with findings\nok {6}font http:\/\/127\.0\.0\.1:\d+\/good\/a\.woff \[cors\]\nok {6}img-canvas http:\/\/127\.0\.0\.1:\d+\/bad\/a\.png \[no-cors\]\n/,
    );
    expect(io.out).toContain('note: tainted: the page loads it without CORS');

    const failing = memoryIo();
    expect(await runVerify([...args, '--asset', 'font /bad/a.woff'], failing)).toBe(1);
    expect(failing.out).toMatch(
      /^FAILS {3}font http:\/\/127\.0\.0\.1:\d+\/bad\/a\.woff \[cors\]$/m,
    );
    expect(failing.out).toContain(
      'finding: fails to load: CORS check step 2: the response has no Access-Control-Allow-Origin header (blocked by Access-Control-Allow-Origin)',
    );
  } finally {
    await served.close();
  }
});

test("with a policy, assets load from the policy's first origin next to the policy's cases", async () => {
  const served = await assetServer();
  try {
    const dir = await mkdtemp(path.join(tmpdir(), 'verify-assets-'));
    const policy = path.join(dir, 'policy.json');
    await writeFile(policy, JSON.stringify({ origins: ['https://shop.example.org'] }));
    const io = memoryIo();
    const args = ['--target', served.url, '--policy', policy, '--runs', '0', '--no-browser'];
    await runVerify([...args, '--asset', 'img /good/a.png anonymous', '--format', 'json'], io);
    const report = JSON.parse(io.out) as VerifyReport;
    expect(report.cases.length).toBeGreaterThan(0);
    expect(report.from).toBe('https://shop.example.org');
    expect(report.assets[0]).toMatchObject({ from: 'https://shop.example.org', finding: null });
  } finally {
    await served.close();
  }
});
