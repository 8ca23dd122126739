// The CORS policy a server's owner declares, and its validation. A policy says which
// origins may read responses (exact origins, or patterns with one `*` standing for one or
// more sub-domain labels), which methods and request headers they may use, whether
// credentials are allowed, which response headers are exposed and the preflight max-age.
// `verify`, `audit` and the framework adapters all read this one type.
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileProblem, parseJsonInput } from '../scenario/json-input.js';

export interface CorsPolicy {
  /** Allowed origins: `https://app.example.com`, or patterns such as `https://*.example.com`. */
  origins: string[];
  /** Allowed methods (as sent, case-sensitive like HTTP). Default: GET, HEAD, POST. */
  methods?: string[];
  /** Allowed request headers (case-insensitive). Default: none beyond the safelisted ones. */
  requestHeaders?: string[];
  /** Whether credentialed requests (cookies) may read responses. Default false. */
  credentials?: boolean;
  /** Response headers page JS may read beyond the safelisted ones. */
  exposedHeaders?: string[];
  /** Preflight max-age in seconds. */
  maxAge?: number;
}

/** A typed `cors.config.ts`: the policy plus, optionally, the target it describes. */
export interface CorsConfig {
  /** The server under test, e.g. `http://127.0.0.1:3000/api/items`. */
  target?: string;
  policy: CorsPolicy;
}

/** Identity helpers that give a config file types and editor completion. */
export function definePolicy(policy: CorsPolicy): CorsPolicy {
  return policy;
}
export function defineConfig(config: CorsConfig): CorsConfig {
  return config;
}

/** A mistake in a policy: `message` is one line starting with the JSON path. */
export class PolicyError extends Error {
  override readonly name = 'PolicyError';
}

export const DEFAULT_METHODS: readonly string[] = ['GET', 'HEAD', 'POST'];
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const POLICY_KEYS = [
  'origins',
  'methods',
  'requestHeaders',
  'credentials',
  'exposedHeaders',
  'maxAge',
] as const;

/** Checks arbitrary JSON and returns it as a policy, or throws PolicyError naming the path. */
export function validatePolicy(json: unknown, at = '$'): CorsPolicy {
  if (!isObject(json)) throw new PolicyError(`${at}: must be an object (got ${kind(json)})`);
  for (const key of Object.keys(json)) {
    if (!(POLICY_KEYS as readonly string[]).includes(key)) {
      throw new PolicyError(`${at}.${key}: unknown field (known: ${POLICY_KEYS.join(', ')})`);
    }
  }
  const origins = stringList(json['origins'], `${at}.origins`, true);
  if (origins.length === 0) throw new PolicyError(`${at}.origins: must list at least one origin`);
  origins.forEach((o, i) => checkOriginPattern(o, `${at}.origins[${i}]`));
  const policy: CorsPolicy = { origins };
  if (json['methods'] !== undefined) {
    policy.methods = stringList(json['methods'], `${at}.methods`, false);
    policy.methods.forEach((m, i) => {
      if (!TOKEN.test(m))
        throw new PolicyError(
          `${at}.methods[${i}]: not an HTTP method token (got ${JSON.stringify(m)})`,
        );
    });
  }
  if (json['requestHeaders'] !== undefined) {
    policy.requestHeaders = stringList(json['requestHeaders'], `${at}.requestHeaders`, false);
    policy.requestHeaders.forEach((h, i) => checkHeaderName(h, `${at}.requestHeaders[${i}]`));
  }
  if (json['exposedHeaders'] !== undefined) {
    policy.exposedHeaders = stringList(json['exposedHeaders'], `${at}.exposedHeaders`, false);
    policy.exposedHeaders.forEach((h, i) => checkHeaderName(h, `${at}.exposedHeaders[${i}]`));
  }
  if (json['credentials'] !== undefined) {
    if (typeof json['credentials'] !== 'boolean') {
      throw new PolicyError(
        `${at}.credentials: must be true or false (got ${kind(json['credentials'])})`,
      );
    }
    policy.credentials = json['credentials'];
  }
  if (json['maxAge'] !== undefined) {
    const m = json['maxAge'];
    if (typeof m !== 'number' || !Number.isInteger(m) || m < 0) {
      throw new PolicyError(
        `${at}.maxAge: must be a whole number of seconds >= 0 (got ${JSON.stringify(m)})`,
      );
    }
    policy.maxAge = m;
  }
  return policy;
}

