// The slow-parsing check: preflights with crafted Access-Control-Request-Headers that make
// backtracking parsers slow, each timed against an ordinary preflight measured the same way
// (same origin and method, same deadline, complete answers). A probe that gets no complete
// answer within the deadline counts as taking the whole deadline.
import type { HeaderList } from '../scenario/types.js';
import { TargetError } from '../live/target.js';
import { Deadline } from '../live/deadline.js';
import { ruleInstance } from '../policy/index.js';
import { slowAcrh } from './checks.js';
import type { AuditRun } from './index.js';
import type { Probed } from './probes.js';

/** Crafted request-header lists, each under 8 KiB (a common header-size limit). */
export function adversarialAcrh(): string[] {
  return [
    `a${' '.repeat(6000)}b`,
    `${'x,'.repeat(2500)}`,
    `${'a'.repeat(3000)}${' ,'.repeat(1500)}!`,
  ];
}

export async function slowAcrhCheck(run: AuditRun): Promise<void> {
  const budget = run.options.acrhBudgetMs ?? 2000;
  const first = run.allow[0];
  const from = first === undefined ? run.attacker : ruleInstance(first);
  const baseline = await timedPreflight(run, from, 'content-type', budget);
  const adversarial: Probed[] = [];
  for (const acrh of adversarialAcrh()) {
    adversarial.push(await timedPreflight(run, from, acrh, budget));
  }
  const { findings, skipped } = slowAcrh(baseline, adversarial, budget);
  run.findings.push(...findings);
  if (skipped !== null) run.skipped.push(skipped);
}

/** One preflight with its own deadline of three budgets (within the command's deadline). */
async function timedPreflight(
  run: AuditRun,
  origin: string,
  acrh: string,
  budget: number,
): Promise<Probed> {
  const { prober } = run;
  const commandDeadline = prober.target.deadline ?? new Deadline();
  const limit = commandDeadline.budget(budget * 3);
  const target = { ...prober.target, probeTimeoutMs: limit };
  try {
    return await prober.preflight(origin, 'PUT', acrh, target);
  } catch (e) {
    if (!(e instanceof TargetError) || !/no complete answer/.test(e.message)) throw e;
    const headers: HeaderList = [
      ['Origin', origin],
      ['Access-Control-Request-Method', 'PUT'],
      ['Access-Control-Request-Headers', acrh],
    ];
    return {
      credentialed: false,
      reply: { status: 0, statusText: '', headers: [], body: '', elapsedMs: limit },
      exchange: {
        request: { method: 'OPTIONS', url: prober.target.url.href, headers },
        response: {
          status: 0,
          headers: [],
          bodyExcerpt: `(no complete answer within ${limit} ms)`,
          elapsedMs: limit,
        },
      },
    };
  }
}
