// Raw probes of the server under test: one request with exactly the headers given, on a fresh
// connection, through the project's one raw client (servers/raw-client.ts), and the answer
// with its header lines as received. Only the target's origin is contacted; redirects are
// answers like any other, never followed. Every probe has one overall deadline.
import {
  RawClient,
  RawDeadlineError,
  type RawReply,
  serializeRequest,
} from '../../servers/raw-client.js';
import type { HeaderList } from '../scenario/types.js';
import { DEFAULT_PROBE_TIMEOUT_MS, Deadline } from './deadline.js';

/** The server under test and how to talk to it. */
export interface LiveTarget {
  url: URL;
  /** PEM certificate(s) to trust for an https target. */
  ca?: string;
  /** Accept any certificate (self-signed development servers). */
  insecure?: boolean;
  /** Overall limit of one probe, ms (default 10 000). */
  probeTimeoutMs?: number;
  /** The command's overall deadline (`--timeout`); no probe outlives it. */
  deadline?: Deadline;
}

/** How a command names its target and the limits on talking to it (audit, verify). */
export interface LiveTargetOptions {
  /** The server's URL (only this origin is contacted). */
  target: string;
  /** PEM to trust for an https target; or accept any certificate. */
  ca?: string;
  insecure?: boolean;
  /** Overall limit of the whole command, ms (`--timeout`). */
  timeoutMs?: number;
  /** Overall limit of one raw probe, ms (default 10 000). */
  probeTimeoutMs?: number;
}

/** The target of `options` at `url` (already checked), with the command's deadline started. */
export function liveTargetOf(url: URL, options: Omit<LiveTargetOptions, 'target'>): LiveTarget {
  return {
    url,
    deadline: new Deadline(options.timeoutMs),
    ...(options.probeTimeoutMs !== undefined ? { probeTimeoutMs: options.probeTimeoutMs } : {}),
    ...(options.ca !== undefined ? { ca: options.ca } : {}),
    ...(options.insecure === true ? { insecure: true } : {}),
  };
}

/** One raw request: the method, the header lines in order, optionally a body or another path. */
export interface TargetRequest {
  method: string;
  headers: HeaderList;
  body?: string;
  /** Another URL on the target's origin (default the target URL). */
  url?: URL;
}

export interface TargetReply {
  status: number;
  statusText: string;
  /** Header lines as received: order, case and duplicates kept. */
  headers: HeaderList;
  /** The body as text (UTF-8), at most BODY_LIMIT bytes. */
  body: string;
  /** Milliseconds from connecting to the last byte read. */
  elapsedMs: number;
}

/** The target could not be reached, answered too slowly or in a broken way: one line for the user. */
export class TargetError extends Error {
  override readonly name = 'TargetError';
}

/** Body bytes kept per answer. */
export const BODY_LIMIT = 64 * 1024;

/** Sends one request to the target and reads its answer, within the probe's deadline. */
export async function sendToTarget(target: LiveTarget, req: TargetRequest): Promise<TargetReply> {
  const url = req.url ?? target.url;
  if (url.origin !== target.url.origin) {
    throw new Error(`the live stack only contacts the target: ${url.origin} is another origin`);
  }
  const deadline = target.deadline ?? new Deadline();
  if (deadline.expired) {
    throw new TargetError(
      `${deadline.describe()} reached before ${req.method} ${url.href} was sent`,
    );
  }
  const limit = deadline.budget(target.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS);
  const started = performance.now();
  const reply = await connectAndSend(target, url, req, limit);
  return {
    status: reply.status,
    statusText: reply.reason,
    headers: reply.headers,
    body: reply.body.toString('utf8'),
    elapsedMs: performance.now() - started,
  };
}

/** The addresses to try: `localhost` may be served on either loopback address. */
function hostsOf(url: URL): string[] {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' ? ['127.0.0.1', '::1'] : [host];
}

async function connectAndSend(
  target: LiveTarget,
  url: URL,
  req: TargetRequest,
  deadlineMs: number,
): Promise<RawReply> {
  const isHttps = url.protocol === 'https:';
  const port = url.port === '' ? (isHttps ? 443 : 80) : Number(url.port);
  let client: RawClient | undefined;
  let failure: unknown;
  for (const host of hostsOf(url)) {
    try {
      client = await RawClient.connect({
        host,
        port,
        timeoutMs: deadlineMs,
        deadlineMs,
        bodyLimit: BODY_LIMIT,
        ...(isHttps
          ? {
              tls: {
                servername: url.hostname,
                ...(target.ca !== undefined ? { ca: target.ca } : {}),
                ...(target.insecure === true ? { insecure: true } : {}),
              },
            }
          : {}),
      });
      break;
    } catch (e) {
      // Another address is worth a try only when nothing listens on this one.
      failure = e;
      if (!/^(ECONNREFUSED|EADDRNOTAVAIL|ENETUNREACH|EHOSTUNREACH)$/.test(errorCode(e))) break;
    }
  }
  if (client === undefined) throw targetError(url, req.method, failure);
  try {
    client.write(
      serializeRequest(
        {
          method: req.method,
          target: `${url.pathname}${url.search}`,
          headers: req.headers,
          ...(req.body === undefined ? {} : { body: req.body }),
        },
        url.host,
      ),
    );
    if (req.body !== undefined && req.body !== '') client.write(Buffer.from(req.body, 'utf8'));
    return await client.readResponse(req.method);
  } catch (e) {
    throw targetError(url, req.method, e);
  } finally {
    client.close();
  }
}

function errorCode(e: unknown): string {
  return (e as { code?: string } | null)?.code ?? '';
}

function targetError(url: URL, method: string, e: unknown): TargetError {
  if (e instanceof TargetError) return e;
  if (e instanceof RawDeadlineError) {
    return new TargetError(
      `${url.origin} sent no complete answer to ${method} within ${e.deadlineMs} ms (${e.bytesReceived} bytes received): a target this slow cannot be probed`,
    );
  }
  const err = e instanceof Error ? e : new Error(String(e));
  const code = (err as { code?: string }).code ?? '';
  if (err.name === 'HttpParseError') {
    return new TargetError(
      `${url.origin} answered ${method} with a malformed response: ${err.message}`,
    );
  }
  const tlsCodes = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/;
  if (tlsCodes.test(code) || /certificate|ssl|tls/i.test(err.message)) {
    return new TargetError(
      `TLS failure talking to ${url.origin}: ${err.message} (give --ca FILE to trust its certificate, or --insecure)`,
    );
  }
  return new TargetError(
    `cannot reach ${url.origin}: ${code !== '' ? `${code} ` : ''}${err.message}`,
  );
}
