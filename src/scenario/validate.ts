// Turns arbitrary JSON into a `Scenario`, or a one-line error naming the JSON path and the
// problem. Shape checks come from the published JSON Schema (compiled once with ajv); the
// few rules a schema cannot express are checked afterwards in code.
import { applyRequestOverrides } from './overrides.js';
import { Ajv } from 'ajv';
import type { ErrorObject } from 'ajv';
import schemaJson from './scenario.schema.json' with { type: 'json' };
import {
  CROSSORIGIN_APIS,
  ORIGIN_ROLES,
  VARIANTS,
  isDataURL,
  isInitiatorApi,
  type Api,
  type Scenario,
  type ScenarioRequest,
} from './types.js';

export { applyRequestOverrides };

/** A user mistake in a scenario: where (`$.request.mode`) and what is wrong. */
export class ScenarioError extends Error {
  readonly path: string;
  readonly problem: string;
  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.name = 'ScenarioError';
    this.path = path;
    this.problem = problem;
  }
}

/** The JSON Schema of one portable scenario (format version 1). */
export const SCENARIO_SCHEMA: Readonly<Record<string, unknown>> = schemaJson;

// Patterns the schema uses; an error on one of them gets a precise message from code.
const HEADER_NAME_PATTERN = schemaJson.definitions.headerName.pattern;
const HEADER_VALUE_PATTERN = schemaJson.definitions.headerValue.pattern;
const ORIGIN_PATTERN = schemaJson.properties.origins.additionalProperties.pattern;

const ajv = new Ajv({ strict: true, allErrors: false, verbose: true });
const validateShape = ajv.compile<unknown>(schemaJson);

/**
 * Follow-up steps a scenario may chain. The suites use at most two; each step is one more
 * request in the browser, one more level of the prediction, and one more level for every
 * recursive reader, so an unbounded chain would only exhaust the tools.
 */
export const MAX_THEN_STEPS = 32;

/**
 * The largest request body, in characters (up to 4 MiB as UTF-8, what the fixture server
 * takes). A CORS case is about headers; a body is there to make a request need a preflight
 * or not, or to show which Content-Type a BodyInit type brings.
 */
export const MAX_BODY_CHARS = 1024 * 1024;

/**
 * Validates one scenario. `path` is the JSON path of `json` in its file (`$` for a file
 * holding one scenario, `$[2]` for the third of an array); errors are reported under it.
 */
export function parseScenario(json: unknown, path = '$'): Scenario {
  checkThenDepth(json, path);
  if (!validateShape(json)) {
    const errors = validateShape.errors ?? [];
    const first = errors.find((e) => e.keyword !== 'if' && e.keyword !== 'propertyNames');
    if (first === undefined) throw new ScenarioError(path, 'is not a valid scenario');
    if (/\/redirects\/\d+\/to$/.test(first.instancePath)) {
      const at = jsonPath(json, path, first.instancePath.slice(1).split('/').map(unescape));
      throw new ScenarioError(
        at,
        `must be an origin role (${ORIGIN_ROLES.join(', ')}) or a data: URL (got ${JSON.stringify(first.data)})`,
      );
    }
    throw describeError(first, json, path);
  }
  const scenario = json as Scenario;
  checkSemantics(scenario, path);
  return scenario;
}

/** Scenarios one input may hold: far more than the suites together (about 800). */
export const MAX_SCENARIOS = 10_000;

/** Validates a file's content: one scenario, or an array of them (paths `$[i]`). */
export function parseScenarios(json: unknown): { scenarios: Scenario[]; isArray: boolean } {
  if (Array.isArray(json) && json.length > MAX_SCENARIOS) {
    throw new ScenarioError(
      '$',
      `${json.length} scenarios, more than ${MAX_SCENARIOS} in one input: split it into several files`,
    );
  }
  if (Array.isArray(json)) {
    const scenarios = json.map((one: unknown, i) => parseScenario(one, `$[${i}]`));
    return { scenarios, isArray: true };
  }
  return { scenarios: [parseScenario(json)], isArray: false };
}

