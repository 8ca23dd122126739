// One `origins` entry of a policy, parsed: an exact origin (`https://app.example.com`) or a
// pattern (`https://*.example.com`: one or more sub-domain labels, never the apex), and the
// serialized origins around it that the lookalikes and the generator start from. Pure.
import { PolicyError } from './error.js';

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

/** The label that stands for "some sub-domain" when a pattern needs one concrete origin. */
export const PATTERN_INSTANCE_LABEL = 'app';

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
  const port = m[4] ?? defaultPort(scheme);
  if (Number(port) < 1 || Number(port) > 65535)
    throw new PolicyError(`${at}: port out of range in ${JSON.stringify(value)}`);
  if (m[4] === defaultPort(scheme)) {
    throw new PolicyError(
      `${at}: an origin does not carry its default port: write ${scheme}://${m[2] ?? ''}${host}`,
    );
  }
  return { scheme, host, port, wildcard: m[2] !== undefined, text: value };
}

export function defaultPort(scheme: string): string {
  return scheme === 'https' || scheme === 'https:' ? '443' : '80';
}

/** `scheme://host[:port]` with the default port left out, as a browser serializes it. */
export function originString(scheme: string, host: string, port: string): string {
  return `${scheme}://${host}${port === defaultPort(scheme) ? '' : `:${port}`}`;
}

/** The concrete origin that stands for a rule: itself, or `app.<suffix>` for a pattern. */
export function ruleInstance(rule: OriginRule): string {
  const host = rule.wildcard ? `${PATTERN_INSTANCE_LABEL}.${rule.host}` : rule.host;
  return originString(rule.scheme, host, rule.port);
}

/** A pattern's apex (`https://example.com` for `https://*.example.com`); null for an exact origin. */
export function ruleApex(rule: OriginRule): string | null {
  return rule.wildcard ? originString(rule.scheme, rule.host, rule.port) : null;
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
  const port = url.port === '' ? defaultPort(url.protocol) : url.port;
  if (url.protocol !== `${rule.scheme}:` || port !== rule.port) return false;
  if (!rule.wildcard) return url.hostname === rule.host;
  // One or more labels before the suffix, none of them empty (`.app.example.com` has one).
  const labels = url.hostname.slice(0, -(rule.host.length + 1));
  return (
    url.hostname.endsWith(`.${rule.host}`) &&
    labels !== '' &&
    labels.split('.').every((l) => l !== '')
  );
}
