// A Playwright reporter for the conformance suites. Every scenario test attaches its
// CaseResult as `case-result.json` (src/suites/fixtures.ts); this reporter collects them (also
// from merged blob reports, where attachments come as files), prints a progress line per
// engine every ~2 s, and at the end writes results.json, junit.xml and index.html (each
// replaced atomically) and prints the totals and the drift list. A run that was interrupted
// or left tests unreported says so in all three and in the summary (run-status.ts). A run
// without scenario results (unit tests only) writes nothing.
//
// Options (playwright.config.ts): ConformanceReporterOptions below.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type {
  FullConfig,
  FullResult,
  Reporter,
  Suite,
  TestCase,
  TestResult,
} from '@playwright/test/reporter';
import { BROWSER_NAMES } from '../harness/engines/types.js';
import { CASE_ATTACHMENT } from '../harness/runner-settings.js';
import { harnessErrorCase, type CaseResult } from '../harness/types.js';
import { makeDirs, writeFilesAtomic } from './atomic-write.js';
import { htmlReportFiles, pruneDetails } from './html-files.js';
import { toJunitXml } from './junit.js';
import type { ReportData, SkippedEngine, VerdictCounts } from './report-data.js';
import { buildReport, emptyCounts, toResultsJson } from './report-data.js';
import type { NotRun, RunStatus } from './run-status.js';
import { endedAs, restartsOf } from './run-status.js';
import { formatSummary, progressLine } from './summary.js';

export const ATTACHMENT_NAME = CASE_ATTACHMENT;

export interface ConformanceReporterOptions {
  /** Where the three files go; default `reports` (relative to the config's directory). */
  outDir?: string;
  /** Engines the config left out, with why: noted in every report. */
  skipped?: SkippedEngine[];
  /** Engine name → version, recorded in results.json. */
  engineVersions?: Record<string, string>;
  /** Progress lines at most this often, ms; default 2000. 0 turns them off. */
  progressIntervalMs?: number;
  /** Where lines go; default stdout. */
  write?: (text: string) => void;
  /** The clock, for tests. */
  now?: () => number;
}

/** The CaseResult a test attached, or null (a unit test, or a test that died before attaching). */
export function caseResultOf(result: Pick<TestResult, 'attachments'>): CaseResult | null {
  const a = result.attachments.find((x) => x.name === ATTACHMENT_NAME);
  if (a === undefined) return null;
  const text =
    a.body !== undefined
      ? a.body.toString('utf8')
      : a.path !== undefined
        ? readFileSync(a.path, 'utf8')
        : null;
  if (text === null) return null;
  return JSON.parse(text) as CaseResult;
}

/**
 * The engine of a conformance test: an engine project is named after the browser in its
 * `use.corsBrowser`. Merged blob reports do not keep `use`, so there the project's name
 * alone counts when it is an engine's. Other projects (unit, the example) are not in the matrix.
 */
export function engineOf(test: TestCase): string | null {
  const project = test.parent.project();
  if (project === undefined) return null;
  const use = project.use as { corsBrowser?: unknown } | undefined;
  if (typeof use?.corsBrowser === 'string') {
    return use.corsBrowser === project.name ? use.corsBrowser : null;
  }
  return (BROWSER_NAMES as readonly string[]).includes(project.name) ? project.name : null;
}

