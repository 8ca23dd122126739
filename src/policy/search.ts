// The property behind generated lookalikes: "the server allows no origin the policy does not
// allow". For each allowed origin or pattern, fast-check draws mutations (mutations.ts),
// asks the caller whether the server lets each new origin read (a raw probe: the caller owns
// the I/O), and shrinks the first one it does to the smallest such origin. The seed replays
// the run. Each origin is asked about once (shrinking revisits many).
import fc from 'fast-check';
import type { GeneratedOrigin } from './mutations.js';
import { describeMutation, generatedOriginArb } from './mutations.js';
import { parseOriginRule, ruleMatches } from './origin-rule.js';

/** Mutations drawn per allowed origin or pattern unless told otherwise (about 100 distinct origins). */
export const DEFAULT_RUNS_PER_ORIGIN = 300;

export interface OriginSearchOptions {
  seed: number;
  /** Mutations drawn per allowed origin or pattern (before shrinking). */
  runsPerOrigin: number;
  /** Whether the server lets page JS on `origin` read; the caller's raw probe. */
  serverAllows(origin: string): Promise<boolean>;
  /** Stop drawing new mutations after this many ms (the audit's own deadline). */
  timeLimitMs?: number;
}

/** A generated origin the server allows and the policy does not, shrunk. */
export interface GeneratedFinding {
  /** The allowed origin or pattern it was generated from. */
  of: string;
  origin: string;
  /** The form before serialization, and how it was made. */
  raw: string;
  mutation: string;
  /** Shrink steps taken from the first one found. */
  shrinks: number;
}

export interface OriginSearchResult {
  seed: number;
  runsPerOrigin: number;
  /** Every distinct origin asked about, in order. */
  tried: string[];
  findings: GeneratedFinding[];
  /** True when the time limit stopped a search early. */
  interrupted: boolean;
}

/** Runs the search for every allowed origin or pattern in `origins`. */
export async function searchAllowedOrigins(
  origins: readonly string[],
  opts: OriginSearchOptions,
): Promise<OriginSearchResult> {
  const rules = origins.map((o) => parseOriginRule(o));
  const answers = new Map<string, Promise<boolean>>();
  const tried: string[] = [];
  const allows = (origin: string): Promise<boolean> => {
    let answer = answers.get(origin);
    if (answer === undefined) {
      tried.push(origin);
      answer = opts.serverAllows(origin);
      answers.set(origin, answer);
    }
    return answer;
  };
  const policyAllows = (origin: string): boolean => rules.some((r) => ruleMatches(r, origin));
  const started = Date.now();
  const findings: GeneratedFinding[] = [];
  let interrupted = false;
  // A probe that throws (the target went away) ends the search: the caller's error, not a finding.
  let probeError: { error: unknown } | null = null;
  for (const allowed of origins) {
    const remaining =
      opts.timeLimitMs === undefined ? undefined : opts.timeLimitMs - (Date.now() - started);
    if (remaining !== undefined && remaining <= 0) {
      interrupted = true;
      break;
    }
    const property = fc.asyncProperty(generatedOriginArb(allowed), async (g: GeneratedOrigin) => {
      if (probeError !== null || g.origin === null || policyAllows(g.origin)) return true;
      try {
        return !(await allows(g.origin));
      } catch (error) {
        probeError = { error };
        return true;
      }
    });
    const details = await fc.check(property, {
      seed: opts.seed,
      numRuns: opts.runsPerOrigin,
      ...(remaining === undefined
        ? {}
        : { interruptAfterTimeLimit: remaining, markInterruptAsFailure: false }),
    });
    if (probeError !== null) throw (probeError as { error: unknown }).error;
    if (details.interrupted) interrupted = true;
    const found = details.counterexample?.[0];
    if (details.failed && found !== undefined && found.origin !== null) {
      findings.push({
        of: allowed,
        origin: found.origin,
        raw: found.raw,
        mutation: describeMutation(found.mutation),
        shrinks: details.numShrinks,
      });
    }
  }
  return { seed: opts.seed, runsPerOrigin: opts.runsPerOrigin, tried, findings, interrupted };
}
