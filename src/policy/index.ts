// The policy module: what an owner means to allow (policies, origin rules), the origins
// around it that must not be allowed (named lookalikes, generated mutations), and the
// search that finds a generated one a server allows. Shared by verify, audit and frameworks.
export type { CorsConfig, CorsPolicy } from './policy.js';
export {
  DEFAULT_METHODS,
  checkTargetUrl,
  defineConfig,
  definePolicy,
  originAllowed,
  policyMethods,
  validateConfig,
  validatePolicy,
} from './policy.js';
export { PolicyError } from './error.js';
export { loadPolicyFile } from './load.js';
export type { OriginRule } from './origin-rule.js';
export {
  PATTERN_INSTANCE_LABEL,
  defaultPort,
  originString,
  parseOriginRule,
  ruleApex,
  ruleInstance,
  ruleMatches,
} from './origin-rule.js';
export type { Lookalike, LookalikeKind } from './lookalikes.js';
export { lookalikesOf, policyLookalikes } from './lookalikes.js';
export type { GeneratedOrigin, MutationBase, MutationOp, OriginMutation } from './mutations.js';
export {
  applyMutation,
  describeMutation,
  generatedOriginArb,
  mutationOpArb,
  originMutationArb,
  sampleGeneratedOrigins,
  serializeOrigin,
} from './mutations.js';
export type { GeneratedFinding, OriginSearchOptions, OriginSearchResult } from './search.js';
export { DEFAULT_RUNS_PER_ORIGIN, searchAllowedOrigins } from './search.js';
export {
  ATTACKER_LABEL,
  ATTACKER_ORIGIN_HOST,
  ATTACKER_SUFFIX,
  OPAQUE_PARENT_HOST,
  UNRELATED_ORIGIN,
} from './probe-hosts.js';
