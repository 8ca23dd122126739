// `cors-conformance predict [--engine E] [FILE|-]`: the reference model's prediction for
// one scenario (or an array of them, answered in the same order) as JSON on stdout.
import { getEngineProfile } from '../../engine-facts/index.js';
import { predict } from '../../model/predict.js';
import { EXIT } from '../errors.js';
import type { CliIo } from '../io.js';
import { OutputLimit, parseEngineName, readScenarioInput } from '../io.js';
import { commandFactory, inProcess, type CommandFactory } from '../run-command.js';

export interface EngineOption {
  engine: string;
}

/** The body of `predict`; resolves to the exit code (errors are thrown, see runCommand). */
export async function predictAction(
  file: string | undefined,
  options: EngineOption,
  io: CliIo,
): Promise<number> {
  const engine = getEngineProfile(parseEngineName(options.engine));
  const input = await readScenarioInput(file, io);
  const limit = new OutputLimit();
  // Each prediction as `JSON.stringify(list, null, 2)` would print it, counted as it is made.
  const texts = input.scenarios.map((s) => {
    const text = JSON.stringify(predict(s, { engine }), null, 2);
    return limit.add(input.isArray ? text.replace(/^/gm, '  ') : text);
  });
  const out = !input.isArray ? texts[0] : texts.length === 0 ? '[]' : `[\n${texts.join(',\n')}\n]`;
  io.stdout(`${out ?? ''}\n`);
  return EXIT.ok;
}

/** A command that reads scenarios from `[file]` (or stdin) for one engine profile. */
export function scenarioCommand(
  name: string,
  description: string,
  action: (file: string | undefined, options: EngineOption, io: CliIo) => Promise<number>,
): CommandFactory {
  return commandFactory(name, {
    description,
    argument: { name: '[file]', help: 'scenario JSON file, or - for stdin (default: stdin)' },
    options: [['-e, --engine <name>', 'engine profile: spec, chromium, firefox or webkit', 'spec']],
    run: (options: EngineOption, io, file: string | undefined) => action(file, options, io),
  });
}

/** The `predict` command, writing to `io` and reporting its exit code to `done`. */
export const predictCommand = scenarioCommand(
  'predict',
  'print what the reference model predicts for a scenario (or an array of them) as JSON: preflight, ACRM/ACRH, actual request sent, outcome, status, response type, Origin header, readable headers, the chain of follow-ups and the reasons',
  predictAction,
);

/** Runs `predict` in-process; `argv` are the arguments after `predict`. */
export const runPredict = inProcess(predictCommand);
