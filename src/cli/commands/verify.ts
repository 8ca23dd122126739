// `cors-conformance verify --target URL --policy FILE`: does the server's CORS do what the
// policy says, in the model and in real engines? Exit 0 when every case is as intended, 1
// when one is too strict or too permissive, 2 for a bad policy, 3 for an unreachable target
// or a missing engine (src/cli/errors.ts).
import { Command } from 'commander';
import { BROWSER_NAMES } from '../../harness/engines/types.js';
import type { BrowserName } from '../../harness/engines/types.js';
import { withStartedTarget } from '../../live/start-target.js';
import { checkTargetUrl } from '../../policy/index.js';
import { formatVerifyText, loadPolicyFile, verify } from '../../verify/index.js';
import { EXIT, UsageError, toCliError } from '../errors.js';
import type { CliIo } from '../io.js';
import type { LiveCliOptions } from '../live-options.js';
import { START_UNDER_CLI, addLiveOptions, collect, parseLiveOptions } from '../live-options.js';
import { actionOf, runStandalone } from '../run-command.js';

export interface VerifyCliOptions extends LiveCliOptions {
  target?: string;
  policy?: string;
  engine?: string[];
  browser: boolean;
  format: string;
  ca?: string;
  insecure?: boolean;
}

/** Checks repeated `--engine` values. */
export function parseBrowsers(
  values: readonly string[] | undefined,
  fallback: BrowserName[],
): BrowserName[] {
  if (values === undefined || values.length === 0) return fallback;
  return values.map((v) => {
    const found = BROWSER_NAMES.find((b) => b === v);
    if (found === undefined)
      throw new UsageError(
        `--engine: must be one of ${BROWSER_NAMES.join(', ')} (got ${JSON.stringify(v)})`,
      );
    return found;
  });
}

export async function verifyAction(options: VerifyCliOptions, io: CliIo): Promise<number> {
  if (options.policy === undefined)
    throw new UsageError(
      '--policy FILE is required (policy.json, or cors.config.ts with defineConfig)',
    );
  if (!['text', 'json'].includes(options.format))
    throw new UsageError(`--format: must be text or json (got ${JSON.stringify(options.format)})`);
  const engines = options.browser ? parseBrowsers(options.engine, ['chromium']) : [];
  const { start, ...live } = parseLiveOptions(options);
  try {
    const config = await loadPolicyFile(options.policy);
    const target = options.target ?? config.target;
    if (target === undefined)
      throw new UsageError('--target URL is required (or set target in the config file)');
    let ca: string | undefined;
    if (options.ca !== undefined) {
      ca = await io.readFile(options.ca).catch(() => {
        throw new UsageError(`--ca ${options.ca ?? ''}: cannot read the certificate file`);
      });
    }
    const report = await withStartedTarget(
      start,
      checkTargetUrl(target),
      () =>
        verify({
          ...live,
          target,
          policy: config.policy,
          engines,
          ...(ca !== undefined ? { ca } : {}),
          ...(options.insecure === true ? { insecure: true } : {}),
        }),
      START_UNDER_CLI,
    );
    io.stdout(
      options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatVerifyText(report),
    );
    const bad = report.cases.some(
      (c) =>
        c.verdict !== 'as-intended' ||
        c.browsers.some((b) => b.verdict !== null && b.verdict !== 'as-intended'),
    );
    return bad ? EXIT.findings : EXIT.ok;
  } catch (e) {
    // A bad policy is exit 2, an unreachable target or a missing engine 3.
    throw toCliError(e);
  }
}

export function verifyCommand(io: CliIo, done: (code: number) => void): Command {
  const command = new Command('verify')
    .description(
      "check a server's CORS against the policy its owner declares: allowed and disallowed origins " +
        '(with lookalikes), methods, headers, credentials; each case as intended, too strict or too permissive, ' +
        'from the model and from real engines on the requesting origins',
    )
    .option('-t, --target <url>', 'the server URL (only this origin and local pages are contacted)')
    .option(
      '-p, --policy <file>',
      'policy.json, or cors.config.ts / .js exporting defineConfig({ target, policy })',
    )
    .option(
      '-e, --engine <browser>',
      'engine confirming each case (repeatable; default chromium)',
      collect,
    )
    .option('--no-browser', 'the model only, no engine')
    .option('-f, --format <format>', 'text or json', 'text');
  return addLiveOptions(command).action(actionOf(io, done, verifyAction));
}

export function runVerify(argv: string[], io: CliIo): Promise<number> {
  return runStandalone(verifyCommand, argv, io);
}
