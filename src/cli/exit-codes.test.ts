// Every command's error paths through the built CLI (`dist/src/cli/main.js`, as a user runs
// it): each ends with the exit code errors.ts gives its reason and exactly one line on
// stderr (no stack, no warning lines), nothing on stdout. Input limits (depth, size, count),
// directories, empty and malformed files, unusable output folders are covered here too.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { packageRoot } from '../report/paths.js';
import { ScenarioError } from '../scenario/validate.js';
import { TargetError } from '../live/target.js';
import { runAudit } from './commands/audit.js';
import { runDoctor } from './commands/doctor.js';
import { runExplain } from './commands/explain.js';
import { runFrameworks } from './commands/frameworks.js';
import { runFuzzCommand } from './commands/fuzz.js';
import { runHistory } from './commands/history.js';
import { runList } from './commands/list.js';
import { runPredict } from './commands/predict.js';
import type { RunDeps } from './commands/run.js';
import { defaultRunDeps, runRun } from './commands/run.js';
import { runShowReport } from './commands/show-report.js';
import { runSuggestRules } from './commands/suggest-rules.js';
import { runVerify } from './commands/verify.js';
import { EXIT, EXIT_CODE_HELP, REASON_EXIT, messageOf, toCliError } from './errors.js';
import type { CliIo } from './io.js';
import { OutputLimit, processIo } from './io.js';
import { buildProgram } from './main.js';

