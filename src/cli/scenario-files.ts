// `run FILE|DIR|GLOB ...`: the user's scenario files. Each argument is a file, a folder (its
// *.json files, recursively) or a glob (`*`, `**`, `?`); each file holds one scenario or an
// array of them, validated as `predict` validates its input. A scenario without an id gets
// `<file name>#<index>`, so reports and the side-by-side table can name it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { Scenario } from '../scenario/types.js';
import { ScenarioError, parseScenarios } from '../scenario/validate.js';
import type { SuiteTable } from '../suites/catalog.js';
import { CliError, UsageError } from './errors.js';
import type { CliIo } from './io.js';
import { readJsonInput } from './io.js';

const GLOB_CHARS = /[*?[]/;

/** A glob as a regular expression over `/`-separated relative paths. */
export function globRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` matches any number of folders, including none.
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.name !== 'node_modules' && !d.name.startsWith('.'))
    .flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]))
    .sort();
}

/** The files one argument names, in a stable order; none is a usage error. */
export function expandScenarioArg(arg: string, cwd: string): string[] {
  const full = resolve(cwd, arg);
  if (!GLOB_CHARS.test(arg)) {
    if (!existsSync(full)) throw new UsageError(`${arg}: no such file or folder`);
    if (!statSync(full).isDirectory()) return [full];
    const files = walk(full).filter((f) => f.endsWith('.json'));
    if (files.length === 0) throw new UsageError(`${arg}: no .json files in this folder`);
    return files;
  }
  // The folders before the first glob character are where the walk starts.
  const parts = full.split(sep);
  const first = parts.findIndex((p) => GLOB_CHARS.test(p));
  const base = parts.slice(0, first).join(sep) || sep;
  const re = globRegExp(parts.slice(first).join('/'));
  const files = existsSync(base)
    ? walk(base).filter((f) => re.test(relative(base, f).split(sep).join('/')))
    : [];
  if (files.length === 0) throw new UsageError(`${arg}: no file matches`);
  return files;
}

/** Every argument's files, each read and validated; ids filled in. One table per file. */
export async function loadScenarioFiles(
  args: readonly string[],
  cwd: string,
  io: CliIo,
): Promise<SuiteTable[]> {
  const files = [...new Set(args.flatMap((a) => expandScenarioArg(a, cwd)))];
  const tables: SuiteTable[] = [];
  const ids = new Map<string, string>();
  for (const file of files) {
    const name = relative(cwd, file) || basename(file);
    const { json } = await readJsonInput(file, io, { label: name });
    let parsed: Scenario[];
    try {
      parsed = parseScenarios(json).scenarios;
    } catch (e) {
      if (e instanceof ScenarioError) throw new CliError('input', `${name}: ${e.message}`);
      throw e;
    }
    const scenarios = parsed.map((s, i): Scenario =>
      s.id === undefined ? { ...s, id: `${basename(file)}#${i}` } : s,
    );
    for (const s of scenarios) {
      const id = s.id ?? '';
      const other = ids.get(id);
      if (other !== undefined) {
        throw new CliError('input', `${name}: scenario id "${id}" is also used in ${other}`);
      }
      ids.set(id, name);
    }
    tables.push({ name, scenarios });
  }
  return tables;
}
