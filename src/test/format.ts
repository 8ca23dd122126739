// Text for matcher failures: the request, the server's raw headers, the prediction with its
// deciding spec step, the observation, and the fields that differ. Pure: result in, text out.
import type { ProbeResult, RawAnswer } from '../harness/probe.js';
import type { PageObservation } from '../harness/types.js';
import { explainPrediction } from '../model/explain.js';
import type { HeaderList } from '../scenario/types.js';

const PAD = '    ';

function headerLines(list: HeaderList): string[] {
  return list.length === 0 ? [`${PAD}(no headers)`] : list.map(([n, v]) => `${PAD}${n}: ${v}`);
}

function answerLines(title: string, a: RawAnswer | null, none: string): string[] {
  if (a === null) return [`  ${title}: ${none}`];
  return [`  ${title}: ${a.status} ${a.statusText}`.trimEnd(), ...headerLines(a.headers)];
}

/** One line: method, URL, origin, client, engine. */
export function requestLine(r: ProbeResult): string {
  const client = r.client === 'page' ? '' : ` (${r.client} client, Origin: null)`;
  return `${r.method} ${r.url} from ${r.from}${client} in ${r.engine}`;
}

/** What the page saw, on one line. */
export function observationLine(o: PageObservation): string {
  if (o.outcome === 'ok') {
    const readable = o.readableHeaders.length > 0 ? o.readableHeaders.join(', ') : '(none)';
    return `ok: status ${String(o.status)}, response type ${o.responseType ?? '(n/a for XHR)'}, readable headers: ${readable}`;
  }
  const err = o.error === null ? '' : ` (${o.error.name}: ${o.error.message})`;
  return `${o.outcome}${err}`;
}

/** The full account a failing matcher prints under its first line. */
export function describeResult(r: ProbeResult): string {
  const author = r.request.headers === undefined ? [] : headerLinesOf(r.request.headers);
  const lines = [
    `request: ${requestLine(r)}`,
    ...(author.length > 0 ? ['  headers set by page JS:', ...author] : []),
    ...(r.sentPreflight === null
      ? ['  preflight: none (the model says this request needs none)']
      : ['  preflight sent (replayed from Node):', ...headerLines(r.sentPreflight)]),
    'server answers (raw, as received by Node):',
    ...answerLines('preflight', r.preflight, 'not sent'),
    ...answerLines('actual', r.actual, 'not sent (the model says the browser does not send it)'),
    `prediction (${r.engine} profile):`,
    ...explainPrediction(r.scenario, r.prediction, r.engine)
      .split('\n')
      .slice(1)
      .map((l) => `  ${l}`),
    `observation (${r.engine}):`,
    `  ${observationLine(r.observation)}`,
  ];
  if (r.diffs.length > 0) {
    lines.push('differences:');
    for (const d of r.diffs) {
      lines.push(
        `  ${d.field}: predicted ${JSON.stringify(d.predicted)}, observed ${JSON.stringify(d.observed)}`,
      );
    }
  }
  if (
    JSON.stringify(r.prediction.readableHeaders) !==
      JSON.stringify(r.specPrediction.readableHeaders) ||
    r.prediction.outcome !== r.specPrediction.outcome
  ) {
    lines.push(
      `note: the Fetch Standard itself predicts: ${r.specPrediction.outcome}, readable headers ${r.specPrediction.readableHeaders.join(', ') || '(none)'} (${r.engine} departs from it here)`,
    );
  }
  for (const n of r.notes) lines.push(`note: ${n}`);
  return lines.join('\n');
}

function headerLinesOf(init: NonNullable<ProbeResult['request']['headers']>): string[] {
  const list: HeaderList = Array.isArray(init)
    ? init
    : Object.entries(init).flatMap(([n, v]) =>
        (Array.isArray(v) ? v : [v]).map((x): [string, string] => [n, x]),
      );
  return headerLines(list);
}

/** The deciding spec step of the prediction (its last reason), for one-line summaries. */
export function decidingStep(r: ProbeResult): string {
  const first = explainPrediction(r.scenario, r.prediction, r.engine).split('\n')[1] ?? '';
  return first.trim();
}
