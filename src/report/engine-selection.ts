// Which engine projects a run has: the engines found on this machine (src/harness/engines),
// narrowed by a list (`--engine` / `CORS_ENGINES`); the ones asked for but missing are
// skipped with the reason and the fix, and the report says so. Pure, plus an env cache so
// Playwright's worker processes do not detect again.
import type { BrowserName, EngineInfo, EngineMissing } from '../harness/engines/types.js';
import { BROWSER_NAMES } from '../harness/engines/types.js';
import type { SkippedEngine } from './report-data.js';

/** Set by the first process that detected (the runner); its workers inherit it. */
export const DETECTION_ENV = 'CORS_ENGINE_DETECTION';

export interface EngineSelection {
  /** Engines to run, in chromium, firefox, webkit order. */
  engines: BrowserName[];
  versions: Partial<Record<BrowserName, string>>;
  skipped: SkippedEngine[];
  /** Names in the list that are no engine. */
  unknown: string[];
}

/** `chromium, firefox` → `['chromium', 'firefox']`; empty or undefined → null (all). */
export function parseEngineList(text: string | undefined): string[] | null {
  if (text === undefined) return null;
  const names = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  return names.length === 0 ? null : [...new Set(names)];
}

function missing(d: EngineInfo | EngineMissing): d is EngineMissing {
  return 'reason' in d;
}

export function selectEngines(
  detected: ReadonlyArray<EngineInfo | EngineMissing>,
  wanted: readonly string[] | null,
): EngineSelection {
  const out: EngineSelection = { engines: [], versions: {}, skipped: [], unknown: [] };
  const asked = wanted ?? BROWSER_NAMES;
  out.unknown = asked.filter((n) => !(BROWSER_NAMES as readonly string[]).includes(n));
  for (const name of BROWSER_NAMES) {
    if (!asked.includes(name)) continue;
    const d = detected.find((x) => x.browser === name);
    if (d === undefined) {
      out.skipped.push({ engine: name, reason: 'not detected' });
    } else if (missing(d)) {
      out.skipped.push({ engine: name, reason: `${d.reason}; fix: ${d.fix}` });
    } else {
      out.engines.push(name);
      out.versions[name] = d.version;
    }
  }
  return out;
}

/** The detection as one env value (what selectEngines needs of it). */
export function encodeDetection(detected: ReadonlyArray<EngineInfo | EngineMissing>): string {
  return JSON.stringify(
    detected.map((d) =>
      missing(d)
        ? { browser: d.browser, reason: d.reason, fix: d.fix }
        : { browser: d.browser, version: d.version },
    ),
  );
}

/** Reads DETECTION_ENV back; null when absent or not ours. */
export function decodeDetection(
  text: string | undefined,
): Array<EngineInfo | EngineMissing> | null {
  if (text === undefined || text === '') return null;
  try {
    const list = JSON.parse(text) as unknown;
    if (!Array.isArray(list)) return null;
    return list.filter(
      (d): d is EngineInfo | EngineMissing =>
        typeof d === 'object' &&
        d !== null &&
        (BROWSER_NAMES as readonly unknown[]).includes((d as { browser?: unknown }).browser),
    );
  } catch {
    return null;
  }
}

/** One line per skipped engine and unknown name, as the config and `run` print them. */
export function selectionLines(s: EngineSelection, source: string): string[] {
  return [
    ...s.unknown.map(
      (n) => `${source}: "${n}" is no engine (${BROWSER_NAMES.join(', ')}); ignored`,
    ),
    ...s.skipped.map((k) => `${k.engine}: skipped, not available (${k.reason})`),
  ];
}
