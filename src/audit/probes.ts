// The audit's raw probes of the target, recorded as evidence exchanges.
import type { HeaderList } from '../scenario/types.js';
import type { ProbeReply, ProbeTarget } from '../verify/probe.js';
import { probe } from '../verify/probe.js';
import type { Exchange } from './findings.js';

/** The attacker host used for reflection probes and browser proofs (never resolved by DNS). */
export const ATTACKER_ORIGIN_HOST = 'attacker.cors-conformance.test';

export interface Probed {
  exchange: Exchange;
  reply: ProbeReply;
}

/** Sends probes to the target (optionally another path on it) and keeps each as evidence. */
export class Prober {
  count = 0;
  constructor(readonly target: ProbeTarget) {}

  async send(method: string, headers: HeaderList, url: URL = this.target.url): Promise<Probed> {
    this.count += 1;
    const reply = await probe({ ...this.target, url }, { method, headers });
    return {
      reply,
      exchange: {
        request: { method, url: url.href, headers },
        response: {
          status: reply.status,
          headers: reply.headers,
          bodyExcerpt: reply.body.slice(0, 200),
          elapsedMs: Math.round(reply.elapsedMs),
        },
      },
    };
  }

  get(origin: string | null, extra: HeaderList = []): Promise<Probed> {
    return this.send('GET', [
      ...(origin === null ? [] : [['Origin', origin] as [string, string]]),
      ...extra,
    ]);
  }

  preflight(origin: string, method: string, acrh: string | null): Promise<Probed> {
    const headers: HeaderList = [
      ['Origin', origin],
      ['Access-Control-Request-Method', method],
    ];
    if (acrh !== null) headers.push(['Access-Control-Request-Headers', acrh]);
    return this.send('OPTIONS', headers);
  }
}
