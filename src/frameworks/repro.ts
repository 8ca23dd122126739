// A shrunk disagreement as a standalone reproduction under reports/frameworks/<id>/: the case
// (policy in the common vocabulary, probes as requests), the adapter's own configuration, every
// raw exchange as HTTP text, a curl script that sends the same requests to any server, and a
// README with the replay command.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HeaderList } from '../scenario/types.js';
import { KIND_MEANING } from './oracle.js';
import type { Exchange } from './run-case.js';
import type { SuiteFinding } from './suite.js';
import { describePolicy } from './vocabulary.js';

/** `koa+@koa/cors@4.0.0` -> `koa-koa-cors-4.0.0`. */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The directory name of a finding: adapter, kind, seed and the case it started from. */
export function reproId(f: SuiteFinding): string {
  const [seed = '0', index = '0'] = f.replay.split(':');
  return `${slug(f.adapter)}--${f.kind}--${seed}-${index}`;
}

/** The command that replays a finding (`--only` keeps it to the adapter). */
export function suiteReplayCommand(f: SuiteFinding, adapterFile?: string): string {
  const which = adapterFile === undefined ? `--only '${f.adapter}'` : `--adapter ${adapterFile}`;
  return `npx cors-conformance frameworks --replay ${f.replay} ${which}`;
}

function headerLines(h: HeaderList): string {
  return h.map(([n, v]) => `${n}: ${v}`).join('\r\n');
}

/** Every exchange as HTTP/1.1 text, the path taken from the route's URL. */
export function exchangesText(exchanges: readonly Exchange[], url: string | null): string {
  const path = url === null ? '/' : new URL(url).pathname;
  return exchanges
    .map(
      (e) =>
        `### ${e.label}\r\n${e.method} ${path} HTTP/1.1\r\n${headerLines(e.headers)}\r\n\r\n` +
        `HTTP/1.1 ${e.status}\r\n${headerLines(e.responseHeaders)}\r\n\r\n${e.body}\r\n`,
    )
    .join('\r\n');
}

const sh = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** A curl script sending the same requests to `$1` (default: the URL the run used). */
export function curlScript(exchanges: readonly Exchange[], url: string | null): string {
  const lines = [
    '#!/bin/sh',
    '# The requests of this reproduction, one by one; give the route URL of your own server as $1.',
    `URL="\${1:-${url ?? 'http://127.0.0.1:8000/api/data'}}"`,
  ];
  for (const e of exchanges) {
    const headers = e.headers.map(([n, v]) => `-H ${sh(`${n}: ${v}`)}`).join(' ');
    const method = e.method === 'HEAD' ? '-I' : `-X ${sh(e.method)}`;
    lines.push(`echo ${sh(`### ${e.label}`)}`, `curl -s -i ${method} ${headers} "$URL"`, 'echo');
  }
  return `${lines.join('\n')}\n`;
}

function readme(f: SuiteFinding, adapterFile?: string): string {
  return [
    `# ${f.adapter}: ${f.kind}`,
    '',
    `${KIND_MEANING[f.kind]}.`,
    '',
    `- disagreement (probe ${f.disagreement.probe}): ${f.disagreement.detail}`,
    `- policy: ${describePolicy(f.case.policy)}`,
    `- first seen in generated case ${f.index}, shrunk in ${f.shrinkRuns} runs to \`${f.replay}\``,
    `- replay: \`${suiteReplayCommand(f, adapterFile)}\``,
    '',
    'Files: `case.json` (the policy and the probes, and the requests they became), `config.json` (the',
    "middleware's configuration the adapter wrote), `exchange.http` (every request and answer as sent",
    'and received), `curl.sh` (the same requests against any URL: `sh curl.sh http://127.0.0.1:3000/api/data`).',
    '',
  ].join('\n');
}

/** Writes the reproduction; returns its directory. */
export async function writeSuiteRepro(
  outDir: string,
  f: SuiteFinding,
  adapterFile?: string,
): Promise<string> {
  const dir = join(outDir, reproId(f));
  await mkdir(dir, { recursive: true });
  const o = f.outcome;
  await writeFile(
    join(dir, 'case.json'),
    `${JSON.stringify(
      {
        adapter: f.adapter,
        kind: f.kind,
        replay: f.replay,
        disagreement: f.disagreement,
        policy: f.case.policy,
        probes: f.case.probes,
        requests: o.probes.map((p) => ({
          probe: p.probe,
          what: p.what,
          intent: p.intent,
          verdict: p.verdict,
        })),
      },
      null,
      2,
    )}\n`,
  );
  await writeFile(join(dir, 'config.json'), `${JSON.stringify(o.config, null, 2)}\n`);
  await writeFile(join(dir, 'exchange.http'), exchangesText(o.exchanges, o.url));
  await writeFile(join(dir, 'curl.sh'), curlScript(o.exchanges, o.url), { mode: 0o755 });
  await writeFile(join(dir, 'README.md'), readme(f, adapterFile));
  return dir;
}
