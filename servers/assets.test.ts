import { inflateSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { asset, assetFor, isAssetName, tinyFont, tinyPng, tinyWav } from './assets.js';
import { encodeInstruction, hopPath, type Instruction } from './instruction.js';
import { respond } from './respond.js';
import { serializeResponse } from './raw-http.js';
import { upgradeResponse, websocketAccept } from './websocket.js';

test('the PNG has a signature, a 2x2 RGBA header and pixel rows that inflate', () => {
  const png = tinyPng();
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  expect(png.readUInt32BE(16)).toBe(2);
  expect(png.readUInt32BE(20)).toBe(2);
  const idatAt = png.indexOf('IDAT', 0, 'latin1');
  const len = png.readUInt32BE(idatAt - 4);
  const raw = inflateSync(png.subarray(idatAt + 4, idatAt + 4 + len));
  expect(raw.length).toBe(2 * (1 + 2 * 4));
});

test('the font has sorted tables with checksums and a whole-font checksum of 0xB1B0AFBA', () => {
  const font = tinyFont();
  expect(font.readUInt32BE(0)).toBe(0x00010000);
  const n = font.readUInt16BE(4);
  const tags: string[] = [];
  const sum = (b: Buffer): number => {
    const p = Buffer.concat([b, Buffer.alloc((4 - (b.length % 4)) % 4)]);
    let s = 0;
    for (let i = 0; i < p.length; i += 4) s = (s + p.readUInt32BE(i)) >>> 0;
    return s;
  };
  for (let i = 0; i < n; i++) {
    const rec = 12 + 16 * i;
    const tag = font.subarray(rec, rec + 4).toString('latin1');
    tags.push(tag);
    const offset = font.readUInt32BE(rec + 8);
    const length = font.readUInt32BE(rec + 12);
    const table = Buffer.from(font.subarray(offset, offset + length));
    if (tag === 'head') table.writeUInt32BE(0, 8);
    expect(sum(table), tag).toBe(font.readUInt32BE(rec + 4));
  }
  expect(tags).toEqual([...tags].sort());
  expect(tags).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'loca', 'maxp', 'name']));
  expect(sum(font)).toBe(0xb1b0afba);
});

test('the WAV is RIFF/WAVE PCM with a data chunk as long as its samples', () => {
  const wav = tinyWav();
  expect(wav.subarray(0, 4).toString('latin1')).toBe('RIFF');
  expect(wav.subarray(8, 12).toString('latin1')).toBe('WAVE');
  expect(wav.readUInt32LE(40)).toBe(wav.length - 44);
});

test('each initiator picks its asset; fetch-like apis read the scenario body', () => {
  expect(assetFor('img-canvas')).toBe('png');
  expect(assetFor('font')).toBe('font');
  expect(assetFor('script')).toBe('classic-script');
  expect(assetFor('module-script')).toBe('throwing-module');
  expect(assetFor('dynamic-import')).toBe('module-script');
  expect(assetFor('preload', 'style')).toBe('stylesheet');
  expect(assetFor('preload')).toBe('text');
  for (const api of ['fetch', 'xhr', 'fetch-keepalive', 'beacon', 'form', 'websocket']) {
    expect(assetFor(api)).toBeNull();
  }
  expect(isAssetName('png')).toBe(true);
  expect(isAssetName('gif')).toBe(false);
  expect(asset('stylesheet').contentType).toMatch(/^text\/css/);
});

test('the accept value is the one RFC 6455 gives for its sample key', () => {
  expect(websocketAccept('dGhlIHNhbXBsZSBub25jZQ==')).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  const res = upgradeResponse(
    [['Sec-WebSocket-Key', 'dGhlIHNhbXBsZSBub25jZQ==']],
    [
      ['Content-Length', '0'],
      ['X-Kept', '1'],
    ],
  );
  expect(res.status).toBe(101);
  expect(res.headers).toContainEqual(['Sec-WebSocket-Accept', 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=']);
  expect(res.headers).toContainEqual(['X-Kept', '1']);
  expect(res.headers.map(([n]) => n)).not.toContain('Content-Length');
});

const ORIGIN = 'http://example.net:4001';
function instruction(api: string, response: Instruction['hops'][0]['response']): Instruction {
  return {
    token: 'tk',
    hops: [{ origin: ORIGIN, preflight: null, response }],
    vars: { origin: 'http://example.com:4001', host: 'example.com:4001' },
    api,
  };
}
const target = (i: Instruction): string => hopPath('tk', 0, { inline: encodeInstruction(i) });

test('an asset answer carries the asset bytes, not the instruction body', () => {
  const i = instruction('img', {
    status: 200,
    headers: [['Content-Type', 'image/png']],
    asset: 'png',
  });
  const res = respond({ method: 'GET', target: target(i), rawHeaders: [] }, i, 0);
  expect(res.bodyBytes).toEqual(tinyPng());
  const bytes = serializeResponse(res);
  expect(bytes.subarray(bytes.length - tinyPng().length)).toEqual(tinyPng());
  const head = respond({ method: 'HEAD', target: target(i), rawHeaders: [] }, i, 0);
  expect(head.bodyBytes).toBeUndefined();
});

test('a websocket case answers an upgrade with 101, a refusal as given, a plain GET as given', () => {
  const upgrade: [string, string][] = [
    ['Upgrade', 'websocket'],
    ['Connection', 'Upgrade'],
    ['Sec-WebSocket-Key', 'dGhlIHNhbXBsZSBub25jZQ=='],
  ];
  const ok = instruction('websocket', { status: 200, headers: [] });
  expect(respond({ method: 'GET', target: target(ok), rawHeaders: upgrade }, ok, 0).status).toBe(
    101,
  );
  expect(respond({ method: 'GET', target: target(ok), rawHeaders: [] }, ok, 0).status).toBe(200);
  const refused = instruction('websocket', { status: 403, headers: [] });
  expect(
    respond({ method: 'GET', target: target(refused), rawHeaders: upgrade }, refused, 0).status,
  ).toBe(403);
  const notWs = instruction('img', { status: 200, headers: [] });
  expect(
    respond({ method: 'GET', target: target(notWs), rawHeaders: upgrade }, notWs, 0).status,
  ).toBe(200);
});
