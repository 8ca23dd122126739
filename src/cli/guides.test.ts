// The three guides (docs/for-*.md) stay true: every `npx cors-conformance ...` they show,
// in a shell block or inline, names a real command with options it has; the shell blocks run
// here, in a folder holding the files the guide writes (`<!-- file: NAME -->` before a
// block), with the built CLI in place of `npx cors-conformance`, and must exit 0; each
// workflow a guide shows (`<!-- workflow: PATH -->`) is that example file, word for word.
// Not run: the full-matrix run (the packaging test runs it from the installed package),
// `show-report` (serves until stopped) and `frameworks` (its own tests run the adapters).
// Needs a current build (`npm run build`).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Command } from 'commander';
import { packageRoot } from '../report/paths.js';
import { buildProgram } from './main.js';

const ROOT = packageRoot();
const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const GUIDES = ['for-api-teams.md', 'for-middleware-authors.md', 'for-browser-watchers.md'];
const NPX = 'npx cors-conformance';

interface Guide {
  name: string;
  text: string;
  files: Map<string, string>;
  workflows: Map<string, string>;
  /** Lines of the shell blocks, `\` continuations joined, comments dropped. */
  shell: string[];
  /** `npx cors-conformance ...` in inline code. */
  inline: string[];
}

function readGuide(name: string): Guide {
  const text = readFileSync(join(ROOT, 'docs', name), 'utf8');
  const guide: Guide = {
    name,
    text,
    files: new Map(),
    workflows: new Map(),
    shell: [],
    inline: [],
  };
  const block = /(?:<!-- (file|workflow): (\S+) -->\s*)?```(\w*)\n([\s\S]*?)```/g;
  for (const m of text.matchAll(block)) {
    const [, kind, target, lang, body = ''] = m;
    if (kind === 'file' && target !== undefined) guide.files.set(target, body);
    if (kind === 'workflow' && target !== undefined) guide.workflows.set(target, body);
    if (lang === 'sh') {
      const lines = body.replace(/\\\n\s*/g, ' ').split('\n');
      guide.shell.push(...lines.map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')));
    }
  }
  const outside = text.replace(block, '');
  for (const m of outside.matchAll(/`(npx cors-conformance[^`]*)`/g)) {
    guide.inline.push((m[1] ?? '').replace(/\s+/g, ' '));
  }
  return guide;
}

/** Words of a command line, up to a redirect (quotes kept simple: the guides use "..."). */
function words(line: string): string[] {
  const head = line.split(/\s[>|]\s/)[0] ?? line;
  return [...head.matchAll(/"[^"]*"|'[^']*'|\S+/g)].map((m) => m[0]);
}

/** The options a subcommand has (long and short forms, `--no-x` included). */
function optionsOf(command: Command): Set<string> {
  const names = new Set(['--help', '-h']);
  for (const o of command.options) {
    if (o.long !== undefined) names.add(o.long);
    if (o.short !== undefined) names.add(o.short);
  }
  return names;
}

/** Problems with one `npx cors-conformance ...` line: unknown command or option. */
function checkFlags(line: string): string[] {
  const [, , sub, ...rest] = words(line);
  const command = buildProgram().commands.find((c) => c.name() === sub);
  if (command === undefined) return [`${line}: no command "${sub}"`];
  const known = optionsOf(command);
  return rest
    .filter((w) => w.startsWith('-'))
    .map((w) => w.split('=')[0] ?? w)
    .filter((flag) => !known.has(flag))
    .map((flag) => `${line}: ${sub} has no option ${flag}`);
}

const skipped = (line: string): boolean => {
  const [, , sub, ...rest] = words(line);
  if (sub === 'show-report' || sub === 'frameworks') return true;
  // The full matrix: the packaging test runs it from an installed package.
  return (
    sub === 'run' &&
    !rest.includes('--suite') &&
    rest.every((w) => w.startsWith('-') || w === 'chromium')
  );
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function bash(
  line: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-c', line],
      {
        cwd,
        env: { ...process.env, ...env, FORCE_COLOR: '0' },
        timeout: 180_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (err, stdout, stderr) => {
        const code = err === null ? 0 : typeof err.code === 'number' ? err.code : 1;
        resolve({ code, out: `${stdout}\n${stderr}` });
      },
    );
  });
}

for (const name of GUIDES) {
  test.describe(name, () => {
    const guide = readGuide(name);

    test('starts from npm install, ends with a workflow that is the example file', () => {
      expect(guide.shell[0]).toBe('npm install --save-dev cors-conformance');
      expect(guide.workflows.size).toBe(1);
      for (const [path, body] of guide.workflows) {
        // The example file is the guide's block after its leading comment lines.
        const file = readFileSync(join(ROOT, path), 'utf8').replace(/^(#.*\n)+/, '');
        expect(body, path).toBe(file);
      }
      expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`docs/${name}`);
    });

    test('every cors-conformance command it shows has the options it uses', () => {
      const lines = [...guide.shell, ...guide.inline].filter((l) => l.startsWith(NPX));
      expect(lines.length).toBeGreaterThan(2);
      expect(lines.flatMap(checkFlags)).toEqual([]);
      // The check can fail: a misspelt option is caught.
      expect(checkFlags(`${NPX} run --engines chromium`)).toEqual([
        `${NPX} run --engines chromium: run has no option --engines`,
      ]);
    });

    test('its commands run and exit 0', async () => {
      test.setTimeout(600_000);
      expect(existsSync(CLI), 'dist/ is built (npm run build)').toBe(true);
      const dir = await mkdtemp(join(tmpdir(), 'cors-conformance-guide-'));
      try {
        for (const [file, body] of guide.files) {
          await mkdir(join(dir, dirname(file)), { recursive: true });
          await writeFile(join(dir, file), body);
        }
        // The guides say port 3000; here it is a free one (the server reads PORT).
        const port = await freePort();
        // In the guide's order (a later command may read what an earlier one wrote).
        const run = guide.shell
          .filter((l) => !l.startsWith('npm install') && !(l.startsWith(NPX) && skipped(l)))
          .map((l) =>
            l.replaceAll(NPX, `node ${JSON.stringify(CLI)}`).replaceAll(':3000', `:${port}`),
          );
        for (const line of run) {
          const r = await bash(line, dir, { PORT: String(port) });
          expect(r.code, `${line}\n${r.out.slice(-3000)}`).toBe(0);
        }
        expect(run.length).toBeGreaterThan(1);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
}
