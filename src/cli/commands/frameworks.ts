// `cors-conformance frameworks --policy P`: the same policy through every framework adapter
// (express+cors, fastify+@fastify/cors, koa+@koa/cors, hono, and older package versions side
// by side), one framework x case table with the differences highlighted.
import { Command } from 'commander';
import type * as CompareModule from '../../frameworks/compare.js';
import { loadPolicyFile } from '../../verify/index.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { processIo } from '../io.js';
import { runCommand, runStandalone, setExitCode } from '../run-command.js';
import { parseBrowsers } from './verify.js';

export interface FrameworksCliOptions {
  policy?: string;
  engine?: string;
  browser: boolean;
  format: string;
}

export async function frameworksAction(options: FrameworksCliOptions, io: CliIo): Promise<number> {
  if (options.policy === undefined) throw new UsageError('--policy FILE is required');
  if (!['text', 'json'].includes(options.format))
    throw new UsageError(`--format: must be text or json (got ${JSON.stringify(options.format)})`);
  const engine = options.browser
    ? (parseBrowsers(options.engine === undefined ? undefined : [options.engine], [
        'chromium',
      ])[0] ?? 'chromium')
    : null;
  const config = await loadPolicyFile(options.policy);
  // The adapters import express, fastify, koa and hono, which a user of this package may not
  // have installed: load them only when this command runs, and say so in one line if missing.
  let compare: typeof CompareModule;
  try {
    compare = await import('../../frameworks/compare.js');
  } catch (e) {
    const missing = /Cannot find (?:package|module) '([^']+)'/.exec(String(e))?.[1];
    if (missing === undefined) throw e;
    throw new CliError(
      'dependency',
      `the frameworks command needs the framework packages installed: npm install --save-dev express cors fastify @fastify/cors koa @koa/cors hono @hono/node-server (missing: ${missing})`,
    );
  }
  const { compareFrameworks, formatComparison } = compare;
  const comparison = await compareFrameworks(config.policy, { engine });
  if (options.format === 'json') {
    const { reports: _reports, ...table } = comparison;
    io.stdout(`${JSON.stringify(table, null, 2)}\n`);
  } else io.stdout(formatComparison(comparison));
  return EXIT.ok;
}

export function frameworksCommand(io: CliIo, done: (code: number) => void): Command {
  return new Command('frameworks')
    .description(
      'run one policy through every framework adapter (and older package versions) and compare the verdicts',
    )
    .option('-p, --policy <file>', 'policy.json, or cors.config.ts / .js')
    .option(
      '-e, --engine <browser>',
      'engine confirming each case: chromium, firefox, webkit',
      'chromium',
    )
    .option('--no-browser', 'the model only, no engine')
    .option('-f, --format <format>', 'text or json', 'text')
    .action(async (options: FrameworksCliOptions) => {
      done(await runCommand(io, () => frameworksAction(options, io)));
    });
}

export function register(program: Command): void {
  program.addCommand(frameworksCommand(processIo(), setExitCode));
}

export function runFrameworks(argv: string[], io: CliIo): Promise<number> {
  return runStandalone(frameworksCommand, argv, io);
}
