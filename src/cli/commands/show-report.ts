// `cors-conformance show-report [--port N] [--dir reports]`: serves the reports folder with
// http-server on 127.0.0.1 and prints the URL of index.html; runs until interrupted.
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import type { CliIo } from '../io.js';
import { EXIT_OK, UsageError, processIo } from '../io.js';
import { runCommand, runStandalone, setExitCode } from '../run-command.js';

/** The part of http-server's programmatic API used here (it ships no types). */
interface HttpServerModule {
  createServer(options: { root: string; cache: number; showDir: string }): {
    server: Server;
    close(): void;
  };
}

export interface ReportServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1:`port` (0: any free port). */
export async function startReportServer(dir: string, port: number): Promise<ReportServer> {
  const httpServer = createRequire(import.meta.url)('http-server') as HttpServerModule;
  const instance = httpServer.createServer({ root: dir, cache: -1, showDir: 'false' });
  const server = instance.server;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}/index.html`,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

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
  return EXIT_OK;
}

function untilSigint(): Promise<void> {
  return new Promise((ok) => process.once('SIGINT', () => ok()));
}

export function showReportCommand(
  io: CliIo,
  done: (code: number) => void,
  deps: ShowReportDeps = { cwd: process.cwd(), untilStopped: untilSigint },
): Command {
  return new Command('show-report')
    .description('serve the reports folder on 127.0.0.1 and print the URL of the matrix')
    .option('-p, --port <port>', 'port to listen on (0: any free port)', '9324')
    .option('-d, --dir <dir>', 'the reports folder', 'reports')
    .action(async (options: ShowReportOptions) => {
      done(await runCommand(io, () => showReportAction(options, io, deps)));
    });
}

export function register(program: Command): void {
  program.addCommand(showReportCommand(processIo(), setExitCode));
}

export function runShowReport(argv: string[], io: CliIo, deps: ShowReportDeps): Promise<number> {
  return runStandalone((i, d) => showReportCommand(i, d, deps), argv, io);
}
