import { test, expect } from '@playwright/test';
import { extractAMIMEType, isJavaScriptMIMETypeEssence, parseAMIMEType } from './mime-type.js';

const essences: [string, string][] = [
  ['text/plain', 'text/plain'],
  ['TEXT/Plain;charset=x', 'text/plain'],
  ['text/plain ;x', 'text/plain'],
  ['  text/html  ', 'text/html'],
  ['multipart/form-data', 'multipart/form-data'],
  ['application/x-www-form-urlencoded;charset=UTF-8', 'application/x-www-form-urlencoded'],
  ['text/plain;', 'text/plain'],
];
for (const [input, essence] of essences) {
  test(`parse a MIME type ${JSON.stringify(input)} has essence ${essence}`, () => {
    const m = parseAMIMEType(input);
    expect(m).not.toBe('failure');
    if (m !== 'failure') expect(m.essence).toBe(essence);
  });
}

const failures = [
  '',
  'text /plain',
  'text/plain, application/json',
  'text',
  'text/',
  '/plain',
  'te(x)t/plain',
  'text/pl@in',
  ' ;/x',
];
for (const input of failures) {
  test(`parse a MIME type ${JSON.stringify(input)} is failure`, () => {
    expect(parseAMIMEType(input)).toBe('failure');
  });
}

test('parameters: lowercased names, first one wins, quoted values unescaped, bad ones skipped', () => {
  const m = parseAMIMEType(
    'text/plain; Charset="utf\\-8" ; charset=latin1; a; b=; c=d ; e="x"junk;=v; f g=1; h=\u0001',
  );
  expect(m).not.toBe('failure');
  if (m === 'failure') return;
  expect([...m.parameters]).toEqual([
    ['charset', 'utf-8'],
    ['c', 'd'],
    ['e', 'x'],
  ]);
  expect(m.type).toBe('text');
  expect(m.subtype).toBe('plain');
});

test('extract a MIME type: the last valid Content-Type value wins, */* and junk are skipped', () => {
  const essence = (headers: [string, string][]): string => {
    const m = extractAMIMEType(headers);
    return m === 'failure' ? 'failure' : m.essence;
  };
  expect(essence([])).toBe('failure');
  expect(essence([['Content-Type', 'no-store']])).toBe('failure');
  expect(
    essence([
      ['CONTENT-TYPE', 'no-store'],
      ['content-type', 'text/plain'],
    ]),
  ).toBe('text/plain');
  expect(essence([['Content-Type', 'text/css, */*']])).toBe('text/css');
  expect(
    essence([
      ['Content-Type', 'text/css'],
      ['Content-Type', 'sid=1; Path=/'],
    ]),
  ).toBe('text/css');
  const kept = extractAMIMEType([['Content-Type', 'text/html;charset=gbk, text/html']]);
  expect(kept !== 'failure' && kept.parameters.get('charset')).toBe('gbk');
  expect(isJavaScriptMIMETypeEssence('text/javascript')).toBe(true);
  expect(isJavaScriptMIMETypeEssence('text/plain')).toBe(false);
});
