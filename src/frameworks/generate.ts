// Generated policies and the requests that probe their edges, with fast-check. A case is one
// policy in the common vocabulary and a few probes. A probe names its origin, method and
// headers relative to the policy (the second allowed entry, a named lookalike of the first,
// a mutation of it from src/policy/mutations.ts, `null`, an unrelated site), so policy and
// probes are drawn independently and shrink independently; `resolveProbe` turns a probe into
// the request page JS makes. `caseAt(seed, path)` rebuilds any case or shrink step, which is
// what `--replay SEED:PATH` does.
import fc from 'fast-check';
import { normalizeMethod } from '../model/methods.js';
import { definedFields } from '../object-fields.js';
import type { OriginMutation } from '../policy/index.js';
import {
  UNRELATED_ORIGIN,
  applyMutation,
  lookalikesOf,
  mutationOpArb,
  parseOriginRule,
  ruleInstance,
} from '../policy/index.js';
import type { HeaderList } from '../scenario/types.js';
import type { FrameworkPolicy, OriginsSpec } from './vocabulary.js';

/** Where a probe's origin comes from, relative to the policy. */
export type OriginPick =
  | { kind: 'allowed'; entry: number; deeper: boolean }
  | { kind: 'lookalike'; entry: number; which: number }
  | { kind: 'mutated'; entry: number; mutation: OriginMutation }
  | { kind: 'null' }
  | { kind: 'unrelated' };

export interface MethodPick {
  from: 'policy' | 'pool';
  index: number;
  /** Page JS writes it in lowercase (`patch`; fetch uppercases only the six well-known ones). */
  lower: boolean;
}

export interface HeaderPick {
  from: 'policy' | 'pool';
  index: number;
  nameCase: 'as-is' | 'lower' | 'upper';
  /** Page JS sets it twice (the browser combines the values). */
  twice: boolean;
}

/** How a raw preflight's Access-Control-Request-Headers differs from the browser's form. */
export type OddAcrh = 'spaces' | 'case' | 'duplicate';

/** A request page JS makes, plus what the raw side adds around it. */
export interface RequestProbe {
  kind: 'request';
  origin: OriginPick;
  method: MethodPick;
  headers: HeaderPick[];
  credentials: boolean;
  /** Send the same exchange twice: answers must not change. */
  repeat: boolean;
  /** Also send the actual request with a `Vary` header of its own: the answer must not change. */
  requestVary: boolean;
  /** Also send the preflight with this Access-Control-Request-Headers form: same verdict. */
  oddAcrh: OddAcrh | null;
}

/** An OPTIONS request with an Origin and no Access-Control-Request-Method: not a preflight. */
export interface OptionsProbe {
  kind: 'options';
  origin: OriginPick;
}

export type Probe = RequestProbe | OptionsProbe;

export interface SuiteCase {
  policy: FrameworkPolicy;
  probes: Probe[];
}

/** Methods the generator draws from (policies and requests). */
export const METHOD_POOL = ['GET', 'POST', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'PURGE'];
/** Request headers the generator draws from. */
export const REQUEST_HEADER_POOL = [
  'X-Token',
  'Content-Type',
  'Authorization',
  'X-Requested-With',
  'X-Trace-Id',
];
/** Response headers the test route sends (and one it never sends). */
export const EXPOSE_POOL = ['X-Total', 'X-Request-Id', 'X-Not-Sent'];
/** Origins that stand for "any origin" when the policy allows every one. */
export const ANY_ORIGIN_POOL = ['https://app.example.com', 'http://localhost:3000'];

const exactArb: fc.Arbitrary<string> = fc
  .record({
    scheme: fc.constantFrom('https', 'http'),
    host: fc.constantFrom('app.example.com', 'example.com', 'api.example.net', 'localhost'),
    port: fc.constantFrom('', ':8443', ':3000'),
  })
  .map(({ scheme, host, port }) => `${scheme}://${host}${port}`);

const patternArb: fc.Arbitrary<string> = fc
  .record({
    scheme: fc.constantFrom('https', 'http'),
    suffix: fc.constantFrom('example.com', 'example.org', 'example.net'),
    port: fc.constantFrom('', '', ':8443'),
  })
  .map(({ scheme, suffix, port }) => `${scheme}://*.${suffix}${port}`);

