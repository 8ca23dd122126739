import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import getPort from 'get-port';
import { asset } from '../../servers/assets.js';
import { getEngineProfile } from '../engine-facts/index.js';
import {
  IMPORT_SCRIPTS_WORKER_PATH,
  IMPORT_SCRIPTS_WORKER_SOURCE,
} from '../harness/initiators/page-drivers.js';
import type { Scenario } from '../scenario/types.js';
import { parseScenario } from '../scenario/validate.js';
import { modelExecutor } from './executor.js';
import { runFuzz, type FuzzFinding } from './fuzz.js';
import { replayCommand, requestCode, writeRepro } from './repro.js';

test('request code spells out method, header pairs, mode and body', () => {
  const code = requestCode(
    {
      method: 'PUT',
      headers: { 'X-A': '1' },
      mode: 'cors',
      body: { kind: 'blob', value: 'x', type: 'a/b' },
    },
    "OTHER + '/hop/0'",
  );
  expect(code).toContain('method: "PUT"');
  expect(code).toContain('headers: [["X-A","1"]]');
  expect(code).toContain('new Blob(["x"], { type: "a/b" })');
  const xhr = requestCode({ api: 'xhr', method: 'GET', withCredentials: true }, "OTHER + '/hop/0'");
  expect(xhr).toContain('x.withCredentials = true;');
});

test('a finding becomes scenario.json, a page, a README and a server that answers the preflight', async () => {
  const executor = modelExecutor(getEngineProfile('spec'), 'acrh-unsorted');
  const report = await runFuzz({ executor, seed: 7, runs: 400, maxShrunk: 1 });
  const finding = report.findings[0];
  expect(finding).toBeDefined();
  if (finding === undefined) return;
  const root = await mkdtemp(join(tmpdir(), 'fuzz-repro-'));
  const dir = await writeRepro(root, finding);
  try {
    const scenario = parseScenario(JSON.parse(await readFile(join(dir, 'scenario.json'), 'utf8')));
    expect(scenario.request).toEqual(finding.scenario.request);
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toContain(replayCommand(finding));
    expect(await readFile(join(dir, 'repro.html'), 'utf8')).toMatch(
      /await fetch\(|new XMLHttpRequest/,
    );

    const port = await freePortPair();
    const child = spawn(process.execPath, ['server.mjs'], {
      cwd: dir,
      env: { ...process.env, PAGE_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.once('data', () => resolve());
        child.once('exit', (code) => reject(new Error(`server.mjs exited with ${String(code)}`)));
      });
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(await page.text()).toContain('CORS reproduction');
      const pre = await fetch(`http://127.0.0.1:${port + 1}/hop/0`, {
        method: 'OPTIONS',
        headers: { Origin: `http://localhost:${port}`, 'Access-Control-Request-Method': 'PUT' },
      });
      // The scenario's preflight answer, or the 404 a missing one stands for.
      const expected = finding.scenario.server?.preflight?.status ?? 404;
      const hops = finding.scenario.server?.redirects ?? [];
      if (hops.length === 0) expect(pre.status).toBe(expected);
    } finally {
      child.kill();
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

/** A free port whose next port is free too: server.mjs serves the page on P and CORS on P + 1. */
async function freePortPair(): Promise<number> {
  for (;;) {
    const port = await getPort();
    if ((await getPort({ port: port + 1 })) === port + 1) return port;
  }
}

test("an initiator finding's server serves the harness's asset, its page the harness's driver", async () => {
  const scenario: Scenario = {
    request: { api: 'img-canvas', target: 'cross-origin' },
    server: { redirects: [{ status: 302, to: 'same-origin', noLocation: true }] },
  };
  const finding: FuzzFinding = {
    engine: 'webkit',
    seed: 1,
    index: 0,
    replay: '1:0',
    scenario,
    original: scenario,
    outcome: {
      verdict: 'fail',
      diffs: [{ field: 'loaded', predicted: true, observed: false }],
      profileExplained: false,
      prediction: null,
      observation: null,
    },
    shrunk: false,
    shrinkRuns: 0,
    generator: 'initiators',
  };
  const root = await mkdtemp(join(tmpdir(), 'fuzz-repro-'));
  const dir = await writeRepro(root, finding);
  try {
    const html = await readFile(join(dir, 'repro.html'), 'utf8');
    expect(html).toContain('const corsConformanceRunner = (async function corsConformanceRunner');
    expect(html).toContain('"api":"img-canvas"');
    const port = await freePortPair();
    const child = spawn(process.execPath, ['server.mjs'], {
      cwd: dir,
      env: { ...process.env, PAGE_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.once('data', () => resolve());
        child.once('exit', (code) => reject(new Error(`server.mjs exited with ${String(code)}`)));
      });
      // The chain ends on the 302 without Location: that answer carries the PNG.
      const png = asset('png');
      const res = await fetch(`http://127.0.0.1:${port + 1}/hop/0`, { redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(res.headers.get('content-type')).toBe(png.contentType);
      expect(Buffer.from(await res.arrayBuffer())).toEqual(png.bytes);
      const journal = await fetch(`http://127.0.0.1:${port}/__journal`);
      expect(await journal.json()).toEqual([{ kind: 'request' }]);
      const worker = await fetch(`http://127.0.0.1:${port}${IMPORT_SCRIPTS_WORKER_PATH}`);
      expect(await worker.text()).toBe(IMPORT_SCRIPTS_WORKER_SOURCE);
    } finally {
      child.kill();
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
