// The same policy through every framework adapter: each serves it on loopback, `verify`
// runs the policy's cases against it (model, and one engine unless disabled), and the
// verdicts become one framework x case table. Rows where frameworks differ are marked.
import type { BrowserName } from '../harness/engines/types.js';
import type { HeaderList } from '../scenario/types.js';
import { corsHeaders } from '../live/headers.js';
import { LiveSession } from '../live/session.js';
import { sendToTarget } from '../live/target.js';
import type { CorsPolicy } from '../policy/index.js';
import { caseOriginsOf } from '../verify/browser-stage.js';
import { caseOrigins } from '../verify/cases.js';
import type { Verdict, VerifyReport } from '../verify/index.js';
import { generateCases, validatePolicy, verify } from '../verify/index.js';
import type { FrameworkAdapter } from './index.js';
import { FRAMEWORK_ADAPTERS } from './index.js';

/** One cell: the verdict (the engine's when it ran, else the model's). */
export interface ComparisonCell {
  verdict: Verdict;
  /** The engine disagreed with the model on this case. */
  engineDisagrees: boolean;
  /** Short evidence: the model's reason or what blocked. */
  detail: string;
  /** The server's CORS headers (preflight, then actual), normalized for comparison. */
  answer: string;
}

/** How a framework answered an OPTIONS request that is not a preflight. */
export interface OptionsCell {
  /** `route ran`, or what answered instead. */
  result: string;
  status: number;
}

export interface FrameworkComparison {
  frameworks: string[];
  /** Case ids, in generation order. */
  cases: string[];
  /** cells[case][framework]. */
  cells: Record<string, Record<string, ComparisonCell>>;
  /** Case ids whose verdicts differ between frameworks. */
  differing: string[];
  /** Case ids with the same verdicts but different CORS headers on the wire. */
  headersDiffer: string[];
  /** Per framework: a plain OPTIONS (Origin, no Access-Control-Request-Method). */
  plainOptions: Record<string, OptionsCell>;
  reports: Record<string, VerifyReport>;
  skipped: string[];
}

export interface CompareOptions {
  /** Engine confirming the cases; null: the model only. Default chromium. */
  engine?: BrowserName | null;
  adapters?: readonly FrameworkAdapter[];
}

export async function compareFrameworks(
  policy: CorsPolicy,
  options: CompareOptions = {},
): Promise<FrameworkComparison> {
  const adapters = options.adapters ?? FRAMEWORK_ADAPTERS;
  const engine = options.engine === undefined ? 'chromium' : options.engine;
  const reports: Record<string, VerifyReport> = {};
  const plainOptions: Record<string, OptionsCell> = {};
  const skipped: string[] = [];
  const firstOrigin = caseOrigins(policy)[0]?.origin ?? 'null';
  // One engine and one set of origin pages for every framework.
  let session: LiveSession | undefined;
  if (engine !== null) {
    try {
      session = await LiveSession.open(
        engine,
        caseOriginsOf(generateCases(validatePolicy(policy))),
      );
    } catch (e) {
      const why = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
      skipped.push(`${engine}: ${why}; model only`);
    }
  }
  try {
    for (const a of adapters) {
      const served = await a.serve(policy);
      try {
        reports[a.name] = await verify({
          target: served.url,
          policy,
          engines: [],
          // One case list for every framework: generated lookalikes are verify's and audit's.
          generatedRuns: 0,
          ...(session !== undefined ? { session } : {}),
        });
        for (const s of reports[a.name]?.skipped ?? []) skipped.push(`${a.name}: ${s}`);
        plainOptions[a.name] = await plainOptionsCell(served.url, firstOrigin);
      } finally {
        await served.close();
      }
    }
  } finally {
    await session?.close();
  }
  const frameworks = adapters.map((a) => a.name);
  const cases = reports[frameworks[0] ?? '']?.cases.map((c) => c.case.id) ?? [];
  const cells: Record<string, Record<string, ComparisonCell>> = {};
  for (const id of cases) {
    const row: Record<string, ComparisonCell> = {};
    for (const fw of frameworks) {
      const r = reports[fw]?.cases.find((c) => c.case.id === id);
      if (r === undefined) continue;
      const b = r.browsers[0];
      const verdict = b !== undefined && b.verdict !== null ? b.verdict : r.verdict;
      row[fw] = {
        verdict,
        engineDisagrees: b?.agreesWithModel === false,
        detail: r.blockedBy ?? r.model.reason,
        answer: `${fingerprint(r.preflight?.headers)} || ${fingerprint(r.actual?.headers)}`,
      };
    }
    cells[id] = row;
  }
  const differing = cases.filter(
    (id) => new Set(Object.values(cells[id] ?? {}).map((c) => c.verdict)).size > 1,
  );
  const headersDiffer = cases.filter(
    (id) =>
      !differing.includes(id) &&
      new Set(Object.values(cells[id] ?? {}).map((c) => c.answer)).size > 1,
  );
  return { frameworks, cases, cells, differing, headersDiffer, plainOptions, reports, skipped };
}

/** How the framework answers an OPTIONS request that is not a preflight. */
async function plainOptionsCell(url: string, origin: string): Promise<OptionsCell> {
  const reply = await sendToTarget(
    { url: new URL(url) },
    { method: 'OPTIONS', headers: [['Origin', origin]] },
  );
  return {
    status: reply.status,
    result: reply.body.includes('"ran"')
      ? 'route ran'
      : `answered as a preflight (${reply.status}${reply.body !== '' ? ` ${JSON.stringify(reply.body.slice(0, 40))}` : ''})`,
  };
}

