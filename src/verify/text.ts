// The verify report as text: one line per case, then the details of every case that is not
// as intended (the server's raw CORS headers and the model's reason).
import type { HeaderList } from '../scenario/types.js';
import { corsHeaders } from '../live/headers.js';
import type { VerifyReport } from './index.js';
import type { AssetResult, AssetVerdict } from './assets.js';

const MARK = {
  'as-intended': 'ok            ',
  'too-strict': 'TOO STRICT    ',
  'too-permissive': 'TOO PERMISSIVE',
} as const;

function show(h: HeaderList): string {
  const c = corsHeaders(h);
  return c.length === 0 ? '(no CORS headers)' : c.map(([n, v]) => `${n}: ${v}`).join(' | ');
}

export function formatVerifyText(report: VerifyReport): string {
  const out: string[] = [];
  const c = report.counts;
  if (report.cases.length > 0 || report.assets.length === 0)
    out.push(
      `verify ${report.target}: ${report.cases.length} cases: ${c['as-intended']} as intended, ${c['too-strict']} too strict, ${c['too-permissive']} too permissive`,
    );
  const g = report.generated;
  if (g !== null) {
    const found = g.findings.map((f) => `${f.origin} (${f.mutation}, from ${f.of})`).join(', ');
    out.push(
      `generated lookalikes: ${g.tried.length} tried (seed ${g.seed}: replay with --seed ${g.seed})${found === '' ? ', none allowed' : `; allowed: ${found}`}`,
    );
  }
  for (const r of report.cases) {
    const browsers = r.browsers
      .map((b) =>
        b.skipped !== undefined
          ? `${b.engine}: skipped`
          : b.note !== undefined
            ? `${b.engine}: ${b.read === true ? 'read' : 'blocked'} (not compared: see below)`
            : `${b.engine}: ${b.read === true ? 'read' : 'blocked'}${b.agreesWithModel === false ? ' (DISAGREES with the model)' : ''}`,
      )
      .join(', ');
    out.push(
      `${MARK[r.verdict]} ${r.case.id} [${r.case.intent}]${browsers !== '' ? ` ${browsers}` : ''}`,
    );
  }
  for (const r of report.cases.filter(
    (x) =>
      x.verdict !== 'as-intended' ||
      x.notes.length > 0 ||
      x.browsers.some((b) => b.agreesWithModel === false || b.note !== undefined),
  )) {
    out.push('');
    out.push(
      `${r.case.id}: ${r.verdict}${r.blockedBy !== null ? ` (blocked by ${r.blockedBy})` : ''}`,
    );
    out.push(
      `  request: ${r.case.method} from ${r.case.origin}${r.case.credentials ? ' with credentials' : ''}${r.case.headers.length > 0 ? `, headers ${r.case.headers.map(([n]) => n).join(', ')}` : ''}`,
    );
    if (r.case.intent === 'deny') out.push(`  the policy denies it: ${r.case.deniedBecause}`);
    if (r.preflight !== null)
      out.push(`  preflight ${r.preflight.status}: ${show(r.preflight.headers)}`);
    if (r.actual !== null) out.push(`  actual ${r.actual.status}: ${show(r.actual.headers)}`);
    out.push(`  model: ${r.model.reason}`);
    for (const n of r.notes) out.push(`  note: ${n}`);
    for (const b of r.browsers) {
      if (b.skipped !== undefined) out.push(`  ${b.engine}: skipped (${b.skipped})`);
      else if (b.note !== undefined) out.push(`  ${b.engine}: ${b.note}`);
      else
        out.push(
          `  ${b.engine}: ${b.read === true ? `read, status ${String(b.status)}` : `blocked (${b.error ?? 'response not readable'})`}`,
        );
    }
  }
  out.push(...assetLines(report));
  for (const s of report.skipped) out.push(`skipped: ${s}`);
  return `${out.join('\n')}\n`;
}

const ASSET_MARK: Record<AssetVerdict, string> = {
  ok: 'ok     ',
  fails: 'FAILS  ',
  tainted: 'TAINTED',
};

function assetName(a: AssetResult): string {
  const co = a.asset.crossorigin === 'absent' ? '' : ` crossorigin=${a.asset.crossorigin}`;
  return `${a.asset.kind} ${a.asset.url}${co}`;
}

function engineWord(b: AssetResult['browsers'][number]): string {
  if (b.skipped !== undefined) return `${b.engine}: skipped`;
  const seen = b.loaded === true ? (b.tainted === true ? 'loaded, tainted' : 'loaded') : 'error';
  const known =
    b.knownDeviations.length > 0 ? `: known deviation ${b.knownDeviations.join(', ')}` : '';
  return `${b.engine}: ${seen}${b.agreesWithModel === false ? ` (DISAGREES with the model${known})` : ''}`;
}

/** The asset check: one line per asset, then the details of every finding or note. */
function assetLines(report: VerifyReport): string[] {
  if (report.assets.length === 0) return [];
  const found = report.assets.filter((a) => a.finding !== null).length;
  const out = [
    `${report.cases.length > 0 ? '\n' : ''}assets loaded from a page on ${report.from ?? ''}: ${report.assets.length} assets, ${found} with findings`,
  ];
  for (const a of report.assets) {
    const worst =
      a.verdict !== 'ok'
        ? a.verdict
        : (a.browsers.find((b) => b.verdict !== null && b.verdict !== 'ok')?.verdict ?? 'ok');
    const mark = ASSET_MARK[worst];
    const engines = a.browsers.map(engineWord).join(', ');
    out.push(`${mark} ${assetName(a)} [${a.model.mode}]${engines === '' ? '' : ` ${engines}`}`);
  }
  // A note every asset carries (an https page and http URLs) is said once, here.
  const shared = (report.assets[0]?.notes ?? []).filter((n) =>
    report.assets.every((a) => a.notes.includes(n)),
  );
  for (const n of shared) out.push(`note (every asset): ${n}`);
  const own = (a: AssetResult): string[] => a.notes.filter((n) => !shared.includes(n));
  for (const a of report.assets.filter(
    (x) =>
      x.finding !== null || own(x).length > 0 || x.browsers.some((b) => b.skipped !== undefined),
  )) {
    out.push('', `${assetName(a)} (${a.asset.source})`);
    if (a.finding !== null)
      out.push(
        `  finding: ${a.finding}${a.blockedBy !== null ? ` (blocked by ${a.blockedBy})` : ''}`,
      );
    out.push(`  request: ${a.model.mode} mode, credentials ${a.model.credentials}, from ${a.from}`);
    if (a.response !== null)
      out.push(`  response ${a.response.status}: ${show(a.response.headers)}`);
    out.push(
      `  model: ${a.model.loaded ? 'loads' : 'fails'}${a.model.tainted === true ? ', tainted' : ''}${a.model.reason === '' || a.verdict !== 'ok' ? '' : ` (${a.model.reason})`}`,
    );
    for (const n of own(a)) out.push(`  note: ${n}`);
    for (const b of a.browsers)
      out.push(`  ${b.engine}: ${b.skipped !== undefined ? `skipped (${b.skipped})` : b.detail}`);
  }
  return out;
}
