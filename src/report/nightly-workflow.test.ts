// The nightly GitHub Actions workflow: valid against the workflow schema (SchemaStore's, as
// carried by @action-validator/core) and shaped the way docs/nightly.md says it is.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test, expect } from '@playwright/test';
import { parse } from 'yaml';

interface ValidationState {
  errors: unknown[];
}
const require = createRequire(import.meta.url);
const validator = require('@action-validator/core') as {
  validateWorkflow: (src: string) => ValidationState;
};
const validateWorkflow = (src: string): ValidationState => validator.validateWorkflow(src);

const WORKFLOW = new URL('../../.github/workflows/nightly.yml', import.meta.url);
const source = readFileSync(WORKFLOW, 'utf8');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  strategy?: { matrix?: Record<string, unknown> };
  steps: Step[];
}
const workflow = parse(source) as {
  on: { schedule?: { cron: string }[]; workflow_dispatch?: unknown };
  env: Record<string, unknown>;
  jobs: Record<string, Job>;
};

function job(name: string): Job {
  const j = workflow.jobs[name];
  if (j === undefined) throw new Error(`workflow has no job "${name}"`);
  return j;
}
const runs = (j: Job): string => j.steps.map((s) => s.run ?? '').join('\n');

test('the workflow is valid against the GitHub workflow schema', () => {
  expect(validateWorkflow(source).errors).toEqual([]);
});

test('the validator does reject a broken workflow (the check can fail)', () => {
  const broken = source.replace('runs-on: ubuntu-latest', 'runs-onn: ubuntu-latest');
  expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
});

test('runs on a schedule and by hand', () => {
  expect(workflow.on.schedule?.[0]?.cron).toMatch(/^\S+ \S+ \* \* \*$/);
  expect(workflow.on).toHaveProperty('workflow_dispatch');
});

test('conformance runs engines x shards, each provisioning browsers and uploading a blob', () => {
  const c = job('conformance');
  expect(c.strategy?.matrix?.engine).toEqual(['chromium', 'firefox', 'webkit']);
  const shards = c.strategy?.matrix?.shard as number[];
  expect(shards).toEqual(shards.map((_, i) => i + 1));
  expect(String(workflow.env.SHARD_TOTAL)).toBe(String(shards.length));
  const script = runs(c);
  expect(script).toContain('npm run browsers');
  expect(script).toContain('npm ci');
  expect(script).toMatch(
    /npx cors-conformance run --engine "\$\{\{ matrix\.engine \}\}"[\s\\]*--shard "\$\{\{ matrix\.shard \}\}\/\$SHARD_TOTAL"/,
  );
  // Drift (1) is judged after the merge; only a harness error (2) fails a shard.
  expect(script).toMatch(/if \[ "\$code" -ge 2 \]; then exit "\$code"; fi/);
  const upload = c.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
  expect(upload?.with?.name).toBe('blob-${{ matrix.engine }}-${{ matrix.shard }}');
});

test('fuzz uses one fresh seed for every engine unless one is given, and records it', () => {
  expect(runs(job('seed'))).toContain('seed="${REQUESTED_SEED:-$(date +%s)}"');
  const fuzz = job('fuzz');
  expect(fuzz.needs).toBe('seed');
  const step = fuzz.steps.find((s) => s.run?.includes('cors-conformance fuzz'));
  expect(step?.env?.SEED).toBe('${{ needs.seed.outputs.seed }}');
  expect(step?.run).toContain('reports/fuzz/seed.txt');
  expect(step?.run).toMatch(/cors-conformance fuzz [\s\S]*?--seed "\$SEED"/);
  // The history record keeps it.
  expect(runs(job('merge'))).toMatch(
    /seed="\$\{\{ needs\.seed\.outputs\.seed \}\}"[\s\S]*--seed "\$seed"/,
  );
});

test('frameworks runs the adapters with the checked-in policy', () => {
  const script = runs(job('frameworks'));
  expect(script).toContain('npx cors-conformance frameworks --policy .github/nightly/policy.json');
  expect(script).toContain('--format json');
  const policy = JSON.parse(
    readFileSync(new URL('../../.github/nightly/policy.json', import.meta.url), 'utf8'),
  ) as unknown;
  expect(policy).toHaveProperty('origins');
});

test('merge waits for every run job, merges the blobs with our reporter and keeps history', () => {
  const m = job('merge');
  expect([m.needs].flat().sort()).toEqual(['conformance', 'frameworks', 'fuzz', 'seed']);
  expect(m.if).toContain('!cancelled()');
  const download = m.steps.find(
    (s) => s.uses?.startsWith('actions/download-artifact') && s.with?.pattern === 'blob-*',
  );
  expect(download?.with?.['merge-multiple']).toBe(true);
  const script = runs(m);
  expect(script).toContain(
    'npx playwright merge-reports --config src/report/merge.config.ts all-blobs',
  );
  expect(script).toContain('npx cors-conformance history --results reports/results.json');
  const restore = m.steps.find((s) => s.uses?.startsWith('actions/cache/restore'));
  const save = m.steps.find((s) => s.uses?.startsWith('actions/cache/save'));
  expect(restore?.with?.path).toBe('reports/history');
  expect(save?.with?.key).toBe(restore?.with?.key);
  // The last step turns the drift code and the other jobs' results into the run's exit code.
  const last = m.steps.at(-1)?.run ?? '';
  expect(last).toContain('exit "${DRIFT:-2}"');
  expect(last).toContain("grep -qs 'exit-code=1' reports/fuzz/exit-*.txt");
});