const originsArb: fc.Arbitrary<OriginsSpec> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({
        entries: fc.uniqueArray(fc.oneof(exactArb, patternArb), { minLength: 1, maxLength: 3 }),
        global: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, fc.constant(true)),
      })
      .map(({ entries, global }): OriginsSpec =>
        global ? { kind: 'list', entries, regexpFlag: 'g' } : { kind: 'list', entries },
      ),
  },
  { weight: 2, arbitrary: fc.constant<OriginsSpec>({ kind: 'any' }) },
  { weight: 1, arbitrary: fc.constant<OriginsSpec>({ kind: 'reflect' }) },
);

/** `value` one time in five, else `none` (the shrink target). */
function rarely<T, N>(value: fc.Arbitrary<T>, none: N): fc.Arbitrary<T | N> {
  return fc.oneof({ weight: 4, arbitrary: fc.constant(none) }, { weight: 1, arbitrary: value });
}

const headerListArb = (pool: string[]): fc.Arbitrary<string[] | '*'> =>
  fc.oneof({ weight: 4, arbitrary: fc.subarray(pool) }, fc.constant('*' as const));

/** Policies in the common vocabulary. */
export const frameworkPolicyArb: fc.Arbitrary<FrameworkPolicy> = fc
  .record({
    origins: originsArb,
    methods: fc.subarray(METHOD_POOL),
    requestHeaders: headerListArb(REQUEST_HEADER_POOL),
    exposedHeaders: headerListArb(EXPOSE_POOL),
    credentials: fc.boolean(),
    maxAge: fc.option(fc.constantFrom(0, 5, 600, 86400), { nil: undefined }),
    preflightContinue: rarely(fc.boolean(), undefined),
    optionsSuccessStatus: rarely(fc.constantFrom(200 as const, 204 as const), undefined),
  })
  .map((r): FrameworkPolicy => ({
    origins: r.origins,
    methods: r.methods,
    requestHeaders: r.requestHeaders,
    exposedHeaders: r.exposedHeaders,
    credentials: r.credentials,
    ...definedFields(r, ['maxAge', 'preflightContinue', 'optionsSuccessStatus']),
  }));

/** Indexes into short lists (taken modulo their length): small, so they shrink fast. */
const small = fc.nat({ max: 7 });

const originPickArb: fc.Arbitrary<OriginPick> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('allowed' as const),
      entry: small,
      deeper: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, fc.constant(true)),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('lookalike' as const), entry: small, which: small }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('mutated' as const),
      entry: small,
      mutation: fc.record({
        base: fc.constantFrom('instance' as const, 'apex' as const, 'deeper' as const),
        ops: fc.array(mutationOpArb, { minLength: 1, maxLength: 3 }),
      }),
    }),
  },
  { weight: 1, arbitrary: fc.constant<OriginPick>({ kind: 'null' }) },
  { weight: 1, arbitrary: fc.constant<OriginPick>({ kind: 'unrelated' }) },
);

const pickFrom = (weightPolicy: number): fc.Arbitrary<'policy' | 'pool'> =>
  fc.oneof(
    { weight: weightPolicy, arbitrary: fc.constant('policy' as const) },
    { weight: 1, arbitrary: fc.constant('pool' as const) },
  );

const requestProbeArb: fc.Arbitrary<RequestProbe> = fc.record({
  kind: fc.constant('request' as const),
  origin: originPickArb,
  method: fc.record({
    from: pickFrom(1),
    index: small,
    lower: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, fc.constant(true)),
  }),
  headers: fc.array(
    fc.record({
      from: pickFrom(2),
      index: small,
      nameCase: fc.constantFrom('as-is' as const, 'lower' as const, 'upper' as const),
      twice: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, fc.constant(true)),
    }),
    { maxLength: 3 },
  ),
  credentials: fc.boolean(),
  repeat: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, fc.constant(true)),
  requestVary: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, fc.constant(true)),
  oddAcrh: rarely(fc.constantFrom('spaces' as const, 'case' as const, 'duplicate' as const), null),
});

const probeArb: fc.Arbitrary<Probe> = fc.oneof(
  { weight: 6, arbitrary: requestProbeArb },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('options' as const), origin: originPickArb }),
  },
);

