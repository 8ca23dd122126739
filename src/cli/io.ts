// What a CLI command touches outside itself: input text and two output streams. Commands
// take a `CliIo` so tests run them in-process with strings instead of real streams.
import { readFile } from 'node:fs/promises';
import { ScenarioError, parseScenarios } from '../scenario/validate.js';
import type { Scenario } from '../scenario/types.js';
import { ENGINE_NAMES } from '../model/engine-profile.js';
import type { EngineName } from '../model/engine-profile.js';

export interface CliIo {
  readStdin(): Promise<string>;
  readFile(path: string): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A user mistake: printed as one line on stderr, exit code 2, nothing on stdout. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Exit codes: 0 done, 1 internal failure, 2 bad input or usage. */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;

/** The real process streams. */
export function processIo(): CliIo {
  return {
    readStdin: async () => {
      if (process.stdin.isTTY) {
        throw new UsageError(
          'no FILE given and stdin is a terminal: name a scenario file or pipe JSON in',
        );
      }
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    readFile: (path) => readFile(path, 'utf8'),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
  };
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
  const fromStdin = file === undefined || file === '-';
  const label = fromStdin ? '<stdin>' : file;
  let text: string;
  try {
    text = fromStdin ? await io.readStdin() : await io.readFile(file);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as { code?: unknown }).code;
    const why = code === 'ENOENT' ? 'no such file' : oneLine(String(e));
    throw new UsageError(`${label}: cannot read: ${why}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${label}: invalid JSON: ${jsonProblem(text, e)}`);
  }
  try {
    return { label, ...parseScenarios(json) };
  } catch (e) {
    if (e instanceof ScenarioError) throw new UsageError(`${label}: ${e.message}`);
    throw e;
  }
}

function jsonProblem(text: string, e: unknown): string {
  if (text.trim() === '') return 'the input is empty';
  const message = oneLine(e instanceof Error ? e.message : String(e));
  const pos = /position (\d+)/.exec(message);
  if (pos?.[1] === undefined) return message;
  const offset = Number(pos[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}

/** Collapses whitespace so a message stays on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
