// The newcomer's map stays true: every file and folder under src/, servers/, suites/ and
// scripts/ is named in the README of its folder (or, for a folder without one, of the
// nearest folder above that has one, by its path from there), every README names only
// files that exist, and the top README's "How it is built" links every folder of src/.
// A name counts when it stands in backticks: `run.ts`, `engines/`, `smoke/smoke.spec.ts`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAPPED = ['src', 'servers', 'suites', 'scripts'];

/** Tracked files under the mapped folders, and the untracked ones git does not ignore. */
function files(): string[] {
  const out = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '--', ...MAPPED],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return [...new Set(out.split('\n').filter((f) => f !== '' && existsSync(join(ROOT, f))))];
}

/** Every folder that holds a mapped file, the mapped roots included. */
function folders(all: string[]): string[] {
  const set = new Set<string>();
  for (const f of all) {
    for (let d = posix.dirname(f); d !== '.'; d = posix.dirname(d)) set.add(d);
  }
  return [...set].sort();
}

const readmeText = new Map<string, string>();
function readme(folder: string): string | null {
  if (!readmeText.has(folder)) {
    const path = join(ROOT, folder, 'README.md');
    readmeText.set(folder, existsSync(path) ? readFileSync(path, 'utf8') : '');
  }
  const text = readmeText.get(folder) ?? '';
  return text === '' ? null : text;
}

/** The folder whose README must name `entry`: its own folder's, else the nearest above. */
function mapFolder(entry: string): string | null {
  for (let d = posix.dirname(entry); d !== '.'; d = posix.dirname(d)) {
    if (readme(d) !== null) return d;
  }
  return null;
}

function named(text: string, rel: string, isFolder: boolean): boolean {
  const forms = isFolder ? [`\`${rel}/\``, `\`${rel}\``] : [`\`${rel}\``];
  return forms.some((f) => text.includes(f));
}

test('every file and folder under src/, servers/, suites/, scripts/ is named in its README', () => {
  const all = files();
  const entries: { path: string; isFolder: boolean }[] = [
    ...all
      .filter((f) => posix.basename(f) !== 'README.md')
      .map((path) => ({ path, isFolder: false })),
    ...folders(all)
      .filter((d) => !MAPPED.includes(d))
      .map((path) => ({ path, isFolder: true })),
  ];
  const missing: string[] = [];
  for (const { path, isFolder } of entries) {
    const home = mapFolder(path);
    if (home === null) {
      missing.push(`${path}: no README.md in ${posix.dirname(path)}/ or any folder above it`);
      continue;
    }
    const rel = posix.relative(home, path);
    if (!named(readme(home) ?? '', rel, isFolder)) {
      missing.push(`${home}/README.md does not name \`${rel}${isFolder ? '/' : ''}\``);
    }
  }
  expect(missing, `add a row for each (its one job):\n${missing.join('\n')}`).toEqual([]);
});

test('every mapped root and every folder directly under src/ has a README', () => {
  const all = files();
  const wanted = [...MAPPED, ...folders(all).filter((d) => posix.dirname(d) === 'src')];
  const without = wanted.filter((d) => readme(d) === null).map((d) => `${d}/README.md is missing`);
  expect(without, without.join('\n')).toEqual([]);
});

/** Backticked names in a README's table rows' first cell that look like a file or folder. */
function listedNames(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split('\n')) {
    const cell = /^\|\s*([^|]*?)\s*\|/.exec(line)?.[1] ?? '';
    for (const m of cell.matchAll(/`([^`\s]+)`/g)) {
      const name = m[1] ?? '';
      if (/^[\w.-]+(\/[\w.-]+)*\/?$/.test(name) && /\.[a-z]\w*$|\/$/i.test(name)) names.push(name);
    }
  }
  return names;
}

test('every file or folder a README lists in its tables exists', () => {
  const all = files();
  const stale: string[] = [];
  for (const folder of [...MAPPED, ...folders(all)]) {
    const text = readme(folder);
    if (text === null) continue;
    for (const name of listedNames(text)) {
      if (!existsSync(join(ROOT, folder, name)))
        stale.push(`${folder}/README.md lists \`${name}\`, which does not exist`);
    }
  }
  expect([...new Set(stale)], stale.join('\n')).toEqual([]);
});

test('the top README links the README of every folder of src/ under "How it is built"', () => {
  const top = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = top.split(/^## /m).find((s) => s.startsWith('How it is built')) ?? '';
  const unlinked = folders(files())
    .filter((d) => posix.dirname(d) === 'src' || ['servers', 'suites', 'scripts'].includes(d))
    .filter((d) => !section.includes(`](${d}/README.md)`))
    .map((d) => `README.md "How it is built" does not link ${d}/README.md`);
  expect(unlinked, unlinked.join('\n')).toEqual([]);
});
