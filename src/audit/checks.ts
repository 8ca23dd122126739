// The audit's header-level checks: each takes what the probes saw and returns findings.
// The reference model decides whether a browser would hand a response to a page on the
// probing origin (`modelAnswer`), so "allowed" means exactly what a browser would do.
import { formatReason } from '../model/explain.js';
import { getEngineProfile } from '../engine-facts/index.js';
import { headerValue, headerValues } from '../live/headers.js';
import type { Readability } from '../live/readability.js';
import { readability as readabilityOf } from '../live/readability.js';
import { liveModel, responseSpec } from '../live/replay.js';
import type { HeaderList } from '../scenario/types.js';
import type { Finding, FindingId, Severity } from './findings.js';
import { RULES } from './findings.js';
import type { Probed } from './probes.js';

/** Whether page JS on `origin` could read this GET answer, with and without credentials. */
export function readability(target: URL, origin: string, p: Probed): Readability {
  return readabilityOf(target, origin, p.reply);
}

export function finding(
  id: FindingId,
  severity: Severity,
  message: string,
  p: Probed,
  extra: Partial<Pick<Finding, 'exploitable' | 'modelSays'>> = {},
): Finding {
  return {
    id,
    severity,
    title: RULES[id].title,
    message,
    exploitable: extra.exploitable ?? false,
    evidence: p.exchange,
    fix: RULES[id].fix,
    ...(extra.modelSays !== undefined ? { modelSays: extra.modelSays } : {}),
  };
}

/** An attacker origin allowed: reflection, null, lookalikes share this shape. */
export function attackerAllowed(
  id: 'origin-reflection' | 'null-origin-allowed' | 'lookalike-origin-allowed',
  target: URL,
  origin: string,
  p: Probed,
  what: string,
): Finding[] {
  const r = readability(target, origin, p);
  const acao = headerValue(p.reply.headers, 'access-control-allow-origin');
  // A wildcard answer is public data by design: not this finding (see credentialed-wildcard).
  if (!r.read || acao === '*') return [];
  if (r.readWithCredentials) {
    return [
      finding(
        id,
        'high',
        `${what} ${origin} is allowed with credentials (Access-Control-Allow-Origin: ${String(acao)}, Access-Control-Allow-Credentials: true): a page there reads responses with the user's cookies`,
        p,
        { exploitable: true, modelSays: r.why },
      ),
    ];
  }
  return [
    finding(
      id,
      id === 'origin-reflection' ? 'low' : 'medium',
      `${what} ${origin} is allowed (Access-Control-Allow-Origin: ${String(acao)}), without credentials`,
      p,
      { modelSays: r.why },
    ),
  ];
}

/** `*` with credentials (dysfunctional), or reflection with credentials (a faked wildcard). */
export function credentialedWildcard(target: URL, origin: string, p: Probed): Finding[] {
  const acao = headerValue(p.reply.headers, 'access-control-allow-origin');
  const acac = headerValue(p.reply.headers, 'access-control-allow-credentials');
  if (acac !== 'true') return [];
  if (acao === '*') {
    return [
      finding(
        'credentialed-wildcard',
        'low',
        'Access-Control-Allow-Origin: * together with Access-Control-Allow-Credentials: true: browsers refuse credentialed reads (dysfunctional), and it shows the intent to share credentialed data with everyone',
        p,
        { modelSays: readability(target, origin, p).why },
      ),
    ];
  }
  if (acao === origin) {
    return [
      finding(
        'credentialed-wildcard',
        'high',
        `reflecting the request Origin (${origin}) with Access-Control-Allow-Credentials: true fakes a credentialed wildcard: every site reads responses with the user's cookies`,
        p,
        { exploitable: true, modelSays: readability(target, origin, p).why },
      ),
    ];
  }
  return [];
}

/** The CORS answer's fingerprint: the headers that decide what a browser allows. */
export function corsAnswer(headers: HeaderList): string {
  const names = [
    'access-control-allow-origin',
    'access-control-allow-credentials',
    'access-control-expose-headers',
  ];
  return names.map((n) => `${n}=${headerValues(headers, n).join('|')}`).join(';');
}

/** Whether Vary names Origin (or is `*`). */
export function variesOnOrigin(headers: HeaderList): boolean {
  return headerValues(headers, 'vary')
    .flatMap((v) => v.split(','))
    .map((t) => t.trim().toLowerCase())
    .some((t) => t === 'origin' || t === '*');
}

/**
 * Missing Vary: Origin: the GET answers (by requesting origin) differ in their
 * Access-Control-Allow-Origin/Credentials, and one whose CORS headers name a specific origin
 * (or that lacks CORS headers while another origin got them) has no Vary: Origin.
 */
