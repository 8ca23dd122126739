// The generated suite's report as text: per adapter the cases run, skipped (cannot express)
// and disagreeing, by kind; then every shrunk disagreement with its policy, request, answer,
// the other adapters on the same case, the engine's confirmation, replay and reproduction.
import type { BrowserCheck } from './browser-confirm.js';
import { KIND_MEANING, corsAnswer } from './oracle.js';
import { suiteReplayCommand } from './repro.js';
import type { AdapterSummary, SuiteFinding, SuiteReport } from './suite.js';
import { describePolicy } from './vocabulary.js';

export interface SuiteExtras {
  repros: Record<string, string>;
  browser: Record<string, BrowserCheck>;
  browserSkipped: string | null;
  adapterFile?: string;
  versions: Record<string, string>;
}

function kinds(s: AdapterSummary): string {
  const parts = Object.entries(s.byKind).map(([k, n]) => `${k} ${n}`);
  return parts.length === 0 ? '-' : parts.join(', ');
}

/** The per-adapter table. */
export function summaryTable(r: SuiteReport, versions: Record<string, string> = {}): string {
  const label = (s: AdapterSummary): string =>
    versions[s.adapter] === undefined ? s.adapter : `${s.adapter} (${versions[s.adapter]})`;
  const width = Math.max(7, ...r.adapters.map((s) => label(s).length));
  const lines = [
    `${'adapter'.padEnd(width)}  ${'run'.padStart(5)}  ${'skipped'.padStart(7)}  ${'errors'.padStart(6)}  ${'disagree'.padStart(8)}  kinds (cases)`,
  ];
  for (const s of r.adapters) {
    if (s.unavailable !== null) {
      lines.push(`${label(s).padEnd(width)}  not run: ${s.unavailable}`);
      continue;
    }
    lines.push(
      `${label(s).padEnd(width)}  ${String(s.run).padStart(5)}  ${String(s.skipped).padStart(7)}  ${String(s.errors).padStart(6)}  ${String(s.disagreeing).padStart(8)}  ${kinds(s)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function others(f: SuiteFinding): string {
  const by = (v: string): string[] =>
    Object.entries(f.others)
      .filter(([, x]) => x === v)
      .map(([n]) => n);
  const parts: string[] = [];
  if (by('same').length > 0) parts.push(`also in ${by('same').join(', ')}`);
  if (by('clean').length > 0) parts.push(`clean in ${by('clean').join(', ')}`);
  if (by('skipped').length > 0) parts.push(`cannot express it: ${by('skipped').join(', ')}`);
  return parts.join('; ');
}

function browserLine(c: BrowserCheck | undefined): string {
  if (c === undefined) return '';
  if (c.read === null) return `  browser: ${c.note}\n`;
  const agrees = c.agrees === true ? 'agrees with the raw run' : 'differs from the raw run';
  return `  browser (${c.engine}): page JS ${c.read ? 'reads' : 'cannot read'} the answer${c.readableHeaders.length > 0 ? ` (headers ${c.readableHeaders.join(', ')})` : ''}: ${agrees}${c.note === '' ? '' : ` (${c.note})`}\n`;
}

/** One shrunk disagreement. */
export function findingText(f: SuiteFinding, x: SuiteExtras): string {
  const probe = f.outcome.probes.find((p) => p.probe === f.disagreement.probe);
  const answers = f.outcome.exchanges
    .filter((e) => e.label.startsWith(`probe ${f.disagreement.probe}: as a browser`))
    .map((e) => `${e.method} ${e.status} ${corsAnswer(e.responseHeaders) || '(no CORS headers)'}`);
  const key = `${f.adapter} ${f.kind}`;
  return (
    `\n[${f.adapter}] ${f.kind}: ${KIND_MEANING[f.kind]}\n` +
    `  ${f.disagreement.detail}\n` +
    `  policy: ${describePolicy(f.case.policy)}\n` +
    (probe === undefined ? '' : `  request: ${probe.what}\n`) +
    (answers.length > 0 ? `  answer: ${answers.join(' / ')}\n` : '') +
    (others(f) === '' ? '' : `  ${others(f)}\n`) +
    browserLine(x.browser[key]) +
    `  shrunk from case ${f.index} in ${f.shrinkRuns} runs; replay: ${suiteReplayCommand(f, x.adapterFile)}\n` +
    (x.repros[key] === undefined ? '' : `  repro: ${x.repros[key]}\n`)
  );
}

/** The whole report. */
export function formatSuiteText(r: SuiteReport, x: SuiteExtras): string {
  const head = `frameworks: seed ${r.seed}, ${r.runs} generated cases in ${(r.elapsedMs / 1000).toFixed(1)} s\n\n`;
  const browser =
    x.browserSkipped === null ? '' : `\nbrowser confirmation skipped: ${x.browserSkipped}\n`;
  const body = r.findings.map((f) => findingText(f, x)).join('');
  const ran = r.adapters.some((s) => s.unavailable === null);
  const tail = !ran
    ? '\nno adapter ran\n'
    : r.findings.length === 0
      ? '\nno disagreement with the intent\n'
      : `\n${r.findings.length} shrunk disagreement${r.findings.length === 1 ? '' : 's'} (one per adapter and kind)\n`;
  return head + summaryTable(r, x.versions) + browser + body + tail;
}