/** Refuses a `then` chain past MAX_THEN_STEPS before anything walks it recursively. */
function checkThenDepth(json: unknown, path: string): void {
  let steps = 0;
  let node: unknown = json;
  let at = path;
  while (typeof node === 'object' && node !== null && 'then' in node) {
    node = node.then;
    at = `${at}.then`;
    if (++steps > MAX_THEN_STEPS) {
      throw new ScenarioError(at, `more than ${MAX_THEN_STEPS} follow-up steps in one scenario`);
    }
  }
}

/** Characters of a request body: a string, an object form's `value`, or its form fields. */
function bodyChars(body: Scenario['request']['body']): number {
  if (body === undefined) return 0;
  if (typeof body === 'string') return body.length;
  if ('value' in body) return body.value.length;
  return Object.entries(body.fields).reduce((n, [k, v]) => n + k.length + v.length, 0);
}

function checkBodySize(request: Pick<Scenario['request'], 'body'> | undefined, at: string): void {
  if (bodyChars(request?.body) > MAX_BODY_CHARS) {
    throw new ScenarioError(`${at}.body`, `longer than ${MAX_BODY_CHARS} characters`);
  }
}

// Rules the schema cannot state: XHR-only fields need `api: "xhr"` on the request they end
// up on (a follow-up inherits the first request's fields unless it overrides them).
const XHR_ONLY = ['uploadListener', 'withCredentials'] as const;

function checkSemantics(scenario: Scenario, path: string): void {
  // A data: URL has no server to redirect again: it can only be the last hop's target.
  const hops = scenario.server?.redirects ?? [];
  hops.forEach((h, i) => {
    if (isDataURL(h.to) && i < hops.length - 1)
      throw new ScenarioError(
        `${path}.server.redirects[${i}].to`,
        "a data: URL can only be the last hop's target",
      );
  });
  const first = scenario.request;
  checkBodySize(first, `${path}.request`);
  checkInitiatorFields(first, `${path}.request`);
  if ((first.api ?? 'fetch') !== 'xhr') {
    const field = XHR_ONLY.find((f) => first[f] !== undefined);
    if (field !== undefined) {
      throw new ScenarioError(`${path}.request.${field}`, 'only applies when api is "xhr"');
    }
  }
  let step = scenario.then;
  let stepPath = `${path}.then`;
  while (step !== undefined) {
    checkBodySize(step.request, `${stepPath}.request`);
    const merged = applyRequestOverrides(first, step);
    if (isInitiatorApi(merged.api) || isInitiatorApi(first.api)) {
      const api = isInitiatorApi(first.api) ? first.api : (merged.api ?? 'fetch');
      throw new ScenarioError(
        stepPath,
        `follow-up steps only apply when api is fetch or xhr (the request uses ${JSON.stringify(api)})`,
      );
    }
    if ((merged.api ?? 'fetch') !== 'xhr') {
      const own = step.request;
      const field = XHR_ONLY.find((f) => own?.[f] !== undefined);
      if (field !== undefined) {
        throw new ScenarioError(`${stepPath}.request.${field}`, 'only applies when api is "xhr"');
      }
      const inherited = XHR_ONLY.find((f) => merged[f] !== undefined);
      if (inherited !== undefined) {
        throw new ScenarioError(
          `${stepPath}.request.api`,
          `"fetch" conflicts with ${inherited} inherited from the first request (XHR only)`,
        );
      }
    }
    step = step.then;
    stepPath = `${stepPath}.then`;
  }
}

// Which request fields each api can express. With an initiator, HTML decides mode and
// credentials (https://html.spec.whatwg.org/#create-a-potential-cors-request), the element
// sends no author headers, and only some initiators carry a method or a body.
const FETCH_LIKE: readonly Api[] = ['fetch', 'xhr', 'fetch-keepalive'];
const FIELD_APIS: Partial<Record<keyof ScenarioRequest, readonly Api[]>> = {
  mode: ['fetch', 'xhr'],
  crossorigin: CROSSORIGIN_APIS,
  variant: Object.keys(VARIANTS) as Api[],
  credentials: [...FETCH_LIKE, 'eventsource', 'module-worker'],
  headers: FETCH_LIKE,
  body: [...FETCH_LIKE, 'beacon', 'form'],
  method: [...FETCH_LIKE, 'beacon', 'form'],
  redirect: FETCH_LIKE,
  cache: FETCH_LIKE,
  referrerPolicy: FETCH_LIKE,
};

