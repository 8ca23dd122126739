// The audit's raw probes of the target (src/live/target.ts), each kept as an evidence
// exchange. A credentialed probe carries what a logged-in user's browser adds (the run's
// Cookie, and Authorization or other headers where configured); a preflight never does.
import type { Credentials } from '../live/credentials.js';
import type { LiveTarget, TargetReply } from '../live/target.js';
import { sendToTarget } from '../live/target.js';
import type { HeaderList } from '../scenario/types.js';
import type { Exchange } from './findings.js';

export { ATTACKER_ORIGIN_HOST } from '../policy/index.js';

export interface Probed {
  exchange: Exchange;
  reply: TargetReply;
  /** Whether the request carried the run's credentials. */
  credentialed: boolean;
}

/** Sends probes to the target (optionally another path on it) and keeps each as evidence. */
export class Prober {
  count = 0;
  constructor(
    readonly target: LiveTarget,
    readonly credentials: Credentials,
  ) {}

  async send(
    method: string,
    headers: HeaderList,
    opts: { url?: URL; credentialed?: boolean; target?: LiveTarget } = {},
  ): Promise<Probed> {
    const url = opts.url ?? this.target.url;
    const credentialed = opts.credentialed === true;
    const sent: HeaderList = credentialed ? [...headers, ...this.credentials.headers] : headers;
    this.count += 1;
    const reply = await sendToTarget(opts.target ?? this.target, { method, headers: sent, url });
    return {
      reply,
      credentialed,
      exchange: {
        request: { method, url: url.href, headers: sent },
        response: {
          status: reply.status,
          headers: reply.headers,
          bodyExcerpt: reply.body.slice(0, 200),
          elapsedMs: Math.round(reply.elapsedMs),
        },
      },
    };
  }

  /** A GET with `Origin: origin` (none for null), with or without the run's credentials. */
  get(
    origin: string | null,
    opts: { credentialed?: boolean; extra?: HeaderList } = {},
  ): Promise<Probed> {
    return this.send(
      'GET',
      [...(origin === null ? [] : [['Origin', origin] as [string, string]]), ...(opts.extra ?? [])],
      { credentialed: opts.credentialed === true },
    );
  }

  /** A preflight (never credentialed: browsers send no cookies on preflights). */
  preflight(
    origin: string,
    method: string,
    acrh: string | null,
    target?: LiveTarget,
  ): Promise<Probed> {
    const headers: HeaderList = [
      ['Origin', origin],
      ['Access-Control-Request-Method', method],
    ];
    if (acrh !== null) headers.push(['Access-Control-Request-Headers', acrh]);
    return this.send('OPTIONS', headers, target === undefined ? {} : { target });
  }
}
