// The asset list of `verify --assets FILE` / `--asset LINE`: the fonts, images, scripts and
// stylesheets a site's pages load from the server under test. One grammar for both, one
// asset per line:
//
//   KIND URL [CROSSORIGIN]      e.g.  font /fonts/brand.woff2
//                                     img-canvas https://cdn.example.test/logo.png anonymous
//
// `KIND=URL` is the same line (`--asset font=/fonts/brand.woff2`). Blank lines and lines
// starting with `#` are skipped. A URL starting with `/` is on the target's origin. A line
// that cannot be used is an AssetListError naming the file and line (exit 2 on the CLI).
import { isLoadKind, LOAD_KINDS, type LoadKind } from '../harness/initiators/load.js';
import type { CrossOriginAttribute } from '../scenario/types.js';
import { CROSSORIGIN_APIS } from '../scenario/types.js';

/** One asset a page on the site's origin loads. */
export interface AssetSpec {
  kind: LoadKind;
  /** Absolute http(s) URL. */
  url: string;
  /** The element's CORS settings attribute (`absent`: the attribute is left out). */
  crossorigin: CrossOriginAttribute;
  /** Where it was declared (`assets.txt:3`, `--asset`), for the report. */
  source: string;
}

/** An asset line that cannot be used: one line naming where and why. */
export class AssetListError extends Error {
  override readonly name = 'AssetListError';
}

const USAGE = 'use KIND URL [anonymous|use-credentials]';

function resolveUrl(text: string, base: URL | undefined, at: string): string {
  let url: URL;
  try {
    if (text.startsWith('/') && !text.startsWith('//')) {
      if (base === undefined) throw new TypeError('no base');
      url = new URL(text, base);
    } else {
      url = new URL(text);
    }
  } catch {
    throw new AssetListError(
      `${at}: ${JSON.stringify(text)} is neither an absolute http(s) URL nor a path starting with / (on the target's origin)`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AssetListError(`${at}: the URL must be http or https (got ${JSON.stringify(text)})`);
  }
  return url.href;
}

function crossOriginOf(kind: LoadKind, word: string | undefined, at: string): CrossOriginAttribute {
  if (word === undefined) return 'absent';
  if (word !== 'anonymous' && word !== 'use-credentials') {
    throw new AssetListError(
      `${at}: CROSSORIGIN must be anonymous or use-credentials (got ${JSON.stringify(word)}); ${USAGE}`,
    );
  }
  if (!CROSSORIGIN_APIS.includes(kind)) {
    throw new AssetListError(
      `${at}: ${kind} has no crossorigin attribute (it is always requested with CORS); leave "${word}" out`,
    );
  }
  return word;
}

/**
 * One asset line (already known not to be blank or a comment). `base` resolves paths that
 * start with `/` (the target URL); `at` names the line in errors.
 */
export function parseAssetLine(line: string, at: string, base?: URL): AssetSpec {
  const m = /^([^\s=]+)(?:=|\s+)(\S+)(?:\s+(\S+))?\s*$/.exec(line.trim());
  if (m === null) {
    throw new AssetListError(`${at}: ${USAGE} (got ${JSON.stringify(line.trim())})`);
  }
  const [, kind = '', urlText = '', attr] = m;
  if (!isLoadKind(kind)) {
    throw new AssetListError(
      `${at}: KIND must be one of ${LOAD_KINDS.join(', ')} (got ${JSON.stringify(kind)})`,
    );
  }
  return {
    kind,
    url: resolveUrl(urlText, base, at),
    crossorigin: crossOriginOf(kind, attr, at),
    source: at,
  };
}

/** Every asset of a list file's text; `name` is the file as the user gave it. */
export function parseAssetList(text: string, name: string, base?: URL): AssetSpec[] {
  const assets: AssetSpec[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    assets.push(parseAssetLine(line, `${name}:${i + 1}`, base));
  });
  if (assets.length === 0) {
    throw new AssetListError(`${name}: no assets listed; ${USAGE}, one per line`);
  }
  return assets;
}
