// The audit's lookalike check: the named lookalikes of the allowed origins (the same set
// verify tries, from the policy module), then generated ones: a property search that
// raw-probes mutations of each allowed origin or pattern and shrinks the first one the server
// allows to the smallest such origin. Every probe is a credentialed GET (the cookie along),
// as a logged-in user's browser would send it from that origin.
import { freshSeed } from '../fuzz/replay.js';
import type { OriginSearchResult } from '../policy/index.js';
import {
  DEFAULT_RUNS_PER_ORIGIN,
  policyLookalikes,
  searchAllowedOrigins,
} from '../policy/index.js';
import { attackerAllowed } from './checks.js';
import type { Finding } from './findings.js';
import type { AuditRun } from './index.js';

export async function lookalikeFindings(
  run: AuditRun,
): Promise<{ named: string[]; generated: OriginSearchResult | null }> {
  const { prober, url, allow, findings, skipped } = run;
  // Only meaningful when the owner says what is allowed, and when reflection (already
  // reported) does not allow everything anyway.
  if (allow.length === 0) {
    skipped.push('lookalike-origin-allowed: no --allow-origin given');
    return { named: [], generated: null };
  }
  if (findings.some((f) => f.id === 'origin-reflection')) {
    skipped.push('lookalike-origin-allowed: every origin is allowed (origin-reflection)');
    return { named: [], generated: null };
  }
  const looks = policyLookalikes(allow.map((r) => r.text));
  for (const l of looks) {
    const p = await prober.get(l.origin, { credentialed: true });
    findings.push(
      ...attackerAllowed(
        'lookalike-origin-allowed',
        url,
        l.origin,
        p,
        `the ${l.kind} lookalike of ${l.of},`,
      ),
    );
  }
  const runs = run.options.generatedRuns ?? DEFAULT_RUNS_PER_ORIGIN;
  if (runs <= 0) return { named: looks.map((l) => l.origin), generated: null };
  const seed = run.options.seed ?? freshSeed();
  const verdicts = new Map<string, Finding[]>();
  const generated = await searchAllowedOrigins(
    allow.map((r) => r.text),
    {
      seed,
      runsPerOrigin: runs,
      serverAllows: async (origin) => {
        const p = await prober.get(origin, { credentialed: true });
        const got = attackerAllowed(
          'lookalike-origin-allowed',
          url,
          origin,
          p,
          'a generated lookalike,',
        );
        verdicts.set(origin, got);
        return got.length > 0;
      },
    },
  );
  for (const g of generated.findings) {
    const info = { of: g.of, mutation: g.mutation, raw: g.raw, seed, shrinks: g.shrinks };
    const named = findings.find(
      (f) => f.id === 'lookalike-origin-allowed' && originOf(f) === g.origin,
    );
    if (named !== undefined) {
      named.generated = info;
      continue;
    }
    for (const f of verdicts.get(g.origin) ?? []) {
      findings.push({
        ...f,
        message: `${f.message} (a lookalike of ${g.of} found by the generator: ${g.mutation}, shrunk in ${g.shrinks} steps; replay with --seed ${seed})`,
        generated: info,
      });
    }
  }
  return { named: looks.map((l) => l.origin), generated };
}

function originOf(f: Finding): string | undefined {
  return f.evidence.request.headers.find(([n]) => n.toLowerCase() === 'origin')?.[1];
}
