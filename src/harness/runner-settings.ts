// The Playwright Test settings that decide how fast the conformance suites run, in one
// place so the config (and anything else that builds one) reads them from here.
//
// - One worker per engine project: each worker launches its engine once and streams every
//   table of that engine through one page, so a second worker of the same engine would only
//   pay another browser launch. The engines are independent, so they run side by side.
// - The default worker count is one per engine project (at least Playwright's own default
//   of half the cores), so the engines share both cores without `--workers`.
// - Each scenario test attaches its result as compact JSON (the reporter and blob merging
//   read it); no other attachment.
// - A scenario test does nothing that opens a Playwright step: no per-test fixtures (the
//   tests extend the fixture-less base test), no expect(), no attach() (the result is pushed
//   to the attachments). Each step captures a stack trace; over a few thousand tests that
//   takes more of the worker's CPU than the harness's own code (src/suites/fixtures.ts).

/** `workers` of every engine project. */
export const ENGINE_PROJECT_WORKERS = 1;

/** The run's default `workers`: every engine project at once. */
export function defaultWorkers(engineProjects: number, cores: number): number {
  return Math.max(1, engineProjects, Math.floor(cores / 2));
}

/** The name of the one attachment a scenario test carries: its CaseResult, compact JSON. */
export const CASE_ATTACHMENT = 'case-result.json';
