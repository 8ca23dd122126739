// Writes a finding as a standalone reproduction under reports/fuzz/<id>/: the scenario
// JSON (accepted by predict, explain and run), an HTML page that makes the same requests
// with plain fetch()/XMLHttpRequest code, a dependency-free server.mjs that serves the page
// and the CORS answers on two ports, and a README with the replay command and the diff.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { asset, assetFor } from '../../servers/assets.js';
import {
  endingHop,
  finalAsset,
  materialiseScenario,
  stepDescriptor,
  stepRequests,
} from '../harness/compile.js';
import { PAGE_RUNNER_SOURCE } from '../harness/page-runner.js';
import { isInitiatorApi } from '../scenario/types.js';
import { normalizeHeaders } from '../scenario/placeholders.js';
import type { BodySpec, Scenario, ScenarioRequest } from '../scenario/types.js';
import type { FuzzFinding } from './fuzz.js';
import { REPRO_SERVER_SOURCE } from './repro-server.js';
import { makeDirs } from '../report/atomic-write.js';
import { escapeHtml } from '../report/html-escape.js';

const q = (v: unknown): string => JSON.stringify(v);

function bodyCode(b: BodySpec): string {
  if (typeof b === 'string') return q(b);
  switch (b.kind) {
    case 'text':
      return q(b.value);
    case 'url-search-params':
      return `new URLSearchParams(${q(b.value)})`;
    case 'form-data':
      return `(() => { const f = new FormData(); for (const [k, v] of Object.entries(${q(b.fields)})) f.append(k, v); return f; })()`;
    case 'blob':
      return `new Blob([${q(b.value)}], { type: ${q(b.type)} })`;
    case 'array-buffer':
      return `new TextEncoder().encode(${q(b.value)}).buffer`;
    case 'stream':
      return `new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(${q(b.value)})); c.close(); } })`;
  }
}

/** JS (an async arrow function body) making one request and returning what JS saw. */
export function requestCode(req: ScenarioRequest, url: string): string {
  const headers = normalizeHeaders(req.headers);
  if ((req.api ?? 'fetch') === 'xhr') {
    const lines = [
      'const x = new XMLHttpRequest();',
      `x.open(${q(req.method ?? 'GET')}, ${url});`,
      ...headers.map(([n, v]) => `x.setRequestHeader(${q(n)}, ${q(v)});`),
    ];
    const wc = req.withCredentials ?? req.credentials === 'include';
    if (wc) lines.push('x.withCredentials = true;');
    if (req.uploadListener === true) lines.push('x.upload.onprogress = () => {};');
    lines.push(
      'return await new Promise((resolve) => {',
      '  x.onload = () => resolve({ status: x.status, headers: x.getAllResponseHeaders() });',
      "  x.onerror = () => resolve({ error: 'error event (network error)' });",
      `  x.send(${req.body === undefined ? '' : bodyCode(req.body)});`,
      '});',
    );
    return lines.join('\n');
  }
  const init: string[] = [];
  if (req.method !== undefined) init.push(`method: ${q(req.method)}`);
  if (headers.length > 0) init.push(`headers: ${q(headers)}`);
  for (const k of ['mode', 'credentials', 'redirect', 'cache', 'referrerPolicy'] as const) {
    if (req[k] !== undefined) init.push(`${k}: ${q(req[k])}`);
  }
  if (req.body !== undefined) {
    init.push(`body: ${bodyCode(req.body)}`);
    if (typeof req.body === 'object' && req.body.kind === 'stream') init.push("duplex: 'half'");
  }
  return [
    `const r = await fetch(${url}, { ${init.join(', ')} });`,
    'return { status: r.status, type: r.type, headers: [...r.headers.keys()] };',
  ].join('\n');
}

/**
 * JS (an async arrow function body) loading one initiator's request the way the harness
 * does: the harness's own page runner and in-page driver (page-runner.ts), given the step's
 * descriptor; it returns the driver's load, error and taint result.
 */
