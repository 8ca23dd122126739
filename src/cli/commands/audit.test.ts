import { expect, test } from '@playwright/test';
import { BAD_SERVER_ALLOWED, startBadServer } from '../../audit/fixtures/bad-servers.js';
import type { CliIo } from '../io.js';
import { runAudit } from './audit.js';

function memoryIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    readStdin: () => Promise.resolve(''),
    readFile: () => Promise.reject(new Error('ENOENT')),
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
  };
  return io;
}

test('exit codes: 1 when a finding reaches --fail-on, 0 below it', async () => {
  const server = await startBadServer('missing-vary');
  try {
    const base = ['--target', server.url, '--allow-origin', BAD_SERVER_ALLOWED, '--no-proof'];
    const high = memoryIo();
    expect(await runAudit([...base, '--fail-on', 'high'], high)).toBe(0);
    expect(high.out).toContain('[MEDIUM] missing-vary-origin');
    const medium = memoryIo();
    expect(await runAudit([...base, '--fail-on', 'medium'], medium)).toBe(1);
    const dflt = memoryIo();
    expect(await runAudit(base, dflt)).toBe(1);
  } finally {
    await server.close();
  }
});

test('json and sarif formats', async () => {
  const server = await startBadServer('null-allowed');
  try {
    const base = [
      '--target',
      server.url,
      '--allow-origin',
      BAD_SERVER_ALLOWED,
      '--no-proof',
      '--fail-on',
      'high',
    ];
    const json = memoryIo();
    expect(await runAudit([...base, '--format', 'json'], json)).toBe(1);
    const report = JSON.parse(json.out) as { findings: { id: string; severity: string }[] };
    expect(report.findings.map((f) => f.id)).toEqual(['null-origin-allowed']);
    const sarif = memoryIo();
    await runAudit([...base, '--format', 'sarif'], sarif);
    const doc = JSON.parse(sarif.out) as {
      version: string;
      runs: { results: { ruleId: string; level: string }[] }[];
    };
    expect(doc.version).toBe('2.1.0');
    expect(doc.runs[0]?.results).toEqual([
      expect.objectContaining({ ruleId: 'null-origin-allowed', level: 'error' }),
    ]);
  } finally {
    await server.close();
  }
});

test('user mistakes: one line, exit 2', async () => {
  const cases: [string[], RegExp][] = [
    [[], /^--target URL is required\n$/],
    [['--target', 'ftp://x'], /^--target: must be an http or https URL/],
    [
      ['--target', 'http://127.0.0.1:9/', '--fail-on', 'critical'],
      /^--fail-on: must be one of low, medium, high/,
    ],
    [
      ['--target', 'http://127.0.0.1:9/', '--format', 'xml'],
      /^--format: must be one of text, json, sarif/,
    ],
    [
      ['--target', 'http://127.0.0.1:9/', '--allow-origin', 'app.example.com'],
      /^--allow-origin app\.example\.com: must be a lowercase origin/,
    ],
  ];
  for (const [argv, message] of cases) {
    const io = memoryIo();
    expect(await runAudit(argv, io), argv.join(' ')).toBe(2);
    expect(io.err, argv.join(' ')).toMatch(message);
    expect(io.err.trim().split('\n')).toHaveLength(1);
    expect(io.out).toBe('');
  }
  // A target that does not answer is the environment's, not the user's input: exit 3.
  const unreachable = memoryIo();
  expect(await runAudit(['--target', 'http://127.0.0.1:1/', '--no-proof'], unreachable)).toBe(3);
  expect(unreachable.err).toMatch(/^cannot reach http:\/\/127\.0\.0\.1:1: ECONNREFUSED[^\n]*\n$/);
});
