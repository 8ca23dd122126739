// `npm run bench`: how much the harness costs over a bare in-page loop. Per engine, in one
// process: (a) N cross-origin preflighted fetches in one page call, (b) the same N cases as
// scenarios through runScenarios (compile, predict twice, run, journal, observe, verdict),
// (c) the fuzzer's generated scenarios per minute. Then (bench-run.ts) the full conformance
// run against the harness alone on the same tables and engines, and the reports' sizes.
// `--json` prints { <engine>: { raw, harness, ratio, fuzzPerMinute }, run: { wallSeconds,
// harnessSeconds, ratio }, reports: { htmlBytes, resultsBytes } }.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { startFixtureServers, type FixtureServers } from '../servers/fixture-server.js';
import { compileScenario } from '../src/harness/compile.js';
import { launchEngine } from '../src/harness/engines/index.js';
import { BROWSER_NAMES, type BrowserName, type Engine } from '../src/harness/engines/types.js';
import { RUNNER_PAGE_PATH, installRunnerPages } from '../src/harness/page-runner.js';
import { EngineSlot, RunSession, runScenarios } from '../src/harness/run.js';
import { fuzzThroughput } from '../src/fuzz/bench.js';
import { getEngineProfile } from '../src/engine-facts/index.js';
import type { Scenario } from '../src/scenario/types.js';
import {
  harnessSeconds,
  reportBytes,
  runWallSeconds,
  type ReportFigures,
  type RunFigures,
} from './bench-run.js';

/** The one case both loops make: a PUT that needs (and gets) a preflight. */
export const BENCH_SCENARIO: Scenario = {
  id: 'bench/preflighted-put',
  request: { method: 'PUT', target: 'cross-origin' },
  server: {
    preflight: {
      status: 204,
      headers: { 'Access-Control-Allow-Origin': '<origin>', 'Access-Control-Allow-Methods': 'PUT' },
    },
    actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } },
  },
};

/** The bare loop: fetch each URL with PUT, `concurrency` at a time; counts the ok ones. */
const RAW_LOOP_SOURCE = `async function rawLoop(arg) {
  let next = 0;
  let ok = 0;
  const worker = async () => {
    while (next < arg.urls.length) {
      const url = arg.urls[next++];
      try {
        const r = await fetch(url, { method: 'PUT' });
        await r.text();
        if (r.ok) ok++;
      } catch (e) {}
    }
  };
  await Promise.all(Array.from({ length: arg.concurrency }, worker));
  return ok;
}`;

export interface BenchResult {
  raw: number;
  harness: number;
  ratio: number;
  /** Fuzz: generated scenarios per minute (batch phase; absent with --fuzz-runs 0). */
  fuzzPerMinute?: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

async function start(browser: BrowserName): Promise<{ servers: FixtureServers; engine: Engine }> {
  let servers = await startFixtureServers({ hostNames: true });
  let engine = await launchEngine(browser, {
    hostNames: servers.hostNameList,
    scriptTimeoutMs: 300_000,
  });
  if (!engine.info.hostNames) {
    await engine.close();
    await servers.close();
    servers = await startFixtureServers({ hostNames: false });
    engine = await launchEngine(browser, { hostNames: [], scriptTimeoutMs: 300_000 });
  }
  return { servers, engine };
}

async function benchEngine(
  browser: BrowserName,
  n: number,
  concurrency: number,
  rounds: number,
): Promise<BenchResult> {
  const { servers, engine } = await start(browser);
  try {
    installRunnerPages(servers);
    const page = await engine.openPage(`${servers.pageOrigin}${RUNNER_PAGE_PATH}`);
    let serial = 0;
    const urls = (count: number): string[] =>
      Array.from(
        { length: count },
        () => compileScenario(BENCH_SCENARIO, servers, `raw-${serial++}`).url,
      );
    const rawRun = async (count: number): Promise<number> => {
      const list = urls(count);
      const t0 = performance.now();
      const ok = await page.run<number>(RAW_LOOP_SOURCE, { urls: list, concurrency });
      const seconds = (performance.now() - t0) / 1000;
      if (ok !== count)
        throw new Error(`${browser}: raw loop: only ${ok} of ${count} fetches succeeded`);
      return count / seconds;
    };
    const slot = EngineSlot.for(engine, servers.hostNameList);
    const session = new RunSession(slot, servers);
    const profile = getEngineProfile(browser);
    const harnessRun = async (count: number): Promise<number> => {
      const scenarios = Array.from({ length: count }, () => BENCH_SCENARIO);
      const t0 = performance.now();
      const results = await runScenarios(slot, servers, scenarios, {
        profile,
        concurrency,
        session,
      });
      const seconds = (performance.now() - t0) / 1000;
      const bad = results.filter((r) => r.verdict !== 'pass');
      if (bad.length > 0) {
        throw new Error(
          `${browser}: harness: ${bad.length} of ${count} cases did not pass (${bad[0]?.verdict} ${bad[0]?.note ?? JSON.stringify(bad[0]?.diffs)})`,
        );
      }
      return count / seconds;
    };
    // Warm both paths (page, connections, JIT) before measuring. The machine is shared, so
    // measure in alternating rounds and keep the median of each and of the per-round ratios.
    await rawRun(Math.min(50, n));
    await harnessRun(Math.min(50, n));
    const raws: number[] = [];
    const harnesses: number[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const r = await rawRun(n);
      const h = await harnessRun(n);
      raws.push(r);
      harnesses.push(h);
      ratios.push(h / r);
    }
    await session.close();
    await page.close();
    return {
      raw: round(median(raws)),
      harness: round(median(harnesses)),
      ratio: round(median(ratios)),
    };
  } finally {
    await engine.close();
    await servers.close();
  }
}

function parseEngines(list: string): BrowserName[] {
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const name of names) {
    if (!(BROWSER_NAMES as readonly string[]).includes(name)) {
      throw new Error(`unknown engine "${name}": use ${BROWSER_NAMES.join(', ')}`);
    }
  }
  return names as BrowserName[];
}

