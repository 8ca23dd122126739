// `cors-conformance frameworks`: the generated regression suite. Seeded policies in the
// adapters' common vocabulary and requests probing their edges run through every built-in
// adapter (express+cors, fastify, koa, hono, older versions side by side, Starlette and
// flask-cors when installed) or a maintainer's own (`--adapter ./my-adapter.ts`); each answer
// is judged against the policy's intent through the model; disagreements are shrunk,
// written as reproductions and confirmed in an engine. `--policy P` is the one-policy
// comparison table instead.
import type * as CompareModule from '../../frameworks/compare.js';
import type { SuiteAdapter } from '../../frameworks/suite-adapter.js';
import type { BrowserName } from '../../harness/engines/types.js';
import { definedFields } from '../../object-fields.js';
import { loadPolicyFile } from '../../policy/index.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import type { ReplayId } from '../../fuzz/replay.js';
import { planSeededRun, seededRunOptions, wholeNumber, type SeededRunPlan } from '../flags.js';
import type { CliIo } from '../io.js';
import { commandFactory, inProcess } from '../run-command.js';
import { parseBrowsers } from './verify.js';

export interface FrameworksCliOptions {
  policy?: string;
  adapter?: string;
  only?: string;
  seed?: string;
  runs?: string;
  time?: string;
  replay?: string;
  json?: boolean;
  engine?: string;
  browser: boolean;
  format: string;
  out: string;
  shrink: string;
}

interface SuitePlan extends SeededRunPlan {
  engine: BrowserName | null;
  json: boolean;
  shrinkRuns: number;
}

/** Checks the suite's options before anything starts; a mistake is a UsageError (exit 2). */
export function planSuite(o: FrameworksCliOptions): SuitePlan {
  if (!['text', 'json'].includes(o.format))
    throw new UsageError(`--format: must be text or json (got ${JSON.stringify(o.format)})`);
  const run = planSeededRun(o);
  if (o.adapter !== undefined && o.only !== undefined)
    throw new UsageError('--adapter and --only: --only picks built-in adapters; give one of them');
  return {
    ...run,
    engine: o.browser
      ? (parseBrowsers(o.engine === undefined ? undefined : [o.engine], ['chromium'])[0] ??
        'chromium')
      : null,
    json: o.json === true || o.format === 'json',
    shrinkRuns: wholeNumber('--shrink', o.shrink),
  };
}

/** The adapters to run: the user's module, or the built-ins (narrowed by --only). */
async function adaptersFor(o: FrameworksCliOptions): Promise<SuiteAdapter[]> {
  if (o.adapter !== undefined) {
    const { AdapterLoadError, loadSuiteAdapter } =
      await import('../../frameworks/suite-adapter.js');
    try {
      return [await loadSuiteAdapter(o.adapter)];
    } catch (e) {
      if (e instanceof AdapterLoadError) throw new UsageError(e.message);
      throw e;
    }
  }
  const { builtinSuiteAdapters } = await import('../../frameworks/builtin-adapters.js');
  const all = builtinSuiteAdapters();
  if (o.only === undefined) return all;
  const names = o.only
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  const unknown = names.find((n) => !all.some((a) => a.name === n));
  if (unknown !== undefined || names.length === 0)
    throw new UsageError(
      `--only: ${JSON.stringify(unknown ?? o.only)} is not a built-in adapter (known: ${all.map((a) => a.name).join(', ')})`,
    );
  return all.filter((a) => names.includes(a.name));
}

async function replayAction(
  plan: SuitePlan,
  replay: ReplayId,
  adapters: SuiteAdapter[],
  io: CliIo,
): Promise<number> {
  const { replaySuiteCase } = await import('../../frameworks/suite.js');
  const { describePolicy } = await import('../../frameworks/vocabulary.js');
  const { exchangesText } = await import('../../frameworks/repro.js');
  try {
    const r = await replaySuiteCase(adapters, replay.seed, replay.path);
    const failed = Object.values(r.outcomes).some(
      (o) => o.disagreements.length > 0 || o.error !== null,
    );
    if (plan.json) {
      io.stdout(`${JSON.stringify({ replay: `${replay.seed}:${replay.path}`, ...r }, null, 2)}\n`);
      return failed ? EXIT.findings : EXIT.ok;
    }
    io.stdout(`case ${replay.seed}:${replay.path}\npolicy: ${describePolicy(r.case.policy)}\n`);
    for (const [name, o] of Object.entries(r.outcomes)) {
      const state = o.skipped ?? o.error ?? (o.disagreements.length === 0 ? 'as intended' : '');
      io.stdout(`\n[${name}] ${state}\n`);
      for (const p of o.probes) io.stdout(`  probe ${p.probe}: ${p.what}: ${p.verdict}\n`);
      for (const d of o.disagreements) io.stdout(`  ${d.kind} (probe ${d.probe}): ${d.detail}\n`);
      if (o.disagreements.length > 0) io.stdout(`\n${exchangesText(o.exchanges, o.url)}`);
    }
    return failed ? EXIT.findings : EXIT.ok;
  } finally {
    for (const a of adapters) await a.close?.();
  }
}

