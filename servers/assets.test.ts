import { inflateSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { asset, assetFor, isAssetName, tinyFont, tinyPng, tinyWav, tinyWebm } from './assets.js';
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

/** One EBML element: its id, where its data starts and how long it is. */
interface Ebml {
  id: number;
  data: number;
  size: number;
}

/** The EBML element at `at` (sizes under 2^32 are enough here). */
function ebml(buf: Buffer, at: number): Ebml {
  const vintLength = (b: number): number => Math.clz32(b) - 23;
  const idLen = vintLength(buf[at] ?? 0);
  const id = buf.readUIntBE(at, idLen);
  const sizeAt = at + idLen;
  const sizeLen = vintLength(buf[sizeAt] ?? 0);
  let size = (buf[sizeAt] ?? 0) & (0xff >> sizeLen);
  for (let i = 1; i < sizeLen; i++) size = size * 256 + (buf[sizeAt + i] ?? 0);
  return { id, data: sizeAt + sizeLen, size };
}

/** The elements directly inside a parent (none for a missing parent), in order. */
function children(buf: Buffer, parent: Ebml | undefined): Ebml[] {
  const out: Ebml[] = [];
  const end = parent === undefined ? 0 : parent.data + parent.size;
  for (let at = parent?.data ?? 0; at < end;) {
    const e = ebml(buf, at);
    out.push(e);
    at = e.data + e.size;
  }
  return out;
}

const child = (buf: Buffer, parent: Ebml | undefined, id: number): Ebml | undefined =>
  children(buf, parent).find((e) => e.id === id);
const bytesOf = (buf: Buffer, e: Ebml | undefined): Buffer =>
  e === undefined ? Buffer.alloc(0) : buf.subarray(e.data, e.data + e.size);

test('the video is WebM with one 16x16 VP8 track and three frames, the first a key frame', () => {
  const webm = tinyWebm();
  expect(webm.length).toBeLessThan(1024);
  const header = ebml(webm, 0);
  expect(header.id).toBe(0x1a45dfa3);
  expect(bytesOf(webm, child(webm, header, 0x4282)).toString()).toBe('webm');
  const segment = ebml(webm, header.data + header.size);
  expect(segment.id).toBe(0x18538067);
  // The segment's size is written out, so it ends where the file does.
  expect(segment.data + segment.size).toBe(webm.length);
  const tracks = children(webm, child(webm, segment, 0x1654ae6b));
  expect(tracks.map((t) => t.id)).toEqual([0xae]);
  const track = tracks[0];
  expect(bytesOf(webm, child(webm, track, 0x86)).toString()).toBe('V_VP8');
  const video = child(webm, track, 0xe0);
  const px = (id: number): number => bytesOf(webm, child(webm, video, id)).readUIntBE(0, 1);
  expect([px(0xb0), px(0xba)]).toEqual([16, 16]);
  // SimpleBlocks: track number, timecode, flags, then a VP8 frame; a key frame carries the
  // start code 9d 01 2a and its size (16x16) after the 3-byte frame tag.
  const blocks = children(webm, child(webm, segment, 0x1f43b675))
    .filter((e) => e.id === 0xa3)
    .map((e) => bytesOf(webm, e).subarray(4));
  expect(blocks).toHaveLength(3);
  const key = blocks[0] ?? Buffer.alloc(10);
  expect(key.subarray(3, 6)).toEqual(Buffer.from([0x9d, 0x01, 0x2a]));
  expect([key.readUInt16LE(6) & 0x3fff, key.readUInt16LE(8) & 0x3fff]).toEqual([16, 16]);
});

test('each initiator picks its asset; fetch-like apis read the scenario body', () => {
  expect(assetFor('img-canvas')).toBe('png');
  expect(assetFor('font')).toBe('font');
  expect(assetFor('script')).toBe('classic-script');
  expect(assetFor('module-script')).toBe('throwing-module');
  expect(assetFor('dynamic-import')).toBe('module-script');
  expect(assetFor('preload', 'style')).toBe('stylesheet');
  expect(assetFor('preload')).toBe('text');
  // A video gets frames (its canvas read shows the taint); audio keeps the WAV.
  expect(assetFor('video')).toBe('webm');
  expect(assetFor('video', 'canvas')).toBe('webm');
  expect(assetFor('audio')).toBe('wav');
  expect(asset('webm').contentType).toBe('video/webm');
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