/** Checks a config object (`{ target?, policy }`), as a `cors.config.ts` exports it. */
export function validateConfig(json: unknown): CorsConfig {
  if (!isObject(json)) throw new PolicyError(`$: must be an object (got ${kind(json)})`);
  for (const key of Object.keys(json)) {
    if (key !== 'target' && key !== 'policy') {
      throw new PolicyError(`$.${key}: unknown field (known: target, policy)`);
    }
  }
  const config: CorsConfig = { policy: validatePolicy(json['policy'], '$.policy') };
  if (json['target'] !== undefined) {
    if (typeof json['target'] !== 'string') throw new PolicyError(`$.target: must be a URL string`);
    checkTargetUrl(json['target'], '$.target');
    config.target = json['target'];
  }
  return config;
}

/** A target URL must be absolute http(s). Returns the parsed URL. */
export function checkTargetUrl(value: string, at = '--target'): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PolicyError(`${at}: not an absolute URL (got ${JSON.stringify(value)})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PolicyError(`${at}: must be an http or https URL (got ${JSON.stringify(value)})`);
  }
  return url;
}

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
    try {
      value = parseJsonInput(text, file);
    } catch (e) {
      throw new PolicyError(e instanceof Error ? e.message : String(e));
    }
  }
  try {
    if (isObject(value) && 'policy' in value) return validateConfig(value);
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

/** One allowed-origin entry, parsed: an exact origin or `scheme://*.suffix[:port]`. */
export interface OriginRule {
  scheme: 'http' | 'https';
  /** Exact host, or the suffix after `*.` for a pattern. */
  host: string;
  port: string;
  wildcard: boolean;
  text: string;
}

const ORIGIN_SHAPE = /^(https?):\/\/(\*\.)?([a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/;

function checkOriginPattern(value: string, at: string): void {
  if (value === '*')
    throw new PolicyError(
      `${at}: "*" is not an origin; list the origins (a pattern such as https://*.example.com is allowed)`,
    );
  if (value === 'null')
    throw new PolicyError(
      `${at}: "null" cannot be allowed by a policy (any sandboxed document sends it)`,
    );
  parseOriginRule(value, at);
}

/** Parses one `origins` entry; throws PolicyError (with `at`) when it is not an origin. */
export function parseOriginRule(value: string, at = '$'): OriginRule {
  const m = ORIGIN_SHAPE.exec(value);
  if (!m || value !== value.toLowerCase()) {
    throw new PolicyError(
      `${at}: must be a lowercase origin such as https://app.example.com or https://*.example.com, without a path (got ${JSON.stringify(value)})`,
    );
  }
  const scheme = m[1] as 'http' | 'https';
  const host = m[3] ?? '';
  if (host.startsWith('.') || host.endsWith('.') || host.includes('..')) {
    throw new PolicyError(`${at}: bad host name in ${JSON.stringify(value)}`);
  }
  const defaultPort = scheme === 'https' ? '443' : '80';
  const port = m[4] ?? defaultPort;
  if (Number(port) < 1 || Number(port) > 65535)
    throw new PolicyError(`${at}: port out of range in ${JSON.stringify(value)}`);
  if (m[4] === defaultPort) {
    throw new PolicyError(
      `${at}: an origin does not carry its default port: write ${scheme}://${m[2] ?? ''}${host}`,
    );
  }
  return { scheme, host, port, wildcard: m[2] !== undefined, text: value };
}

/** Whether a serialized origin is allowed by one rule. */
export function ruleMatches(rule: OriginRule, origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin) return false;
  const port = url.port === '' ? (url.protocol === 'https:' ? '443' : '80') : url.port;
  if (url.protocol !== `${rule.scheme}:` || port !== rule.port) return false;
  if (!rule.wildcard) return url.hostname === rule.host;
  return url.hostname.endsWith(`.${rule.host}`) && url.hostname.length > rule.host.length + 1;
}

/** Whether the policy lets `origin` (a serialized origin, or `null`) read responses. */
export function originAllowed(policy: CorsPolicy, origin: string): boolean {
  if (origin === 'null') return false;
  return policy.origins.some((o) => ruleMatches(parseOriginRule(o), origin));
}

/** Methods the policy allows (uppercased only where the model would normalize). */
export function policyMethods(policy: CorsPolicy): string[] {
  return policy.methods ?? [...DEFAULT_METHODS];
}

function checkHeaderName(value: string, at: string): void {
  if (!TOKEN.test(value))
    throw new PolicyError(`${at}: not a header name (got ${JSON.stringify(value)})`);
}

function stringList(value: unknown, at: string, required: boolean): string[] {
  if (value === undefined && required) throw new PolicyError(`${at}: required`);
  if (!Array.isArray(value))
    throw new PolicyError(`${at}: must be an array of strings (got ${kind(value)})`);
  return value.map((v: unknown, i) => {
    if (typeof v !== 'string')
      throw new PolicyError(`${at}[${i}]: must be a string (got ${kind(v)})`);
    return v;
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (v === undefined) return 'nothing';
  return typeof v === 'object' ? 'an object' : JSON.stringify(v);
}
