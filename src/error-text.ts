// Any thrown value as text, for the one-line messages every layer prints (servers' journal
// errors, engine failures, the CLI's stderr line). A thrown non-Error (a string, a number)
// is shown as it is rather than as "[object Object]"-like noise or a crash.

/** The message of an Error, or the value itself as a string. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The first line of `errorText(e)` (stack-like continuations and hints dropped). */
export function errorFirstLine(e: unknown): string {
  return errorText(e).split('\n')[0] ?? '';
}
