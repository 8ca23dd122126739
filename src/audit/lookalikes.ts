// Origins that look like an allowed one but must not be allowed: the mistakes a hand-written
// origin check makes (startsWith, endsWith, an unescaped `.` in a regular expression, the
// other scheme, any sub-domain). Pure: strings in, strings out.
import { parseOriginRule } from '../verify/policy.js';

export type LookalikeKind = 'prefix' | 'suffix' | 'unescaped-dot' | 'other-scheme' | 'subdomain';

export interface Lookalike {
  kind: LookalikeKind;
  origin: string;
  /** The allowed origin (or pattern) it imitates. */
  of: string;
}

/** The attacker-controlled label used in every lookalike host. */
export const ATTACKER_LABEL = 'evil';

/**
 * Lookalikes of one allowed origin or pattern (`https://*.example.com` imitated through its
 * `x.example.com` instance). Duplicates are removed; the caller drops those its policy allows.
 */
export function lookalikesOf(allowed: string): Lookalike[] {
  const rule = parseOriginRule(allowed);
  const host = rule.wildcard ? `app.${rule.host}` : rule.host;
  const port = rule.port === (rule.scheme === 'https' ? '443' : '80') ? '' : `:${rule.port}`;
  const make = (scheme: string, h: string): string => `${scheme}://${h}${port}`;
  const out: Lookalike[] = [];
  const add = (kind: LookalikeKind, origin: string): void => {
    if (origin !== allowed && !out.some((l) => l.origin === origin)) {
      out.push({ kind, origin, of: allowed });
    }
  };
  // A check with startsWith: the allowed host followed by more labels.
  add('prefix', make(rule.scheme, `${host}.${ATTACKER_LABEL}.test`));
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
  return out;
}
