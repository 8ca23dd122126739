// Host names for engines that resolve through the system resolver (WebKitGTK has no
// command-line host mapping): a marked block of `/etc/hosts` lines pointing the test names at
// 127.0.0.1, for IPv4 and IPv6 lookups alike. The block's text functions live in
// hosts-block.mjs (plain JS, shared with scripts/browsers.mjs, which runs before the build);
// only `ensureHostsEntries` touches the file.
import { readFile, writeFile } from 'node:fs/promises';
import { HOSTS_ADDRESSES, namesInBlock, rewriteHostsText } from './hosts-block.mjs';

export {
  DEFAULT_HOST_NAMES,
  HOSTS_ADDRESSES,
  HOSTS_BEGIN,
  HOSTS_END,
  namesInBlock,
  rewriteHostsText,
} from './hosts-block.mjs';

export const HOSTS_PATH = '/etc/hosts';

/** Whether every name in `names` is mapped to each of HOSTS_ADDRESSES somewhere in the hosts text. */
export function hostsTextCovers(text: string, names: readonly string[]): boolean {
  const mapped = new Set<string>();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    const [address, ...aliases] = line.split(/\s+/);
    if (address === undefined || !HOSTS_ADDRESSES.includes(address)) continue;
    for (const alias of aliases) mapped.add(`${address} ${alias.toLowerCase()}`);
  }
  return names.every((name) =>
    HOSTS_ADDRESSES.every((address) => mapped.has(`${address} ${name.toLowerCase()}`)),
  );
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * Makes sure `names` resolve to 127.0.0.1 (IPv4 and IPv6 lookups) through the hosts file. Returns true when they
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
