// `cors-conformance fuzz [--engine E,...] [--seed S] [--runs N | --time 10m] [--initiators] [--replay SEED:PATH]`:
// property-based differential testing. Generated scenarios run in batches in each engine and
// are compared with the model's profile for it; each unexplained disagreement is shrunk to a
// minimal scenario, printed with its SEED:PATH and replay command, and written out as a
// standalone reproduction under reports/fuzz/.
import { resolve } from 'node:path';
import type { FuzzReport } from '../../fuzz/fuzz.js';
import { generatorArb, runFuzz, scenarioAt } from '../../fuzz/fuzz.js';
import { parseModelFault, type ModelFault } from '../../fuzz/fault.js';
import { findingShape, replayCommand, writeRepro } from '../../fuzz/repro.js';
import {
  FUZZ_ENGINES,
  fuzzPaceOf,
  openExecutor,
  type FuzzEngineName,
  type OpenExecutor,
} from '../../fuzz/session.js';
import { EngineUnavailable } from '../../harness/engines/index.js';
import { definedFields } from '../../object-fields.js';
import { CliError, EXIT, UsageError, messageOf } from '../errors.js';
import type { ReplayId } from '../../fuzz/replay.js';
import { planSeededRun, seededRunOptions, wholeNumber, type SeededRunPlan } from '../flags.js';
import type { CliIo } from '../io.js';
import { checkOutputDir } from '../io.js';
import { commandFactory, inProcess } from '../run-command.js';

export interface FuzzCliOptions {
  engine: string;
  seed?: string;
  runs?: string;
  time?: string;
  replay?: string;
  json?: boolean;
  fault?: string;
  /** Generate initiator scenarios (img, script, font, worker, ...) instead of fetch/XHR ones. */
  initiators?: boolean;
  out: string;
  shrink: number | string;
}

export function parseEngines(text: string): FuzzEngineName[] {
  const names = text
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  const known = FUZZ_ENGINES as readonly string[];
  const bad = names.find((n) => !known.includes(n));
  if (bad !== undefined || names.length === 0) {
    throw new UsageError(
      `--engine: must be one or more of ${FUZZ_ENGINES.join(', ')}, comma-separated (got ${JSON.stringify(bad ?? text)})`,
    );
  }
  return [...new Set(names)] as FuzzEngineName[];
}

interface Plan extends SeededRunPlan {
  engines: FuzzEngineName[];
  fault: ModelFault | null;
  maxShrunk: number;
  generator?: 'initiators';
}

/** Checks every option before anything starts; a mistake is a UsageError (exit 2). */
export function planFuzz(o: FuzzCliOptions, env: NodeJS.ProcessEnv): Plan {
  const engines = parseEngines(o.engine);
  const run = planSeededRun(o, 1000);
  let fault: ModelFault | null;
  try {
    fault = parseModelFault(o.fault ?? env.CORS_MODEL_FAULT);
  } catch (e) {
    throw new UsageError(`--fault / CORS_MODEL_FAULT: ${messageOf(e)}`);
  }
  const plan: Plan = {
    ...run,
    engines,
    fault,
    maxShrunk: wholeNumber('--shrink', String(o.shrink)),
  };
  if (o.initiators === true) plan.generator = 'initiators';
  return plan;
}

function summary(r: FuzzReport): string {
  const c = r.counts;
  return (
    `${r.engine}: ${r.runs} scenarios (seed ${r.seed}) in ${(r.elapsedMs / 1000).toFixed(1)} s, ` +
    `${r.perMinute}/min: ${c.pass} pass (${r.profileExplained} explained by the profile), ` +
    `${c['known-deviation']} evidenced deviation, ${c['unconfirmed-deviation']} unconfirmed deviation, ` +
    `${c.fail} unexplained, ${c['harness-error']} harness errors`
  );
}

/** The engine's executor; an engine that is missing or will not start is exit 3. */
async function openEngine(plan: Plan, engine: FuzzEngineName): Promise<OpenExecutor> {
  try {
    return await openExecutor(engine, plan.fault, fuzzPaceOf(plan.generator));
  } catch (e) {
    const reason = e instanceof EngineUnavailable ? 'no-engine' : 'engine';
    throw new CliError(reason, `--engine ${engine}: ${messageOf(e)}`);
  }
}

async function replayOne(plan: Plan, replay: ReplayId, io: CliIo, json: boolean): Promise<number> {
  const scenario = scenarioAt(replay.seed, replay.path, generatorArb(plan.generator));
  let failed = false;
  const out: unknown[] = [];
  for (const engine of plan.engines) {
    const opened = await openEngine(plan, engine);
    try {
      const [o] = await opened.executor.run([scenario]);
      if (o === undefined) continue;
      failed ||= o.verdict === 'fail';
      out.push({
        engine: opened.executor.engine,
        verdict: o.verdict,
        diffs: o.diffs,
        note: o.note,
      });
      if (!json) {
        io.stdout(
          `${opened.executor.engine}: ${o.verdict}${o.note === undefined ? '' : ` (${o.note})`}\n`,
        );
        for (const d of o.diffs)
          io.stdout(
            `  ${d.field}: model ${JSON.stringify(d.predicted)}, engine ${JSON.stringify(d.observed)}\n`,
          );
      }
    } finally {
      await opened.close();
    }
  }
  if (json)
    io.stdout(
      `${JSON.stringify({ replay: `${replay.seed}:${replay.path}`, scenario, results: out }, null, 2)}\n`,
    );
  else io.stdout(`scenario ${replay.seed}:${replay.path}:\n${JSON.stringify(scenario, null, 2)}\n`);
  return failed ? EXIT.findings : EXIT.ok;
}

