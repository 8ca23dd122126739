// JSON text from a user (a scenario file, a policy, a results.json) turned into a value, or
// into one line saying what is wrong with it. Bounded before parsing: a size limit (the
// parser and everything after it hold the whole text and more) and a nesting limit (deeply
// nested input would overflow the stack of whatever walks it recursively afterwards).

/** What `parseJsonInput` accepts at most. */
export interface JsonLimits {
  /** Characters of text; default `MAX_INPUT_CHARS`. */
  maxChars?: number;
  /** Levels of `[` / `{`; default `MAX_JSON_DEPTH`. */
  maxDepth?: number;
}

/** 16 Mi characters: far above any scenario table or policy, far below what exhausts memory. */
export const MAX_INPUT_CHARS = 16 * 1024 * 1024;
/** A run's results.json: about 15 KiB per case and engine, so room for well over 10,000 cases. */
export const MAX_RESULTS_CHARS = 256 * 1024 * 1024;
/** A scenario nests about six levels plus one per `then` step; 200 leaves room and stays safe. */
export const MAX_JSON_DEPTH = 200;

/** Input that cannot be used. `limit`: it is past a size or depth bound (not malformed). */
export class JsonInputError extends Error {
  override name = 'JsonInputError';
  constructor(
    message: string,
    readonly limit = false,
  ) {
    super(message);
  }
}

const BOM = '\ufeff';

/**
 * Parses `text` as JSON. A leading UTF-8 byte-order mark is ignored (editors on some systems
 * write one). Errors are `JsonInputError`s whose message starts with `label: `.
 */
export function parseJsonInput(text: string, label: string, limits: JsonLimits = {}): unknown {
  const maxChars = limits.maxChars ?? MAX_INPUT_CHARS;
  const maxDepth = limits.maxDepth ?? MAX_JSON_DEPTH;
  if (text.length > maxChars) {
    throw new JsonInputError(
      `${label}: input too large: ${sizeText(text.length)}, the limit is ${sizeText(maxChars)}`,
      true,
    );
  }
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  if (body.trim() === '') throw new JsonInputError(`${label}: invalid JSON: the input is empty`);
  const depth = nestingDepth(body, maxDepth);
  if (depth > maxDepth) {
    throw new JsonInputError(`${label}: input nested deeper than ${maxDepth} levels`, true);
  }
  try {
    return JSON.parse(body);
  } catch (e) {
    throw new JsonInputError(`${label}: invalid JSON: ${jsonProblem(body, e)}`);
  }
}

/** The deepest `[`/`{` nesting outside strings, counting stops just past `stopAbove`. */
export function nestingDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAbove) return max;
      }
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return max;
}

function jsonProblem(text: string, e: unknown): string {
  const message = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();
  const pos = /position (\d+)/.exec(message);
  if (pos?.[1] === undefined) return message;
  const offset = Number(pos[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}

/** `12.3 MiB`, `512 KiB`, `80 characters`. */
export function sizeText(chars: number): string {
  if (chars >= 1024 * 1024) return `${(chars / (1024 * 1024)).toFixed(1)} MiB`;
  if (chars >= 1024) return `${Math.round(chars / 1024)} KiB`;
  return `${chars} characters`;
}

/** Why a file could not be read, in words (no errno names, no stack). */
export function fileProblem(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    default:
      return (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();
  }
}