interface BenchOptions {
  engines: string;
  n: string;
  concurrency: string;
  rounds: string;
  fuzzRuns: string;
  run: boolean;
  json?: boolean;
}

function positive(value: string, flag: string, zeroOk = false): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < (zeroOk ? 0 : 1)) {
    throw new Error(
      `${flag} must be a ${zeroOk ? 'whole' : 'positive whole'} number (got ${value})`,
    );
  }
  return n;
}

function parseOptions(argv: string[]): BenchOptions {
  const program = new Command()
    .name('bench')
    .description('Harness throughput against a bare in-page fetch loop, per engine')
    .option('--engines <list>', 'comma-separated engines', 'chromium,firefox,webkit')
    .option('-n <count>', 'cases per measurement', '300')
    .option('--concurrency <k>', 'cases in flight in the page', '16')
    .option('--rounds <r>', 'alternating raw/harness rounds (medians are printed)', '3')
    .option(
      '--fuzz-runs <n>',
      'generated scenarios for the fuzz throughput line (0: skip); six batches, so three stay in flight',
      '3600',
    )
    .option('--no-run', 'skip the full conformance run and the harness-only run beside it')
    .option('--json', 'print { <engine>: {...}, run: {...}, reports: {...} }')
    .exitOverride();
  program.parse(argv);
  return program.opts<BenchOptions>();
}

/** The full run vs the harness alone, and the run's report sizes. */
async function benchRun(
  engines: BrowserName[],
  quiet: boolean,
): Promise<{ run: RunFigures; reports: ReportFigures }> {
  const out = mkdtempSync(join(tmpdir(), 'cc-bench-run-'));
  try {
    const log = quiet ? () => undefined : (b: Buffer) => void process.stderr.write(b);
    const wallSeconds = await runWallSeconds(engines, out, log);
    const harness = await harnessSeconds(engines);
    const run = {
      wallSeconds: round(wallSeconds),
      harnessSeconds: round(harness),
      ratio: round(harness / wallSeconds),
    };
    return { run, reports: reportBytes(out) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function printEngine(browser: string, r: BenchResult): void {
  console.log(
    `${browser.padEnd(9)} raw ${r.raw.toFixed(1).padStart(7)} cases/s   harness ${r.harness.toFixed(1).padStart(7)} cases/s   ratio ${r.ratio.toFixed(2)}`,
  );
  if (r.fuzzPerMinute !== undefined)
    console.log(
      `${browser.padEnd(9)} fuzz ${String(r.fuzzPerMinute).padStart(7)} generated scenarios/min`,
    );
}

async function main(argv: string[]): Promise<number> {
  const opts = parseOptions(argv);
  const fuzzRuns = positive(opts.fuzzRuns, '--fuzz-runs', true);
  const rounds = positive(opts.rounds, '--rounds');
  const n = positive(opts.n, '-n');
  const concurrency = positive(opts.concurrency, '--concurrency');
  const engines = parseEngines(opts.engines);
  const out: Record<string, unknown> = {};
  for (const browser of engines) {
    const r: BenchResult = await benchEngine(browser, n, concurrency, rounds);
    if (fuzzRuns > 0) r.fuzzPerMinute = await fuzzThroughput(browser, fuzzRuns);
    out[browser] = r;
    if (!opts.json) printEngine(browser, r);
  }
  if (opts.run) {
    const { run, reports } = await benchRun(engines, opts.json === true);
    Object.assign(out, { run, reports });
    if (!opts.json) {
      console.log(
        `run       ${run.wallSeconds} s wall, harness alone ${run.harnessSeconds} s, ratio ${run.ratio}`,
      );
      console.log(
        `reports   index.html ${reports.htmlBytes} B, results.json ${reports.resultsBytes} B`,
      );
    }
  }
  if (opts.json) console.log(JSON.stringify(out));
  return 0;
}

main(process.argv).then(
  (code) => process.exit(code),
  (e: unknown) => {
    const err = e as { code?: string; message?: string };
    if (typeof err.code === 'string' && err.code.startsWith('commander.'))
      process.exit(
        err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : 2,
      );
    console.error(`bench: ${err.message ?? String(e)}`);
    process.exit(1);
  },
);