const MAIN = join(packageRoot(), 'dist', 'src', 'cli', 'main.js');

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in `cwd` with `args`; kills it after `ms` (a hang fails the test). */
function cli(args: string[], cwd: string, ms = 60_000): Promise<Outcome> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    for (const k of Object.keys(env)) if (/^(TEST_|PW_|PLAYWRIGHT_|CORS_)/.test(k)) delete env[k];
    const child = spawn(process.execPath, [MAIN, ...args], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

let dir = '';
test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cc-exit-'));
  const files: Record<string, string> = {
    'empty.json': '',
    'bom.json': `\ufeff${JSON.stringify({ request: { target: 'cross-origin' } })}`,
    'deep.json': `{"request":{},${'"then":{'.repeat(5000)}${'}'.repeat(5000)}}`,
    'long-chain.json': `{"request":{},${'"then":{'.repeat(40)}${'}'.repeat(40)}}`,
    'many.json': JSON.stringify(Array.from({ length: 10_001 }, () => ({ request: {} }))),
    'huge.json': `[${'{"request":{}},'.repeat(1_200_000)}{"request":{}}]`,
    'bad-results.json': JSON.stringify({
      engines: ['chromium'],
      totals: {},
      cases: [{ key: 'a@chromium', id: 'a', engine: 'chromium', verdict: 'fail', diffs: 5 }],
    }),
    'results.json': JSON.stringify({ engines: [], totals: {}, cases: [] }),
    'policy.json': JSON.stringify({ origins: ['https://app.example.com'] }),
    'assets.txt': '# site assets\nfont /a.woff2\nimage /logo.png anonymous\n',
    'no-assets.txt': '# nothing but a comment\n',
    'a-file': 'not a folder',
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  await mkdir(join(dir, 'a-dir'));
});
test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A CliIo on the real file system, relative paths taken from the test folder. */
function folderIo(): CliIo & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  const real = processIo();
  return {
    readStdin: () => Promise.resolve(''),
    readFile: (p, max) => real.readFile(resolve(dir, p), max),
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

/** Runs one command in this process, as `main` would, with `folderIo`. */
function inProcess(args: string[], io: CliIo): Promise<number> {
  const [name = '', ...rest] = args.map((a) => a.replace(/^\$DIR\//, `${dir}/`));
  const runDeps: RunDeps = {
    ...defaultRunDeps(),
    cwd: dir,
    detect: () => Promise.reject(new Error('run must not get this far')),
    spawnNode: () => Promise.reject(new Error('run must not start anything')),
  };
  switch (name) {
    case 'predict':
      return runPredict(rest, io);
    case 'explain':
      return runExplain(rest, io);
    case 'run':
      return runRun(rest, io, runDeps);
    case 'history':
      return runHistory(io, rest);
    case 'suggest-rules':
      return runSuggestRules(rest, io);
    case 'list':
      return runList(rest, io);
    case 'verify':
      return runVerify(rest, io);
    case 'audit':
      return runAudit(rest, io);
    case 'frameworks':
      return runFrameworks(rest, io);
    case 'fuzz':
      return runFuzzCommand(rest, io);
    case 'doctor':
      return runDoctor(io, rest);
    case 'show-report':
      return runShowReport(rest, io, { cwd: dir, untilStopped: () => Promise.resolve() });
    default:
      throw new Error(`no such command in this test: ${name}`);
  }
}

// [what, args, exit code, the stderr line]; `$DIR/` is the test folder (for policies, which
// are read relative to the process's folder).
const CASES: [string, string[], number, RegExp][] = [
  // predict / explain: the scenario input
  ['empty file', ['predict', 'empty.json'], 2, /^empty\.json: invalid JSON: the input is empty$/],
  ['a directory', ['predict', 'a-dir'], 2, /^a-dir: cannot read: is a directory, not a file$/],
  ['no such file', ['explain', 'nope.json'], 2, /^nope\.json: cannot read: no such file$/],
  ['a then chain of 40', ['predict', 'long-chain.json'], 2, /more than 32 follow-up steps/],
  [
    '10,001 scenarios',
    ['predict', 'many.json'],
    2,
    /^many\.json: \$: 10001 scenarios, more than 10000/,
  ],
  ['17 MB of input', ['predict', 'huge.json'], 2, /^huge\.json: cannot read: input too large/],
  ['unknown engine', ['predict', '--engine', 'safari', 'bom.json'], 2, /^--engine: must be one of/],
  ['unknown option', ['explain', '--bogus'], 2, /^error: unknown option '--bogus'$/],
  // run
  ['--engine ""', ['run', '--engine', ''], 2, /^--engine: name at least one/],
  ['--suite ""', ['run', '--suite', ''], 2, /^--suite: name at least one/],
  ['--out a file', ['run', '--out', 'a-file'], 2, /^--out a-file: is a file, not a folder$/],
  [
    '--baseline a dir',
    ['run', '--baseline', 'a-dir'],
    2,
    /^--baseline a-dir: cannot read the baseline: is a directory/,
  ],
  ['--shard 3/2', ['run', '--shard', '3/2'], 2, /^--shard: must be i\/n/],
  // history / suggest-rules: results files
  [
    'results a dir',
    ['history', '--results', 'a-dir'],
    2,
    /^a-dir: cannot read the results: is a directory/,
  ],
  [
    'malformed results',
    ['history', '--results', 'bad-results.json'],
    2,
    /^bad-results\.json: cases\[0\]\.diffs: must be an array$/,
  ],
  [
    'a script link',
    ['history', '--results', 'results.json', '--link', 'javascript:alert(1)'],
    2,
    /^--link: must be an http\(s\) URL or a relative path/,
  ],
  ['an unknown suite', ['list', '--suite', 'nope'], 2, /^--suite: no suite nope \(suites: /],
  [
    'malformed results',
    ['suggest-rules', '--from', 'bad-results.json'],
    2,
    /^bad-results\.json: cases\[0\]\.diffs: must be an array$/,
  ],
  [
    'results a dir',
    ['suggest-rules', '--from', 'a-dir'],
    2,
    /^a-dir: cannot read a run's results: is a directory/,
  ],
  // verify / audit / frameworks: policies and targets
  [
    'policy a dir',
    ['frameworks', '--policy', '$DIR/a-dir', '--no-browser'],
    2,
    /a-dir: cannot read: is a directory/,
  ],
  ['no target', ['audit'], 2, /^--target URL is required$/],
  [
    'unreachable',
    ['verify', '--policy', '$DIR/policy.json', '--target', 'http://127.0.0.1:1/', '--no-browser'],
    3,
    /^cannot reach http:\/\/127\.0\.0\.1:1: ECONNREFUSED/,
  ],
  // fuzz, doctor, show-report
  [
    '--out a file',
    ['fuzz', '--engine', 'model', '--runs', '1', '--out', '$DIR/a-file'],
    2,
    /a-file: is a file, not a folder$/,
  ],
  ['--runs 0', ['fuzz', '--runs', '0'], 2, /^--runs: must be a positive whole number/],
  ['unknown option', ['doctor', '--bogus'], 2, /^error: unknown option '--bogus'$/],
  ['no report', ['show-report', '--dir', 'a-dir'], 2, /^a-dir\/index\.html: not found/],
  // Every command's own flag checks, one case each (the walk below adds a bad flag to all).
  ['--port 70000', ['show-report', '--port', '70000'], 2, /^--port: must be a port number/],
  [
    'an engine not in the run',
    ['suggest-rules', '--from', 'results.json', '--engine', 'webkit'],
    2,
    /^--engine: webkit is not in results\.json/,
  ],
  ['no policy', ['verify', '--target', 'http://127.0.0.1:9/'], 2, /^--policy FILE is required/],
  [
    '--format xml',
    ['verify', '--policy', '$DIR/policy.json', '--format', 'xml'],
    2,
    /^--format: must be text or json/,
  ],
  [
    '--engine safari',
    ['verify', '--policy', '$DIR/policy.json', '--engine', 'safari'],
    2,
    /^--engine: must be one of chromium, firefox, webkit \(got "safari"\)$/,
  ],
  [
    '--timeout 0',
    ['verify', '--policy', '$DIR/policy.json', '--timeout', '0'],
    2,
    /^--timeout: must be a positive whole number \(got "0"\)$/,
  ],
  // verify's asset list: a bad line names the file and line; reading and --from come first.
  [
    'an unknown asset kind',
    [
      'verify',
      '--assets',
      'assets.txt',
      '--from',
      'https://app.example.com',
      '--target',
      'http://127.0.0.1:9/',
    ],
    2,
    /^assets\.txt:3: KIND must be one of img, img-canvas, .* \(got "image"\)$/,
  ],
  [
    'an asset list with no asset',
    [
      'verify',
      '--assets',
      'no-assets.txt',
      '--from',
      'https://app.example.com',
      '--target',
      'http://127.0.0.1:9/',
    ],
    2,
    /^no-assets\.txt: no assets listed; use KIND URL \[anonymous\|use-credentials\], one per line$/,
  ],
  [
    'an unreadable asset list',
    [
      'verify',
      '--assets',
      'a-dir',
      '--from',
      'https://app.example.com',
      '--target',
      'http://127.0.0.1:9/',
    ],
    2,
    /^--assets a-dir: cannot read the asset list$/,
  ],
  [
    '--asset with crossorigin on a font',
    [
      'verify',
      '--asset',
      'font /a.woff2 anonymous',
      '--from',
      'https://app.example.com',
      '--target',
      'http://127.0.0.1:9/',
    ],
    2,
    /^--asset: font has no crossorigin attribute/,
  ],
  [
    'assets without --from or a policy',
    ['verify', '--asset', 'font=/a.woff2', '--target', 'http://127.0.0.1:9/'],
    2,
    /^--from ORIGIN is required with --assets\/--asset when no --policy names the site/,
  ],
  [
    '--from with a path',
    [
      'verify',
      '--asset',
      'font=/a.woff2',
      '--from',
      'https://app.example.com/x',
      '--target',
      'http://127.0.0.1:9/',
      '--no-browser',
    ],
    2,
    /^--from: must be a lowercase origin/,
  ],
  [
    'no target anywhere',
    ['verify', '--policy', '$DIR/policy.json', '--no-browser'],
    2,
    /^--target URL is required \(or set target in the config file\)$/,
  ],
  [
    '--fail-on never',
    ['audit', '--target', 'http://127.0.0.1:9/', '--fail-on', 'never'],
    2,
    /^--fail-on: must be one of low, medium, high/,
  ],
  [
    '--format csv',
    ['audit', '--target', 'http://127.0.0.1:9/', '--format', 'csv'],
    2,
    /^--format: must be one of text, json, sarif/,
  ],
  [
    '--runs -1',
    ['audit', '--target', 'http://127.0.0.1:9/', '--runs', '-1'],
    2,
    /^--runs: must be a whole number >= 0 \(got "-1"\)$/,
  ],
  [
    '--seed 1.5',
    ['audit', '--target', 'http://127.0.0.1:9/', '--seed', '1.5'],
    2,
    /^--seed: must be an integer \(got "1\.5"\)$/,
  ],
  [
    '--start ""',
    ['audit', '--target', 'http://127.0.0.1:9/', '--start', ' '],
    2,
    /^--start: the command is empty$/,
  ],
  ['--runs 0', ['frameworks', '--runs', '0'], 2, /^--runs: must be a positive whole number/],
  [
    '--runs and --time',
    ['frameworks', '--runs', '5', '--time', '1m'],
    2,
    /^--runs and --time: give one of them, not both$/,
  ],
  ['--replay abc', ['frameworks', '--replay', 'abc'], 2, /^--replay: /],
  ['--format xml', ['frameworks', '--format', 'xml'], 2, /^--format: must be text or json/],
  [
    '--only nope',
    ['frameworks', '--only', 'nope', '--no-browser'],
    2,
    /^--only: "nope" is not a built-in adapter/,
  ],
  [
    '--policy with --seed',
    ['frameworks', '--policy', '$DIR/policy.json', '--seed', '1'],
    2,
    /^--policy and --seed: /,
  ],
  ['--engine safari', ['fuzz', '--engine', 'safari'], 2, /^--engine: must be one or more of/],
  ['--time soon', ['fuzz', '--engine', 'model', '--time', 'soon'], 2, /^--time: use a duration/],
  ['--seed x', ['fuzz', '--engine', 'model', '--seed', 'x'], 2, /^--seed: must be an integer/],
  [
    '--fault nope',
    ['fuzz', '--engine', 'model', '--fault', 'nope'],
    2,
    /^--fault \/ CORS_MODEL_FAULT: /,
  ],
  ['--shard 0/0', ['run', '--shard', '0/0'], 2, /^--shard: must be i\/n/],
];

// The same through the built program in a process of its own: the entry point's own error
// handling, and what only a real process shows (warnings on stderr, a hang).
const SPAWNED: [string, string[], number, RegExp][] = [
  ['unknown command', ['predcit'], 2, /^error: unknown command 'predcit'/],
  [
    '5,000 levels deep',
    ['predict', 'deep.json'],
    2,
    /^deep\.json: input nested deeper than 200 levels$/,
  ],
  [
    '--out /proc/nope (it used to hang)',
    ['run', '--out', '/proc/nope'],
    2,
    /^--out \/proc\/nope: cannot write there: the folder cannot be made there$/,
  ],
  [
    '--out /proc/nope',
    ['fuzz', '--engine', 'model', '--runs', '1', '--out', '/proc/nope'],
    2,
    /^--out \/proc\/nope: cannot write there/,
  ],
  [
    'empty policy',
    ['verify', '--policy', 'empty.json', '--target', 'http://127.0.0.1:9/', '--no-browser'],
    2,
    /^empty\.json: invalid JSON: the input is empty$/,
  ],
  // An IP address as https target makes Node warn about the TLS server name: still one line.
  [
    'unreachable https IP',
    ['audit', '--target', 'https://127.0.0.1:1/', '--no-proof'],
    3,
    /^cannot reach https:\/\/127\.0\.0\.1:1/,
  ],
];

test.describe.configure({ mode: 'parallel' });

/** One stderr line matching `line`, nothing on stdout but the engine selection lines. */
function expectOneLine(stderr: string, stdout: string, line: RegExp): void {
  expect(stderr, 'stderr').toMatch(new RegExp(line.source, 'm'));
  expect(stderr.split('\n'), 'exactly one stderr line').toEqual([expect.anything(), '']);
  expect(stdout.replace(/^(webkit|firefox|chromium): .*\n/gm, ''), 'stdout').toBe('');
}

for (const [what, args, code, line] of CASES) {
  test(`${args[0] ?? ''}: ${what} → exit ${code}, one line`, async () => {
    const io = folderIo();
    const exit = await inProcess(args, io);
    expectOneLine(io.err(), io.out(), line);
    expect(exit).toBe(code);
  });
}

// The walk: every command the program registers, given a flag it does not have, is a usage
// error of one line; and every command has at least one case of its own above, so a new
// command cannot arrive without its error paths.
test('every command: an unknown flag → exit 2, one line; each has error cases here', async () => {
  const names = buildProgram().commands.map((c) => c.name());
  expect(names.length).toBeGreaterThanOrEqual(11);
  for (const name of names) {
    const io = folderIo();
    const exit = await inProcess([name, '--no-such-flag'], io);
    expectOneLine(io.err(), io.out(), /^error: unknown option '--no-such-flag'$/);
    expect(exit, name).toBe(EXIT.usage);
  }
  const covered = new Set([...CASES, ...SPAWNED].map(([, args]) => args[0]));
  expect(
    names.filter((n) => !covered.has(n)),
    'commands without error cases',
  ).toEqual([]);
});

test('run with no usable engine → exit 3 (environment), one line', async () => {
  const io = folderIo();
  const exit = await runRun([], io, {
    ...defaultRunDeps(),
    cwd: dir,
    detect: () =>
      Promise.resolve(
        (['chromium', 'firefox', 'webkit'] as const).map((browser) => ({
          browser,
          reason: 'not installed',
          fix: 'npm run browsers',
        })),
      ),
    spawnNode: () => Promise.reject(new Error('run must not start anything')),
  });
  expectOneLine(io.err(), io.out(), /^no browser engine available/);
  expect(exit).toBe(EXIT.environment);
});

test('doctor with no usable engine → exit 3 (environment), the report on stdout', async () => {
  const io = folderIo();
  const exit = await runDoctor(io, [], {
    detect: () => Promise.resolve([{ browser: 'webkit', reason: 'not installed', fix: 'x' }]),
  });
  expect(io.err()).toBe('');
  expect(io.out()).toContain('No engine is usable');
  expect(exit).toBe(EXIT.environment);
});

for (const [what, args, code, line] of SPAWNED) {
  test(`cors-conformance ${args[0] ?? ''}: ${what} → exit ${code}, one line`, async () => {
    const out = await cli(args, dir);
    expectOneLine(out.stderr, out.stdout, line);
    expect(out.code).toBe(code);
  });
}

test('a UTF-8 byte-order mark is accepted', async () => {
  const out = await cli(['predict', 'bom.json'], dir);
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  expect(JSON.parse(out.stdout)).toHaveProperty('outcome');
});

test('--help of the program and of every command ends with the exit-code table', async () => {
  const root = await cli(['--help'], dir);
  expect(root.code).toBe(0);
  expect(root.stdout).toContain(EXIT_CODE_HELP);
  const program = buildProgram();
  expect(program.commands.length).toBeGreaterThanOrEqual(11);
  for (const command of program.commands) {
    let help = '';
    command.configureOutput({ writeOut: (t) => void (help += t) });
    command.outputHelp();
    expect(help, command.name()).toContain(EXIT_CODE_HELP);
  }
});

test('one table: every reason has a documented code, library errors map to theirs, anything else is internal', () => {
  expect(new Set(Object.values(REASON_EXIT))).toEqual(
    new Set([EXIT.usage, EXIT.environment, EXIT.internal]),
  );
  expect(toCliError(new ScenarioError('$.x', 'bad')).exitCode).toBe(EXIT.usage);
  expect(toCliError(new TargetError('cannot reach x')).exitCode).toBe(EXIT.environment);
  const internal = toCliError(new TypeError('c.diffs is not iterable'));
  expect(internal.exitCode).toBe(EXIT.internal);
  expect(internal.message).toBe('internal error: c.diffs is not iterable');
  expect(messageOf(new Error('two\nlines\u001b[31m red'))).toBe('two lines red');
  // Output is counted before anything is printed; past the limit it is a `limit` error.
  const output = new OutputLimit(10);
  output.add('12345');
  let refused: unknown;
  try {
    output.add('123456');
  } catch (e) {
    refused = e;
  }
  expect(toCliError(refused).reason).toBe('limit');
  expect(toCliError(refused).exitCode).toBe(EXIT.usage);
  for (const code of [0, 1, 2, 3, 4, 130, 143])
    expect(EXIT_CODE_HELP).toMatch(new RegExp(`\\b${code}\\b`));
});