export function missingVary(gets: { origin: string | null; p: Probed }[]): Finding[] {
  const acao = (p: Probed): string =>
    headerValues(p.reply.headers, 'access-control-allow-origin').join('|');
  const distinct = new Set(
    gets.map(
      (g) =>
        acao(g.p) +
        '/' +
        headerValues(g.p.reply.headers, 'access-control-allow-credentials').join('|'),
    ),
  );
  if (distinct.size < 2) return [];
  const specific = gets.find(
    (g) =>
      g.origin !== null &&
      acao(g.p) !== '' &&
      acao(g.p) !== '*' &&
      !variesOnOrigin(g.p.reply.headers),
  );
  if (specific === undefined) return [];
  const others = gets
    .filter((g) => g !== specific)
    .map((g) => `${g.origin ?? '(no Origin)'} -> ${acao(g.p) === '' ? '(none)' : acao(g.p)}`)
    .slice(0, 3)
    .join(', ');
  return [
    finding(
      'missing-vary-origin',
      'medium',
      `Access-Control-Allow-Origin depends on the request (${specific.origin ?? ''} -> ${acao(specific.p)}; ${others}) but the response has no Vary: Origin: a shared cache can serve one origin's answer to another`,
      specific.p,
    ),
  ];
}

/** A marker we put into request headers turns up in the response's Vary. */
export function requestControlledVary(marker: string, probes: Probed[]): Finding[] {
  for (const p of probes) {
    const vary = headerValues(p.reply.headers, 'vary').join(', ');
    if (vary.toLowerCase().includes(marker.toLowerCase())) {
      return [
        finding(
          'request-controlled-vary',
          'medium',
          `the response's Vary (${vary}) contains ${marker}, which only the request carried: a client decides how caches key this response`,
          p,
        ),
      ];
    }
  }
  return [];
}

/** The same request, several times: different CORS answers. */
export function nondeterministic(groups: { label: string; probes: Probed[] }[]): Finding[] {
  for (const g of groups) {
    const answers = g.probes.map((p) => corsAnswer(p.reply.headers));
    const distinct = [...new Set(answers)];
    const first = g.probes[0];
    if (distinct.length > 1 && first !== undefined) {
      const different = g.probes.find((p) => corsAnswer(p.reply.headers) !== answers[0]) ?? first;
      return [
        {
          ...finding(
            'nondeterministic-origin',
            'medium',
            `${g.probes.length} identical requests (${g.label}) got ${distinct.length} different CORS answers: Access-Control-Allow-Origin ${JSON.stringify(headerValue(first.reply.headers, 'access-control-allow-origin'))} then ${JSON.stringify(headerValue(different.reply.headers, 'access-control-allow-origin'))}`,
            different,
          ),
        },
      ];
    }
  }
  return [];
}

const PREFLIGHT_ONLY = [
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-max-age',
];

/**
 * A request that is not a preflight (OPTIONS with Origin but no Access-Control-Request-Method:
 * a plain OPTIONS, or the actual request of `fetch(url, {method: 'OPTIONS'})`) answered like a
 * preflight: the same empty answer with preflight-only headers, or rejected as a bad preflight.
 */
export function optionsMisclassified(plain: Probed, preflight: Probed): Finding[] {
  const a = plain.reply;
  const b = preflight.reply;
  const preflightOnly = PREFLIGHT_ONLY.filter((n) => headerValue(a.headers, n) !== null);
  const sameAsPreflight = a.status === b.status && a.body === b.body && a.body.trim() === '';
  if (preflightOnly.length > 0 && sameAsPreflight) {
    return [
      finding(
        'options-misclassified',
        'low',
        `an OPTIONS request without Access-Control-Request-Method got the preflight answer (status ${a.status}, empty body, ${preflightOnly.join(', ')}): the route's own OPTIONS handler never ran`,
        plain,
      ),
    ];
  }
  if (a.status >= 400 && /preflight/i.test(a.body)) {
    return [
      finding(
        'options-misclassified',
        'low',
        `an OPTIONS request without Access-Control-Request-Method was rejected as a bad preflight (status ${a.status}: ${JSON.stringify(a.body.slice(0, 60))}): the route's own OPTIONS handler never ran`,
        plain,
      ),
    ];
  }
  return [];
}

