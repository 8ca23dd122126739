// `cors.load(kind, url, { from })`: the library's sibling of `cors.fetch` for the assets a
// page loads without fetch() (a font, an image drawn to a canvas, a module script...). The
// page on `from` loads the user's URL through the same in-page driver the suites use; the
// model predicts, from the server's raw answers, whether it loads and whether it is tainted.
import type { InitiatorApi, InitiatorPrediction } from '../../scenario/types.js';
import { IMAGE_SCRIPT_STYLE_LOADS } from '../../scenario/types.js';
import type { Diff, InitiatorPageResult, PageObservation } from '../types.js';
import { compareInitiator } from './compare.js';

/**
 * The initiators `cors.load` offers: those whose page outcome the driver reads from the page
 * alone (the others need the fixture servers' journal, which sees only fixture URLs).
 */
export const LOAD_KINDS = [
  ...IMAGE_SCRIPT_STYLE_LOADS,
  'font',
  'preload',
  'audio',
  'video',
  'eventsource',
] as const satisfies readonly InitiatorApi[];

export type LoadKind = (typeof LOAD_KINDS)[number];

export function isLoadKind(kind: string): kind is LoadKind {
  return (LOAD_KINDS as readonly string[]).includes(kind);
}

/** What the page saw of the load, and where it differs from the model. */
export interface LoadOutcome {
  /** The driver's result: load vs error event, tainted where the page can tell, what happened. */
  page: InitiatorPageResult;
  /** `loaded` / `tainted` where page and model differ (empty: they agree). */
  diffs: Diff[];
}

/** The page result of a load and its differences from the model's `initiator` block. */
export function loadOutcome(
  kind: LoadKind,
  predicted: InitiatorPrediction | undefined,
  observation: PageObservation,
): LoadOutcome {
  const page: InitiatorPageResult = observation.initiator ?? {
    loaded: false,
    detail: observation.error?.message ?? 'the page returned no load result',
  };
  return { page, diffs: compareInitiator(kind, predicted, page, '') };
}