export function initiatorCode(req: ScenarioRequest, url: string): string {
  const d = stepDescriptor(req, '');
  return [
    `const d = { ...${q(d)}, url: ${url}, journalUrl: PAGE + '/__journal', helperOrigin: PAGE };`,
    "const arg = { cases: [{ token: 'repro', steps: [d] }], concurrency: 1, bodyCap: 2048, stepTimeoutMs: 10000, client: 'page' };",
    'const [r] = JSON.parse(await corsConformanceRunner(arg));',
    'return r.harnessError ?? r.steps[0].initiator;',
  ].join('\n');
}

/** The page: runs each step in order and prints what JS saw next to the model's prediction. */
export function reproHtml(s: Scenario, expected: unknown): string {
  const requests = stepRequests(s);
  const steps = requests.map(({ request, step }, i) => {
    const role = request.target ?? s.request.target ?? 'cross-origin';
    const query = request.query === undefined || request.query === '' ? '' : `?${request.query}`;
    const base = role === 'same-origin' || role === 'same-origin-of-parent' ? 'PAGE' : 'OTHER';
    const url = `${base} + '/hop/0${query}'`;
    const wait = step?.delayMs ? `await new Promise((r) => setTimeout(r, ${step.delayMs}));\n` : '';
    const code = isInitiatorApi(request.api ?? 'fetch')
      ? initiatorCode(request, url)
      : requestCode(request, url);
    return `${wait}try { out.push(await (async () => {\n${code}\n})()); } catch (e) { out.push({ error: String(e) }); }\n// step ${i}`;
  });
  const initiators = requests.some(({ request }) => isInitiatorApi(request.api ?? 'fetch'));
  const runner = [
    // The harness's page runner, for the initiators: the same elements, events and waits.
    ...(initiators ? [`const corsConformanceRunner = (${PAGE_RUNNER_SOURCE});`] : []),
    'async function run(PAGE, OTHER) {',
    'const out = [];',
    ...steps,
    'return out;',
    '}',
  ].join('\n');
  const client = s.client ?? 'page';
  const ports =
    "const PAGE = 'http://localhost:' + location.port; const OTHER = 'http://127.0.0.1:' + (Number(location.port) + 1);";
  const show = "document.getElementById('observed').textContent = JSON.stringify(result, null, 2);";
  const top =
    client === 'page'
      ? `${ports}\nrun(PAGE, OTHER).then((result) => { ${show} });`
      : [
          ports,
          // An opaque-origin client: the same code in a sandboxed (or data:) frame.
          `const src = '<script>' + run.toString() + ';run(' + JSON.stringify(PAGE) + ',' + JSON.stringify(OTHER) + ').then((r) => parent.postMessage(r, "*"))<' + '/script>';`,
          "const f = document.createElement('iframe');",
          client === 'data-url'
            ? "f.src = 'data:text/html,' + encodeURIComponent(src);"
            : "f.sandbox = 'allow-scripts'; f.srcdoc = src;",
          `addEventListener('message', (e) => { const result = e.data; ${show} });`,
          'document.body.append(f);',
        ].join('\n');
  return `<!doctype html>
<meta charset="utf-8">
<title>CORS reproduction</title>
<h1>CORS reproduction</h1>
<p>Requests made by this page (client: ${client}); the server window prints what arrived.</p>
<h2>Observed here</h2>
<pre id="observed">running...</pre>
<h2>The model predicts</h2>
<pre>${escapeHtml(JSON.stringify(expected, null, 2))}</pre>
<script>
${runner}
${top}
</script>
`;
}

/** The asset's bytes as base64 (`body64` of an answer), or nothing when there is none. */
function assetBody(name: ReturnType<typeof assetFor>): { body64?: string } {
  return name === null ? {} : { body64: asset(name).bytes.toString('base64') };
}

/**
 * The data server.mjs serves: every hop and the final URL, headers written out in full. The
 * answer an initiator's page sees (the final URL's, or the hop the chain ends on) carries the
 * fixture asset the harness serves there (an image, a font, a script...), as `body64`.
 */
