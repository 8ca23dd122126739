// The concrete origins a scenario's roles stand for. The harness builds one from the
// servers it really started; `predict` outside a run uses DEFAULT_ORIGINS.
import type { ClientKind, OriginRole } from './types.js';

export type OriginMap = Record<OriginRole, string>;

/** Canonical origins for predictions made outside a run (documentation and `predict`). */
export const DEFAULT_ORIGINS: OriginMap = {
  'same-origin': 'http://example.com:4001',
  'cross-origin': 'http://example.net:4001',
  'cross-origin-different-port': 'http://example.com:4002',
  'cross-origin-2': 'http://example.org:4001',
  'same-site': 'http://sub.example.com:4001',
  'same-origin-of-parent': 'http://example.com:4001',
  'https-cross-origin': 'https://example.net:4443',
};

/** Where a scenario runs: the client document's kind and what each role resolves to. */
export interface World {
  client: ClientKind;
  /** Serialized origin of the top page (the `same-origin` role for a `page` client). */
  pageOrigin: string;
  origins: OriginMap;
}

export function defaultWorld(
  client: ClientKind = 'page',
  overrides: Partial<OriginMap> = {},
): World {
  const origins = { ...DEFAULT_ORIGINS, ...overrides };
  return { client, pageOrigin: origins['same-origin'], origins };
}
