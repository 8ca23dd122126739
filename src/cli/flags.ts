// Flag values shared by several commands, checked before anything starts: a mistake is a
// UsageError (exit 2) whose one line names the flag and repeats what was given.
import { freshSeed, parseReplay, type ReplayId } from '../fuzz/replay.js';
import { UsageError, messageOf } from './errors.js';
import type { OptionSpec } from './run-command.js';

/** A whole number of at least `min` (`--runs`, `--shrink`, `--timeout`, ...). */
export function wholeNumber(flag: string, text: string, min = 1): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min) {
    const rule = min === 1 ? 'a positive whole number' : `a whole number >= ${min}`;
    throw new UsageError(`${flag}: must be ${rule} (got ${JSON.stringify(text)})`);
  }
  return n;
}

/** `--seed`: a signed integer of at most ten digits. */
export function parseSeed(text: string): number {
  if (!/^-?\d{1,10}$/.test(text))
    throw new UsageError(`--seed: must be an integer (got ${JSON.stringify(text)})`);
  return Number(text);
}

/** Milliseconds from `90`, `90s`, `10m`, `1h` (`--time`). */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(text.trim());
  if (m?.[1] === undefined)
    throw new UsageError(
      `--time: use a duration like 90s, 10m or 1h (got ${JSON.stringify(text)})`,
    );
  const unit = m[2] === 'h' ? 3600 : m[2] === 'm' ? 60 : 1;
  return Number(m[1]) * unit * 1000;
}

/** The flags of a seeded generated run (fuzz, frameworks). */
export interface SeededRunFlags {
  seed?: string;
  runs?: string;
  time?: string;
  replay?: string;
}

/**
 * The options of a seeded run (`--seed`, `--runs`, `--time`, `--replay`, checked together by
 * planSeededRun), declared once; `help` words the three whose meaning is the command's own.
 */
export function seededRunOptions(help: {
  runs: string;
  time: string;
  replay: string;
}): OptionSpec[] {
  return [
    ['--seed <n>', 'seed of the run (default: a fresh one, printed)'],
    ['--runs <n>', help.runs],
    ['--time <duration>', help.time],
    ['--replay <seed:path>', help.replay],
  ];
}

/** How long a seeded run goes: a count, a time, or one replayed case. */
export interface SeededRunPlan {
  seed: number;
  runs?: number;
  timeMs?: number;
  replay?: ReplayId;
}

/**
 * Checks `--seed`, `--runs`, `--time` and `--replay` together: `--runs` and `--time` exclude
 * each other, and `--replay` names seed and case itself. Without `--runs` or `--time` the
 * run takes `defaultRuns` cases (none given: the caller's own default applies).
 */
export function planSeededRun(o: SeededRunFlags, defaultRuns?: number): SeededRunPlan {
  if (o.runs !== undefined && o.time !== undefined)
    throw new UsageError('--runs and --time: give one of them, not both');
  if (o.replay !== undefined) {
    if (o.runs !== undefined || o.time !== undefined || o.seed !== undefined)
      throw new UsageError(
        '--replay: it names seed and case itself; leave out --seed, --runs and --time',
      );
    let replay: ReplayId;
    try {
      replay = parseReplay(o.replay);
    } catch (e) {
      throw new UsageError(`--replay: ${messageOf(e)}`);
    }
    return { seed: replay.seed, replay };
  }
  const plan: SeededRunPlan = { seed: o.seed === undefined ? freshSeed() : parseSeed(o.seed) };
  if (o.time !== undefined) plan.timeMs = parseDuration(o.time);
  else if (o.runs !== undefined) plan.runs = wholeNumber('--runs', o.runs);
  else if (defaultRuns !== undefined) plan.runs = defaultRuns;
  return plan;
}
