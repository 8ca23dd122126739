// The engine facts, one module per engine: the model's profile for each engine name, and what
// the verdict needs for a given build (knob evidence and the rules that hold for it).
import type { EngineName, EngineProfile } from '../model/engine-profile.js';
import { SPEC } from '../model/spec-profile.js';
import type { JudgeFacts } from '../harness/verdict.js';
import { CHROMIUM_FACTS } from './chromium.js';
import { FIREFOX_FACTS } from './firefox.js';
import { rulesForVersion } from './rules.js';
import type { BrowserEngine, EngineFacts } from './types.js';
import { WEBKIT_FACTS } from './webkit.js';

export const ENGINE_FACTS: Readonly<Record<BrowserEngine, EngineFacts>> = {
  chromium: CHROMIUM_FACTS,
  firefox: FIREFOX_FACTS,
  webkit: WEBKIT_FACTS,
};

export function isBrowserEngine(name: string): name is BrowserEngine {
  return name === 'chromium' || name === 'firefox' || name === 'webkit';
}

/** The model's profile for an engine name (`spec`: the standard itself). */
export function getEngineProfile(name: EngineName): EngineProfile {
  return name === 'spec' ? SPEC : ENGINE_FACTS[name].profile;
}

/**
 * What the verdict reads for a run of `engine` at build `version` (EngineInfo.version):
 * every knob's evidence and the rules whose `versions` range holds. Without a version
 * (callers that do not know the build), every rule; an unknown engine has no facts.
 */
export function judgeFactsFor(engine: string, version?: string | null): JudgeFacts {
  if (!isBrowserEngine(engine)) return { knobs: {}, rules: [] };
  const facts = ENGINE_FACTS[engine];
  return { knobs: facts.knobs, rules: rulesForVersion(facts.rules, version) };
}

export type * from './types.js';

/** The engines' profiles, for callers that want one by name (tests, the public API). */
export const CHROMIUM: EngineProfile = CHROMIUM_FACTS.profile;
export const FIREFOX: EngineProfile = FIREFOX_FACTS.profile;
export const WEBKIT: EngineProfile = WEBKIT_FACTS.profile;
export { SPEC };
