// The browser side of the live stack: one long-lived page per requesting origin in one
// engine, each request made by the harness's in-page runner (page-runner.ts) and its result
// read through engine-strings.ts like every conformance case. Opaque-origin and data: URL
// clients are frames of the page on their parent origin. A crashed or hung engine is
// restarted once (cookies put into its jar are put back).
import type { EngineCookie, EnginePage } from '../harness/engines/types.js';
import { observePage } from '../harness/observe.js';
import {
  PAGE_RUNNER_SOURCE,
  RUNNER_PAGE_PATH,
  clientFields,
  type RunnerArg,
} from '../harness/page-runner.js';
import type { EngineSlot } from '../harness/run.js';
import type { PageObservation, RawCaseResult, StepDescriptor } from '../harness/types.js';
import type { ClientKind } from '../scenario/types.js';

export interface PageRequest {
  /** The origin of the page making the request (for a frame client: its parent page). */
  origin: string;
  client: ClientKind;
  step: StepDescriptor;
  /** The whole request must settle within this, ms. */
  timeoutMs: number;
}

export class LivePages {
  private readonly pages = new Map<string, Promise<EnginePage>>();
  private readonly cookies: EngineCookie[] = [];
  private seq = 0;

  constructor(readonly slot: EngineSlot) {}

  /** `browser version`, e.g. `chromium 156.0.8078.73`. */
  get engineLabel(): string {
    const info = this.slot.engine.info;
    return `${info.browser} ${info.version}`;
  }

  /**
   * Puts a cookie into the engine's jar for the target (no request to it, where the backend
   * can). False when the backend has no cookie API.
   */
  async addCookie(cookie: EngineCookie): Promise<boolean> {
    const engine = this.slot.engine;
    if (engine.addCookie === undefined) return false;
    await engine.addCookie(cookie);
    this.cookies.push(cookie);
    return true;
  }

  /** Makes one request from a page on `req.origin`; what page JS saw. */
  async fetch(req: PageRequest): Promise<PageObservation> {
    const arg: RunnerArg = {
      cases: [{ token: `live-${++this.seq}`, steps: [req.step] }],
      concurrency: 1,
      bodyCap: 4096,
      stepTimeoutMs: req.timeoutMs,
      ...clientFields(req.client, req.origin),
    };
    const once = async (): Promise<RawCaseResult[]> => {
      const page = await this.page(req.origin);
      return JSON.parse(await page.run<string>(PAGE_RUNNER_SOURCE, arg)) as RawCaseResult[];
    };
    let raw: RawCaseResult[];
    try {
      raw = await once();
    } catch {
      // The engine crashed or hung: a fresh one, and one more try.
      await this.restart();
      raw = await once();
    }
    return observePage(raw[0]?.steps[0]);
  }

  private page(origin: string): Promise<EnginePage> {
    let p = this.pages.get(origin);
    if (p === undefined) {
      p = this.slot.engine.openPage(`${origin}${RUNNER_PAGE_PATH}`);
      p.catch(() => this.pages.delete(origin));
      this.pages.set(origin, p);
    }
    return p;
  }

  private async restart(): Promise<void> {
    this.pages.clear();
    await this.slot.restart();
    const engine = this.slot.engine;
    for (const c of this.cookies) await engine.addCookie?.(c);
  }

  /** Closes the pages opened here (not the engine). */
  async close(): Promise<void> {
    const pages = [...this.pages.values()];
    this.pages.clear();
    await Promise.all(pages.map(async (p) => (await p.catch(() => null))?.close()));
  }
}
