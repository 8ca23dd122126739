// verify and audit against servers that are not Node: Starlette's stock CORSMiddleware
// (Debian python3-starlette 0.26, served by uvicorn) and flask-cors (python3-flask-cors),
// each started by the command itself with --start, as a CI job would. scripts/browsers.mjs
// installs the packages; without them these tests skip and say why.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import getPort from 'get-port';
import type { CliIo } from '../cli/io.js';
import { runAudit } from '../cli/commands/audit.js';
import { runVerify } from '../cli/commands/verify.js';
import { findEngine, isMissing } from '../harness/engines/index.js';
import type { AuditReport } from './index.js';
import type { VerifyReport } from '../verify/index.js';

const APPS = fileURLToPath(new URL('../../examples/python-targets/', import.meta.url));
/** Debian's interpreter: its dist-packages hold the python3-* packages. */
const PYTHON = '/usr/bin/python3';
const ALLOWED = 'https://app.example.com';

function missingModules(): string | null {
  try {
    execFileSync(PYTHON, ['-c', 'import starlette, uvicorn, flask_cors'], { stdio: 'pipe' });
    return null;
  } catch {
    return `${PYTHON} cannot import starlette, uvicorn and flask_cors: apt-get install python3-starlette python3-uvicorn python3-flask-cors (node scripts/browsers.mjs does)`;
  }
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

type App = 'starlette' | 'flask';
type Mode = 'exact' | 'all-with-credentials';

function startCommand(app: App, mode: Mode, port: number): string {
  const env = `CORS_MODE=${mode} CORS_ORIGINS=${ALLOWED}`;
  return app === 'starlette'
    ? `${env} ${PYTHON} -m uvicorn --app-dir ${APPS} starlette_app:app --host 127.0.0.1 --port ${port}`
    : `${env} ${PYTHON} ${path.join(APPS, 'flask_app.py')} ${port}`;
}

async function auditApp(
  app: App,
  mode: Mode,
  proof: boolean,
): Promise<{ code: number; report: AuditReport }> {
  const port = await getPort();
  const io = memoryIo();
  const code = await runAudit(
    [
      '--target',
      `http://127.0.0.1:${port}/api/data`,
      '--allow-origin',
      ALLOWED,
      '--start',
      startCommand(app, mode, port),
      '--seed',
      '1',
      '--format',
      'json',
      '--fail-on',
      'high',
      ...(proof ? [] : ['--no-proof']),
    ],
    io,
  );
  expect(io.err).toBe('');
  return { code, report: JSON.parse(io.out) as AuditReport };
}

test.describe('Python targets', () => {
  test.beforeAll(() => {
    const why = missingModules();
    if (why !== null) console.log(`skipping the Python targets: ${why}`);
  });
  test.beforeEach(() => {
    const why = missingModules();
    test.skip(why !== null, why ?? '');
  });

  test('Starlette, all origins with credentials: reflection only with a cookie, proven in Chromium', async () => {
    test.setTimeout(120_000);
    const proof = !isMissing(await findEngine('chromium'));
    const { code, report } = await auditApp('starlette', 'all-with-credentials', proof);
    expect(code).toBe(1);
    const byId = new Map(report.findings.map((f) => [f.id, f]));
    expect(byId.get('origin-reflection')).toMatchObject({ severity: 'high', exploitable: true });
    expect(byId.get('origin-reflection')?.message).toContain(
      "only when the request carries the user's cookie (without it: Access-Control-Allow-Origin *",
    );
    expect(byId.get('preflight-origin-reflection')?.severity).toBe('high');
    expect(byId.get('credentialed-wildcard')?.severity).toBe('high');
    if (proof) {
      const p = byId.get('origin-reflection')?.proof;
      expect(p).toMatchObject({ read: true, status: 200 });
      expect(JSON.parse(p?.bodyExcerpt ?? '{}')).toEqual({ secret: 'account 12345', cookie: true });
    }
  });

  test('flask-cors with supports_credentials: every origin reflected with credentials', async () => {
    const { report } = await auditApp('flask', 'all-with-credentials', false);
    const ids = report.findings.filter((f) => f.severity === 'high').map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['origin-reflection', 'null-origin-allowed']));
  });

  test('exact allow-lists: Starlette gives no finding, flask-cors only its missing Vary', async () => {
    const starlette = await auditApp('starlette', 'exact', false);
    expect(starlette.report.findings).toEqual([]);
    expect(starlette.code).toBe(0);
    expect(starlette.report.generated?.tried.length).toBeGreaterThan(100);
    // flask-cors 3.0.10 with one allowed origin sends it even without an Origin header, and
    // no Vary: Origin, although other origins get no Access-Control-Allow-Origin.
    const flask = await auditApp('flask', 'exact', false);
    expect(flask.report.findings.map((f) => `${f.id}/${f.severity}`)).toEqual([
      'missing-vary-origin/medium',
    ]);
  });

  test('verify with --start against Starlette: the cookie decides, and the report says so', async () => {
    const port = await getPort();
    const dir = await mkdtemp(path.join(tmpdir(), 'verify-python-'));
    const policy = path.join(dir, 'policy.json');
    await writeFile(
      policy,
      JSON.stringify({ origins: [ALLOWED], methods: ['GET', 'PUT'], credentials: true }),
    );
    const io = memoryIo();
    const code = await runVerify(
      [
        '--target',
        `http://127.0.0.1:${port}/api/data`,
        '--policy',
        policy,
        '--start',
        startCommand('starlette', 'all-with-credentials', port),
        '--no-browser',
        '--seed',
        '1',
        '--format',
        'json',
      ],
      io,
    );
    expect(io.err).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(io.out) as VerifyReport;
    const creds = report.cases.find(
      (c) => c.case.id === 'simple-get-credentials/https://appxexample.com',
    );
    expect(creds?.verdict).toBe('too-permissive');
    expect(creds?.notes.join(' ')).toContain('the CORS answer depends on the cookie');
    // Without credentials the `*` answer is readable by anyone: also too permissive.
    expect(
      report.cases.find((c) => c.case.id === 'simple-get/https://appxexample.com')?.verdict,
    ).toBe('too-permissive');
  });
});
