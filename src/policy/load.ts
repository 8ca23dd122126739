// Reads a policy file from disk: JSON (a policy, or a config `{ target, policy }`), or a
// JavaScript / TypeScript module whose default export is one. The only I/O of src/policy.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileProblem, parseJsonInput } from '../scenario/json-input.js';
import { PolicyError } from './error.js';
import type { CorsConfig } from './policy.js';
import { validateConfig, validatePolicy } from './policy.js';

/**
 * Reads a policy file: JSON (a policy, or a config with `policy`), or a JavaScript /
 * TypeScript module whose default export is one (TypeScript is transpiled, types are not checked).
 */
export async function loadPolicyFile(file: string): Promise<CorsConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new PolicyError(`${file}: cannot read: ${fileProblem(e)}`);
  }
  let value: unknown;
  if (/\.(c|m)?[jt]s$/.test(file)) {
    value = await importModule(file, text);
  } else {
    // A JsonInputError names the file and the problem (or the size/depth limit) itself.
    value = parseJsonInput(text, file);
  }
  try {
    if (typeof value === 'object' && value !== null && 'policy' in value)
      return validateConfig(value);
    return { policy: validatePolicy(value) };
  } catch (e) {
    if (e instanceof PolicyError) throw new PolicyError(`${file}: ${e.message}`);
    throw e;
  }
}

async function importModule(file: string, text: string): Promise<unknown> {
  let source = text;
  if (/\.(c|m)?ts$/.test(file)) {
    const ts = (await import('typescript')).default;
    source = ts.transpileModule(text, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
  }
  // The helpers a config imports (`defineConfig`) are identity functions: a config module
  // may import them from the package or from this file; both are rewritten to a local stub.
  source = source.replace(
    /import\s*\{[^}]*\}\s*from\s*['"][^'"]*(cors-conformance|policy(\.js)?)[^'"]*['"];?/g,
    'const defineConfig = (c) => c; const definePolicy = (p) => p;',
  );
  const dir = await mkdtemp(path.join(tmpdir(), 'cors-conformance-config-'));
  const out = path.join(dir, 'config.mjs');
  try {
    await writeFile(out, source);
    const mod = (await import(pathToFileURL(out).href)) as { default?: unknown };
    if (mod.default === undefined) throw new PolicyError(`${file}: has no default export`);
    return mod.default;
  } catch (e) {
    if (e instanceof PolicyError) throw e;
    throw new PolicyError(
      `${file}: cannot load: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
