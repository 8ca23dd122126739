import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import getPort from 'get-port';
import { getEngineProfile } from '../engine-facts/index.js';
import { parseScenario } from '../scenario/validate.js';
import { modelExecutor } from './executor.js';
import { runFuzz } from './fuzz.js';
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
