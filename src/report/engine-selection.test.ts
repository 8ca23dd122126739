import { expect, test } from '@playwright/test';
import type { EngineInfo, EngineMissing } from '../harness/engines/types.js';
import {
  decodeDetection,
  encodeDetection,
  parseEngineList,
  selectEngines,
  selectionLines,
} from './engine-selection.js';

const chromium: EngineInfo = {
  browser: 'chromium',
  version: '156',
  executable: '/usr/bin/chromium',
  driver: 'playwright',
  source: 'system',
  hostNames: true,
};
const firefox: EngineMissing = {
  browser: 'firefox',
  reason: 'no firefox',
  fix: 'apt-get install -y firefox-esr',
};

test('selection: found engines in order, missing ones skipped with the fix, list narrows', () => {
  const all = selectEngines([firefox, chromium], null);
  expect(all.engines).toEqual(['chromium']);
  expect(all.versions).toEqual({ chromium: '156' });
  expect(all.skipped).toEqual([
    { engine: 'firefox', reason: 'no firefox; fix: apt-get install -y firefox-esr' },
    { engine: 'webkit', reason: 'not detected' },
  ]);
  const narrowed = selectEngines([firefox, chromium], parseEngineList(' Chromium, safari,'));
  expect(narrowed.engines).toEqual(['chromium']);
  expect(narrowed.skipped).toEqual([]);
  expect(selectionLines(narrowed, 'CORS_ENGINES')).toEqual([
    'CORS_ENGINES: "safari" is no engine (chromium, firefox, webkit); ignored',
  ]);
  expect(parseEngineList(' , ')).toBeNull();
});

test('detection survives the environment round trip', () => {
  const back = decodeDetection(encodeDetection([chromium, firefox]));
  expect(selectEngines(back ?? [], null)).toEqual(selectEngines([chromium, firefox], null));
  expect(decodeDetection(undefined)).toBeNull();
  expect(decodeDetection('{')).toBeNull();
  expect(decodeDetection('[{"browser":"lynx"}]')).toEqual([]);
});
