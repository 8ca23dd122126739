// What a CLI command touches outside itself: input text and two output streams. Commands
// take a `CliIo` so tests run them in-process with strings instead of real streams.
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeDirs } from '../report/atomic-write.js';
import { ScenarioError, parseScenarios } from '../scenario/validate.js';
import { MAX_INPUT_CHARS, fileProblem, parseJsonInput, sizeText } from '../scenario/json-input.js';
import type { JsonLimits } from '../scenario/json-input.js';
import type { Scenario } from '../scenario/types.js';
import { ENGINE_NAMES } from '../model/engine-profile.js';
import type { EngineName } from '../model/engine-profile.js';
import { CliError, UsageError } from './errors.js';

export interface CliIo {
  readStdin(maxBytes?: number): Promise<string>;
  /** The file's text; refuses a directory, and a file larger than `maxBytes` (default 16 MiB). */
  readFile(path: string, maxBytes?: number): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Most a command prints in one go (predict and explain of a large array). */
export const MAX_OUTPUT_CHARS = 64 * 1024 * 1024;

/**
 * Output built piece by piece and checked against a limit before anything is printed, so
 * that a large input is refused in one line instead of exhausting memory.
 */
export class OutputLimit {
  private size = 0;
  constructor(private readonly max = MAX_OUTPUT_CHARS) {}

  /** Counts `text` in; throws a `limit` CliError once the total is past the limit. */
  add(text: string): string {
    this.size += text.length;
    if (this.size > this.max) {
      throw new CliError(
        'limit',
        `output larger than ${sizeText(this.max)}: give fewer scenarios at a time`,
      );
    }
    return text;
  }
}

/** An input larger than its limit, before it is read. */
class TooLarge extends Error {
  readonly code = 'E2BIG';
  constructor(readonly limit: number) {
    super(`input too large (the limit is ${sizeText(limit)})`);
  }
}

/** The real process streams. */
export function processIo(): CliIo {
  return {
    readStdin: async (maxBytes = MAX_INPUT_CHARS) => {
      if (process.stdin.isTTY) {
        throw new UsageError(
          'no FILE given and stdin is a terminal: name a scenario file or pipe JSON in',
        );
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        size += (chunk as Buffer).length;
        if (size > maxBytes) throw new TooLarge(maxBytes);
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks).toString('utf8');
    },
    readFile: async (path, maxBytes = MAX_INPUT_CHARS) => {
      const info = await stat(path);
      if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      if (info.size > maxBytes) throw new TooLarge(maxBytes);
      return readFile(path, 'utf8');
    },
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
  };
}

/**
 * Reads a JSON input (a file, or stdin for `-`/undefined) as the user gave it: one-line
 * errors naming `label`, a size limit before reading, a depth limit before parsing.
 */
export async function readJsonInput(
  file: string | undefined,
  io: CliIo,
  opts: JsonLimits & { what?: string; label?: string; optional?: boolean } = {},
): Promise<{ label: string; json: unknown }> {
  const fromStdin = file === undefined || file === '-';
  const label = opts.label ?? (fromStdin ? '<stdin>' : file);
  let text: string;
  try {
    text = fromStdin ? await io.readStdin(opts.maxChars) : await io.readFile(file, opts.maxChars);
  } catch (e) {
    if (e instanceof CliError) throw e;
    // `optional`: a file that is not there is no input at all (json undefined).
    if (opts.optional === true && (e as { code?: unknown }).code === 'ENOENT') {
      return { label, json: undefined };
    }
    const what = opts.what === undefined ? '' : ` ${opts.what}`;
    const reason = e instanceof TooLarge ? 'limit' : 'input';
    throw new CliError(reason, `${label}: cannot read${what}: ${fileProblem(e)}`);
  }
  return { label, json: parseJsonInput(text, label, opts) };
}

/** Checks an `--engine` value. */
export function parseEngineName(value: string): EngineName {
  const found = ENGINE_NAMES.find((n) => n === value);
  if (found === undefined) {
    throw new UsageError(
      `--engine: must be one of ${ENGINE_NAMES.join(', ')} (got ${JSON.stringify(value)})`,
    );
  }
  return found;
}

export interface ScenarioInput {
  /** How errors name the input: the file as given, or `<stdin>`. */
  label: string;
  scenarios: Scenario[];
  isArray: boolean;
}

/** Reads and validates scenario JSON from FILE, or stdin for `-` / no FILE. */
export async function readScenarioInput(
  file: string | undefined,
  io: CliIo,
): Promise<ScenarioInput> {
  const { label, json } = await readJsonInput(file, io);
  try {
    return { label, ...parseScenarios(json) };
  } catch (e) {
    if (e instanceof ScenarioError) throw new CliError('input', `${label}: ${e.message}`);
    throw e;
  }
}

/**
 * A folder output goes to (`--out`): one that exists or can be made, and can be written to.
 * Checked before the work, so that an hour of testing does not end in files that cannot be
 * written; `label` names the flag in the one-line error.
 */
export async function checkOutputDir(dir: string, label: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (info !== null && !info.isDirectory()) {
    throw new CliError('output', `${label}: is a file, not a folder`);
  }
  const probe = join(dir, `.cors-conformance-write-check-${process.pid}`);
  try {
    await makeDirs(dir);
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (e) {
    // ENOENT here: the folder cannot be made where it is asked for (`/proc/x`).
    const code = (e as { code?: unknown }).code;
    const why = code === 'ENOENT' ? 'the folder cannot be made there' : fileProblem(e);
    throw new CliError('output', `${label}: cannot write there: ${why}`);
  }
}
