#!/usr/bin/env node
// The steps of the GitHub Action (action.yml at the repository root), as one plain-Node
// script so that a test runs them on any machine (scripts/action.test.ts). Plain ESM with no
// dependencies: the action runs it from a checkout of this repository, before anything is
// built or installed. Inputs come from the environment (never spliced into a shell line):
//
//   install    CC_PACKAGE (npm spec or tarball; default: cors-conformance at this action's
//              version), CC_TOOL_DIR: installs the package into a project of its own, so the
//              user's package.json stays untouched
//   provision  CC_ENGINES: asks the installed package's `doctor` which engines it finds;
//              when every wanted one is there it does nothing, otherwise it runs the package's
//              browsers script (apt-get on ubuntu-latest, through sudo when not root)
//   run        CC_COMMAND (verify, audit or run), CC_ARGS, CC_ENGINES, CC_REPORTS: runs the
//              command in the current folder, writes its output into the reports folder
//              (`audit --format sarif`: audit.sarif), sets the step outputs exit-code, sarif
//              and reports, and exits with the command's exit code
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const COMMANDS = ['verify', 'audit', 'run'];
export const ALL_ENGINES = ['chromium', 'firefox', 'webkit'];
const HERE = fileURLToPath(new URL('.', import.meta.url));

/**
 * Splits an argument string as a POSIX shell would for words and quotes (no expansions).
 * @param {string} text
 * @returns {string[]}
 */
export function splitArgs(text) {
  const out = [];
  let word = null;
  let quote = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < text.length) word += text[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      word ??= '';
    } else if (c === '\\' && i + 1 < text.length) {
      word = (word ?? '') + text[++i];
    } else if (/\s/.test(c)) {
      if (word !== null) out.push(word);
      word = null;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (quote !== null) throw new Error(`args: unclosed ${quote} quote`);
  if (word !== null) out.push(word);
  return out;
}

/**
 * The engines input: a comma-separated list of known engines (default: all three).
 * @param {string | undefined} text
 * @returns {string[]}
 */
export function parseEngines(text) {
  const names = (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.length === 0) return [...ALL_ENGINES];
  const bad = names.filter((n) => !ALL_ENGINES.includes(n));
  if (bad.length > 0) throw new Error(`engines: ${bad.join(', ')} is no engine (${ALL_ENGINES})`);
  return names;
}

/**
 * The command line for the command input, with the action's defaults for what the user did
 * not say: run gets --engine and --out; audit and verify get --engine (the first engine).
 * @param {{ command: string, args: string[], engines: string[], reports: string }} input
 * @returns {{ argv: string[], output: string | null, sarif: boolean }}
 */
export function commandLine({ command, args, engines, reports }) {
  if (!COMMANDS.includes(command)) {
    throw new Error(`command: must be one of ${COMMANDS.join(', ')} (got "${command}")`);
  }
  const has = (flag, short) =>
    args.some((a) => a === flag || a.startsWith(`${flag}=`) || a === short);
  const argv = [command, ...args];
  if (command === 'run') {
    if (!has('--engine', '-e')) argv.push('--engine', engines.join(','));
    if (!has('--out', '-o')) argv.push('--out', reports);
    return { argv, output: null, sarif: false };
  }
  if (!has('--engine', '-e')) argv.push('--engine', engines[0] ?? 'chromium');
  const at = args.findIndex((a) => a === '--format' || a === '-f');
  const format = at === -1 ? 'text' : (args[at + 1] ?? 'text');
  const ext = format === 'sarif' ? 'sarif' : format === 'json' ? 'json' : 'txt';
  return { argv, output: join(reports, `${command}.${ext}`), sarif: format === 'sarif' };
}

/**
 * What provisioning has to do, from `doctor --json`: null when every wanted engine is found.
 * @param {{ engines: { browser: string, found: boolean }[] }} doctor
 * @param {string[]} wanted
 * @param {{ isRoot: boolean, script: string }} how
 * @returns {{ missing: string[], command: string[] } | null}
 */
export function provisionPlan(doctor, wanted, how) {
  const found = new Set(doctor.engines.filter((e) => e.found).map((e) => e.browser));
  const missing = wanted.filter((e) => !found.has(e));
  if (missing.length === 0) return null;
  const command = how.isRoot
    ? [process.execPath, how.script]
    : ['sudo', '-n', process.execPath, how.script];
  return { missing, command };
}

