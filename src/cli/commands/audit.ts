// `cors-conformance audit --target URL [--allow-origin O ...] [--format text|json|sarif]
// [--fail-on low|medium|high]`: insecure or broken CORS answers of a server, with evidence,
// fixes, and browser proofs of the exploitable ones. Exit 1 when a finding reaches --fail-on;
// 2 for bad usage, 3 for an unreachable target or a missing engine (src/cli/errors.ts).
import { audit, formatAuditText, isSeverity, reachesFailOn, toSarif } from '../../audit/index.js';
import type { AuditOptions } from '../../audit/index.js';
import { BROWSER_NAMES } from '../../harness/engines/types.js';
import type { BrowserName } from '../../harness/engines/types.js';
import { withStartedTarget } from '../../live/start-target.js';
import { checkTargetUrl } from '../../policy/index.js';
import { EXIT, UsageError, toCliError } from '../errors.js';
import type { CliIo } from '../io.js';
import type { LiveCliOptions } from '../live-options.js';
import { LIVE_OPTIONS, START_UNDER_CLI, parseLiveOptions } from '../live-options.js';
import { collect, commandFactory, inProcess } from '../run-command.js';
import { packageVersion } from '../main.js';

export interface AuditCliOptions extends LiveCliOptions {
  target?: string;
  allowOrigin?: string[];
  format: string;
  failOn: string;
  proof: boolean;
  engine: string;
  ca?: string;
  insecure?: boolean;
  acrhBudget?: string;
}

export async function auditAction(options: AuditCliOptions, io: CliIo): Promise<number> {
  if (options.target === undefined) throw new UsageError('--target URL is required');
  if (!['text', 'json', 'sarif'].includes(options.format)) {
    throw new UsageError(
      `--format: must be one of text, json, sarif (got ${JSON.stringify(options.format)})`,
    );
  }
  const failOn = options.failOn;
  if (!isSeverity(failOn)) {
    throw new UsageError(
      `--fail-on: must be one of low, medium, high (got ${JSON.stringify(failOn)})`,
    );
  }
  const engine = BROWSER_NAMES.find((b) => b === options.engine);
  if (engine === undefined) {
    throw new UsageError(
      `--engine: must be one of ${BROWSER_NAMES.join(', ')} (got ${JSON.stringify(options.engine)})`,
    );
  }
  const { start, ...live } = parseLiveOptions(options);
  const auditOptions: AuditOptions = {
    ...live,
    target: options.target,
    allowOrigins: options.allowOrigin ?? [],
    proof: options.proof ? (engine satisfies BrowserName) : false,
    ...(options.insecure === true ? { insecure: true } : {}),
  };
  if (options.ca !== undefined) auditOptions.ca = await readCa(options.ca, io);
  if (options.acrhBudget !== undefined) {
    const ms = Number(options.acrhBudget);
    if (!Number.isInteger(ms) || ms <= 0)
      throw new UsageError(
        `--acrh-budget: must be a positive number of ms (got ${JSON.stringify(options.acrhBudget)})`,
      );
    auditOptions.acrhBudgetMs = ms;
  }
  let report;
  try {
    const url = checkTargetUrl(options.target);
    report = await withStartedTarget(start, url, () => audit(auditOptions), START_UNDER_CLI);
  } catch (e) {
    // An unreachable target or a missing engine is exit 3.
    throw toCliError(e);
  }
  if (options.format === 'json') io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (options.format === 'sarif')
    io.stdout(`${JSON.stringify(toSarif(report, packageVersion()), null, 2)}\n`);
  else io.stdout(formatAuditText(report));
  return reachesFailOn(report, failOn) ? EXIT.findings : EXIT.ok;
}

async function readCa(file: string, io: CliIo): Promise<string> {
  try {
    return await io.readFile(file);
  } catch {
    throw new UsageError(`--ca ${file}: cannot read the certificate file`);
  }
}

/** `audit`: its help and options (the live-target ones last); auditAction runs it. */
export const auditCommand = commandFactory('audit', {
  description:
    'probe a server for insecure CORS answers (reflection with and without cookies, preflight reflection, null, named and generated lookalike origins, credentialed wildcard, Vary, determinism, OPTIONS handling, preflight status, error responses, slow header parsing); exploitable findings are proven in a real browser. Finding ids: docs/audit.md',
  options: [
    ['-t, --target <url>', 'the server URL to audit (only this origin is contacted)'],
    [
      '-a, --allow-origin <origin>',
      'an origin (or https://*.example.com pattern) you mean to allow; repeatable',
      collect,
    ],
    ['-f, --format <format>', 'text, json or sarif', 'text'],
    [
      '--fail-on <severity>',
      'exit 1 when a finding has this severity or higher: low, medium, high',
      'medium',
    ],
    ['--no-proof', 'skip the browser proofs'],
    ['-e, --engine <browser>', 'engine for browser proofs: chromium, firefox, webkit', 'chromium'],
    [
      '--acrh-budget <ms>',
      'time budget for one adversarial preflight, beyond an ordinary one measured the same way',
      '2000',
    ],
    ...LIVE_OPTIONS,
  ],
  run: auditAction,
});

/** Runs `audit` in-process; `argv` are the arguments after `audit`. */
export const runAudit = inProcess(auditCommand);
