// `cors-conformance show-report [--port N] [--dir reports]`: serves the reports folder on
// 127.0.0.1 (report-server.ts: regular files inside the folder only) and prints the URL of
// index.html; runs until stopped (Ctrl-C: exit 130).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import type { ReportServer } from '../report-server.js';
import { startReportServer } from '../report-server.js';
import { commandFactory, runStandalone } from '../run-command.js';
import { onStop } from '../signals.js';

export interface ShowReportOptions {
  port: string;
  dir: string;
}

export interface ShowReportDeps {
  cwd: string;
  /** Resolves when the user wants to stop (Ctrl-C). */
  untilStopped(): Promise<void>;
}

export async function showReportAction(
  options: ShowReportOptions,
  io: CliIo,
  deps: ShowReportDeps,
): Promise<number> {
  if (!/^\d+$/.test(options.port) || Number(options.port) > 65535) {
    throw new UsageError(`--port: must be a port number 0-65535 (got "${options.port}")`);
  }
  const dir = resolve(deps.cwd, options.dir);
  if (!existsSync(join(dir, 'index.html'))) {
    throw new UsageError(
      `${join(options.dir, 'index.html')}: not found: run \`npm run conformance\` first`,
    );
  }
  let server: ReportServer;
  try {
    server = await startReportServer(dir, Number(options.port));
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'EADDRINUSE') {
      throw new UsageError(
        `--port: ${options.port} is in use; pick another or 0 for any free port`,
      );
    }
    throw e;
  }
  io.stdout(`serving ${options.dir} at ${server.url} (Ctrl-C to stop)\n`);
  await deps.untilStopped();
  await server.close();
  return EXIT.ok;
}

/** Resolves when the process is asked to stop (the signal handler then exits 130/143). */
function untilSignal(): Promise<void> {
  return new Promise((ok) => {
    onStop(() => {
      ok();
      return Promise.resolve();
    });
  });
}

/** The `show-report` command on `deps` (the working folder, and until when it serves). */
export function showReportCommand(
  io: CliIo,
  done: (code: number) => void,
  deps: ShowReportDeps = { cwd: process.cwd(), untilStopped: untilSignal },
): Command {
  return commandFactory('show-report', {
    description: 'serve the reports folder on 127.0.0.1 and print the URL of the matrix',
    options: [
      ['-p, --port <port>', 'port to listen on (0: any free port)', '9324'],
      ['-d, --dir <dir>', 'the reports folder', 'reports'],
    ],
    run: (options: ShowReportOptions, i) => showReportAction(options, i, deps),
  })(io, done);
}

export function runShowReport(argv: string[], io: CliIo, deps: ShowReportDeps): Promise<number> {
  return runStandalone((i, d) => showReportCommand(i, d, deps), argv, io);
}
