// Writing index.html with its details files (html.ts) into a report folder, and removing
// details files a previous, larger report left behind.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { makeDirs, writeFilesAtomic } from './atomic-write.js';
import { htmlFiles, type HtmlExtras } from './html.js';
import type { ReportData } from './report-data.js';

/** index.html and details/*.js as [absolute path, content], ready for writeFilesAtomic. */
export async function htmlReportFiles(
  outDir: string,
  data: ReportData,
  extras: HtmlExtras = {},
): Promise<[string, string][]> {
  await makeDirs(join(outDir, 'details'));
  return htmlFiles(data, extras).map(([rel, body]): [string, string] => [join(outDir, rel), body]);
}

/** Removes details files that `written` (the paths just written) does not name. */
export async function pruneDetails(outDir: string, written: readonly string[]): Promise<void> {
  const dir = join(outDir, 'details');
  const keep = new Set(written);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (/^\d+\.js$/.test(name) && !keep.has(path)) await rm(path, { force: true });
  }
}

/** Writes index.html and its details files; returns index.html's path. */
export async function writeHtmlReport(
  outDir: string,
  data: ReportData,
  extras: HtmlExtras = {},
): Promise<string> {
  const files = await htmlReportFiles(outDir, data, extras);
  await writeFilesAtomic(files);
  await pruneDetails(
    outDir,
    files.map(([p]) => p),
  );
  return join(outDir, 'index.html');
}
