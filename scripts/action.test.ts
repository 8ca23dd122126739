// The GitHub Action's steps (scripts/action.mjs, what action.yml runs) on this machine, with
// the package packed from the current build: install into a project of its own, provision
// (the engines are here: it must find them and do nothing), then the command: `audit
// --format sarif` against a deliberately bad local server writes audit.sarif and says so in
// the step outputs; `run` writes the conformance reports. Plus action.yml against the
// action schema, and the pure parts (argument splitting, provisioning plan) with the cases
// where they must refuse or act. Needs a current build (`npm run build`).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { fromResultsJson } from '../src/report/report-data.js';
import { parse } from 'yaml';
import { BAD_SERVER_ALLOWED, startBadServer } from '../src/audit/fixtures/bad-servers.js';
import { commandLine, parseEngines, provisionPlan, splitArgs } from './action.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCRIPT = join(ROOT, 'scripts', 'action.mjs');
const require = createRequire(import.meta.url);
const validator = require('@action-validator/core') as {
  validateAction: (src: string) => { errors: unknown[] };
};
const ACTION = readFileSync(join(ROOT, 'action.yml'), 'utf8');

interface Ran {
  code: number;
  out: string;
}

function exec(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  timeoutMs: number,
): Promise<Ran> {
  return new Promise<Ran>((resolve) => {
    execFile(
      cmd,
      args,
      {
        cwd,
        timeout: timeoutMs,
        maxBuffer: 32 * 1024 * 1024,
        env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', FORCE_COLOR: '0', ...env },
      },
      (err, stdout, stderr) => {
        const code = err === null ? 0 : typeof err.code === 'number' ? err.code : 1;
        resolve({ code, out: `${stdout}\n${stderr}` });
      },
    );
  });
}

const node = (args: string[], env: NodeJS.ProcessEnv, cwd: string, timeoutMs: number) =>
  exec(process.execPath, args, env, cwd, timeoutMs);

