// The asset list grammar of `verify --assets` / `--asset`, its resolution against the target
// and its one-line errors naming the file and line.
import { expect, test } from '@playwright/test';
import { AssetListError, parseAssetLine, parseAssetList } from './asset-list.js';
import { assetOrigin } from './index.js';

const base = new URL('http://127.0.0.1:3000/api/items');

test('lines: kind, URL, optional crossorigin; comments and blank lines skipped; paths on the target', () => {
  const text = [
    '# what app.example.com loads from the API host',
    '',
    'font /fonts/brand.woff2',
    '  img-canvas https://cdn.example.test/logo.png anonymous  ',
    'module-script=/app.js',
    'stylesheet /site.css use-credentials\r',
  ].join('\n');
  expect(parseAssetList(text, 'assets.txt', base)).toEqual([
    {
      kind: 'font',
      url: 'http://127.0.0.1:3000/fonts/brand.woff2',
      crossorigin: 'absent',
      source: 'assets.txt:3',
    },
    {
      kind: 'img-canvas',
      url: 'https://cdn.example.test/logo.png',
      crossorigin: 'anonymous',
      source: 'assets.txt:4',
    },
    {
      kind: 'module-script',
      url: 'http://127.0.0.1:3000/app.js',
      crossorigin: 'absent',
      source: 'assets.txt:5',
    },
    {
      kind: 'stylesheet',
      url: 'http://127.0.0.1:3000/site.css',
      crossorigin: 'use-credentials',
      source: 'assets.txt:6',
    },
  ]);
  // The flag takes the same line; KIND=URL and KIND URL are one grammar.
  expect(parseAssetLine('img=/a.png', '--asset', base)).toEqual(
    parseAssetLine('img /a.png', '--asset', base),
  );
});

test('a bad line is one error naming the file and line and the usage', () => {
  const cases: [string, RegExp][] = [
    ['image /a.png', /^a\.txt:2: KIND must be one of img, img-canvas, .*\(got "image"\)$/],
    ['font', /^a\.txt:2: use KIND URL \[anonymous\|use-credentials\] \(got "font"\)$/],
    ['img /a.png anonymous extra', /^a\.txt:2: use KIND URL/],
    ['img /a.png Anonymous', /^a\.txt:2: CROSSORIGIN must be anonymous or use-credentials/],
    ['font /a.woff2 anonymous', /^a\.txt:2: font has no crossorigin attribute/],
    ['img ftp://x.test/a.png', /^a\.txt:2: the URL must be http or https/],
    ['img a.png', /^a\.txt:2: "a\.png" is neither an absolute http\(s\) URL nor a path/],
    ['img //cdn.test/a.png', /^a\.txt:2: "\/\/cdn\.test\/a\.png" is neither/],
  ];
  for (const [line, message] of cases) {
    let thrown: unknown;
    try {
      parseAssetList(`# header\n${line}\n`, 'a.txt', base);
    } catch (e) {
      thrown = e;
    }
    expect(thrown, line).toBeInstanceOf(AssetListError);
    expect((thrown as Error).message, line).toMatch(message);
    expect((thrown as Error).message).not.toContain('\n');
  }
  expect(() => parseAssetList('# only comments\n\n', 'a.txt', base)).toThrow(
    /^a\.txt: no assets listed/,
  );
  // Without a target, a path has nothing to be resolved against.
  expect(() => parseAssetLine('img /a.png', '--asset')).toThrow(/is neither an absolute/);
});

test("the page's origin: --from, else the policy's first origin (a pattern's instance)", () => {
  expect(assetOrigin('https://app.example.com', undefined)).toBe('https://app.example.com');
  expect(assetOrigin(undefined, { origins: ['https://app.example.com', 'https://b.test'] })).toBe(
    'https://app.example.com',
  );
  expect(assetOrigin(undefined, { origins: ['https://*.example.org'] })).toBe(
    'https://app.example.org',
  );
  expect(() => assetOrigin('https://*.example.org', undefined)).toThrow(/not a pattern/);
  expect(() => assetOrigin(undefined, undefined)).toThrow(/^--from ORIGIN is required/);
});
