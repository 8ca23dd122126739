// The host names this project puts into Origin headers of its own (the attacker, an
// unrelated site, the page that embeds an opaque-origin frame) and the label lookalikes use.
// All under `.test` (reserved: never resolved by DNS; pages on them exist only inside the
// browser, mapped to loopback). The one place these names live.

/** The attacker-controlled label used in lookalike hosts (`app.example.com.evil.test`). */
export const ATTACKER_LABEL = 'evil';
/** The reserved top-level domain of every name here. */
export const ATTACKER_SUFFIX = 'test';
/** The attacker host of reflection probes and browser proofs. */
export const ATTACKER_ORIGIN_HOST = 'attacker.cors-conformance.test';
/** A site nobody owns, for "an unrelated site". */
export const UNRELATED_ORIGIN = 'https://unrelated.cors-conformance.test';
/** The page that embeds the sandboxed frame of a `null`-origin request. */
export const OPAQUE_PARENT_HOST = 'parent.cors-conformance.test';