/** Refuses a field the request's api cannot express, and a variant not of its api. */
function checkInitiatorFields(request: ScenarioRequest, at: string): void {
  const api = request.api ?? 'fetch';
  for (const [field, apis] of Object.entries(FIELD_APIS) as [keyof ScenarioRequest, Api[]][]) {
    if (request[field] === undefined || apis.includes(api)) continue;
    if (!isInitiatorApi(api) && !['crossorigin', 'variant'].includes(field)) continue;
    throw new ScenarioError(`${at}.${field}`, `only applies when api is one of ${apis.join(', ')}`);
  }
  if (request.variant !== undefined) {
    const allowed = VARIANTS[api as keyof typeof VARIANTS] ?? [];
    if (!allowed.includes(request.variant)) {
      throw new ScenarioError(
        `${at}.variant`,
        `must be one of ${allowed.join(', ')} for api ${JSON.stringify(api)} (got ${show(request.variant)})`,
      );
    }
  }
  checkInitiatorMethodBody(request, at);
}

function checkInitiatorMethodBody(request: ScenarioRequest, at: string): void {
  const method = request.method?.toUpperCase();
  if (request.api === 'form' && method !== undefined && method !== 'GET' && method !== 'POST') {
    throw new ScenarioError(
      `${at}.method`,
      `a form submits with GET or POST (got ${show(request.method)})`,
    );
  }
  if (request.api === 'beacon' && method !== undefined && method !== 'POST') {
    throw new ScenarioError(
      `${at}.method`,
      `sendBeacon always uses POST (got ${show(request.method)})`,
    );
  }
  const body = request.body;
  if (body === undefined) return;
  const kind = typeof body === 'string' ? 'string' : body.kind;
  if (request.api === 'form' && kind !== 'form-data' && kind !== 'url-search-params') {
    throw new ScenarioError(
      `${at}.body`,
      `a form body is a form-data or url-search-params object (got ${kind})`,
    );
  }
  if (typeof body === 'string') return;
  if ((request.api === 'beacon' || request.api === 'fetch-keepalive') && body.kind === 'stream') {
    throw new ScenarioError(`${at}.body.kind`, 'a keepalive request cannot have a stream body');
  }
}

// ---- ajv error -> one line ----

function describeError(e: ErrorObject, root: unknown, base: string): ScenarioError {
  const segments = e.instancePath === '' ? [] : e.instancePath.slice(1).split('/').map(unescape);
  const at = (extra: string[] = []): string => jsonPath(root, base, [...segments, ...extra]);
  const data: unknown = e.data;
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      const known = Object.keys(
        (e.parentSchema as { properties?: Record<string, unknown> }).properties ?? {},
      );
      const hint = known.length > 0 ? ` (known fields: ${known.join(', ')})` : '';
      return new ScenarioError(at([field]), `unknown field${hint}`);
    }
    case 'required':
      return new ScenarioError(at([String(params.missingProperty)]), 'is required');
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(showChoice).join(', ');
      return new ScenarioError(at(), `must be one of ${allowed} (got ${show(data)})`);
    }
    case 'const':
      if (e.instancePath === '/version') {
        return new ScenarioError(
          at(),
          `unsupported format version ${show(data)} (this tool reads version 1)`,
        );
      }
      return new ScenarioError(at(), `must be ${show(params.allowedValue)} (got ${show(data)})`);
    case 'type':
      if (/\/headers$/.test(e.instancePath) && !/\/then\//.test(`${e.instancePath}/`)) {
        const form = 'an object of header values or a list of [name, value] pairs';
        return new ScenarioError(at(), `must be ${form} (got ${kind(data)})`);
      }
      return new ScenarioError(at(), `must be ${article(String(params.type))} (got ${kind(data)})`);
    case 'minimum':
    case 'maximum': {
      const op = e.keyword === 'minimum' ? '>=' : '<=';
      return new ScenarioError(at(), `must be ${op} ${String(params.limit)} (got ${show(data)})`);
    }
    case 'minItems':
    case 'maxItems':
      if (Array.isArray(data) && e.instancePath.includes('/headers/')) {
        return new ScenarioError(at(), 'a header line must be a [name, value] pair');
      }
      return new ScenarioError(
        at(),
        `must have ${e.keyword === 'minItems' ? 'at least' : 'at most'} ${String(params.limit)} items`,
      );
    case 'minLength':
      return new ScenarioError(at(), 'must not be empty');
    case 'additionalItems':
      return new ScenarioError(at(), 'a header line must be a [name, value] pair');
    case 'pattern':
      return describePattern(e, at, data);
    default:
      return new ScenarioError(at(), e.message ?? 'is invalid');
  }
}

