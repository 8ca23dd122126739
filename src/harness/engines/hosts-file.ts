// Host names for engines that resolve through the system resolver (WebKitGTK has no
// command-line host mapping): a marked block of `/etc/hosts` lines pointing the test names at
// 127.0.0.1. The rewrite is a pure function; only `ensureHostsEntries` touches the file.
// scripts/browsers.mjs carries a plain-JS twin of `rewriteHostsText` (it runs before the
// build); a unit test keeps the two identical.
import { readFile, writeFile } from 'node:fs/promises';

export const HOSTS_BEGIN = '# cors-conformance begin';
export const HOSTS_END = '# cors-conformance end';
export const HOSTS_PATH = '/etc/hosts';

/** The names the harness's origins use (see src/scenario/world.ts), mapped by default. */
export const DEFAULT_HOST_NAMES: readonly string[] = [
  'example.com',
  'sub.example.com',
  'example.net',
  'sub.example.net',
  'example.org',
];

/**
 * Returns `text` with exactly one marked block mapping `names` to 127.0.0.1 at the end (no
 * block when `names` is empty). Lines outside the block are kept byte for byte; running it
 * twice with the same names gives the same text.
 */
export function rewriteHostsText(text: string, names: readonly string[]): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === HOSTS_BEGIN) {
      const end = lines.findIndex((l, j) => j > i && l.trim() === HOSTS_END);
      // A begin marker without an end marker is left alone rather than eating the file.
      if (end !== -1) {
        i = end;
        continue;
      }
    }
    kept.push(line);
  }
  // `split` leaves one empty string after a final newline; drop trailing empties so the block
  // always sits right after the last real line.
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  const unique = [...new Set(names)];
  if (unique.length > 0) {
    kept.push(HOSTS_BEGIN, ...unique.map((name) => `127.0.0.1 ${name}`), HOSTS_END);
  }
  return kept.length === 0 ? '' : `${kept.join('\n')}\n`;
}

/** Whether every name in `names` is mapped to 127.0.0.1 somewhere in the hosts text. */
export function hostsTextCovers(text: string, names: readonly string[]): boolean {
  const mapped = new Set<string>();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    const [address, ...aliases] = line.split(/\s+/);
    if (address !== '127.0.0.1') continue;
    for (const alias of aliases) mapped.add(alias.toLowerCase());
  }
  return names.every((name) => mapped.has(name.toLowerCase()));
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * Makes sure `names` resolve to 127.0.0.1 through the hosts file. Returns true when they
 * already do or the block was written (root only), false otherwise. The file is rewritten in
 * place (not renamed over) because containers often bind-mount it.
 */
export async function ensureHostsEntries(
  names: readonly string[],
  path: string = HOSTS_PATH,
): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return false;
  }
  if (hostsTextCovers(text, names)) return true;
  if (!isRoot()) return false;
  // Keep whatever the block already mapped so parallel workers never drop each other's names.
  const current = namesInBlock(text);
  const next = rewriteHostsText(text, [...current, ...names]);
  try {
    await writeFile(path, next, 'utf8');
    return true;
  } catch {
    return false;
  }
}

/** The names our marked block maps today. */
export function namesInBlock(text: string): string[] {
  const names: string[] = [];
  let inBlock = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === HOSTS_BEGIN) inBlock = true;
    else if (line === HOSTS_END) inBlock = false;
    else if (inBlock) names.push(...line.split(/\s+/).slice(1));
  }
  return names.filter((name) => name.length > 0);
}