/** CORS headers, names lowercased, sorted, for "same answer?" comparisons. */
function fingerprint(h: HeaderList | undefined): string {
  if (h === undefined) return '-';
  // List values compare as sets of trimmed tokens (`GET, PUT` = `GET,PUT`).
  return corsHeaders(h)
    .map(
      ([n, v]) =>
        `${n.toLowerCase()}: ${v
          .split(',')
          .map((t) => t.trim())
          .filter((t) => t !== '')
          .sort()
          .join(',')}`,
    )
    .sort()
    .join('; ');
}

const SHORT: Record<Verdict, string> = {
  'as-intended': 'ok',
  'too-strict': 'STRICT',
  'too-permissive': 'OPEN',
};

/** The comparison as a text table; differing rows start with `>>` and are listed after. */
export function formatComparison(c: FrameworkComparison): string {
  const caseWidth = Math.max(4, ...c.cases.map((id) => id.length)) + 3;
  const widths = c.frameworks.map((f) => Math.max(f.length, 7));
  const out: string[] = [];
  out.push(
    ['   case'.padEnd(caseWidth), ...c.frameworks.map((f, i) => f.padEnd(widths[i] ?? 7))].join(
      ' ',
    ),
  );
  for (const id of c.cases) {
    const row = c.cells[id] ?? {};
    const mark = c.differing.includes(id) ? '>> ' : c.headersDiffer.includes(id) ? ' ~ ' : '   ';
    const cells = c.frameworks.map((f, i) => {
      const cell = row[f];
      const text =
        cell === undefined ? '-' : `${SHORT[cell.verdict]}${cell.engineDisagrees ? '!' : ''}`;
      return text.padEnd(widths[i] ?? 7);
    });
    out.push([`${mark}${id}`.padEnd(caseWidth), ...cells].join(' '));
  }
  const optionsRow = c.frameworks.map((f, i) =>
    (c.plainOptions[f]?.result.startsWith('route') === true
      ? 'route'
      : `pf ${c.plainOptions[f]?.status ?? '-'}`
    ).padEnd(widths[i] ?? 7),
  );
  const optionsDiffer = new Set(optionsRow.map((x) => x.trim())).size > 1;
  out.push(
    [`${optionsDiffer ? '>> ' : '   '}options-without-acrm`.padEnd(caseWidth), ...optionsRow].join(
      ' ',
    ),
  );
  out.push('');
  out.push(
    'ok: as intended; STRICT: a request the policy allows was blocked; OPEN: a request the policy forbids could read the response; ' +
      '!: the engine disagreed with the model; >>: verdicts differ between frameworks; ~: same verdicts, different CORS headers; ' +
      'options-without-acrm: an OPTIONS request that is not a preflight reached the route (route) or got a preflight answer (pf STATUS)',
  );
  if (c.differing.length === 0) out.push('every framework gives the same verdicts');
  else {
    out.push(`${c.differing.length} case(s) differ between frameworks:`);
    for (const id of c.differing) {
      const row = c.cells[id] ?? {};
      out.push(`  ${id}`);
      for (const f of c.frameworks) {
        const cell = row[f];
        if (cell !== undefined) out.push(`    ${f}: ${SHORT[cell.verdict]} (${cell.detail})`);
      }
    }
  }
  const shownHeaderRows = 4;
  for (const id of c.headersDiffer.slice(0, shownHeaderRows)) {
    out.push(`same verdicts, different CORS headers: ${id}`);
    out.push(...headerDiff(c.frameworks, c.cells[id] ?? {}).map((l) => `    ${l}`));
  }
  if (c.headersDiffer.length > shownHeaderRows) {
    out.push(
      `... and ${c.headersDiffer.length - shownHeaderRows} more row(s) marked ~ (--format json has every answer)`,
    );
  }
  if (optionsDiffer) {
    out.push('OPTIONS without Access-Control-Request-Method:');
    for (const f of c.frameworks) out.push(`    ${f}: ${c.plainOptions[f]?.result ?? '-'}`);
  }
  for (const s of c.skipped) out.push(`skipped: ${s}`);
  return `${out.join('\n')}\n`;
}

/** Per header (of the preflight and of the actual answer) whose value differs: value -> frameworks. */
function headerDiff(frameworks: string[], row: Record<string, ComparisonCell>): string[] {
  const parsed = frameworks.map((f) => {
    const [pre = '', act = ''] = (row[f]?.answer ?? '').split(' || ');
    const map = new Map<string, string>();
    for (const [part, text] of [
      ['preflight', pre],
      ['actual', act],
    ] as const) {
      if (text === '-') continue;
      for (const entry of text.split('; ').filter((e) => e !== '')) {
        const at = entry.indexOf(': ');
        map.set(`${part} ${entry.slice(0, at)}`, entry.slice(at + 2));
      }
    }
    return { f, map };
  });
  const names = [...new Set(parsed.flatMap((p) => [...p.map.keys()]))].sort();
  const lines: string[] = [];
  for (const name of names) {
    const byValue = new Map<string, string[]>();
    for (const p of parsed) {
      const v = p.map.get(name) ?? '(absent)';
      byValue.set(v, [...(byValue.get(v) ?? []), p.f]);
    }
    if (byValue.size > 1) {
      lines.push(
        `${name}: ${[...byValue].map(([v, fws]) => `${v} [${fws.join(', ')}]`).join('; ')}`,
      );
    }
  }
  return lines;
}
