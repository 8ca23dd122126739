// The fixture assets an initiator's request gets as its final answer: real files of each
// kind (an image, a font, scripts that report they ran, a stylesheet, audio, a video, an
// event stream), generated here or (the video) made once with ffmpeg and kept as bytes, so
// no third-party file is needed. The server picks one by
// the request's api (carried in the instruction) unless the scenario gives its own body.
import { deflateSync } from 'node:zlib';

/** One asset: its bytes and the Content-Type it is served with. */
export interface Asset {
  contentType: string;
  bytes: Buffer;
}

/** The asset kinds; `assetFor` maps an api (and variant) to one. */
export type AssetName =
  | 'png'
  | 'font'
  | 'classic-script'
  | 'quiet-script'
  | 'module-script'
  | 'throwing-module'
  | 'worker-script'
  | 'stylesheet'
  | 'wav'
  | 'webm'
  | 'event-stream'
  | 'text';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A 2×2 opaque red RGBA PNG (a canvas read of it gives non-zero pixels). */
export function tinyPng(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(6, 9); // RGBA
  // Each scanline: filter byte 0, then two red pixels.
  const row = [0, 255, 0, 0, 255, 255, 0, 0, 255];
  const raw = Buffer.from([...row, ...row]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

type Field = [bits: 16 | 32, value: number];

/** Big-endian 16-bit fields, one per value (negative values as two's complement). */
function u16(...values: number[]): Field[] {
  return values.map((v) => [16, v]);
}

/** Big-endian 32-bit fields, one per value. */
function u32(...values: number[]): Field[] {
  return values.map((v) => [32, v]);
}

/** `n` 16-bit zero fields (reserved and unused ones). */
function zeros16(n: number): Field[] {
  return u16(...Array.from({ length: n }, () => 0));
}

/** Big-endian writer for the font tables: the fields of each run, in order. */
function be(...runs: Field[][]): Buffer {
  const fields = runs.flat();
  const size = fields.reduce((n, [bits]) => n + bits / 8, 0);
  const out = Buffer.alloc(size);
  let at = 0;
  for (const [bits, v] of fields) {
    if (bits === 16) out.writeUInt16BE(v & 0xffff, at);
    else out.writeUInt32BE(v >>> 0, at);
    at += bits / 8;
  }
  return out;
}

function tableChecksum(buf: Buffer): number {
  const padded = Buffer.concat([buf, Buffer.alloc((4 - (buf.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** A rectangle glyph (one contour, four on-curve points), padded to an even length. */
function rectGlyph(): Buffer {
  // One contour in the box (50, 0)-(450, 700), its last point index 3, no instructions.
  const head = be(u16(1, 50, 0, 450, 700, 3, 0));
  const flags = Buffer.from([1, 1, 1, 1]);
  // Coordinates as deltas from the previous point.
  const xs = be(u16(50, 400, 0, -400));
  const ys = be(u16(0, 0, 700, 0));
  const g = Buffer.concat([head, flags, xs, ys]);
  return g.length % 2 === 0 ? g : Buffer.concat([g, Buffer.alloc(1)]);
}

function nameTable(family: string): Buffer {
  const strings: [number, string][] = [
    [1, family],
    [2, 'Regular'],
    [3, `${family} Regular`],
    [4, `${family} Regular`],
    [5, 'Version 1.0'],
    [6, `${family}-Regular`],
  ];
  const encoded = strings.map(([id, s]) => [id, Buffer.from(s, 'utf16le').swap16()] as const);
  // Format 0, the record count, where the strings start.
  const header = be(u16(0, encoded.length, 6 + 12 * encoded.length));
  let offset = 0;
  const records = encoded.map(([id, b]) => {
    // Windows platform, Unicode BMP, en-US; the name id, the string's length and offset.
    const r = be(u16(3, 1, 0x409, id, b.length, offset));
    offset += b.length;
    return r;
  });
  return Buffer.concat([header, ...records, ...encoded.map(([, b]) => b)]);
}

function os2Table(): Buffer {
  return Buffer.concat([
    // Version 4, xAvgCharWidth 500, usWeightClass 400, usWidthClass 5, fsType 0 (installable);
    // sub/superscript and strikeout sizes and offsets 0; sFamilyClass 0.
    be(u16(4, 500, 400, 5, 0), zeros16(10), u16(0)),
    Buffer.alloc(10), // panose
    // ulUnicodeRange1-4: Basic Latin only.
    be(u32(1, 0, 0, 0)),
    Buffer.from('NONE', 'latin1'),
    be(
      // fsSelection REGULAR, usFirstCharIndex and usLastCharIndex `A`.
      u16(0x40, 0x41, 0x41),
      // sTypoAscender, sTypoDescender, sTypoLineGap, usWinAscent, usWinDescent.
      u16(800, -200, 0, 800, 200),
      // ulCodePageRange1-2: Latin 1.
      u32(1, 0),
      // sxHeight, sCapHeight, usDefaultChar, usBreakChar (space), usMaxContext.
      u16(500, 700, 0, 0x20, 1),
    ),
  ]);
}

function cmapTable(): Buffer {
  // Format 4, two segments: U+0041 → glyph 1, and the required 0xFFFF end segment.
  const sub = be(
    // Format, length, language; segCountX2, searchRange, entrySelector, rangeShift.
    u16(4, 32, 0, 4, 4, 1, 0),
    u16(0x41, 0xffff), // endCode
    u16(0), // reservedPad
    u16(0x41, 0xffff), // startCode
    u16(1 - 0x41, 1), // idDelta
    u16(0, 0), // idRangeOffset
  );
  // Version 0, one encoding record (Windows, Unicode BMP) whose subtable starts at 12.
  return Buffer.concat([be(u16(0, 1, 3, 1), u32(12)), sub]);
}

function headTable(): Buffer {
  return be(
    // Version 1.0, fontRevision 1.0, checkSumAdjustment (filled in later), magicNumber.
    u32(0x00010000, 0x00010000, 0, 0x5f0f3cf5),
    // flags, unitsPerEm.
    u16(0x000b, 1000),
    // created, modified.
    u32(0, 0, 0, 0),
    // xMin, yMin, xMax, yMax; macStyle, lowestRecPPEM, fontDirectionHint,
    // indexToLocFormat (short), glyphDataFormat.
    u16(50, 0, 450, 700, 0, 8, 2, 0, 0),
  );
}

function hheaTable(numGlyphs: number): Buffer {
  return be(
    u32(0x00010000),
    // ascender, descender, lineGap, advanceWidthMax, minLeftSideBearing,
    // minRightSideBearing, xMaxExtent, caretSlopeRise.
    u16(800, -200, 0, 500, 50, 50, 450, 1),
    // caretSlopeRun, caretOffset, four reserved, metricDataFormat.
    zeros16(7),
    u16(numGlyphs),
  );
}

function fontTables(): Record<string, Buffer> {
  const glyph = rectGlyph();
  const numGlyphs = 2;
  const head = headTable();
  const hhea = hheaTable(numGlyphs);
  // Version 1.0, numGlyphs, maxPoints 4, maxContours 1, maxCompositePoints and
  // maxCompositeContours 0, maxZones 2, the eight limits after it 0.
  const maxp = be(u32(0x00010000), u16(numGlyphs, 4, 1, 0, 0, 2), zeros16(8));
  // advanceWidth 500, lsb 50 for each glyph.
  const hmtx = be(u16(500, 50, 500, 50));
  const loca = be(u16(0, glyph.length / 2, glyph.length));
  // Version 3.0, italicAngle 0, underlinePosition and thickness, isFixedPitch, the memory
  // hints.
  const post = be(u32(0x00030000, 0), u16(-100, 50), u32(0, 0, 0, 0, 0));
  return {
    'OS/2': os2Table(),
    cmap: cmapTable(),
    glyf: Buffer.concat([glyph, glyph]),
    head,
    hhea,
    hmtx,
    loca,
    maxp,
    name: nameTable('CorsConformance'),
    post,
  };
}

/**
 * A minimal valid TrueType font (one rectangle glyph for "A" plus .notdef), with correct
 * table checksums and head.checkSumAdjustment, so font sanitizers accept it.
 */
export function tinyFont(): Buffer {
  const tables = fontTables();
  const tags = Object.keys(tables).sort();
  const n = tags.length;
  const entrySelector = Math.floor(Math.log2(n));
  const searchRange = 16 * 2 ** entrySelector;
  const dir = be(u32(0x00010000), u16(n, searchRange, entrySelector, n * 16 - searchRange));
  let offset = 12 + 16 * n;
  const records: Buffer[] = [];
  const bodies: Buffer[] = [];
  let headOffset = 0;
  for (const tag of tags) {
    const t = tables[tag] ?? Buffer.alloc(0);
    if (tag === 'head') headOffset = offset;
    records.push(
      Buffer.concat([Buffer.from(tag, 'latin1'), be(u32(tableChecksum(t), offset, t.length))]),
    );
    const padded = Buffer.concat([t, Buffer.alloc((4 - (t.length % 4)) % 4)]);
    bodies.push(padded);
    offset += padded.length;
  }
  const font = Buffer.concat([dir, ...records, ...bodies]);
  font.writeUInt32BE((0xb1b0afba - tableChecksum(font)) >>> 0, headOffset + 8);
  return font;
}

/** 0.25 s of a 440 Hz tone, 8 kHz mono 8-bit PCM, as a RIFF WAVE file. */
export function tinyWav(): Buffer {
  const rate = 8000;
  const samples = Buffer.from(
    Array.from({ length: rate / 4 }, (_, i) =>
      Math.round(128 + 60 * Math.sin((2 * Math.PI * 440 * i) / rate)),
    ),
  );
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + samples.length, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28); // byte rate
  header.writeUInt16LE(1, 32); // block align
  header.writeUInt16LE(8, 34); // bits per sample
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
}

/**
 * The video's bytes: 16×16 solid red, three VP8 frames at 10 fps (0.3 s) in WebM, 541
 * bytes. VP8 in WebM is the one codec and container Chromium, Firefox and WebKitGTK's
 * GStreamer backend all decode (Theora is gone from Chromium and Firefox; vpxdec and
 * matroskademux are in gstreamer1.0-plugins-good, which WebKitGTK depends on). Made once,
 * byte for byte reproducible, with FFmpeg 5.1 (Debian 12 `ffmpeg`, libvpx 1.12):
 *
 *   ffmpeg -f lavfi -i color=c=red:s=16x16:r=10:d=0.3 -c:v libvpx -b:v 50k \
 *     -pix_fmt yuv420p -auto-alt-ref 0 -an -fflags +bitexact -flags +bitexact \
 *     -map_metadata -1 -dash 0 red.webm
 */
const TINY_WEBM_BASE64 = [
  'GkXfo59ChoEBQveBAULygQRC84EIQoKEd2VibUKHgQJChYECGFOAZwEAAAAAAAHtEU2bdLpNu4tTq4QVSalmU6yB',
  'oU27i1OrhBZUrmtTrIHGTbuMU6uEElTDZ1OsggEMTbuMU6uEHFO7a1OsggHX7AEAAAAAAABZAAAAAAAAAAAAAAAA',
  'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  'AAAAAAAAAAAAAAAVSalmoCrXsYMPQkBNgIRMYXZmV0GETGF2ZkSJiEBywAAAAAAAFlSua8GuAQAAAAAAADjXgQFz',
  'xYgAAAAAAAAAAZyBACK1nIN1bmSIgQCGhVZfVlA4g4EBI+ODhAX14QDgibCBELqBEJqBAhJUw2fRc3POY8CLY8WI',
  'AAAAAAAAAAFnyJhFo4dFTkNPREVSRIeLTGF2YyBsaWJ2cHhnyKJFo4hEVVJBVElPTkSHlDAwOjAwOjAwLjMwMDAw',
  'MDAwMAAAH0O2dfDngQCjvYEAAIDwAgCdASoQABAAAEcIhYWIhYSIAgICdaoD+AP6Ag1NGAD+/W7z/+OZNzDE/45t',
  '//FhPA4oyP/xUQCjlYEAZACxAQABEBAAGAAYWC/0AAgAAKOVgQDIALEBAAEQEAAYABhYL/QACAAAHFO7a5G7j7OB',
  'ALeK94EB8YIBYvCBAw==',
].join('');

/** A video with frames, so drawing it into a canvas draws pixels (and taints or not). */
export function tinyWebm(): Buffer {
  return Buffer.from(TINY_WEBM_BASE64, 'base64');
}

/**
 * A classic script that records that it ran, then throws: the window's error event then
 * shows whether the engine muted the script's errors (`Script error.`).
 */
export const CLASSIC_SCRIPT = `self.corsConformanceRan = (self.corsConformanceRan || 0) + 1;
throw new Error('cors-conformance classic script ran');
`;

/** A classic script that records that it ran and does not throw (importScripts, preload). */
export const QUIET_SCRIPT = `self.corsConformanceRan = (self.corsConformanceRan || 0) + 1;
`;

/** A module script: no imports or exports, records that it ran. */
export const MODULE_SCRIPT = `globalThis.corsConformanceModuleRan = (globalThis.corsConformanceModuleRan || 0) + 1;
export const ran = true;
`;

/**
 * A module script that records that it ran, then throws: a module's errors are never muted,
 * so the window's error event carries this message whenever it ran.
 */
export const THROWING_MODULE = `globalThis.corsConformanceModuleRan = (globalThis.corsConformanceModuleRan || 0) + 1;
throw new Error('cors-conformance module script ran');
`;

/** A worker script for dedicated and shared workers (classic or module): posts "ran". */
export const WORKER_SCRIPT = `if ('onconnect' in self) {
  self.onconnect = (e) => { e.ports[0].postMessage('ran'); };
} else {
  self.postMessage('ran');
}
`;

/** One rule, so a readable `cssRules` has length 1. */
export const STYLESHEET = `.cors-conformance-probe { color: rgb(1, 2, 3); }
`;

/** One event, and a long retry so a closed stream is not fetched again during the case. */
export const EVENT_STREAM = `retry: 60000
data: ran

`;

let cache: Map<AssetName, Asset> | null = null;

function buildAssets(): Map<AssetName, Asset> {
  const text = (contentType: string, s: string): Asset => ({
    contentType,
    bytes: Buffer.from(s, 'utf8'),
  });
  const js = 'text/javascript; charset=utf-8';
  return new Map<AssetName, Asset>([
    ['png', { contentType: 'image/png', bytes: tinyPng() }],
    ['font', { contentType: 'font/ttf', bytes: tinyFont() }],
    ['classic-script', text(js, CLASSIC_SCRIPT)],
    ['quiet-script', text(js, QUIET_SCRIPT)],
    ['module-script', text(js, MODULE_SCRIPT)],
    ['throwing-module', text(js, THROWING_MODULE)],
    ['worker-script', text(js, WORKER_SCRIPT)],
    ['stylesheet', text('text/css; charset=utf-8', STYLESHEET)],
    ['wav', { contentType: 'audio/wav', bytes: tinyWav() }],
    ['webm', { contentType: 'video/webm', bytes: tinyWebm() }],
    ['event-stream', text('text/event-stream; charset=utf-8', EVENT_STREAM)],
    ['text', text('text/plain; charset=utf-8', 'ran\n')],
  ]);
}

const NAMES: readonly string[] = [
  'png',
  'font',
  'classic-script',
  'quiet-script',
  'module-script',
  'throwing-module',
  'worker-script',
  'stylesheet',
  'wav',
  'webm',
  'event-stream',
  'text',
] satisfies AssetName[];

export function isAssetName(s: string): s is AssetName {
  return NAMES.includes(s);
}

/** The asset itself (built once per process). */
export function asset(name: AssetName): Asset {
  cache ??= buildAssets();
  const a = cache.get(name);
  if (a === undefined) throw new Error(`no fixture asset named ${name}`);
  return a;
}

/** `preload`'s `as` value → the asset that destination expects. */
const PRELOAD_ASSETS: Readonly<Record<string, AssetName>> = {
  script: 'quiet-script',
  style: 'stylesheet',
  font: 'font',
  image: 'png',
  fetch: 'text',
};

/**
 * The asset an api's final answer carries, or null when the api reads the scenario's own
 * body (fetch, XHR, fetch-keepalive, beacon, form) or has none (websocket).
 */
export function assetFor(api: string, variant?: string): AssetName | null {
  switch (api) {
    case 'img':
    case 'img-canvas':
    case 'css-image':
      return 'png';
    case 'font':
      return 'font';
    // These throw after they ran: whether the error reaches the page muted is the taint.
    case 'script':
    case 'importScripts':
      return 'classic-script';
    case 'module-script':
      return 'throwing-module';
    case 'dynamic-import':
      return 'module-script';
    case 'worker':
    case 'module-worker':
    case 'shared-worker':
      return 'worker-script';
    case 'stylesheet':
      return 'stylesheet';
    // A video needs frames for its canvas read; audio stays on the WAV.
    case 'video':
      return 'webm';
    case 'audio':
      return 'wav';
    case 'eventsource':
      return 'event-stream';
    case 'preload':
      return PRELOAD_ASSETS[variant ?? 'fetch'] ?? 'text';
    default:
      return null;
  }
}
