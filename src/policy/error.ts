// The one error a policy, an origin rule or a target URL raises for a user's mistake.

/** A mistake in a policy: `message` is one line starting with the JSON path. */
export class PolicyError extends Error {
  override readonly name = 'PolicyError';
}
