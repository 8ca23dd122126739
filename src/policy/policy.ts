// The CORS policy a server's owner declares, and its validation. A policy says which
// origins may read responses (exact origins, or patterns with one `*` standing for one or
// more sub-domain labels), which methods and request headers they may use, whether
// credentials are allowed, which response headers are exposed and the preflight max-age.
// `verify`, `audit` and the framework adapters all read this one type. Pure: no I/O here
// (`load.ts` reads policy files).
import { PolicyError } from './error.js';
import { parseOriginRule, ruleMatches } from './origin-rule.js';

export { PolicyError } from './error.js';

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

/** Whether the policy lets `origin` (a serialized origin, or `null`) read responses. */
export function originAllowed(policy: CorsPolicy, origin: string): boolean {
  if (origin === 'null') return false;
  return policy.origins.some((o) => ruleMatches(parseOriginRule(o), origin));
}

/** Methods the policy allows (uppercased only where the model would normalize). */
export function policyMethods(policy: CorsPolicy): string[] {
  return policy.methods ?? [...DEFAULT_METHODS];
}

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
