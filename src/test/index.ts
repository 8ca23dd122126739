// The Playwright Test extension: `import { test, expect } from 'cors-conformance/test'`.
// Worker-scoped: the fixture servers (pages on distinct origins, host names mapped to
// loopback, one https origin) and one engine. Per test: `cors`, whose `fetch(url, init)`
// requests the user's server from a chosen origin and returns observation + prediction.
import { expect as baseExpect, test as base } from '@playwright/test';
import type { BrowserName } from '../harness/engines/types.js';
import { startHarnessWorld, type HarnessWorld } from '../harness/launch.js';
import {
  CorsProber,
  type LoadRequest,
  type LoadResult,
  type ProbeRequest,
  type ProbeResult,
} from '../harness/probe.js';
import type { LoadKind } from '../harness/initiators/load.js';
import type { OriginRole } from '../scenario/types.js';
import type { OriginMap } from '../scenario/world.js';
import { corsMatchers } from './matchers.js';

export type {
  LoadRequest,
  LoadResult,
  ProbeRequest,
  ProbeResult,
  RawAnswer,
} from '../harness/probe.js';
export type { LoadKind } from '../harness/initiators/load.js';
export { ProbeError } from '../harness/probe.js';
export type { BrowserName } from '../harness/engines/types.js';
export type { OriginMap } from '../scenario/world.js';
export type { OriginRole, Prediction, Scenario } from '../scenario/types.js';
export { describeResult } from './format.js';
export { corsMatchers, isReadable } from './matchers.js';

/** Options a Playwright project can set: `use: { corsBrowser: 'firefox' }`. */
export interface CorsOptions {
  /** The engine the requests are made in. Default `chromium`. */
  corsBrowser: BrowserName;
}

/** What a test gets as `cors`. */
export interface CorsFixture {
  /** Requests `url` (your server, http on localhost) from a page on `init.from`. */
  fetch(url: string, init?: ProbeRequest): Promise<ProbeResult>;
  /**
   * Loads `url` as an asset of `kind` (`font`, `img-canvas`, `module-script`, ...) from a page
   * on `init.from`: whether it loads and whether the page finds it tainted, with the model's
   * prediction from your server's raw answers.
   */
  load(kind: LoadKind, url: string, init?: LoadRequest): Promise<LoadResult>;
  /** The real origin behind each role, e.g. `origins['cross-origin']` = `http://example.net:41234`. */
  origins: OriginMap;
  /** `origins[role]`. */
  origin(role: OriginRole): string;
  /** The engine in use. */
  engine: BrowserName;
}

export interface CorsWorkerFixtures {
  /** The fixture servers and engine of this worker (started once). */
  corsWorld: { world: HarnessWorld; prober: CorsProber };
  /** The real fixture origins, by role: give your app under test its allow-list from these. */
  corsOrigins: OriginMap;
}

export interface CorsTestFixtures {
  cors: CorsFixture;
}

export const test = base.extend<CorsTestFixtures, CorsOptions & CorsWorkerFixtures>({
  corsBrowser: ['chromium', { option: true, scope: 'worker' }],

  corsWorld: [
    async ({ corsBrowser }, use) => {
      const world = await startHarnessWorld(corsBrowser, { scriptTimeoutMs: 60_000 });
      const prober = new CorsProber(world.slot, world.servers);
      try {
        await use({ world, prober });
      } finally {
        await prober.close();
        await world.close();
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],

  corsOrigins: [
    async ({ corsWorld }, use) => use(corsWorld.world.servers.origins),
    { scope: 'worker' },
  ],

  cors: async ({ corsWorld }, use) => {
    const { prober, world } = corsWorld;
    await use({
      fetch: (url, init) => prober.fetch(url, init),
      load: (kind, url, init) => prober.load(kind, url, init),
      origins: world.servers.origins,
      origin: (role) => world.servers.origins[role],
      engine: prober.engine,
    });
  },
});

/** Playwright's `expect` with toMatchFetchStandard, toBeReadableFrom and toExposeHeader. */
export const expect = baseExpect.extend(corsMatchers);
