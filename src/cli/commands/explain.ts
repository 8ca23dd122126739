// `cors-conformance explain [--engine E] FILE`: the same decision as `predict`, told as a
// short account (outcome and deciding step, wire, readable headers, reasons, follow-ups).
import { explainPrediction } from '../../model/explain.js';
import { getEngineProfile } from '../../engine-facts/index.js';
import { predict } from '../../model/predict.js';
import { EXIT } from '../errors.js';
import type { CliIo } from '../io.js';
import { OutputLimit, parseEngineName, readScenarioInput } from '../io.js';
import { inProcess } from '../run-command.js';
import { scenarioCommand, type EngineOption } from './predict.js';

/** The body of `explain`; resolves to the exit code. */
export async function explainAction(
  file: string | undefined,
  options: EngineOption,
  io: CliIo,
): Promise<number> {
  const name = parseEngineName(options.engine);
  const engine = getEngineProfile(name);
  const input = await readScenarioInput(file, io);
  const limit = new OutputLimit();
  const texts = input.scenarios.map((s) =>
    limit.add(explainPrediction(s, predict(s, { engine }), name)),
  );
  io.stdout(`${texts.join('\n\n')}\n`);
  return EXIT.ok;
}

/** The `explain` command, writing to `io` and reporting its exit code to `done`. */
export const explainCommand = scenarioCommand(
  'explain',
  'explain in words why the model predicts what it does for a scenario: the outcome and the spec step that decided it, what went on the wire, the readable headers and the follow-up chain; engine deviations name the profile knob',
  explainAction,
);

/** Runs `explain` in-process; `argv` are the arguments after `explain`. */
export const runExplain = inProcess(explainCommand);
