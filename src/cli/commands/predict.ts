// `cors-conformance predict [--engine E] [FILE|-]`: the reference model's prediction for
// one scenario (or an array of them, answered in the same order) as JSON on stdout.
import { Command } from 'commander';
import { getEngineProfile } from '../../engine-facts/index.js';
import { predict } from '../../model/predict.js';
import type { Prediction } from '../../scenario/types.js';
import type { CliIo } from '../io.js';
import { EXIT_OK, parseEngineName, processIo, readScenarioInput } from '../io.js';
import { runCommand, runStandalone, setExitCode } from '../run-command.js';

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
  const predictions: Prediction[] = input.scenarios.map((s) => predict(s, { engine }));
  const out = input.isArray ? predictions : predictions[0];
  io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  return EXIT_OK;
}

/** The `predict` command, writing to `io` and reporting its exit code to `done`. */
export function predictCommand(io: CliIo, done: (code: number) => void): Command {
  return new Command('predict')
    .description(
      'print what the reference model predicts for a scenario (or an array of them) as JSON: ' +
        'preflight, ACRM/ACRH, actual request sent, outcome, status, response type, ' +
        'Origin header, readable headers, the chain of follow-ups and the reasons',
    )
    .argument('[file]', 'scenario JSON file, or - for stdin (default: stdin)')
    .option('-e, --engine <name>', 'engine profile: spec, chromium, firefox or webkit', 'spec')
    .action(async (file: string | undefined, options: EngineOption) => {
      done(await runCommand(io, () => predictAction(file, options, io)));
    });
}

/** Adds `predict` to the program (process streams; exit code via process.exitCode). */
export function register(program: Command): void {
  program.addCommand(predictCommand(processIo(), setExitCode));
}

/** Runs `predict` in-process; `argv` are the arguments after `predict`. */
export function runPredict(argv: string[], io: CliIo): Promise<number> {
  return runStandalone(predictCommand, argv, io);
}
