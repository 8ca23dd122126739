// Named lookalikes: origins that look like an allowed one but must not be allowed, one per
// mistake a hand-written origin check makes (startsWith, endsWith, an unescaped `.` in a
// regular expression, the other scheme, any sub-domain, a pattern matching its own apex).
// `verify` and `audit` take their lookalikes from `policyLookalikes`, so both try the same
// set for the same origins. Pure: strings in, strings out.
import { ATTACKER_LABEL, ATTACKER_SUFFIX } from './probe-hosts.js';
import type { OriginRule } from './origin-rule.js';
import {
  defaultPort,
  originString,
  parseOriginRule,
  ruleApex,
  ruleMatches,
} from './origin-rule.js';

export type LookalikeKind =
  'prefix' | 'suffix' | 'unescaped-dot' | 'other-scheme' | 'subdomain' | 'apex';

export interface Lookalike {
  kind: LookalikeKind;
  origin: string;
  /** The allowed origin (or pattern) it imitates. */
  of: string;
}

/**
 * Lookalikes of one allowed origin or pattern (`https://*.example.com` imitated through its
 * `app.example.com` instance, and its apex). Duplicates are removed; `policyLookalikes`
 * drops those the policy allows.
 */
export function lookalikesOf(allowed: string): Lookalike[] {
  const rule = parseOriginRule(allowed);
  const host = rule.wildcard ? `app.${rule.host}` : rule.host;
  // A default port stays the default of whichever scheme the lookalike uses.
  const isDefault = rule.port === defaultPort(rule.scheme);
  const make = (scheme: string, h: string): string =>
    originString(scheme, h, isDefault ? defaultPort(scheme) : rule.port);
  const out: Lookalike[] = [];
  const add = (kind: LookalikeKind, origin: string): void => {
    if (origin !== allowed && !out.some((l) => l.origin === origin)) {
      out.push({ kind, origin, of: allowed });
    }
  };
  // A check with startsWith: the allowed host followed by more labels.
  add('prefix', make(rule.scheme, `${host}.${ATTACKER_LABEL}.${ATTACKER_SUFFIX}`));
  // A check with endsWith: an attacker's name that ends with the allowed host.
  add('suffix', make(rule.scheme, `${ATTACKER_LABEL}${rule.wildcard ? rule.host : host}`));
  // A regular expression with an unescaped dot: each dot of the host replaced by a letter.
  const dots = [...host.matchAll(/\./g)].map((m) => m.index);
  for (const at of dots)
    add('unescaped-dot', make(rule.scheme, `${host.slice(0, at)}x${host.slice(at + 1)}`));
  // The same host on the other scheme (an https API read by an http page can be MITM'd).
  add('other-scheme', make(rule.scheme === 'https' ? 'http' : 'https', host));
  // Any sub-domain of an exact origin (a takeover of one sub-domain reads everything).
  if (!rule.wildcard) add('subdomain', make(rule.scheme, `${ATTACKER_LABEL}.${host}`));
  // A pattern's own apex: `*.` means one or more labels, so the apex is not allowed.
  const apex = ruleApex(rule);
  if (apex !== null) add('apex', apex);
  return out;
}

/**
 * The named lookalikes of every allowed origin or pattern, minus the origins the rules allow
 * (a sub-domain of a pattern instance is allowed by the pattern, not a lookalike). First
 * occurrence wins when two rules produce the same origin.
 */
export function policyLookalikes(origins: readonly string[]): Lookalike[] {
  const rules: OriginRule[] = origins.map((o) => parseOriginRule(o));
  const seen = new Set<string>();
  const out: Lookalike[] = [];
  for (const o of origins) {
    for (const l of lookalikesOf(o)) {
      if (seen.has(l.origin) || rules.some((r) => ruleMatches(r, l.origin))) continue;
      seen.add(l.origin);
      out.push(l);
    }
  }
  return out;
}
