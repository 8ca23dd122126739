// index.html: one page (inline CSS and script, no network) that works opened from disk. It
// embeds only what the matrix and the case lists need; the case details of each spec section
// and engine sit beside it in `details/<n>.js`, loaded with a <script> element the first time
// a case of that section and engine is opened (a script element loads from file://, where fetch() does not). The conformance matrix has a row per spec section and
// a column per engine; a cell counts its cases per verdict and takes its worst verdict's
// colour. A click on a cell lists its cases; a click on a case shows the request, each hop's
// request and response headers, spec / engine-profile prediction / observation side by side
// (differing fields highlighted), the model's reasons linked to the spec, and the console.
// `#case=<id>@<engine>` opens a case directly.
import { escapeHtml } from './html-escape.js';
import { VERDICT_KINDS, VERDICT_LABELS } from '../harness/verdict.js';
import type { ReportData } from './report-data.js';
import { runStatusHtml } from './run-status.js';

/** JSON that is safe inside a <script> element (no `</script>`, no `<!--`). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Where the page finds section `n`'s case details, relative to index.html. */
export function detailsPath(n: number): string {
  return `details/${n}.js`;
}

/** The details files: one per spec section and engine, numbered in the order met. */
function chunkKeys(data: ReportData): Map<string, number> {
  const keys = new Map<string, number>();
  for (const c of data.cases) {
    const k = `${c.section}\n${c.engine}`;
    if (!keys.has(k)) keys.set(k, keys.size);
  }
  return keys;
}

/** The data index.html embeds: per case only what the matrix and the lists show. */
function pageData(data: ReportData): unknown {
  const chunks = chunkKeys(data);
  return {
    ...data,
    cases: data.cases.map((c) => ({
      key: c.key,
      id: c.id,
      title: c.title,
      section: c.section,
      engine: c.engine,
      verdict: c.verdict,
      n: chunks.get(`${c.section}\n${c.engine}`) ?? -1,
    })),
  };
}

/**
 * One details file: every case of a section in one engine (the journal left out: the hops
 * carry what it says), each scenario once.
 */
function detailsScript(data: ReportData, key: string, n: number): string {
  const scenarios: Record<string, unknown> = {};
  const cases: Record<string, unknown> = {};
  for (const c of data.cases) {
    if (`${c.section}\n${c.engine}` !== key) continue;
    const { journal: _journal, scenario, ...rest } = c;
    scenarios[c.id] ??= scenario;
    cases[c.key] = rest;
  }
  return `window.__corsDetails(${n}, ${scriptJson({ scenarios, cases })});\n`;
}

/** index.html and its details files, as [path relative to the report folder, content]. */
export function htmlFiles(data: ReportData, extras: HtmlExtras = {}): [string, string][] {
  return [
    ['index.html', toHtml(data, extras)],
    ...[...chunkKeys(data)].map(([key, n]): [string, string] => [
      detailsPath(n),
      detailsScript(data, key, n),
    ]),
  ];
}

