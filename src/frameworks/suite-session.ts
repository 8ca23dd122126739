// One whole run of the generated suite as the CLI does it: the suite, a reproduction per shrunk
// disagreement, the engine's confirmation of the page-visible ones, and every adapter closed
// at the end whatever happened.
import type { BrowserName } from '../harness/engines/types.js';
import type { BrowserCheck } from './browser-confirm.js';
import { confirmFindings } from './browser-confirm.js';
import { writeSuiteRepro } from './repro.js';
import type { SuiteAdapter } from './suite-adapter.js';
import type { SuiteOptions, SuiteReport } from './suite.js';
import { runSuite } from './suite.js';
import type { SuiteExtras } from './suite-text.js';

export interface SuiteSessionOptions extends Omit<SuiteOptions, 'adapters'> {
  adapters: readonly SuiteAdapter[];
  /** The engine confirming findings; null: none. */
  engine: BrowserName | null;
  /** Where reproductions go (`reports/frameworks`). */
  outDir: string;
  /** The user's adapter file, for replay commands. */
  adapterFile?: string;
}

/** Runs the suite and everything around it; closes every adapter. */
export async function runSuiteSession(
  o: SuiteSessionOptions,
): Promise<{ report: SuiteReport; extras: SuiteExtras }> {
  try {
    const report = await runSuite(o);
    const extras: SuiteExtras = {
      repros: {},
      browser: {},
      browserSkipped: o.engine === null ? 'no engine (--no-browser)' : null,
      versions: {},
      ...(o.adapterFile === undefined ? {} : { adapterFile: o.adapterFile }),
    };
    for (const a of o.adapters) if (a.version !== undefined) extras.versions[a.name] = a.version;
    for (const f of report.findings)
      extras.repros[`${f.adapter} ${f.kind}`] = await writeSuiteRepro(o.outDir, f, o.adapterFile);
    if (o.engine !== null && report.findings.length > 0) {
      try {
        extras.browser = await confirmFindings(o.engine, report.findings, o.adapters);
      } catch (e) {
        extras.browserSkipped = `${o.engine}: ${e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)}`;
      }
    }
    return { report, extras };
  } finally {
    for (const a of o.adapters) await a.close?.();
  }
}

export type { BrowserCheck };