function describePattern(e: ErrorObject, at: (extra?: string[]) => string, data: unknown) {
  const pattern = (e.params as { pattern: string }).pattern;
  // A bad property name (propertyNames): the error sits on the object; name the key.
  if (e.propertyName !== undefined) {
    const name = e.propertyName;
    return new ScenarioError(at([name]), headerNameProblem(name));
  }
  const text = typeof data === 'string' ? data : '';
  if (pattern === HEADER_NAME_PATTERN) return new ScenarioError(at(), headerNameProblem(text));
  if (pattern === HEADER_VALUE_PATTERN) {
    const what = e.instancePath.endsWith('/method') ? 'method' : 'header value';
    return new ScenarioError(at(), headerValueProblem(text, what));
  }
  if (pattern === ORIGIN_PATTERN) {
    return new ScenarioError(
      at(),
      `must be an origin like http://example.com:4001 (got ${show(text)})`,
    );
  }
  const bad = firstNonMatching(text, pattern);
  const where = bad === null ? '' : ` at index ${bad.index}: ${charName(bad.char)}`;
  return new ScenarioError(at(), `contains a character not allowed here${where}`);
}

/** Why a header name is not an HTTP token (JS `Headers` would throw a TypeError). */
export function headerNameProblem(name: string): string {
  if (name === '') return 'header name is empty';
  const bad = firstNonMatching(name, HEADER_NAME_PATTERN);
  const detail = bad === null ? '' : ` (${charName(bad.char)} at index ${bad.index})`;
  return `header name ${show(name)} is not an HTTP token${detail}`;
}

/** Why a header value cannot be sent from JS (not a byte string, or NUL/CR/LF). */
export function headerValueProblem(value: string, what = 'header value'): string {
  const bad = firstNonMatching(value, HEADER_VALUE_PATTERN);
  if (bad === null) return `${what} is invalid`;
  const code = bad.char.codePointAt(0) ?? 0;
  const why = code > 0xff ? 'is above U+00FF (not a byte)' : `is not allowed in a ${what}`;
  return `${what} contains ${charName(bad.char)} at index ${bad.index}, which ${why}`;
}

function firstNonMatching(text: string, pattern: string): { char: string; index: number } | null {
  // The patterns are `^[class]*$` or `^[class]+$`: test each character against the class.
  const one = new RegExp(`^${pattern.slice(1, pattern.lastIndexOf(']') + 1)}$`, 'u');
  let index = 0;
  for (const char of text) {
    if (!one.test(char)) return { char, index };
    index += char.length;
  }
  return null;
}

const CONTROL_NAMES: Record<number, string> = {
  0: 'NUL',
  9: 'TAB',
  10: 'LF',
  13: 'CR',
  32: 'space',
};

function charName(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = CONTROL_NAMES[code];
  if (name !== undefined) return `${hex} (${name})`;
  return code < 0x20 || code === 0x7f ? hex : `${hex} (${JSON.stringify(char)})`;
}

// A JSON path from the file root: `$[2].request.headers["X-Foo"]`.
function jsonPath(root: unknown, base: string, segments: string[]): string {
  let out = base;
  let node: unknown = root;
  for (const seg of segments) {
    if (Array.isArray(node)) {
      out += `[${seg}]`;
      node = node[Number(seg)];
    } else {
      out += /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(seg) ? `.${seg}` : `[${JSON.stringify(seg)}]`;
      node =
        node !== null && typeof node === 'object'
          ? (node as Record<string, unknown>)[seg]
          : undefined;
    }
  }
  return out;
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function showChoice(value: unknown): string {
  if (value === '') return '"" (empty)';
  return typeof value === 'string' ? value : show(value);
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isInteger(value)) return show(value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${show(value)}`;
}

function article(type: string): string {
  const words = type
    .split(',')
    .map((t) => (t === 'integer' || t === 'object' || t === 'array' ? `an ${t}` : `a ${t}`));
  return words.join(' or ');
}
