// How a caller's async function reaches the page, shared by both backends: the function's
// source is called with its argument inlined as JSON, so no eval is needed in the page.
import { ScriptTimeout } from './types.js';

/** A JS expression that calls `fnSource` with `arg` and evaluates to its promise. */
export function scriptExpression(fnSource: string, arg: unknown): string {
  const json = arg === undefined ? 'undefined' : JSON.stringify(arg);
  return `(${fnSource})(${json})`;
}

/** Rejects with ScriptTimeout when `promise` has not settled after `ms`. */
export function callWithTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new ScriptTimeout(`script did not finish within ${ms} ms`));
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
