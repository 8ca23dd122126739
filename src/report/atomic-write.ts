// Report files are replaced whole or not at all: each is written to a temporary file in the
// same folder, then renamed over the old one (a rename within a folder is atomic), so a
// reader, a crash or a full disk never leaves a half-written results.json behind. Folders
// are made one level at a time (see makeDirs).
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

function codeOf(e: unknown): unknown {
  return (e as { code?: unknown } | null)?.code;
}

/**
 * `mkdir -p`. Node's `mkdir(dir, { recursive: true })` never returns where the kernel says
 * ENOENT for a folder that cannot be made under an existing one (`/proc/nope`): it keeps
 * making the parent. Here each missing level is made once, and that ENOENT is the answer.
 */
export async function makeDirs(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    const info = await stat(d).catch((e: unknown) => {
      if (codeOf(e) === 'ENOENT') return null;
      throw e;
    });
    if (info !== null) {
      if (!info.isDirectory()) {
        throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), {
          code: 'ENOTDIR',
        });
      }
      break;
    }
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    await mkdir(d).catch((e: unknown) => {
      if (codeOf(e) !== 'EEXIST') throw e;
    });
  }
}

function tempNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Writes `text` to `path` atomically. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await writeFilesAtomic([[path, text]]);
}

/**
 * Writes every file to its temporary name first, then renames them one after the other:
 * a failure while writing leaves all the old files as they were.
 */
export async function writeFilesAtomic(files: ReadonlyArray<[string, string]>): Promise<void> {
  const temps = files.map(([path]) => tempNameFor(path));
  try {
    for (const [i, [, text]] of files.entries()) await writeFile(temps[i] ?? '', text);
    for (const [i, [path]] of files.entries()) await rename(temps[i] ?? '', path);
  } catch (e) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    throw e;
  }
}

/** Copies `from` to `to` atomically. */
export async function copyFileAtomic(from: string, to: string): Promise<void> {
  const temp = tempNameFor(to);
  try {
    await copyFile(from, temp);
    await rename(temp, to);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}