/** Preflight for an origin the server allows: a redirect, or a non-2xx status. */
export function preflightStatus(preflight: Probed): Finding[] {
  const { status, headers } = preflight.reply;
  if (status >= 300 && status < 400) {
    return [
      finding(
        'preflight-redirect',
        'medium',
        `the preflight got a ${status} redirect (Location: ${headerValue(headers, 'location') ?? '(none)'}): browsers fail every preflighted request here`,
        preflight,
      ),
    ];
  }
  // Only when the headers say "allowed" (origin, the requested method and every requested
  // header) and the status says otherwise: a refusal of an unlisted header, or a 403 without
  // Access-Control-Allow-Methods, is deliberate.
  const acao = headerValue(headers, 'access-control-allow-origin');
  const sent = preflight.exchange.request.headers;
  const method = sent.find(([n]) => n === 'Access-Control-Request-Method')?.[1] ?? '';
  const list = (name: string): string[] =>
    (headerValue(headers, name) ?? '')
      .split(',')
      .map((m) => m.trim())
      .filter((m) => m !== '');
  const methods = list('access-control-allow-methods');
  const allowsMethod = methods.includes(method) || methods.includes('*');
  const allowed = list('access-control-allow-headers').map((h) => h.toLowerCase());
  const requested = (sent.find(([n]) => n === 'Access-Control-Request-Headers')?.[1] ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '');
  const allowsHeaders = allowed.includes('*') || requested.every((h) => allowed.includes(h));
  if ((status < 200 || status > 299) && acao !== null && allowsMethod && allowsHeaders) {
    return [
      finding(
        'preflight-failure-status',
        'medium',
        `the preflight carries Access-Control-Allow-Origin: ${acao} and allows ${method} but has status ${status}: browsers treat it as a failed CORS check`,
        preflight,
      ),
    ];
  }
  return [];
}

/** An error response (unknown path below the target) without the CORS headers the normal one has. */
export function errorWithoutCors(normal: Probed, error: Probed): Finding[] {
  const ok = headerValue(normal.reply.headers, 'access-control-allow-origin');
  const bad = headerValue(error.reply.headers, 'access-control-allow-origin');
  if (ok === null || bad !== null || error.reply.status < 400) return [];
  return [
    finding(
      'error-response-without-cors',
      'low',
      `a ${error.reply.status} answer has no Access-Control-Allow-Origin while the normal answer has ${ok}: the allowed origin sees a network error instead of the status`,
      error,
    ),
  ];
}

/**
 * Adversarial Access-Control-Request-Headers taking longer than the budget beyond an ordinary
 * preflight measured the same way (same origin and method, same deadline): a target that is
 * slow for every preflight is not slow at parsing. Returns the findings, or a skip reason.
 */
export function slowAcrh(
  baseline: Probed,
  adversarial: Probed[],
  budgetMs: number,
): { findings: Finding[]; skipped: string | null } {
  const base = baseline.reply.elapsedMs;
  if (base > budgetMs) {
    return {
      findings: [],
      skipped: `slow-acrh-parsing: an ordinary preflight already took ${Math.round(base)} ms (budget ${budgetMs} ms): the target is too slow to tell`,
    };
  }
  const slow = adversarial.find((p) => p.reply.elapsedMs - base > budgetMs);
  if (slow === undefined) return { findings: [], skipped: null };
  const acrh =
    slow.exchange.request.headers.find(([n]) => n === 'Access-Control-Request-Headers')?.[1] ?? '';
  return {
    findings: [
      finding(
        'slow-acrh-parsing',
        'medium',
        `a preflight with a crafted ${acrh.length}-byte Access-Control-Request-Headers took ${Math.round(slow.reply.elapsedMs)} ms, an ordinary preflight measured the same way ${Math.round(base)} ms (budget ${budgetMs} ms)`,
        slow,
      ),
    ],
    skipped: null,
  };
}

/**
 * A preflight from the attacker origin that lets a credentialed, state-changing request through
 * (the origin allowed, Access-Control-Allow-Credentials: true, the method and headers allowed):
 * any site sends such requests with the user's cookies and reads nothing, or everything.
 */
export function preflightReflection(
  target: URL,
  attacker: string,
  preflight: Probed,
  method: string,
  headers: HeaderList,
): Finding[] {
  const acao = headerValue(preflight.reply.headers, 'access-control-allow-origin');
  const acac = headerValue(preflight.reply.headers, 'access-control-allow-credentials');
  if (acao !== attacker || acac !== 'true') return [];
  const model = liveModel(target, {
    pageOrigin: attacker,
    client: 'page',
    request: { method, headers, credentials: 'include', redirect: 'manual' },
  });
  const p = model.predict(
    { preflight: responseSpec(preflight.reply), actual: { status: 200 } },
    getEngineProfile('spec'),
  );
  if (!p.actualSent) return [];
  // The preflight's own verdict (the actual answer here is a stand-in).
  const passed = p.because.filter((r) => r.algorithm.startsWith('cors-preflight-fetch')).at(-1);
  const sent = headers.map(([n, v]) => `${n}: ${v}`).join(', ');
  return [
    finding(
      'preflight-origin-reflection',
      'high',
      `a preflight from ${attacker} for a credentialed ${method}${sent === '' ? '' : ` with ${sent}`} is answered with Access-Control-Allow-Origin: ${attacker} and Access-Control-Allow-Credentials: true: any site sends such requests with the user's cookies`,
      preflight,
      { modelSays: passed === undefined ? '' : formatReason(passed, 'spec') },
    ),
  ];
}