/** The body of the generated suite; resolves to the exit code. */
export async function suiteAction(o: FrameworksCliOptions, io: CliIo): Promise<number> {
  const plan = planSuite(o);
  const adapters = await adaptersFor(o);
  if (plan.replay !== undefined) return replayAction(plan, plan.replay, adapters, io);
  const { runSuiteSession } = await import('../../frameworks/suite-session.js');
  const { formatSuiteText } = await import('../../frameworks/suite-text.js');
  io.stderr(
    `frameworks: seed ${plan.seed}, ${adapters.length} adapter${adapters.length === 1 ? '' : 's'}; replay a case with --replay ${plan.seed}:<path>\n`,
  );
  let last = -Infinity;
  const { report, extras } = await runSuiteSession({
    adapters,
    seed: plan.seed,
    engine: plan.engine,
    outDir: o.out,
    maxShrinkRuns: plan.shrinkRuns,
    ...(o.adapter === undefined ? {} : { adapterFile: o.adapter }),
    ...definedFields(plan, ['runs', 'timeMs']),
    onProgress: (p) => {
      if (p.phase === 'cases' && p.elapsedMs - last < 2000 && p.done !== p.total) return;
      last = p.elapsedMs;
      const of = p.total === null ? '' : `/${p.total}`;
      io.stderr(
        p.phase === 'cases'
          ? `frameworks: ${p.done}${of} cases, ${p.disagreements} adapter runs disagreeing, ${(p.elapsedMs / 1000).toFixed(1)} s\n`
          : `frameworks: ${p.phase} (${(p.elapsedMs / 1000).toFixed(1)} s)\n`,
      );
    },
  });
  if (plan.json) io.stdout(`${JSON.stringify({ ...report, ...extras }, null, 2)}\n`);
  else io.stdout(formatSuiteText(report, extras));
  // Nothing ran: not a pass. Every adapter's reason is in the table above.
  if (report.adapters.every((s) => s.unavailable !== null)) {
    io.stderr('frameworks: no adapter could run here (see "not run" above)\n');
    return EXIT.environment;
  }
  const errors = report.adapters.some((s) => s.errors > 0);
  return report.findings.length > 0 || errors ? EXIT.findings : EXIT.ok;
}

/** `--policy P`: one policy through every adapter, one framework x case table. */
export async function policyAction(
  options: FrameworksCliOptions,
  policyFile: string,
  io: CliIo,
): Promise<number> {
  const engine = options.browser
    ? (parseBrowsers(options.engine === undefined ? undefined : [options.engine], [
        'chromium',
      ])[0] ?? 'chromium')
    : null;
  // A bad policy file is a PolicyError or JsonInputError: toCliError makes it exit 2.
  const config = await loadPolicyFile(policyFile);
  // The adapters import express, fastify, koa and hono, which a user of this package may not
  // have installed: load them only when this command runs, and say so in one line if missing.
  let compare: typeof CompareModule;
  try {
    compare = await import('../../frameworks/compare.js');
  } catch (e) {
    const missing = /Cannot find (?:package|module) '([^']+)'/.exec(String(e))?.[1];
    if (missing === undefined) throw e;
    throw new CliError(
      'dependency',
      `the frameworks command needs the framework packages installed: npm install --save-dev express cors fastify @fastify/cors koa @koa/cors hono @hono/node-server (missing: ${missing})`,
    );
  }
  const comparison = await compare.compareFrameworks(config.policy, { engine });
  if (options.format === 'json' || options.json === true) {
    const { reports: _reports, ...table } = comparison;
    io.stdout(`${JSON.stringify(table, null, 2)}\n`);
  } else io.stdout(compare.formatComparison(comparison));
  return EXIT.ok;
}

export async function frameworksAction(options: FrameworksCliOptions, io: CliIo): Promise<number> {
  if (options.policy === undefined) return suiteAction(options, io);
  const suiteOnly = ['adapter', 'only', 'seed', 'runs', 'time', 'replay'] as const;
  const given = suiteOnly.find((k) => options[k] !== undefined);
  if (given !== undefined)
    throw new UsageError(
      `--policy and --${given}: --policy compares one policy; the generated suite takes --${given}`,
    );
  if (!['text', 'json'].includes(options.format))
    throw new UsageError(`--format: must be text or json (got ${JSON.stringify(options.format)})`);
  return policyAction(options, options.policy, io);
}

/** `frameworks`: its help and options; frameworksAction runs it. */
export const frameworksCommand = commandFactory('frameworks', {
  description:
    'generated policies and requests through every CORS middleware adapter (or --adapter FILE), judged against the policy: disagreements shrunk, reproduced under reports/frameworks/ and confirmed in an engine (exit 1 when there is one); --policy P compares one policy across the adapters instead',
  options: [
    [
      '--adapter <file>',
      'your own middleware: a module exporting an adapter (see docs/frameworks.md)',
    ],
    ['--only <names>', 'built-in adapters to run, comma-separated (default: all)'],
    ...seededRunOptions({
      runs: 'generated cases (default 100)',
      time: 'run for this long instead (90s, 10m)',
      replay: 're-run one generated (or shrunk) case and print its exchanges',
    }),
    ['--shrink <n>', 'cases one shrink may run', '120'],
    ['--out <dir>', 'where reproductions go', 'reports/frameworks'],
    ['--json', 'print the report as JSON'],
    [
      '-p, --policy <file>',
      'compare one policy (policy.json, cors.config.ts) across the adapters instead',
    ],
    [
      '-e, --engine <browser>',
      'engine confirming findings: chromium, firefox, webkit (default chromium)',
    ],
    ['--no-browser', 'no engine: raw HTTP and the model only'],
    ['-f, --format <format>', 'text or json', 'text'],
  ],
  run: frameworksAction,
});

/** Runs `frameworks` in-process; `argv` are the arguments after `frameworks`. */
export const runFrameworks = inProcess(frameworksCommand);
