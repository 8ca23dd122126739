// The simple `Range` header value parser used by the CORS-safelisting of `Range`.
import type { RangePositionLimit } from './engine-profile.js';

const POSITION_MAX: Record<RangePositionLimit, bigint | null> = {
  none: null,
  int64: 2n ** 63n - 1n,
  uint64: 2n ** 64n - 1n,
};

/** Whether a digit string is above the engine's position limit (knob `rangePositionLimit`). */
function beyondLimit(digits: string, limit: RangePositionLimit): boolean {
  const max = POSITION_MAX[limit];
  return max !== null && digits !== '' && BigInt(digits) > max;
}

export interface SingleRange {
  /** First byte position, or null for a suffix range (`bytes=-500`). */
  start: number | null;
  /** Last byte position, or null for an open range (`bytes=10-`). */
  end: number | null;
}

function collectDigits(data: string, position: number): [string, number] {
  let end = position;
  while (end < data.length && data.charCodeAt(end) >= 0x30 && data.charCodeAt(end) <= 0x39) end++;
  return [data.slice(position, end), end];
}

function skipTabOrSpace(data: string, position: number): number {
  let p = position;
  while (p < data.length && (data[p] === ' ' || data[p] === '\t')) p++;
  return p;
}

/**
 * Optional whitespace, `delimiter`, optional whitespace, then a position's digits (steps 4-9
 * with `=` and the start position, steps 10-15 with `-` and the end position): the digits
 * (empty when absent) and where parsing goes on, or failure when the delimiter is missing.
 */
function delimitedPosition(
  data: string,
  from: number,
  delimiter: '=' | '-',
  allowWhitespace: boolean,
): { digits: string; position: number } | 'failure' {
  let position = from;
  // 4/10. Optional whitespace.
  if (allowWhitespace) position = skipTabOrSpace(data, position);
  // 5-6/11-12. Then the delimiter.
  if (data[position] !== delimiter) return 'failure';
  position++;
  // 7/13. Optional whitespace.
  if (allowWhitespace) position = skipTabOrSpace(data, position);
  // 8/14. The digits, possibly none (9/15 turn them into a position or null).
  const [digits, end] = collectDigits(data, position);
  return { digits, position: end };
}

/**
 * Parse `bytes=start-end` (one range only). `allowWhitespace` permits tabs/spaces around
 * `=` and `-`. The unit `bytes` is case-sensitive in the spec; `unitCaseInsensitive` is the
 * engine knob `rangeUnitCaseInsensitive`, `positionLimit` the knob `rangePositionLimit`
 * (EngineProfile): a position the engine cannot hold fails the parse.
 */
// https://fetch.spec.whatwg.org/#simple-range-header-value
export function parseASingleRangeHeaderValue(
  value: string,
  allowWhitespace: boolean,
  opts?: { unitCaseInsensitive?: boolean; positionLimit?: RangePositionLimit },
): SingleRange | 'failure' {
  // 1. Isomorphic decode: our strings already hold bytes.
  const data = value;
  // 2. It must start with `bytes` (exact bytes, unless the knob folds ASCII case).
  const unit = data.slice(0, 5);
  const unitOk = opts?.unitCaseInsensitive ? unit.toLowerCase() === 'bytes' : unit === 'bytes';
  if (!unitOk) return 'failure';
  // 3. Continue after the unit.
  // 4-9. `=` between optional whitespace, then the start digits; no digits: null.
  const rangeStart = delimitedPosition(data, 5, '=', allowWhitespace);
  if (rangeStart === 'failure') return 'failure';
  const start = rangeStart.digits === '' ? null : Number(rangeStart.digits);
  // 10-15. `-` between optional whitespace, then the end digits; no digits: null.
  const rangeEnd = delimitedPosition(data, rangeStart.position, '-', allowWhitespace);
  if (rangeEnd === 'failure') return 'failure';
  const end = rangeEnd.digits === '' ? null : Number(rangeEnd.digits);
  // 16. Nothing may follow (a second range `,2-3` fails here).
  if (rangeEnd.position < data.length) return 'failure';
  // 17. `bytes=-` names nothing.
  if (start === null && end === null) return 'failure';
  // 18. A backwards range fails.
  if (start !== null && end !== null && start > end) return 'failure';
  // Engine knob: positions beyond the engine's integer type fail the parse.
  const limit = opts?.positionLimit ?? 'none';
  if (beyondLimit(rangeStart.digits, limit) || beyondLimit(rangeEnd.digits, limit))
    return 'failure';
  // 19. Done.
  return { start, end };
}