/** A scenario test that failed without attaching a result: a harness error for the report. */
export function harnessErrorFor(test: TestCase, engine: string, result: TestResult): CaseResult {
  const title = test.title;
  const colon = title.indexOf(': ');
  const id = colon === -1 ? title : title.slice(0, colon);
  const message = result.errors[0]?.message ?? `test ${result.status}`;
  // Playwright error messages carry ANSI colour codes.
  // eslint-disable-next-line no-control-regex
  const plain = message.replace(/\u001b\[[0-9;]*m/g, '');
  return harnessErrorCase({
    scenario: { id, title: colon === -1 ? title : title.slice(colon + 2), request: {} },
    engine,
    client: 'page',
    token: '',
    note: `the test ${result.status} without a result: ${plain.split('\n')[0] ?? ''}`,
  });
}

/**
 * Writes results.json, junit.xml and index.html with its details/ files (each replaced
 * atomically); returns the three main files' paths.
 */
export async function writeReports(data: ReportData, outDir: string): Promise<string[]> {
  await makeDirs(outDir);
  const html = await htmlReportFiles(outDir, data);
  const files: [string, string][] = [
    [join(outDir, 'results.json'), toResultsJson(data)],
    [join(outDir, 'junit.xml'), toJunitXml(data)],
    ...html,
  ];
  await writeFilesAtomic(files);
  await pruneDetails(
    outDir,
    html.map(([p]) => p),
  );
  // The three files a reader opens (details/ sits beside index.html).
  return files.slice(0, 3).map(([path]) => path);
}

/** The suite table a scenario test belongs to: its `describe` title. */
function suiteOf(test: TestCase): string {
  return test.parent.title || '(no suite)';
}

export default class ConformanceReporter implements Reporter {
  private readonly results = new Map<string, CaseResult>();
  private readonly expected = new Map<string, number>();
  /** Each engine test of the run → `<engine>\n<suite>`. */
  private readonly suiteOfTest = new Map<string, string>();
  /** Engine tests that ran to an end (passed, failed, timed out, or skipped on purpose). */
  private readonly reported = new Set<string>();
  /** Results made up for tests that failed without one: test id → when it ended (order). */
  private readonly madeUp = new Map<string, number>();
  /** Test ends so far; orders them against the stop. */
  private ends = 0;
  /** How many tests had ended when the runner was told to stop (SIGINT), or null. */
  private interruptedAt: number | null = null;
  private readonly onSigint = (): void => {
    this.interruptedAt ??= this.ends;
  };
  private readonly done = new Map<string, number>();
  private readonly counts = new Map<string, VerdictCounts>();
  private readonly printed = new Map<string, number>();
  private readonly write: (text: string) => void;
  private readonly now: () => number;
  private readonly interval: number;
  private outDir: string;
  private lastProgress: number;
  private dirty = false;

  constructor(private readonly options: ConformanceReporterOptions = {}) {
    this.write = options.write ?? ((t) => void process.stdout.write(t));
    this.now = options.now ?? (() => Date.now());
    this.interval = options.progressIntervalMs ?? 2000;
    this.outDir = options.outDir ?? 'reports';
    this.lastProgress = this.now();
  }

  printsToStdio(): boolean {
    return true;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    // A relative outDir is taken from the config file's folder (the package root).
    const base = config.configFile === undefined ? config.rootDir : dirname(config.configFile);
    this.outDir = resolve(base, this.options.outDir ?? 'reports');
    process.on('SIGINT', this.onSigint);
    for (const test of suite.allTests()) {
      const engine = engineOf(test);
      if (engine === null) continue;
      this.expected.set(engine, (this.expected.get(engine) ?? 0) + 1);
      this.suiteOfTest.set(test.id, `${engine}\n${suiteOf(test)}`);
    }
    this.lastProgress = this.now();
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.ends++;
    const engine = engineOf(test);
    let r: CaseResult | null;
    try {
      r = caseResultOf(result);
    } catch (e) {
      r = null;
      this.write(
        `conformance reporter: unreadable ${ATTACHMENT_NAME} of ${test.title}: ${String(e)}\n`,
      );
    }
    if (engine === null) return;
    // A test cut short by a stop, or skipped because the run stopped, did not run (unless
    // it attached its case's result before the stop).
    const stopped =
      result.status === 'interrupted' ||
      (result.status === 'skipped' && test.expectedStatus !== 'skipped');
    if (!stopped || r !== null) this.reported.add(test.id);
    if (r === null) {
      // A passing or skipped scenario test without a result is left out, and so is one cut
      // short by an interruption (the run status counts it as not run); a failed one
      // becomes a harness error.
      if (['passed', 'skipped', 'interrupted'].includes(result.status)) return;
      r = harnessErrorFor(test, engine, result);
      this.madeUp.set(test.id, this.ends);
    } else {
      this.madeUp.delete(test.id);
    }
    const key = `${test.id}`;
    const retry = this.results.has(key);
    this.results.set(key, r);
    if (!retry) {
      const name = engine;
      this.done.set(name, (this.done.get(name) ?? 0) + 1);
      const c = this.counts.get(name) ?? emptyCounts();
      c[r.verdict]++;
      this.counts.set(name, c);
      this.dirty = true;
    }
    this.maybeProgress();
  }

  private maybeProgress(): void {
    if (this.interval <= 0 || !this.dirty) return;
    const t = this.now();
    if (t - this.lastProgress < this.interval) return;
    this.lastProgress = t;
    this.dirty = false;
    for (const [engine, done] of this.done) {
      // Only engines that moved since the last lines.
      if (this.printed.get(engine) === done) continue;
      this.printed.set(engine, done);
      const total = this.expected.get(engine) ?? null;
      this.write(
        `${progressLine(engine, done, total, this.counts.get(engine) ?? emptyCounts())}\n`,
      );
    }
  }

  /** Whether every expected test reported, and what did not, given how the run ended. */
  runStatus(playwrightStatus: string): RunStatus {
    const perSuite = new Map<string, [number, number]>();
    for (const [id, key] of this.suiteOfTest) {
      const [n, done] = perSuite.get(key) ?? [0, 0];
      perSuite.set(key, [n + 1, done + (this.reported.has(id) ? 1 : 0)]);
    }
    const notRun: NotRun[] = [];
    let expected = 0;
    let ran = 0;
    for (const [key, [n, done]] of perSuite) {
      expected += n;
      ran += done;
      const [engine = '', suite = ''] = key.split('\n');
      if (done < n) notRun.push({ engine, suite, ran: done, expected: n });
    }
    return {
      ...endedAs(playwrightStatus, expected, ran),
      expected,
      ran,
      notRun,
      restarts: restartsOf(this.results.values()),
    };
  }

  /**
   * The report of what was collected so far; null when the run had no scenario tests (unit
   * tests only). A run of scenario tests that reported none still gets a report, marked.
   */
  report(
    generatedAt = new Date(this.now()).toISOString(),
    playwrightStatus = 'passed',
  ): ReportData | null {
    if (this.results.size === 0 && this.suiteOfTest.size === 0) return null;
    return buildReport([...this.results.values()], {
      generatedAt,
      run: this.runStatus(playwrightStatus),
      skipped: this.options.skipped ?? [],
      // Versions of the engines that ran only (the config knows every engine found).
      engineVersions: Object.fromEntries(
        Object.entries(this.options.engineVersions ?? {}).filter(([e]) => this.done.has(e)),
      ),
    });
  }

  /**
   * A test that failed without a result after the runner was told to stop failed because of
   * the stop (its browser was closed under it): it counts as not run, not as a harness error.
   */
  private dropInterruptedFailures(since: number): void {
    for (const [id, at] of this.madeUp) {
      if (at <= since) continue;
      this.results.delete(id);
      this.reported.delete(id);
    }
    this.madeUp.clear();
  }

  async onEnd(result: FullResult): Promise<void> {
    process.off('SIGINT', this.onSigint);
    if (result.status === 'interrupted' && this.interruptedAt !== null) {
      this.dropInterruptedFailures(this.interruptedAt);
    }
    const data = this.report(undefined, result.status);
    if (data === null) return;
    let files: string[];
    try {
      files = await writeReports(data, this.outDir);
    } catch (e) {
      // Said once, here; the run command then reports that the run produced no results.
      const why = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
      this.write(
        `\n${formatSummary(data)}conformance reporter: cannot write ${this.outDir}: ${why}\n`,
      );
      return;
    }
    const shown = files.map((f) => {
      const rel = relative(process.cwd(), f);
      return rel === '' || rel.startsWith('..') ? f : rel;
    });
    this.write(`\n${formatSummary(data, shown)}`);
  }
}
