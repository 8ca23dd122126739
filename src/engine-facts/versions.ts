// Engine facts that hold only for some builds: a deviation rule may carry `versions`, a range
// on the engine's major version (`">=150 <157"`), and then applies only to runs of a matching
// build. When an engine fixes a bug in 157, the rule gets `"versions": "<157"` instead of
// being deleted: older builds keep their known deviation, and a 157 run that still differs
// shows up as drift. Pure: the version comes in as an argument.

type Op = '<' | '<=' | '>' | '>=' | '=';
interface Comparator {
  op: Op;
  major: number;
}
/** Alternatives (any may hold) of comparator sets (all must hold). */
export type VersionRange = Comparator[][];

const COMPARATOR = /^(<=|>=|<|>|=)?(\d+)(?:\.x|\.\*)?$/;

/** Parses `">=150 <157"`, `"156"`, `"<150 || >=160"`; throws one line naming the bad part. */
export function parseVersionRange(range: string): VersionRange {
  const alternatives = range.split('||').map((alt) => alt.trim());
  if (alternatives.some((a) => a === '')) {
    throw new Error(`version range "${range}": empty alternative`);
  }
  return alternatives.map((alt) =>
    alt
      .replace(/([<>=]+)\s+/g, '$1')
      .split(/\s+/)
      .map((part) => {
        const m = COMPARATOR.exec(part);
        if (m === null) {
          throw new Error(
            `version range "${range}": "${part}" is not a comparator on a major version (e.g. >=150, <157, 156)`,
          );
        }
        return { op: (m[1] ?? '=') as Op, major: Number(m[2]) };
      }),
  );
}

/** The leading integer of a version string: 156 of `156.0.8078.108`, 153 of `153.7.0esr`. */
export function majorVersion(version: string): number | null {
  const m = /^\s*v?(\d+)/.exec(version);
  return m === null ? null : Number(m[1]);
}

function holds(c: Comparator, major: number): boolean {
  switch (c.op) {
    case '<':
      return major < c.major;
    case '<=':
      return major <= c.major;
    case '>':
      return major > c.major;
    case '>=':
      return major >= c.major;
    case '=':
      return major === c.major;
  }
}

/** Whether `version` lies in `range`; an unknown version (null, no leading number) never does. */
export function versionInRange(version: string | null, range: string | VersionRange): boolean {
  const parsed = typeof range === 'string' ? parseVersionRange(range) : range;
  const major = version === null ? null : majorVersion(version);
  if (major === null) return false;
  return parsed.some((all) => all.every((c) => holds(c, major)));
}
