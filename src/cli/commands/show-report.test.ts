import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { CliIo } from '../io.js';
import { runShowReport } from './show-report.js';

function memoryIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readStdin: () => Promise.resolve(''),
    readFile: () => Promise.reject(new Error('unused')),
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

test('show-report serves the reports folder on 127.0.0.1 and prints the URL', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cc-show-'));
  try {
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>matrix</title>');
    const m = memoryIo();
    let body = '';
    const code = await runShowReport(['--port', '0', '--dir', '.'], m.io, {
      cwd: dir,
      untilStopped: async () => {
        const url = /at (http:\/\/127\.0\.0\.1:\d+\/index\.html)/.exec(m.out())?.[1] ?? '';
        body = await (await fetch(url)).text();
      },
    });
    expect(code).toBe(0);
    expect(body).toContain('<title>matrix</title>');
  } finally {
    await rm(dir, { recursive: true });
  }
});

test('show-report without a report, or with a bad port: one line, exit 2', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cc-show-'));
  try {
    const deps = { cwd: dir, untilStopped: () => Promise.resolve() };
    const none = memoryIo();
    expect(await runShowReport([], none.io, deps)).toBe(2);
    expect(none.err()).toBe('reports/index.html: not found: run `npm run conformance` first\n');
    const bad = memoryIo();
    expect(await runShowReport(['--port', 'x', '--dir', '.'], bad.io, deps)).toBe(2);
    expect(bad.err()).toMatch(/^--port: must be a port number/);
  } finally {
    await rm(dir, { recursive: true });
  }
});
