// One JSON message protocol over one transport. Chromium's DevTools protocol (over a pipe) and
// WebDriver BiDi (over a WebSocket) share its shape: a command carries an `id`, its reply names
// that id with a `result` or an `error`, and an event names a `method` with its `params`.
// Only the commands and the few events a backend subscribes to cross it: unlike Playwright,
// nothing here asks the browser for per-request network events, which cost the browser more
// CPU than the requests themselves.
import { EngineCrashed } from './types.js';

/** A message pipe to the browser: text in, text out, and a word when it closes. */
export interface Transport {
  send(text: string): void;
  close(): void;
  onMessage: (text: string) => void;
  onClose: (why: string) => void;
}

/** The browser answered a command with an error. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

type EventHandler = (params: Record<string, unknown>, sessionId: string | undefined) => void;

interface Pending {
  method: string;
  sessionId: string | undefined;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

interface Message {
  id?: unknown;
  method?: unknown;
  params?: unknown;
  sessionId?: unknown;
  result?: unknown;
  /** CDP: `{ code, message }`; BiDi: an error code string beside `message`. */
  error?: unknown;
  message?: unknown;
}

export class ProtocolConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly handlers = new Map<string, Set<EventHandler>>();
  private closedWhy: string | null = null;

  constructor(
    private readonly transport: Transport,
    /** Names the browser in errors: `chromium went away: ...`. */
    private readonly label: string,
  ) {
    transport.onMessage = (text) => this.dispatch(text);
    transport.onClose = (why) => this.closed(why);
  }

  get isClosed(): boolean {
    return this.closedWhy !== null;
  }

  /** Sends one command; a CDP command for a page names the page's `sessionId`. */
  send<T = Record<string, unknown>>(
    method: string,
    params: Record<string, unknown> = {},
    sessionId?: string,
  ): Promise<T> {
    if (this.closedWhy !== null) {
      return Promise.reject(new EngineCrashed(`${this.label} went away: ${this.closedWhy}`));
    }
    const id = this.nextId++;
    const message =
      sessionId === undefined ? { id, method, params } : { id, method, params, sessionId };
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { method, sessionId, resolve: resolve as (r: unknown) => void, reject });
      this.transport.send(JSON.stringify(message));
    });
  }

  /** Calls `handler` for every event `method`; returns the function that stops it. */
  on(method: string, handler: EventHandler): () => void {
    let set = this.handlers.get(method);
    if (set === undefined) {
      set = new Set();
      this.handlers.set(method, set);
    }
    set.add(handler);
    return () => set.delete(handler);
  }

  /** Rejects the commands still waiting on one page's session (its target crashed or left). */
  failSession(sessionId: string, why: string): void {
    for (const [id, p] of this.pending) {
      if (p.sessionId !== sessionId) continue;
      this.pending.delete(id);
      p.reject(new EngineCrashed(why));
    }
  }

  close(): void {
    this.transport.close();
    this.closed('the connection was closed');
  }

  private dispatch(text: string): void {
    let message: Message;
    try {
      message = JSON.parse(text) as Message;
    } catch {
      return; // not ours to judge: the protocols send only JSON
    }
    if (typeof message.id === 'number') {
      const p = this.pending.get(message.id);
      if (p === undefined) return;
      this.pending.delete(message.id);
      if (message.error !== undefined)
        p.reject(new ProtocolError(`${p.method}: ${errorText(message)}`));
      else p.resolve(message.result ?? {});
      return;
    }
    if (typeof message.method !== 'string') return;
    const params = (message.params ?? {}) as Record<string, unknown>;
    const sessionId = typeof message.sessionId === 'string' ? message.sessionId : undefined;
    for (const handler of this.handlers.get(message.method) ?? []) handler(params, sessionId);
  }

  private closed(why: string): void {
    if (this.closedWhy !== null) return;
    this.closedWhy = why;
    const error = new EngineCrashed(`${this.label} went away: ${why}`);
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}

function errorText(message: Message): string {
  const { error } = message;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return String(error.message);
  }
  const detail = typeof message.message === 'string' ? `: ${message.message}` : '';
  return `${String(error)}${detail}`;
}