/** A generated case: a policy and one to five probes. */
export const suiteCaseArb: fc.Arbitrary<SuiteCase> = fc.record({
  policy: frameworkPolicyArb,
  probes: fc.array(probeArb, { minLength: 1, maxLength: 5 }),
});

/** Cases `start .. start+count-1` of a seed's stream (what fc.check tries at those indices). */
export function sampleCases(seed: number, start: number, count: number): SuiteCase[] {
  return fc.sample(suiteCaseArb, { seed, path: String(start), numRuns: count });
}

/** The case (or shrink step) at `seed` and fast-check path `path` (`17`, `17:3:0`). */
export function caseAt(seed: number, path: string): SuiteCase {
  const [c] = fc.sample(suiteCaseArb, { seed, path, numRuns: 1 });
  if (c === undefined) throw new Error(`no generated case at ${seed}:${path}`);
  return c;
}

/** The entries origin picks refer to: the policy's list, or stand-ins for "any origin". */
function pickEntries(p: FrameworkPolicy): string[] {
  return p.origins.kind === 'list' ? p.origins.entries : ANY_ORIGIN_POOL;
}

/** The serialized origin a pick stands for under a policy; null when it does not serialize. */
export function resolveOrigin(p: FrameworkPolicy, pick: OriginPick): string | null {
  if (pick.kind === 'null') return 'null';
  if (pick.kind === 'unrelated') return UNRELATED_ORIGIN;
  const entries = pickEntries(p);
  const entry = entries[pick.entry % entries.length] ?? ANY_ORIGIN_POOL[0] ?? '';
  const rule = parseOriginRule(entry);
  switch (pick.kind) {
    case 'allowed': {
      const instance = ruleInstance(rule);
      if (!pick.deeper || !rule.wildcard) return instance;
      const url = new URL(instance);
      url.hostname = `x.${url.hostname}`;
      return url.origin;
    }
    case 'lookalike': {
      const all = lookalikesOf(entry);
      return all[pick.which % all.length]?.origin ?? null;
    }
    case 'mutated':
      return applyMutation(rule, pick.mutation).origin;
  }
}

/** What page JS passes to fetch for a request probe (before the browser's normalization). */
export interface ResolvedRequest {
  origin: string;
  /** As page JS writes it; `method` is what the browser sends. */
  jsMethod: string;
  method: string;
  headers: HeaderList;
  credentials: boolean;
}

function headerValue(name: string): string {
  return name.toLowerCase() === 'content-type' ? 'application/json' : 'cors-conformance';
}

function cased(name: string, c: HeaderPick['nameCase']): string {
  return c === 'lower' ? name.toLowerCase() : c === 'upper' ? name.toUpperCase() : name;
}

/** A request probe as page JS's request; null when its origin does not serialize. */
export function resolveRequest(p: FrameworkPolicy, probe: RequestProbe): ResolvedRequest | null {
  const origin = resolveOrigin(p, probe.origin);
  if (origin === null) return null;
  const methods = probe.method.from === 'policy' && p.methods.length > 0 ? p.methods : METHOD_POOL;
  const base = methods[probe.method.index % methods.length] ?? 'GET';
  const jsMethod = probe.method.lower ? base.toLowerCase() : base;
  const headers: HeaderList = [];
  for (const h of probe.headers) {
    const list =
      h.from === 'policy' && p.requestHeaders !== '*' && p.requestHeaders.length > 0
        ? p.requestHeaders
        : REQUEST_HEADER_POOL;
    const name = cased(list[h.index % list.length] ?? 'X-Token', h.nameCase);
    headers.push([name, headerValue(name)]);
    if (h.twice) headers.push([name, headerValue(name)]);
  }
  return {
    origin,
    jsMethod,
    method: normalizeMethod(jsMethod),
    headers,
    credentials: probe.credentials,
  };
}

/** Access-Control-Request-Headers written the odd way (`acrh` is the browser's form). */
export function oddAcrhValue(acrh: string, odd: OddAcrh): string {
  const names = acrh.split(',');
  switch (odd) {
    case 'spaces':
      return names.join(' ,  ');
    case 'case':
      return names.map((n) => n.toUpperCase()).join(',');
    case 'duplicate':
      return [...names, ...names].join(', ');
  }
}
