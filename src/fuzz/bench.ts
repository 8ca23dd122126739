// Fuzz throughput for `npm run bench`: generated scenarios per minute in one engine, batch
// phase only (no shrinking), with the executor the `fuzz` command uses.
import { runFuzz } from './fuzz.js';
import { FUZZ_PACE, openExecutor, type FuzzEngineName } from './session.js';

/** Generated scenarios per minute for `runs` scenarios of a fixed seed (failures not shrunk). */
export async function fuzzThroughput(
  engine: FuzzEngineName,
  runs = 3600,
  seed = 1,
): Promise<number> {
  const opened = await openExecutor(engine, null);
  try {
    const report = await runFuzz({
      executor: opened.executor,
      seed,
      runs,
      maxShrunk: 0,
      batchSize: FUZZ_PACE.batchSize,
    });
    return report.perMinute;
  } finally {
    await opened.close();
  }
}