const CSS = `
:root { --pass: #1a7f37; --known: #0969da; --unconfirmed: #6e7781; --unexpected: #bc4c00; --fail: #cf222e; --harness: #8250df; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1f2328; background: #f6f8fa; }
header { padding: 12px 20px; background: #24292f; color: #fff; }
header h1 { font-size: 18px; margin: 0 0 4px; }
header .meta { color: #c9d1d9; font-size: 12px; }
main { padding: 16px 20px; display: grid; gap: 16px; }
section.panel { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: 12px 16px; }
section.panel.run-status { border-left: 6px solid var(--unexpected); background: #fff8f0; }
h2 { font-size: 15px; margin: 0 0 8px; }
table { border-collapse: collapse; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
#matrix td.cell { padding: 0; }
#matrix button.cell { all: unset; cursor: pointer; display: block; padding: 6px 10px; min-width: 170px; border-left: 6px solid #d0d7de; }
#matrix button.cell:hover, #matrix button.cell.selected { background: #eef4ff; }
#matrix button.cell:focus-visible { outline: 2px solid #0969da; }
.w-pass { border-left-color: var(--pass) !important; }
.w-known-deviation { border-left-color: var(--known) !important; }
.w-unconfirmed-deviation { border-left-color: var(--unconfirmed) !important; }
.w-unexpected-pass { border-left-color: var(--unexpected) !important; }
.w-fail { border-left-color: var(--fail) !important; }
.w-harness-error { border-left-color: var(--harness) !important; }
.count { display: inline-block; margin-right: 8px; font-variant-numeric: tabular-nums; }
.v { display: inline-block; padding: 0 6px; border-radius: 10px; color: #fff; font-size: 12px; }
.v-pass { background: var(--pass); } .v-known-deviation { background: var(--known); }
.v-unconfirmed-deviation { background: var(--unconfirmed); }
.v-unexpected-pass { background: var(--unexpected); } .v-fail { background: var(--fail); }
.v-harness-error { background: var(--harness); }
.c-pass { color: var(--pass); } .c-known-deviation { color: var(--known); }
.c-unconfirmed-deviation { color: var(--unconfirmed); }
.c-unexpected-pass { color: var(--unexpected); } .c-fail { color: var(--fail); }
.c-harness-error { color: var(--harness); }
#cases ul { list-style: none; padding: 0; margin: 0; }
#cases li { padding: 3px 0; border-bottom: 1px solid #eaeef2; }
#cases a { color: #0969da; text-decoration: none; font-family: ui-monospace, monospace; }
#cases a:hover { text-decoration: underline; }
.muted { color: #656d76; }
pre { background: #f6f8fa; padding: 8px; overflow: auto; margin: 4px 0; font-size: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
code, .mono { font-family: ui-monospace, monospace; font-size: 12px; }
tr.diff td.observed { background: #ffebe9; font-weight: 600; }
tr.spec-diff td.spec { background: #fff8c5; }
.headers div { white-space: pre-wrap; overflow-wrap: anywhere; font-family: ui-monospace, monospace; font-size: 12px; }
section.panel { min-width: 0; overflow-x: auto; }
#hops { width: 100%; table-layout: fixed; }
#hops th:first-child { width: 2.5em; }
#hops td { overflow-wrap: anywhere; }
#reasons li, #note { overflow-wrap: anywhere; }
.side { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
input[type=search] { padding: 4px 8px; width: 320px; }
.tag { font-size: 11px; background: #ddf4ff; color: #0969da; padding: 0 4px; border-radius: 4px; }
`;

