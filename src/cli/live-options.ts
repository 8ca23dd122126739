// The options `verify` and `audit` share because both probe a live target: credentials as a
// logged-in user's browser sends them, the generated lookalikes' seed and size, deadlines,
// and starting the target. Declared and checked once here; a bad value is a UsageError.
import { CredentialError, parseCookieString, parseHeaderLine } from '../live/credentials.js';
import { DEFAULT_RUNS_PER_ORIGIN } from '../policy/index.js';
import type { HeaderList } from '../scenario/types.js';
import type { StartOptions } from '../live/start-target.js';
import { UsageError } from './errors.js';
import { parseSeed, wholeNumber } from './flags.js';
import { collect, type OptionSpec } from './run-command.js';
import { onStop } from './signals.js';

export interface LiveCliOptions {
  cookie?: string;
  header?: string[];
  seed?: string;
  runs?: string;
  timeout?: string;
  probeTimeout?: string;
  start?: string;
}

export interface LiveSettings {
  cookie?: string;
  headers?: HeaderList;
  seed?: number;
  generatedRuns?: number;
  timeoutMs?: number;
  probeTimeoutMs?: number;
  start?: string;
}

/** The shared options, declared after each command's own. */
export const LIVE_OPTIONS: readonly OptionSpec[] = [
  ['--ca <file>', 'PEM certificate to trust for an https target'],
  ['--insecure', 'accept any certificate from an https target'],
  [
    '--cookie <cookies>',
    'the Cookie header a logged-in user sends ("session=abc; theme=dark"); every credentialed probe carries it and the browser gets it in its jar (default: a made-up session cookie)',
  ],
  [
    '--header <line>',
    'a header a logged-in user\'s browser adds to credentialed requests ("Authorization: Bearer x"); repeatable',
    collect,
  ],
  ['--seed <n>', 'seed of the generated lookalikes (default: a fresh one, printed); replays a run'],
  [
    '--runs <n>',
    'generated lookalikes drawn per allowed origin or pattern (0: none)',
    String(DEFAULT_RUNS_PER_ORIGIN),
  ],
  ['--timeout <seconds>', 'overall limit of the whole command (default: none)'],
  [
    '--probe-timeout <ms>',
    'overall limit of one request to the target, complete answer included',
    '10000',
  ],
  [
    '--start <command>',
    'start the target with this shell command, wait for its port, stop its whole process tree at the end',
  ],
];

/** Checks the shared options. */
export function parseLiveOptions(o: LiveCliOptions): LiveSettings {
  const s: LiveSettings = {};
  try {
    if (o.cookie !== undefined) {
      parseCookieString(o.cookie);
      s.cookie = o.cookie;
    }
    if (o.header !== undefined) s.headers = o.header.map((h) => parseHeaderLine(h));
  } catch (e) {
    if (e instanceof CredentialError) throw new UsageError(e.message);
    throw e;
  }
  if (o.seed !== undefined) s.seed = parseSeed(o.seed);
  if (o.runs !== undefined) s.generatedRuns = wholeNumber('--runs', o.runs, 0);
  if (o.timeout !== undefined) s.timeoutMs = wholeNumber('--timeout', o.timeout) * 1000;
  if (o.probeTimeout !== undefined) {
    s.probeTimeoutMs = wholeNumber('--probe-timeout', o.probeTimeout);
  }
  if (o.start !== undefined) {
    if (o.start.trim() === '') throw new UsageError('--start: the command is empty');
    s.start = o.start;
  }
  return s;
}

/** `--start` targets stop with the CLI's other children when the command gets SIGINT/SIGTERM. */
export const START_UNDER_CLI: StartOptions = { onStop: (stop) => onStop(() => stop()) };
