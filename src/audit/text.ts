// The audit report as text for a terminal: one block per finding with the evidence.
import { corsHeaders } from '../live/headers.js';
import type { HeaderList } from '../scenario/types.js';
import type { AuditReport } from './index.js';

function lines(h: HeaderList, indent: string): string[] {
  return h.map(([n, v]) => `${indent}${n}: ${v}`);
}

export function formatAuditText(report: AuditReport): string {
  const out: string[] = [];
  const { high, medium, low } = report.counts;
  out.push(
    `audit of ${report.target}: ${report.findings.length} finding(s) (${high} high, ${medium} medium, ${low} low), ${report.probes} requests sent`,
  );
  const g = report.generated;
  if (g !== null) {
    out.push(
      `lookalikes: ${report.lookalikes.length} named, ${g.tried.length} generated (seed ${g.seed}: replay with --seed ${g.seed}${g.interrupted ? '; stopped early by the time limit' : ''})`,
    );
  }
  for (const f of report.findings) {
    out.push('');
    out.push(
      `[${f.severity.toUpperCase()}] ${f.id}${f.exploitable ? ' (exploitable)' : ''}: ${f.title}`,
    );
    out.push(`  ${f.message}`);
    const req = f.evidence.request;
    out.push(`  request: ${req.method} ${req.url}`);
    out.push(
      ...lines(
        req.headers.map(([n, v]) => [
          n,
          v.length > 80 ? `${v.slice(0, 77)}... (${v.length} bytes)` : v,
        ]),
        '    ',
      ),
    );
    const res = f.evidence.response;
    out.push(`  response: ${res.status} (${res.elapsedMs} ms)`);
    const shown = corsHeaders(res.headers);
    out.push(...(shown.length > 0 ? lines(shown, '    ') : ['    (no CORS headers)']));
    if (f.modelSays !== undefined && f.modelSays !== '') out.push(`  model: ${f.modelSays}`);
    if (f.generated !== undefined) {
      const gen = f.generated;
      out.push(
        `  generated: ${gen.raw} (${gen.mutation}) from ${gen.of}, shrunk in ${gen.shrinks} steps; replay with --seed ${gen.seed}`,
      );
    }
    if (f.proof !== undefined) {
      const p = f.proof;
      out.push(
        p.read
          ? `  browser proof: ${p.engine}, page on ${p.attackerOrigin}, cookie ${p.cookie} in the jar: read status ${String(p.status)}, body ${JSON.stringify(p.bodyExcerpt.slice(0, 120))}`
          : `  browser proof: ${p.engine}, page on ${p.attackerOrigin}: could not read the response (${p.error ?? 'blocked'})`,
      );
    }
    out.push(`  fix: ${f.fix}`);
  }
  for (const s of report.skipped) out.push(`skipped: ${s}`);
  return `${out.join('\n')}\n`;
}