// The page script. Plain ES2017, builds DOM nodes with textContent only (scenario values are
// data, never markup).
const SCRIPT = `
(function () {
  'use strict';
  var DATA = JSON.parse(document.getElementById('report-data').textContent);
  var VERDICTS = ${JSON.stringify(VERDICT_KINDS)};
  var RANK = {}; VERDICTS.forEach(function (v, i) { RANK[v] = i; });
  var LABEL = ${JSON.stringify(VERDICT_LABELS)};
  var byKey = {};
  DATA.cases.forEach(function (c) { byKey[c.key] = c; });
  // Section details, loaded on first use: details/<n>.js calls __corsDetails(n, data).
  var details = {};
  var waiting = {};
  window.__corsDetails = function (n, d) {
    details[n] = d;
    (waiting[n] || []).forEach(function (cb) { cb(d); });
    delete waiting[n];
  };
  function withDetails(n, cb) {
    if (details[n]) return cb(details[n]);
    if (waiting[n]) { waiting[n].push(cb); return; }
    waiting[n] = [cb];
    var s = document.createElement('script');
    s.src = 'details/' + n + '.js';
    s.onerror = function () { delete waiting[n]; cb(null); };
    document.head.appendChild(s);
  }

  function el(tag, attrs, children) {
    var n = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === 'text') n.textContent = attrs[k];
      else if (k === 'class') n.className = attrs[k];
      else n.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      n.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return n;
  }
  function show(v) { return v === undefined ? '(absent)' : JSON.stringify(v); }
  function badge(v) { return el('span', { 'class': 'v v-' + v, text: LABEL[v] || v }); }
  function counts(cases) {
    var n = {}; VERDICTS.forEach(function (v) { n[v] = 0; });
    cases.forEach(function (c) { n[c.verdict]++; });
    return n;
  }
  function worst(cases) {
    var w = null;
    cases.forEach(function (c) { if (w === null || RANK[c.verdict] > RANK[w]) w = c.verdict; });
    return w;
  }
  function casesIn(section, engine) {
    return DATA.cases.filter(function (c) { return c.section === section && c.engine === engine; });
  }

  // The matrix.
  function drawMatrix() {
    var table = document.getElementById('matrix');
    var head = el('tr', null, [el('th', { text: 'spec section' })].concat(DATA.engines.map(function (e) {
      return el('th', { text: e });
    })));
    table.appendChild(el('thead', null, [head]));
    var body = el('tbody');
    DATA.sections.forEach(function (s) {
      var row = el('tr', { 'data-section': s }, [el('th', { text: s })]);
      DATA.engines.forEach(function (e) {
        var cs = casesIn(s, e);
        var td = el('td', { 'class': 'cell' });
        if (cs.length === 0) { td.appendChild(el('span', { 'class': 'muted', text: ' -' })); row.appendChild(td); return; }
        var n = counts(cs);
        var b = el('button', { 'class': 'cell w-' + worst(cs), type: 'button', 'data-section': s, 'data-engine': e, title: s + ' in ' + e });
        VERDICTS.forEach(function (v) {
          if (n[v] > 0) b.appendChild(el('span', { 'class': 'count c-' + v, 'data-verdict': v, text: n[v] + ' ' + LABEL[v] }));
        });
        b.addEventListener('click', function () { listCell(s, e); });
        td.appendChild(b);
        row.appendChild(td);
      });
      body.appendChild(row);
    });
    table.appendChild(body);
  }

  function caseLink(c) {
    var a = el('a', { href: '#case=' + c.key, 'data-key': c.key, text: c.id });
    return el('li', { 'data-key': c.key }, [badge(c.verdict), ' ', a, ' ', el('span', { 'class': 'muted', text: c.engine + (c.title ? ' \\u2014 ' + c.title : '') })]);
  }

  function listCases(title, cases) {
    var box = document.getElementById('cases');
    box.textContent = '';
    box.appendChild(el('h2', { text: title + ' (' + cases.length + ')' }));
    var sorted = cases.slice().sort(function (a, b) { return RANK[b.verdict] - RANK[a.verdict] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0); });
    box.appendChild(el('ul', null, sorted.map(caseLink)));
    box.hidden = false;
  }

  function listCell(section, engine) {
    document.querySelectorAll('#matrix button.selected').forEach(function (b) { b.classList.remove('selected'); });
    var b = document.querySelector('#matrix button[data-section="' + CSS.escape(section) + '"][data-engine="' + CSS.escape(engine) + '"]');
    if (b) b.classList.add('selected');
    listCases(section + ' \\u00d7 ' + engine, casesIn(section, engine));
  }

  // The detail of one case.
  var FIELDS = ['preflight', 'acrm', 'acrh', 'actualSent', 'outcome', 'status', 'responseType', 'originHeader', 'readableHeaders'];
  function steps(p) { var out = []; while (p) { out.push(p); p = p.then; } return out; }
  function headerBlock(list) {
    var box = el('div', { 'class': 'headers' });
    (list || []).forEach(function (h) { box.appendChild(el('div', { text: h[0] + ': ' + h[1] })); });
    if (!list || list.length === 0) box.appendChild(el('span', { 'class': 'muted', text: '(none)' }));
    return box;
  }

  function comparison(c) {
    var diffs = {}; c.diffs.forEach(function (d) { diffs[d.field] = d; });
    var specDiffs = {}; c.specDiffs.forEach(function (d) { specDiffs[d.field] = d; });
    var sp = steps(c.specPrediction), ep = steps(c.prediction), ob = steps(c.observation);
    var n = Math.max(sp.length, ep.length, ob.length, 1);
    var rows = [];
    for (var i = 0; i < n; i++) {
      var prefix = new Array(i + 1).join('then.');
      if (n > 1) rows.push(el('tr', null, [el('th', { colspan: '4', text: i === 0 ? 'first request' : 'follow-up ' + i })]));
      FIELDS.concat(['cookie']).forEach(function (f) {
        var key = prefix + f;
        if (f === 'cookie' && !diffs[key] && !specDiffs[key]) return;
        var pick = function (o) { return o ? o[f] : undefined; };
        var spv = specDiffs[key] && f === 'cookie' ? specDiffs[key].predicted : pick(sp[i]);
        var epv = diffs[key] && f === 'cookie' ? diffs[key].predicted : pick(ep[i]);
        var obv = diffs[key] ? diffs[key].observed : specDiffs[key] ? specDiffs[key].observed : pick(ob[i]);
        var cls = (diffs[key] ? 'diff ' : '') + (specDiffs[key] ? 'spec-diff' : '');
        rows.push(el('tr', { 'class': cls, 'data-field': key }, [
          el('th', { text: key }),
          el('td', { 'class': 'spec mono', text: show(spv) }),
          el('td', { 'class': 'predicted mono', text: show(epv) }),
          el('td', { 'class': 'observed mono', text: show(obv) })
        ]));
      });
    }
    var head = el('tr', null, [el('th', { text: 'field' }), el('th', { text: 'spec prediction' }), el('th', { text: c.engine + ' profile prediction' }), el('th', { text: 'observed in ' + c.engine })]);
    return el('table', { id: 'comparison' }, [el('thead', null, [head]), el('tbody', null, rows)]);
  }

  function requestTable(c) {
    var r = c.scenario.request || {};
    var rows = [['client', c.client], ['api', r.api || 'fetch'], ['method', r.method || 'GET'], ['target', r.target || 'cross-origin']];
    ['mode', 'credentials', 'redirect', 'cache', 'referrerPolicy', 'query', 'withCredentials', 'uploadListener'].forEach(function (k) {
      if (r[k] !== undefined) rows.push([k, String(r[k])]);
    });
    if (r.body !== undefined) rows.push(['body', JSON.stringify(r.body)]);
    var trs = rows.map(function (kv) { return el('tr', null, [el('th', { text: kv[0] }), el('td', { 'class': 'mono', text: kv[1] })]); });
    var h = r.headers;
    var list = Array.isArray(h) ? h : Object.keys(h || {}).reduce(function (acc, k) {
      [].concat(h[k]).forEach(function (v) { acc.push([k, v]); }); return acc;
    }, []);
    trs.push(el('tr', null, [el('th', { text: 'headers' }), el('td', null, [headerBlock(list)])]));
    return el('table', { id: 'request' }, [el('tbody', null, trs)]);
  }

  function hopsTable(c) {
    if (!c.hops || c.hops.length === 0) return el('p', { 'class': 'muted', text: 'No request reached the fixture servers.' });
    var head = el('tr', null, ['#', 'request', 'request headers', 'response (as the scenario answers)'].map(function (t) { return el('th', { text: t }); }));
    var rows = c.hops.map(function (h, i) {
      var what = (h.preflight ? 'preflight ' : '') + h.method + ' ' + h.origin + h.target.replace(/[?]i=.*$/, '?i=\\u2026') + ' (hop ' + h.hop + ')';
      var resp = h.response ? el('div', null, [el('div', { 'class': 'mono', text: 'status ' + h.response.status }), headerBlock(h.response.headers)]) : el('span', { 'class': 'muted', text: '-' });
      return el('tr', { 'class': 'hop' }, [el('td', { text: String(i + 1) }), el('td', { 'class': 'mono', text: what }), el('td', null, [headerBlock(h.requestHeaders)]), el('td', null, [resp])]);
    });
    return el('table', { id: 'hops' }, [el('thead', null, [head]), el('tbody', null, rows)]);
  }

  function reasonsList(c) {
    if (c.reasons.length === 0) return el('p', { 'class': 'muted', text: 'The model gave no reasons (no prediction).' });
    return el('ol', { id: 'reasons' }, c.reasons.map(function (r) {
      return el('li', null, [
        r.step > 0 ? el('span', { 'class': 'tag', text: 'follow-up ' + r.step }) : null, r.step > 0 ? ' ' : null,
        el('a', { href: r.url, target: '_blank', rel: 'noopener', text: r.algorithm }), ': ', r.text,
        r.deviation ? el('span', { 'class': 'tag', text: 'knob ' + r.deviation }) : null
      ]);
    }));
  }

  function showCase(key) {
    var box = document.getElementById('detail');
    var summary = byKey[key];
    if (!summary) {
      box.textContent = '';
      box.hidden = false;
      box.appendChild(el('p', { text: 'No case ' + key + ' in this report.' }));
      return;
    }
    withDetails(summary.n, function (d) {
      var c = d && d.cases[key];
      if (c) c.scenario = d.scenarios[c.id];
      drawCase(box, key, c);
    });
  }

  function drawCase(box, key, c) {
    box.textContent = '';
    box.hidden = false;
    if (!c) { box.appendChild(el('p', { text: 'The details of ' + key + ' did not load (details/ missing beside index.html?).' })); return; }
    var err = c.observation && c.observation.error;
    box.appendChild(el('h2', null, [badge(c.verdict), ' ', el('span', { 'class': 'mono', text: c.id }), ' in ' + c.engine]));
    if (c.title) box.appendChild(el('p', { text: c.title }));
    if (c.note) box.appendChild(el('p', { id: 'note' }, [el('strong', { text: 'Note: ' }), c.note]));
    if (c.explainedBy) box.appendChild(el('p', { id: 'explained-by', 'class': 'muted' }, ['engine facts (src/engine-facts/' + c.engine.split('@')[0] + '.ts): ' + c.explainedBy.knobs.map(function (k) { return 'knob ' + k; }).concat(c.explainedBy.rules.map(function (r) { return 'rule ' + r; })).join(', ')]));
    box.appendChild(el('p', { 'class': 'muted' }, ['section ' + c.section + '; anchors: '].concat(c.anchors.map(function (a) {
      return el('a', { href: 'https://fetch.spec.whatwg.org/#' + a, target: '_blank', rel: 'noopener', text: a + ' ' });
    }))));
    box.appendChild(el('h3', { text: 'Request' }));
    box.appendChild(requestTable(c));
    box.appendChild(el('h3', { text: 'On the wire (each hop)' }));
    box.appendChild(hopsTable(c));
    box.appendChild(el('h3', { text: 'Prediction vs observation' }));
    box.appendChild(comparison(c));
    if (err) box.appendChild(el('p', { 'class': 'mono', text: 'page error: ' + err.name + ': ' + err.message }));
    box.appendChild(el('h3', { text: 'Why: the model, step by step' }));
    box.appendChild(reasonsList(c));
    if (c.explanation) box.appendChild(el('details', null, [el('summary', { text: 'explanation' }), el('pre', { text: c.explanation })]));
    box.appendChild(el('h3', { text: 'Console' }));
    box.appendChild(c.console.length ? el('pre', { id: 'console', text: c.console.join('\\n') }) : el('p', { 'class': 'muted', text: '(no console message)' }));
    box.appendChild(el('details', null, [el('summary', { text: 'scenario JSON' }), el('pre', { text: JSON.stringify(c.scenario, null, 2) })]));
    box.scrollIntoView({ block: 'start' });
  }

  function fromHash() {
    var m = /^#case=(.+)$/.exec(location.hash);
    if (!m) return;
    var key = m[1];
    try { key = decodeURIComponent(key); } catch (e) { /* keep it raw */ }
    var c = byKey[key];
    if (c) listCell(c.section, c.engine);
    showCase(key);
  }

  function drawTotals() {
    var box = document.getElementById('totals');
    DATA.engines.forEach(function (e) {
      var t = DATA.totals[e] || {};
      box.appendChild(el('div', { 'data-engine': e }, [el('strong', { text: e + ': ' })].concat(VERDICTS.map(function (v) {
        return el('span', { 'class': 'count c-' + v, 'data-verdict': v, text: (t[v] || 0) + ' ' + LABEL[v] });
      }))));
    });
    DATA.skipped.forEach(function (s) {
      box.appendChild(el('div', { 'class': 'skipped' }, [el('strong', { text: s.engine + ': ' }), 'skipped: ' + s.reason]));
    });
    if (DATA.drift.length > 0) {
      var link = el('a', { href: '#', text: 'show the ' + DATA.drift.length + ' drift case' + (DATA.drift.length === 1 ? '' : 's') });
      link.addEventListener('click', function (ev) { ev.preventDefault(); listCases('drift', DATA.drift.map(function (k) { return byKey[k]; })); });
      box.appendChild(el('div', null, [link]));
    }
  }

  function wireSearch() {
    var input = document.getElementById('search');
    input.addEventListener('input', function () {
      var q = input.value.trim().toLowerCase();
      if (q.length < 2) return;
      listCases('matching \\u201c' + q + '\\u201d', DATA.cases.filter(function (c) {
        return c.key.toLowerCase().indexOf(q) !== -1 || c.title.toLowerCase().indexOf(q) !== -1;
      }).slice(0, 300));
    });
  }

  drawTotals();
  drawMatrix();
  wireSearch();
  window.addEventListener('hashchange', fromHash);
  fromHash();
})();
`;