/** The body of `fuzz`; resolves to the exit code. */
export async function fuzzAction(
  o: FuzzCliOptions,
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const plan = planFuzz(o, env);
  const json = o.json === true;
  // Reproductions are written at the end: a folder they cannot go to is known now.
  if (plan.replay === undefined) await checkOutputDir(resolve(o.out), `--out ${o.out}`);
  if (plan.replay !== undefined) return replayOne(plan, plan.replay, io, json);
  io.stderr(
    `fuzz: seed ${plan.seed}${plan.generator === undefined ? '' : ', initiator scenarios'}${plan.fault === null ? '' : `, model fault ${plan.fault} injected`}; replay any case with${plan.generator === undefined ? '' : ' --initiators'} --replay ${plan.seed}:<path>\n`,
  );
  const reports: FuzzReport[] = [];
  const repros: Record<string, string> = {};
  for (const engine of plan.engines) {
    const opened = await openEngine(plan, engine);
    try {
      let lastLine = 0;
      const report = await runFuzz({
        executor: opened.executor,
        seed: plan.seed,
        maxShrunk: plan.maxShrunk,
        batchSize: fuzzPaceOf(plan.generator).batchSize,
        ...definedFields(plan, ['generator', 'runs', 'timeMs']),
        onProgress: (p) => {
          if (p.elapsedMs - lastLine < 2000 && p.done !== p.total) return;
          lastLine = p.elapsedMs;
          const of = p.total === null ? '' : `/${p.total}`;
          io.stderr(
            `fuzz ${p.engine}: ${p.done}${of} scenarios, ${p.failures} failing, ${(p.elapsedMs / 1000).toFixed(1)} s\n`,
          );
        },
      });
      for (const f of report.findings)
        repros[`${f.engine} ${f.replay}`] = await writeRepro(o.out, f);
      reports.push(report);
    } finally {
      await opened.close();
    }
  }
  const findings = reports.flatMap((r) => r.findings);
  // Across engines: a generated case that fails in one engine and passes in another.
  const failingBy = new Map(reports.map((r) => [r.engine, new Set(r.failing)]));
  if (json) {
    io.stdout(
      `${JSON.stringify({ seed: plan.seed, fault: plan.fault, reports, repros }, null, 2)}\n`,
    );
  } else {
    for (const r of reports) io.stdout(`${summary(r)}\n`);
    for (const f of findings) {
      const others = [...failingBy]
        .filter(([e, set]) => e !== f.engine && !set.has(f.index))
        .map(([e]) => e);
      io.stdout(`\nFINDING ${f.engine} ${f.replay} (${findingShape(f)})\n`);
      for (const d of f.outcome.diffs)
        io.stdout(
          `  ${d.field}: model ${JSON.stringify(d.predicted)}, engine ${JSON.stringify(d.observed)}\n`,
        );
      if (others.length > 0) io.stdout(`  agrees with the model in: ${others.join(', ')}\n`);
      io.stdout(
        `  replay: ${replayCommand(f, plan.fault)}\n  repro: ${repros[`${f.engine} ${f.replay}`] ?? ''}\n  scenario: ${JSON.stringify(f.scenario)}\n`,
      );
    }
    for (const r of reports)
      for (const u of r.unshrunk) io.stdout(`more: ${r.engine} ${u} (not shrunk)\n`);
  }
  return reports.some((r) => r.counts.fail > 0) ? EXIT.findings : EXIT.ok;
}

/** `fuzz`: its help and options; fuzzAction runs it. */
export const fuzzCommand = commandFactory('fuzz', {
  description:
    "run generated scenarios in the engines and compare each with the model's profile; shrink every unexplained disagreement and write a standalone reproduction (exit 1 when there is one)",
  options: [
    [
      '-e, --engine <names>',
      `comma-separated: ${FUZZ_ENGINES.join(', ')} (model: the true model, no browser)`,
      'chromium',
    ],
    ...seededRunOptions({
      runs: 'generated scenarios per engine (default 1000)',
      time: 'run for this long per engine instead (90s, 10m)',
      replay: 're-run one generated (or shrunk) case',
    }),
    ['--fault <name>', 'inject a deliberate model fault (also CORS_MODEL_FAULT): acrh-unsorted'],
    [
      '--initiators',
      'generate requests from the other initiators (img, script, font, worker, beacon, form, WebSocket, ...) instead of fetch()/XHR; a replay of such a case needs it too',
    ],
    ['--shrink <n>', 'failures to shrink per engine', '5'],
    ['--out <dir>', 'where reproductions go', 'reports/fuzz'],
    ['--json', 'print the reports as JSON'],
  ],
  run: fuzzAction,
});

/** Runs `fuzz` in-process; `argv` are the arguments after `fuzz`. */
export const runFuzzCommand = inProcess(fuzzCommand);