function outputs(file: string): Record<string, string> {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  return Object.fromEntries(
    text
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

test('action.yml is valid against the action schema, and the validator rejects a broken one', () => {
  expect(validator.validateAction(ACTION).errors).toEqual([]);
  const broken = ACTION.replace('using: composite', 'usingg: composite');
  expect(validator.validateAction(broken).errors.length).toBeGreaterThan(0);
});

test('action.yml runs the script steps with inputs through the environment, uploads always', () => {
  const action = parse(ACTION) as {
    inputs: Record<string, unknown>;
    runs: { steps: { id?: string; run?: string; uses?: string; if?: string; env?: object }[] };
  };
  expect(Object.keys(action.inputs)).toEqual(
    expect.arrayContaining(['command', 'args', 'engines', 'reports']),
  );
  const steps = action.runs.steps;
  const runs = steps.map((s) => s.run ?? '').filter((r) => r !== '');
  expect(runs).toEqual(
    ['install', 'provision', 'run'].map(
      (s) => `node "$GITHUB_ACTION_PATH/scripts/action.mjs" ${s}`,
    ),
  );
  // No input is spliced into a shell line (injection): they come in as env values.
  for (const r of runs) expect(r).not.toContain('${{');
  const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
  expect(upload?.if).toBe('always()');
  const sarif = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
  expect(sarif?.if).toContain("steps.command.outputs.sarif != ''");
});

test('args split as a shell splits words and quotes; bad inputs are refused', () => {
  expect(
    splitArgs(`--target http://x --start 'node server.js --port 8080' --header "A: b"`),
  ).toEqual(['--target', 'http://x', '--start', 'node server.js --port 8080', '--header', 'A: b']);
  expect(splitArgs('  ')).toEqual([]);
  expect(() => splitArgs(`--start 'node x`)).toThrow(/unclosed/);
  expect(parseEngines('')).toEqual(['chromium', 'firefox', 'webkit']);
  expect(() => parseEngines('chromium,safari')).toThrow(/safari is no engine/);
  expect(() => commandLine({ command: 'fuzz', args: [], engines: [], reports: 'r' })).toThrow(
    /one of verify, audit, run/,
  );
  const run = commandLine({
    command: 'run',
    args: ['--suite', 'smoke'],
    engines: ['firefox'],
    reports: 'r',
  });
  expect(run.argv).toEqual(['run', '--suite', 'smoke', '--engine', 'firefox', '--out', 'r']);
  const audit = commandLine({
    command: 'audit',
    args: ['--format', 'sarif', '-e', 'webkit'],
    engines: ['chromium'],
    reports: 'r',
  });
  expect(audit).toEqual({
    argv: ['audit', '--format', 'sarif', '-e', 'webkit'],
    output: join('r', 'audit.sarif'),
    sarif: true,
  });
});

test('provisioning does nothing when the engines are found, and runs the browsers script otherwise', () => {
  const doctor = {
    engines: [
      { browser: 'chromium', found: true },
      { browser: 'firefox', found: true },
      { browser: 'webkit', found: false },
    ],
  };
  const how = { isRoot: false, script: '/x/browsers.mjs' };
  expect(provisionPlan(doctor, ['chromium', 'firefox'], how)).toBeNull();
  expect(provisionPlan(doctor, ['chromium', 'webkit'], how)).toEqual({
    missing: ['webkit'],
    command: ['sudo', '-n', process.execPath, '/x/browsers.mjs'],
  });
  expect(provisionPlan(doctor, ['webkit'], { ...how, isRoot: true })?.command).toEqual([
    process.execPath,
    '/x/browsers.mjs',
  ]);
});

test("the action's steps on this machine: install, provision (nothing to do), audit SARIF, run reports", async () => {
  test.setTimeout(300_000);
  expect(existsSync(join(ROOT, 'dist/suites/index.json')), 'dist/ is built (npm run build)').toBe(
    true,
  );
  const dir = await mkdtemp(join(tmpdir(), 'cors-conformance-action-'));
  const server = await startBadServer('reflect-credentials');
  try {
    const packed = await exec(
      'npm',
      ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir],
      {},
      ROOT,
      60_000,
    );
    const tgz = packed.code === 0 ? packed.out.trim().split('\n')[0]?.trim() : undefined;
    const env = {
      CC_TOOL_DIR: join(dir, 'tool'),
      CC_PACKAGE: tgz === undefined ? '' : join(dir, tgz),
      GITHUB_OUTPUT: join(dir, 'github-output'),
      CC_ENGINES: 'chromium,firefox,webkit',
    };
    expect(env.CC_PACKAGE, packed.out).not.toBe('');
    const installed = await node([SCRIPT, 'install'], env, dir, 180_000);
    expect(installed.code, installed.out).toBe(0);
    expect(existsSync(join(dir, 'tool/node_modules/.bin/cors-conformance'))).toBe(true);

    const provisioned = await node([SCRIPT, 'provision'], env, dir, 60_000);
    expect(provisioned.code, provisioned.out).toBe(0);
    expect(provisioned.out).toContain(
      'engines already provisioned: chromium, firefox, webkit (nothing to do)',
    );
    expect(provisioned.out).not.toMatch(/^\$ /m);

    const audit = await node(
      [SCRIPT, 'run'],
      {
        ...env,
        CC_COMMAND: 'audit',
        CC_ARGS: `--target ${server.url} --allow-origin ${BAD_SERVER_ALLOWED} --format sarif --fail-on high --no-proof`,
        CC_REPORTS: 'audit-reports',
      },
      dir,
      120_000,
    );
    // A high finding: the command's exit code 1 is the step's, and the SARIF is there.
    expect(audit.code, audit.out).toBe(1);
    const out = outputs(env.GITHUB_OUTPUT);
    expect(out['exit-code']).toBe('1');
    expect(out.sarif).toBe(join(dir, 'audit-reports', 'audit.sarif'));
    const sarif = JSON.parse(await readFile(out.sarif ?? '', 'utf8')) as {
      version: string;
      runs: { results: { ruleId: string; level: string }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results.map((r) => r.ruleId)).toContain('credentialed-wildcard');

    const run = await node(
      [SCRIPT, 'run'],
      {
        ...env,
        CC_COMMAND: 'run',
        CC_ARGS: '--suite smoke',
        CC_ENGINES: 'chromium',
        CC_REPORTS: 'run-reports',
      },
      dir,
      180_000,
    );
    expect(run.code, run.out.slice(-3000)).toBe(0);
    const results = fromResultsJson(
      JSON.parse(await readFile(join(dir, 'run-reports/results.json'), 'utf8')),
    ) as {
      cases: { area: string; engine: string }[];
    };
    expect(results.cases.length).toBeGreaterThan(0);
    expect(new Set(results.cases.map((c) => `${c.area}@${c.engine}`))).toEqual(
      new Set(['smoke@chromium']),
    );
    for (const f of ['junit.xml', 'index.html'])
      expect(existsSync(join(dir, 'run-reports', f))).toBe(true);
    expect(outputs(env.GITHUB_OUTPUT).sarif).toBe('');
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});

interface WorkflowStep {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { strategy?: { matrix?: Record<string, unknown> }; steps: WorkflowStep[] }>;
}

const EXAMPLES = join(ROOT, 'examples', 'workflows');
const exampleNames = ['api-team.yml', 'browser-watchers-nightly.yml', 'middleware-scenarios.yml'];
const validateWorkflow = (
  require('@action-validator/core') as { validateWorkflow: (src: string) => { errors: unknown[] } }
).validateWorkflow;

function actionSteps(w: Workflow): WorkflowStep[] {
  return Object.values(w.jobs)
    .flatMap((j) => j.steps)
    .filter((s) => s.uses?.endsWith('/cors-conformance@v0'));
}

test('the example workflows are valid workflows that give the action only inputs it declares', () => {
  const declared = Object.keys((parse(ACTION) as { inputs: Record<string, unknown> }).inputs);
  for (const name of exampleNames) {
    const source = readFileSync(join(EXAMPLES, name), 'utf8');
    expect(validateWorkflow(source).errors, name).toEqual([]);
    expect(validateWorkflow(source.replace('runs-on:', 'runs-onn:')).errors.length).toBeGreaterThan(
      0,
    );
    const steps = actionSteps(parse(source) as Workflow);
    expect(steps.length, name).toBeGreaterThan(0);
    for (const s of steps) {
      expect(
        Object.keys(s.with ?? {}).filter((k) => !declared.includes(k)),
        name,
      ).toEqual([]);
      expect(['verify', 'audit', 'run']).toContain(s.with?.command);
      // What the action's run step would run: the args must split.
      expect(() => splitArgs(typeof s.with?.args === 'string' ? s.with.args : '')).not.toThrow();
    }
  }
});

test('API team example: verify, then audit as SARIF failing on high, allowed to upload to code scanning', () => {
  const w = parse(readFileSync(join(EXAMPLES, 'api-team.yml'), 'utf8')) as Workflow;
  expect(w.permissions?.['security-events']).toBe('write');
  const [verify, audit] = actionSteps(w);
  expect(verify?.with?.command).toBe('verify');
  expect(String(verify?.with?.args)).toMatch(
    /--target \S+ --policy \S+ --assets \S+ --start "npm start"/,
  );
  expect(audit?.with?.command).toBe('audit');
  const args = splitArgs(String(audit?.with?.args));
  expect(args.slice(args.indexOf('--format'), args.indexOf('--format') + 2)).toEqual([
    '--format',
    'sarif',
  ]);
  expect(args.slice(args.indexOf('--fail-on'), args.indexOf('--fail-on') + 2)).toEqual([
    '--fail-on',
    'high',
  ]);
  expect(args).toContain('--start');
  // The audit runs even when verify found something, so both are reported.
  expect(audit?.if).toBe('${{ !cancelled() }}');
});

test('browser watchers example: a nightly matrix over the three engines, one artifact each', () => {
  const w = parse(readFileSync(join(EXAMPLES, 'browser-watchers-nightly.yml'), 'utf8')) as Workflow;
  expect(w.on).toHaveProperty('schedule');
  const job = Object.values(w.jobs)[0];
  expect(job?.strategy?.matrix?.engine).toEqual(['chromium', 'firefox', 'webkit']);
  const [step] = actionSteps(w);
  expect(step?.with).toMatchObject({
    command: 'run',
    engines: '${{ matrix.engine }}',
    'artifact-name': 'conformance-${{ matrix.engine }}',
  });
});
