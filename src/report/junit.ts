// The report as JUnit XML for CI systems: one <testsuite> per engine, one <testcase> per
// scenario (classname = the scenario's area). fail and unexpected-pass are <failure>s with
// the diffs as text; harness-error is an <error>; a deviation (evidenced or unconfirmed)
// passes with its reason in <system-out>.
import type { ReportCase, ReportData } from './report-data.js';
import { diffLines, driftText } from './report-data.js';

/** Text and attribute values: the five XML escapes, characters XML 1.0 forbids dropped. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');
}

function testcase(c: ReportCase): string {
  const name = c.title === '' ? c.id : `${c.id}: ${c.title}`;
  const head = `    <testcase${attrs({ classname: c.area, name: `${name} [${c.engine}]`, time: 0 })}`;
  const text = xmlEscape(driftText(c).join('\n'));
  const first = c.note ?? diffLines(c.diffs)[0];
  const message = xmlEscape(`${c.verdict}${first === undefined ? '' : `: ${first}`}`);
  switch (c.verdict) {
    case 'pass':
      return `${head}/>`;
    case 'known-deviation':
    case 'unconfirmed-deviation':
      return `${head}>\n      <system-out>${c.verdict}: ${xmlEscape(c.note ?? '')}</system-out>\n    </testcase>`;
    case 'fail':
    case 'unexpected-pass':
      return `${head}>\n      <failure message="${message}" type="${c.verdict}">${text}</failure>\n    </testcase>`;
    case 'harness-error':
      return `${head}>\n      <error message="${message}" type="harness-error">${text}</error>\n    </testcase>`;
  }
}

export function toJunitXml(data: ReportData): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const all = data.cases;
  const count = (cs: ReportCase[], v: string): number => cs.filter((c) => c.verdict === v).length;
  const failures = (cs: ReportCase[]): number => count(cs, 'fail') + count(cs, 'unexpected-pass');
  lines.push(
    `<testsuites${attrs({
      name: 'cors-conformance',
      tests: all.length,
      failures: failures(all),
      errors: count(all, 'harness-error'),
      time: 0,
    })}>`,
  );
  for (const engine of data.engines) {
    const cs = all.filter((c) => c.engine === engine);
    lines.push(
      `  <testsuite${attrs({
        name: engine,
        tests: cs.length,
        failures: failures(cs),
        errors: count(cs, 'harness-error'),
        skipped: 0,
        timestamp: data.generatedAt,
        time: 0,
      })}>`,
    );
    for (const c of cs) lines.push(testcase(c));
    lines.push('  </testsuite>');
  }
  for (const s of data.skipped) {
    lines.push(
      `  <testsuite${attrs({ name: s.engine, tests: 1, failures: 0, errors: 0, skipped: 1 })}>`,
    );
    lines.push(
      `    <testcase${attrs({ classname: 'engine', name: `${s.engine} not available`, time: 0 })}>`,
    );
    lines.push(`      <skipped${attrs({ message: s.reason })}/>`);
    lines.push('    </testcase>');
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
