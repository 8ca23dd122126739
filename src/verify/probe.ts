// Raw probes of the target: one HTTP request from Node with exactly the headers given, and
// the server's answer with its header lines as received (order, case and duplicates kept).
// Only the target URL is contacted.
import http from 'node:http';
import https from 'node:https';
import type { HeaderList } from '../scenario/types.js';

export interface ProbeTarget {
  url: URL;
  /** PEM certificate(s) to trust for an https target. */
  ca?: string;
  /** Accept any certificate (self-signed development servers). */
  insecure?: boolean;
  timeoutMs?: number;
}

export interface ProbeRequest {
  method: string;
  headers: HeaderList;
}

export interface ProbeReply {
  status: number;
  headers: HeaderList;
  /** The body as text (first 64 KiB). */
  body: string;
  /** Milliseconds from sending to the last byte. */
  elapsedMs: number;
}

/** The target could not be reached, or TLS failed: one line for the user. */
export class TargetError extends Error {
  override readonly name = 'TargetError';
}

const BODY_LIMIT = 64 * 1024;

/** Sends one request to the target and reads the whole answer. */
export function probe(target: ProbeTarget, req: ProbeRequest): Promise<ProbeReply> {
  const { url } = target;
  const isHttps = url.protocol === 'https:';
  const started = performance.now();
  // A flat [name, value, ...] list goes out as given (order, case, duplicates); Node adds
  // no Host to such a list, so it comes first unless the caller gave one.
  const headers: string[] = [];
  if (!req.headers.some(([n]) => n.toLowerCase() === 'host')) headers.push('Host', url.host);
  for (const [n, v] of req.headers) headers.push(n, v);
  return new Promise((resolve, reject) => {
    const options: https.RequestOptions = {
      method: req.method,
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port === '' ? (isHttps ? 443 : 80) : Number(url.port),
      path: `${url.pathname}${url.search}`,
      headers: [...headers, 'Connection', 'close'],
      agent: false,
      timeout: target.timeoutMs ?? 10_000,
    };
    if (isHttps) {
      if (target.ca !== undefined) options.ca = target.ca;
      if (target.insecure === true) options.rejectUnauthorized = false;
      options.servername = url.hostname;
    }
    const request = (isHttps ? https : http).request(options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (d: Buffer) => {
        if (size < BODY_LIMIT) chunks.push(d);
        size += d.length;
      });
      res.on('end', () => {
        const raw = res.rawHeaders;
        const list: HeaderList = [];
        for (let i = 0; i + 1 < raw.length; i += 2) list.push([raw[i] ?? '', raw[i + 1] ?? '']);
        resolve({
          status: res.statusCode ?? 0,
          headers: list,
          body: Buffer.concat(chunks).subarray(0, BODY_LIMIT).toString('utf8'),
          elapsedMs: performance.now() - started,
        });
      });
      res.on('error', (e) => reject(targetError(url, e)));
    });
    request.on('timeout', () => {
      request.destroy(new Error(`no answer within ${target.timeoutMs ?? 10_000} ms`));
    });
    request.on('error', (e) => reject(targetError(url, e)));
    request.end();
  });
}

function targetError(url: URL, e: Error): TargetError {
  const code = (e as { code?: string }).code ?? '';
  const tlsCodes = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/;
  if (tlsCodes.test(code) || /certificate|ssl|tls/i.test(e.message)) {
    return new TargetError(
      `TLS failure talking to ${url.origin}: ${e.message} (give --ca FILE to trust its certificate, or --insecure)`,
    );
  }
  return new TargetError(
    `cannot reach ${url.origin}: ${code !== '' ? `${code} ` : ''}${e.message}`,
  );
}

/** The values of a header (case-insensitive), in order. */
export function headerValues(list: HeaderList, name: string): string[] {
  const n = name.toLowerCase();
  return list.filter(([k]) => k.toLowerCase() === n).map(([, v]) => v);
}

/** One header's combined value (`, `-joined), or null when absent. */
export function headerValue(list: HeaderList, name: string): string | null {
  const v = headerValues(list, name);
  return v.length === 0 ? null : v.join(', ');
}

/** The CORS-relevant response headers only (for compact reports). */
export function corsHeaders(list: HeaderList): HeaderList {
  return list.filter(([n]) => /^(access-control-|vary$)/i.test(n));
}