export function reproServerData(s: Scenario, html: string): unknown {
  const m = materialiseScenario(s);
  const server = m.server ?? {};
  const ending = endingHop(s);
  const hops = (server.redirects ?? []).map((h, i) => {
    const headers = normalizeHeaders(h.headers);
    const hasLocation = headers.some(([n]) => n.toLowerCase() === 'location');
    if (h.noLocation !== true && !hasLocation) headers.unshift(['Location', '<next>']);
    const body =
      ending === i ? assetBody(assetFor(s.request.api ?? 'fetch', s.request.variant)) : {};
    return {
      to: h.to,
      userinfo: h.userinfo ?? '',
      preflight: h.preflight
        ? { ...h.preflight, headers: normalizeHeaders(h.preflight.headers) }
        : null,
      response: { status: h.status, headers, ...body },
    };
  });
  const final = {
    preflight: server.preflight
      ? { ...server.preflight, headers: normalizeHeaders(server.preflight.headers) }
      : null,
    response: {
      ...(server.actual ?? { status: 200 }),
      headers: normalizeHeaders(server.actual?.headers),
      ...assetBody(finalAsset(s)),
    },
  };
  return {
    client: s.client ?? 'page',
    target: s.request.target ?? 'cross-origin',
    hops,
    final,
    html,
  };
}

/** The one-line replay command for a finding (with the injected model fault, if any). */
export function replayCommand(
  f: Pick<FuzzFinding, 'engine' | 'replay'> & { generator?: 'initiators' },
  fault: string | null = null,
): string {
  const engine = f.engine.startsWith('model:') ? 'model' : f.engine;
  const withFault = fault === null ? '' : ` --fault ${fault}`;
  // A case of the initiator generator only decodes with that generator.
  const generator = f.generator === 'initiators' ? ' --initiators' : '';
  return `npx cors-conformance fuzz --engine ${engine}${withFault}${generator} --replay ${f.replay}`;
}

/** How a finding was reduced: shrunk, not shrunk, or failing only in its batch. */
export function findingShape(f: FuzzFinding): string {
  if (f.shrunk) return `shrunk in ${f.shrinkRuns} runs`;
  if (f.aloneVerdict !== undefined) {
    return `failed only in its batch, alone: ${f.aloneVerdict}; not shrunk`;
  }
  return 'not shrunk';
}

function readme(f: FuzzFinding, dirName: string): string {
  const diffs = f.outcome.diffs.map(
    (d) => `| \`${d.field}\` | \`${q(d.predicted)}\` | \`${q(d.observed)}\` |`,
  );
  return `# Fuzz finding ${dirName}

- engine: ${f.engine}
- seed: ${f.seed}, path: ${f.replay.slice(f.replay.indexOf(':') + 1)} (scenario #${f.index} of the run, ${findingShape(f)})
- replay: \`${replayCommand(f)}\`
- the model alone: \`npx cors-conformance explain --engine ${f.engine.replace(/^model:/, '')} scenario.json\`

| field | model predicts | engine did |
| ----- | -------------- | ---------- |
${diffs.join('\n')}

## Without the harness

    node server.mjs          # ports 8001 (page) and 8002; PAGE_PORT=9001 node server.mjs for 9001/9002

then open http://localhost:8001/ in the browser. The page is on \`localhost\`; every
cross-origin role of the scenario is \`127.0.0.1\` on the other port (so lookalike or
same-site distinctions of the harness's host names collapse to "cross-origin").
`;
}

/** Writes the reproduction into `<root>/<id>/`; returns that directory. */
export async function writeRepro(root: string, f: FuzzFinding): Promise<string> {
  const id = `${f.engine.replace(/[^a-z0-9]+/gi, '-')}-${f.replay.replace(/:/g, '-')}`;
  const dir = join(root, id);
  await makeDirs(dir);
  const scenario: Scenario = {
    ...f.scenario,
    id: `fuzz/${id}`,
    title: `fuzz ${f.engine} ${f.replay}`,
  };
  const html = reproHtml(scenario, f.outcome.prediction);
  const data = reproServerData(scenario, html);
  await writeFile(join(dir, 'scenario.json'), `${JSON.stringify(scenario, null, 2)}\n`);
  await writeFile(join(dir, 'repro.html'), html);
  await writeFile(
    join(dir, 'server.mjs'),
    `// Reproduction of fuzz finding ${id}: node server.mjs\nconst DATA = ${JSON.stringify(data)};\n${REPRO_SERVER_SOURCE}`,
  );
  await writeFile(join(dir, 'README.md'), readme(f, id));
  return dir;
}
