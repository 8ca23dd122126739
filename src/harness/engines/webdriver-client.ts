// A small W3C WebDriver classic client over Node's fetch. Every call carries a timeout: a
// driver whose browser died at start can leave `POST /session` hanging forever.
import { EngineCrashed } from './types.js';

const DEFAULT_CALL_TIMEOUT_MS = 15_000;

/** An error the driver reported (`{ value: { error, message } }`). */
export class WebDriverError extends Error {
  override readonly name = 'WebDriverError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export interface NewSession {
  id: string;
  capabilities: Record<string, unknown>;
}

export class WebDriverClient {
  constructor(
    private readonly baseUrl: string,
    /** True once the driver process has exited: calls then fail fast as EngineCrashed. */
    private readonly driverGone: () => boolean,
  ) {}

  async call<T>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body?: unknown,
    timeoutMs: number = DEFAULT_CALL_TIMEOUT_MS,
  ): Promise<T> {
    if (this.driverGone()) throw new EngineCrashed('WebKitWebDriver is not running');
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: method === 'POST' ? JSON.stringify(body ?? {}) : null,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const why =
        error instanceof Error && error.name === 'TimeoutError'
          ? `no answer within ${timeoutMs} ms`
          : String(error);
      throw new EngineCrashed(`WebKitWebDriver ${method} ${path}: ${why}`);
    }
    const text = await response.text();
    let parsed: { value?: unknown };
    try {
      parsed = JSON.parse(text) as { value?: unknown };
    } catch {
      throw new EngineCrashed(
        `WebKitWebDriver ${method} ${path}: answered ${response.status} with non-JSON`,
      );
    }
    const value = parsed.value;
    if (!response.ok || isErrorValue(value)) {
      const failure = isErrorValue(value)
        ? value
        : { error: `http ${response.status}`, message: text.slice(0, 200) };
      throw new WebDriverError(failure.error, failure.message ?? '');
    }
    return value as T;
  }

  /** Polls `GET /status` until the driver accepts connections. */
  async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        await this.call('GET', '/status', undefined, 1_000);
        return;
      } catch (error) {
        if (this.driverGone()) throw new EngineCrashed('WebKitWebDriver exited at start');
        if (Date.now() > deadline) {
          throw new EngineCrashed(
            `WebKitWebDriver did not answer within ${timeoutMs} ms: ${String(error)}`,
          );
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async newSession(alwaysMatch: Record<string, unknown>, timeoutMs: number): Promise<NewSession> {
    const value = await this.call<{ sessionId?: unknown; capabilities?: unknown }>(
      'POST',
      '/session',
      { capabilities: { alwaysMatch } },
      timeoutMs,
    );
    if (typeof value.sessionId !== 'string')
      throw new EngineCrashed('WebKitWebDriver returned no session id');
    const capabilities =
      typeof value.capabilities === 'object' && value.capabilities !== null
        ? (value.capabilities as Record<string, unknown>)
        : {};
    return { id: value.sessionId, capabilities };
  }
}

function isErrorValue(value: unknown): value is { error: string; message?: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { error?: unknown }).error === 'string'
  );
}
