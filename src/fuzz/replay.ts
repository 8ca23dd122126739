// The replay codec: `SEED:PATH`, where PATH is fast-check's counterexample path (`17`, or
// `17:3:0:1` after shrinking). The first number of the path is the index of the generated
// scenario in the seed's stream; the rest walks the shrink tree.

export interface ReplayId {
  seed: number;
  path: string;
}

const SEED = /^-?\d{1,10}$/;
const PATH = /^\d+(:\d+)*$/;

/** `42:17:3` for seed 42, path `17:3`. */
export function encodeReplay(id: ReplayId): string {
  return `${id.seed}:${id.path}`;
}

/** Parses `SEED:PATH`; throws one line naming the problem. */
export function parseReplay(text: string): ReplayId {
  const at = text.indexOf(':');
  const seedText = at < 0 ? text : text.slice(0, at);
  const path = at < 0 ? '' : text.slice(at + 1);
  if (!SEED.test(seedText) || !Number.isSafeInteger(Number(seedText))) {
    throw new Error(`replay "${text}": SEED must be an integer, as in 42:17 or 42:17:3:0`);
  }
  const seed = Number(seedText);
  if (seed < -(2 ** 31) || seed >= 2 ** 32) {
    throw new Error(`replay "${text}": SEED must fit in 32 bits`);
  }
  if (!PATH.test(path)) {
    throw new Error(
      `replay "${text}": PATH must be numbers joined by ':', as in 42:17 or 42:17:3:0`,
    );
  }
  return { seed, path };
}

/** A fresh 32-bit seed for nightly runs (the caller records it). */
export function freshSeed(random: () => number = Math.random): number {
  return Math.floor(random() * 2 ** 31);
}
