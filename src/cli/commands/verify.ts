// `cors-conformance verify --target URL --policy FILE [--assets FILE]`: does the server's
// CORS do what the policy says, and do the assets a page on the site loads from it load, in
// the model and in real engines? Exit 0 when every case is as intended and every asset
// loads, 1 when a case is too strict or too permissive or an asset has a finding, 2 for a
// bad policy or asset list, 3 for an unreachable target or a missing engine
// (src/cli/errors.ts).
import { BROWSER_NAMES } from '../../harness/engines/types.js';
import type { BrowserName } from '../../harness/engines/types.js';
import { LOAD_KINDS } from '../../harness/initiators/load.js';
import { withStartedTarget } from '../../live/start-target.js';
import { checkTargetUrl } from '../../policy/index.js';
import type { AssetSpec, CorsConfig } from '../../verify/index.js';
import {
  formatVerifyText,
  loadPolicyFile,
  parseAssetLine,
  parseAssetList,
  verify,
} from '../../verify/index.js';
import { EXIT, UsageError, toCliError } from '../errors.js';
import type { CliIo } from '../io.js';
import type { LiveCliOptions } from '../live-options.js';
import { LIVE_OPTIONS, START_UNDER_CLI, parseLiveOptions } from '../live-options.js';
import { collect, commandFactory, inProcess } from '../run-command.js';

export interface VerifyCliOptions extends LiveCliOptions {
  target?: string;
  policy?: string;
  assets?: string;
  asset?: string[];
  from?: string;
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

/** `--assets FILE` and every `--asset LINE`, paths resolved against the target. */
export async function readAssets(
  options: Pick<VerifyCliOptions, 'assets' | 'asset'>,
  target: URL,
  io: CliIo,
): Promise<AssetSpec[]> {
  const out: AssetSpec[] = [];
  if (options.assets !== undefined) {
    const file = options.assets;
    const text = await io.readFile(file).catch(() => {
      throw new UsageError(`--assets ${file}: cannot read the asset list`);
    });
    out.push(...parseAssetList(text, file, target));
  }
  for (const line of options.asset ?? []) out.push(parseAssetLine(line, '--asset', target));
  return out;
}

async function readCa(file: string | undefined, io: CliIo): Promise<string | undefined> {
  if (file === undefined) return undefined;
  return io.readFile(file).catch(() => {
    throw new UsageError(`--ca ${file}: cannot read the certificate file`);
  });
}

function checkFlags(options: VerifyCliOptions): void {
  const assetsGiven = options.assets !== undefined || (options.asset ?? []).length > 0;
  if (options.policy === undefined && !assetsGiven)
    throw new UsageError(
      '--policy FILE is required (policy.json, or cors.config.ts with defineConfig), or --assets FILE / --asset LINE',
    );
  if (options.policy === undefined && options.from === undefined)
    throw new UsageError(
      '--from ORIGIN is required with --assets/--asset when no --policy names the site (e.g. --from https://app.example.com)',
    );
  if (!['text', 'json'].includes(options.format))
    throw new UsageError(`--format: must be text or json (got ${JSON.stringify(options.format)})`);
}

export async function verifyAction(options: VerifyCliOptions, io: CliIo): Promise<number> {
  checkFlags(options);
  const engines = options.browser ? parseBrowsers(options.engine, ['chromium']) : [];
  const { start, ...live } = parseLiveOptions(options);
  try {
    const config: CorsConfig | undefined =
      options.policy === undefined ? undefined : await loadPolicyFile(options.policy);
    const target = options.target ?? config?.target;
    if (target === undefined)
      throw new UsageError('--target URL is required (or set target in the config file)');
    const targetUrl = checkTargetUrl(target);
    const assets = await readAssets(options, targetUrl, io);
    const ca = await readCa(options.ca, io);
    const report = await withStartedTarget(
      start,
      targetUrl,
      () =>
        verify({
          ...live,
          target,
          ...(config === undefined ? {} : { policy: config.policy }),
          ...(assets.length > 0 ? { assets } : {}),
          ...(options.from === undefined ? {} : { from: options.from }),
          engines,
          ...(ca !== undefined ? { ca } : {}),
          ...(options.insecure === true ? { insecure: true } : {}),
        }),
      START_UNDER_CLI,
    );
    io.stdout(
      options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatVerifyText(report),
    );
    const bad =
      report.cases.some(
        (c) =>
          c.verdict !== 'as-intended' ||
          c.browsers.some((b) => b.verdict !== null && b.verdict !== 'as-intended'),
      ) || report.assets.some((a) => a.finding !== null);
    return bad ? EXIT.findings : EXIT.ok;
  } catch (e) {
    // A bad policy or asset list is exit 2, an unreachable target or a missing engine 3.
    throw toCliError(e);
  }
}

/** `verify`: its help and options (the live-target ones last); verifyAction runs it. */
export const verifyCommand = commandFactory('verify', {
  description:
    "check a server's CORS against the policy its owner declares: allowed and disallowed origins (with lookalikes), methods, headers, credentials; each case as intended, too strict or too permissive, from the model and from real engines on the requesting origins; with --assets, whether the fonts, images, scripts and stylesheets a page on the site's origin loads from it load",
  options: [
    [
      '-t, --target <url>',
      'the server URL (only this origin, the listed asset URLs and local pages are contacted)',
    ],
    [
      '-p, --policy <file>',
      'policy.json, or cors.config.ts / .js exporting defineConfig({ target, policy })',
    ],
    [
      '-e, --engine <browser>',
      'engine confirming each case (repeatable; default chromium)',
      collect,
    ],
    [
      '--assets <file>',
      `assets a page on the site loads, one per line: KIND URL [anonymous|use-credentials] (KIND: ${LOAD_KINDS.join(', ')}; a URL starting with / is on the target); each must load, untainted where CORS is asked for`,
    ],
    ['--asset <line>', 'one asset, as a line of --assets ("font=/a.woff2"); repeatable', collect],
    [
      '--from <origin>',
      "the site's origin whose pages load the assets (default: the policy's first origin)",
    ],
    ['--no-browser', 'the model only, no engine'],
    ['-f, --format <format>', 'text or json', 'text'],
    ...LIVE_OPTIONS,
  ],
  run: verifyAction,
});

/** Runs `verify` in-process; `argv` are the arguments after `verify`. */
export const runVerify = inProcess(verifyCommand);
