// Where the package's own files are, from source (src/report) and from the build
// (dist/src/report) alike: the nearest folder above holding this package's package.json.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function isOurPackage(dir: string): boolean {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return false;
  try {
    return (
      (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'cors-conformance'
    );
  } catch {
    return false;
  }
}

/** The package root (where package.json, dist/ and, in a checkout, suites/ live). */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (isOurPackage(dir)) return dir;
    if (dirname(dir) === dir) throw new Error(`no cors-conformance package.json above ${from}`);
  }
}
