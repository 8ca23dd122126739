// The marked /etc/hosts block that maps the test host names to 127.0.0.1, as pure text
// functions. Each name gets an IPv4 line and an IPv4-mapped IPv6 line (`::ffff:127.0.0.1`):
// GLib's resolver (WebKitGTK) looks a name up for IPv6 on its own, and a name the file maps
// for IPv4 only is then asked of the DNS server, once per new connection. A DNS server that
// drops some of those queries (a sandbox's, under load) makes each one wait out the
// resolver's 5 s timeout (resolv.conf(5) `timeout`); libsoup opens a new connection for
// every request whose method is not idempotent, so requests stalled 5-15 s in batches. The
// mapped address reaches the same 127.0.0.1 listener. Plain JavaScript with JSDoc types so
// that both scripts/browsers.mjs (which runs before `npm ci` and the build) and the compiled
// harness (hosts-file.ts) import this one copy.
// @ts-check

export const HOSTS_BEGIN = '# cors-conformance begin';
export const HOSTS_END = '# cors-conformance end';

/** The addresses each name is mapped to, one line each. */
export const HOSTS_ADDRESSES = Object.freeze(['127.0.0.1', '::ffff:127.0.0.1']);

/**
 * The names the harness's origins use (see src/scenario/world.ts), mapped by default.
 * @type {readonly string[]}
 */
export const DEFAULT_HOST_NAMES = Object.freeze([
  'example.com',
  'sub.example.com',
  'example.net',
  'sub.example.net',
  'example.org',
]);

/**
 * Returns `text` with exactly one marked block mapping `names` to HOSTS_ADDRESSES at the end (no
 * block when `names` is empty). Lines outside the block are kept byte for byte; running it
 * twice with the same names gives the same text.
 * @param {string} text
 * @param {readonly string[]} names
 * @returns {string}
 */
export function rewriteHostsText(text, names) {
  const lines = text.split('\n');
  /** @type {string[]} */
  const kept = [];
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
    const lines = unique.flatMap((name) => HOSTS_ADDRESSES.map((a) => `${a} ${name}`));
    kept.push(HOSTS_BEGIN, ...lines, HOSTS_END);
  }
  return kept.length === 0 ? '' : `${kept.join('\n')}\n`;
}

/**
 * The names our marked block maps today (kept on rewrite, so that parallel workers never
 * drop each other's names).
 * @param {string} text
 * @returns {string[]}
 */
export function namesInBlock(text) {
  /** @type {string[]} */
  const names = [];
  let inBlock = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === HOSTS_BEGIN) inBlock = true;
    else if (line === HOSTS_END) inBlock = false;
    else if (inBlock) names.push(...line.split(/\s+/).slice(1));
  }
  return [...new Set(names.filter((name) => name.length > 0))];
}