/** How each engine was driven where that shapes the results (e.g. its cookie policy). */
function conditionsHtml(data: ReportData): string {
  const lines = Object.entries(data.conditions ?? {}).flatMap(([engine, list]) =>
    list.map(
      (c) =>
        `<div class="meta conditions" data-engine="${escapeHtml(engine)}">${escapeHtml(engine)}: ${escapeHtml(c)}</div>`,
    ),
  );
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Extra HTML the page shows above the totals (trusted: built by our own code, escaped there). */
export interface HtmlExtras {
  /** E.g. the drift since the previous run (src/report/drift.ts `driftHtml`). */
  top?: string;
}

/** The whole page as one string. */
export function toHtml(data: ReportData, extras: HtmlExtras = {}): string {
  const title = 'cors-conformance report';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${title}</h1>
<div class="meta">generated ${escapeHtml(data.generatedAt)}; ${data.cases.length} cases; engines: ${escapeHtml(data.engines.map((e) => (data.engineVersions[e] ? `${e} ${data.engineVersions[e]}` : e)).join(', ') || 'none')}</div>
${conditionsHtml(data)}</header>
<main>
${runStatusHtml(data.run)}
${extras.top === undefined ? '' : `<section class="panel" id="top">${extras.top}</section>\n`}<section class="panel"><h2>Totals</h2><div id="totals"></div>
<p><label>Find a scenario: <input type="search" id="search" placeholder="id or title, e.g. preflight-cache/"></label></p></section>
<section class="panel"><h2>Conformance matrix (scenarios by spec section \u00d7 engine)</h2><table id="matrix"></table>
<p class="muted">Click a cell to list its scenarios; a scenario to see its request, the wire and the model's reasons.</p></section>
<section class="panel" id="cases" hidden></section>
<section class="panel" id="detail" hidden></section>
</main>
<script type="application/json" id="report-data">${scriptJson(pageData(data))}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
