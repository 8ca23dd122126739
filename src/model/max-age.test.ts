import { test, expect } from '@playwright/test';
import type { HeaderList } from '../scenario/types.js';
import type { EngineName, EngineProfile, MaxAgeParsing } from './engine-profile.js';
import { parseAccessControlMaxAge } from './max-age.js';
import { SPEC } from './spec-profile.js';

/** Profiles built here with the engines' parsing and cap (the spec profile's cap is a UA choice). */
function profile(
  name: EngineName,
  maxAgeCapSeconds: number,
  maxAgeParsing: MaxAgeParsing,
): EngineProfile {
  return { ...SPEC, name, maxAgeCapSeconds, maxAgeParsing };
}
const PROFILES = {
  spec: profile('spec', 86400, 'delta-seconds'),
  chromium: profile('chromium', 7200, 'signed-integer'),
  firefox: profile('firefox', 86400, 'digits-else-uncached'),
  webkit: profile('webkit', 600, 'signed-integer'),
};

const NC = 'not cached';
type Row = {
  name: string;
  lines: string[];
  spec: number | string;
  chromium: number | string;
  firefox: number | string;
  webkit: number | string;
};
// One row per input; each engine column is seconds or NC.
const rows: Row[] = [
  { name: 'absent', lines: [], spec: 5, chromium: 5, firefox: 5, webkit: 5 },
  { name: '`5`', lines: ['5'], spec: 5, chromium: 5, firefox: 5, webkit: 5 },
  { name: '`0`', lines: ['0'], spec: 0, chromium: 0, firefox: NC, webkit: 0 },
  { name: '`-1`', lines: ['-1'], spec: 5, chromium: 0, firefox: NC, webkit: 0 },
  { name: '`+5`', lines: ['+5'], spec: 5, chromium: 5, firefox: NC, webkit: 5 },
  { name: '`5s`', lines: ['5s'], spec: 5, chromium: 5, firefox: NC, webkit: 5 },
  { name: '`1.5`', lines: ['1.5'], spec: 5, chromium: 5, firefox: NC, webkit: 5 },
  { name: 'empty', lines: [''], spec: 5, chromium: 5, firefox: 5, webkit: 5 },
  { name: 'repeated `5` `5`', lines: ['5', '5'], spec: 5, chromium: 5, firefox: NC, webkit: 5 },
  {
    name: '`600` (WebKit cap)',
    lines: ['600'],
    spec: 600,
    chromium: 600,
    firefox: 600,
    webkit: 600,
  },
  {
    name: '`601` (over WebKit cap)',
    lines: ['601'],
    spec: 601,
    chromium: 601,
    firefox: 601,
    webkit: 600,
  },
  {
    name: '`7201` (over Chromium cap)',
    lines: ['7201'],
    spec: 7201,
    chromium: 7200,
    firefox: 7201,
    webkit: 600,
  },
  {
    name: '`86401` (over Firefox cap)',
    lines: ['86401'],
    spec: 86400,
    chromium: 7200,
    firefox: 86400,
    webkit: 600,
  },
  {
    name: 'huge',
    lines: ['99999999999999999999'],
    spec: 86400,
    chromium: 7200,
    firefox: 86400,
    webkit: 600,
  },
];

for (const row of rows) {
  for (const engine of ['spec', 'chromium', 'firefox', 'webkit'] as const) {
    const want = row[engine];
    test(`max-age ${row.name} under ${engine}: ${want === NC ? NC : `${want}s`}`, () => {
      const headers: HeaderList = row.lines.map((v) => ['Access-Control-Max-Age', v]);
      const r = parseAccessControlMaxAge(headers, PROFILES[engine]);
      expect(r.reason.length).toBeGreaterThan(0);
      if (want === NC) expect(r).toMatchObject({ notCached: true });
      else expect(r).toMatchObject({ seconds: want });
    });
  }
}