function toolDir(env) {
  return resolve(env.CC_TOOL_DIR || join(env.RUNNER_TEMP || process.cwd(), 'cors-conformance'));
}

function installedBin(env) {
  return join(toolDir(env), 'node_modules', '.bin', 'cors-conformance');
}

function setOutputs(env, outputs) {
  const lines = Object.entries(outputs).map(([k, v]) => `${k}=${v}\n`);
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, lines.join(''));
  else for (const line of lines) process.stdout.write(`output ${line}`);
}

function sh(command, args, cwd) {
  console.log(`$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.error) throw new Error(`cannot run ${command}: ${result.error.message}`);
  return result.status ?? 1;
}

function install(env) {
  const dir = toolDir(env);
  mkdirSync(dir, { recursive: true });
  const version = JSON.parse(readFileSync(join(HERE, '..', 'package.json'), 'utf8')).version;
  const spec = env.CC_PACKAGE || `cors-conformance@${version}`;
  if (!existsSync(join(dir, 'package.json'))) {
    if (sh('npm', ['init', '-y', '--silent'], dir) !== 0) return 1;
  }
  const flags = ['install', '--no-audit', '--no-fund', '--prefer-offline'];
  const code = sh('npm', [...flags, existsSync(spec) ? resolve(spec) : spec], dir);
  if (code === 0) console.log(`installed ${spec}: ${installedBin(env)}`);
  return code;
}

function doctor(env) {
  const r = spawnSync(installedBin(env), ['doctor', '--json'], { encoding: 'utf8' });
  if (r.error) throw new Error(`cannot run cors-conformance doctor: ${r.error.message}`);
  return JSON.parse(r.stdout);
}

function provision(env) {
  const wanted = parseEngines(env.CC_ENGINES);
  const script = join(toolDir(env), 'node_modules', 'cors-conformance', 'scripts', 'browsers.mjs');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const plan = provisionPlan(doctor(env), wanted, { isRoot, script });
  if (plan === null) {
    console.log(`engines already provisioned: ${wanted.join(', ')} (nothing to do)`);
    return 0;
  }
  console.log(`provisioning ${plan.missing.join(', ')}`);
  const [command = 'node', ...args] = plan.command;
  if (sh(command, args) !== 0) return 3;
  const still = provisionPlan(doctor(env), wanted, { isRoot, script });
  if (still === null) return 0;
  console.error(`still missing after provisioning: ${still.missing.join(', ')}`);
  return 3;
}

async function runCommand(env) {
  const reports = resolve(env.CC_REPORTS || 'cors-conformance-reports');
  mkdirSync(reports, { recursive: true });
  const { argv, output, sarif } = commandLine({
    command: env.CC_COMMAND ?? '',
    args: splitArgs(env.CC_ARGS ?? ''),
    engines: parseEngines(env.CC_ENGINES),
    reports,
  });
  console.log(`$ cors-conformance ${argv.join(' ')}${output === null ? '' : ` > ${output}`}`);
  const child = spawn(installedBin(env), argv, { stdio: ['ignore', 'pipe', 'inherit'] });
  const file = output === null ? null : createWriteStream(output);
  child.stdout.on('data', (chunk) => {
    // SARIF is for code scanning; the log keeps the human-readable commands' output.
    if (!sarif) process.stdout.write(chunk);
    file?.write(chunk);
  });
  const code = await new Promise((done) => {
    child.on('error', () => done(4));
    child.on('close', (c) => done(c ?? 1));
  });
  await new Promise((done) => (file === null ? done(null) : file.end(done)));
  if (sarif) console.log(`SARIF written to ${output}`);
  setOutputs(env, { 'exit-code': code, sarif: sarif ? output : '', reports });
  return code;
}

/**
 * @param {string[]} argv
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<number>}
 */
export async function main(argv = process.argv.slice(2), env = process.env) {
  const step = argv[0];
  try {
    if (step === 'install') return install(env);
    if (step === 'provision') return provision(env);
    if (step === 'run') return await runCommand(env);
  } catch (error) {
    console.error(`action: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  console.error('usage: node scripts/action.mjs install|provision|run (inputs: see action.yml)');
  return 2;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
