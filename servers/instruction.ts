// What a fixture URL answers, as it travels in the URL, and what the journal records.
// Shared by the harness (which encodes) and the fixture server (which decodes and answers).
import type { HeaderList } from '../src/scenario/types.js';
import { errorFirstLine as firstLine } from '../src/error-text.js';
import { isAssetName, type AssetName } from './assets.js';

/** One raw HTTP response: status line, header lines exactly as listed, body. */
export interface RawResponse {
  status: number;
  /** Reason phrase; default is the usual one for the status (or `Unknown`). */
  reason?: string;
  /** Header lines in order, sent byte for byte (after placeholder resolution). */
  headers: HeaderList;
  body?: string;
  /**
   * A fixture asset (servers/assets.ts) whose bytes are the body instead of `body`: the
   * final answer to an initiator's request (an image, a font, a script that reports it ran).
   */
  asset?: AssetName;
  /** The asset's bytes, filled in by the server when it answers; never in an instruction. */
  bodyBytes?: Buffer;
}

/** One URL of a chain: the origin it lives on and what it answers. */
export interface HopInstruction {
  /** Serialized origin this hop's URL is on, e.g. `http://example.net:4001`. */
  origin: string;
  /** Answer to a CORS preflight (OPTIONS + Origin + Access-Control-Request-Method). null: 404 with no CORS headers. */
  preflight: RawResponse | null;
  /** Answer to every other request. For a redirect hop this holds the 3xx and its `Location` (usually `<next>`). */
  response: RawResponse;
  /** `user:pass` to put into the `<next>` URL that points to the hop after this one. */
  nextUserinfo?: string;
}

/**
 * A case's whole chain. Every hop URL carries the same instruction and names its hop:
 * `<origin>/cors/<token>/<hop>?i=<base64url(JSON)>` (inline) or `?r=<id>` (registered with
 * the server in advance, for instructions that would make the URL too long: Chromium does
 * not cache preflights for URLs of 1024 characters or more).
 */
export interface Instruction {
  /** Per-case token; the journal is keyed by it. `[A-Za-z0-9_-]+`. */
  token: string;
  hops: HopInstruction[];
  /** Values for `<origin>`, `<host>` in header values (see src/scenario/placeholders.ts). */
  vars: { origin: string; host: string };
  /**
   * The page API that makes the request, when it is not fetch or XHR (`websocket` makes
   * the server answer an upgrade; the others take their asset from `RawResponse.asset`).
   */
  api?: string;
}

/** One request as it arrived at a fixture server. */
export interface JournalEntry {
  kind: 'request';
  /** Arrival order across all tokens, starting at 1. */
  seq: number;
  /** ms since the epoch, from the server's clock. */
  time: number;
  token: string;
  hop: number;
  method: string;
  /** The request-target as sent (path and query). */
  target: string;
  /** The origin of the listener that received it (scheme, Host header). */
  origin: string;
  /** Header lines exactly as received: case, order and duplicates kept. */
  rawHeaders: HeaderList;
  /** OPTIONS with `Origin` and `Access-Control-Request-Method` (the spec's definition). */
  preflight: boolean;
  bodyLength: number;
}

/** A marker the page's runner puts between the steps of a `then` chain. */
export interface JournalMark {
  kind: 'mark';
  seq: number;
  time: number;
  token: string;
  label: string;
}

/**
 * Something went wrong on the server's side of a case: a malformed request, an instruction
 * that does not decode, a hop index out of range. A harness error, not a conformance verdict.
 */
export interface JournalError {
  kind: 'error';
  seq: number;
  time: number;
  /** The case's token when the request named one; `''` when it could not be told. */
  token: string;
  /** One line: what was wrong. */
  message: string;
  /** The request-target, when the request line could be read. */
  target?: string;
}

export type JournalRecord = JournalEntry | JournalMark | JournalError;

// ---------------------------------------------------------------------------------------
// The codec: instruction <-> URL.

/** An instruction (or a fixture URL) that cannot be used; the message is one line. */
export class InstructionError extends Error {
  override name = 'InstructionError';
}

/** Tokens and registered ids: what may appear as a path segment without escaping. */
const TOKEN = /^[A-Za-z0-9_-]+$/;
const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/;

/** base64url (no padding) of the instruction's compact JSON, UTF-8 encoded. */
export function encodeInstruction(i: Instruction): string {
  return Buffer.from(JSON.stringify(i), 'utf8').toString('base64url');
}

/** Reverses `encodeInstruction`, checking every field; throws `InstructionError`. */
export function decodeInstruction(s: string): Instruction {
  if (s.length === 0) throw new InstructionError('instruction is empty');
  if (!BASE64URL.test(s) || s.replace(/=+$/, '').length % 4 === 1) {
    throw new InstructionError('instruction is not base64url');
  }
  const bytes = Buffer.from(s, 'base64url');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InstructionError('instruction is not UTF-8 text');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InstructionError(`instruction is not JSON: ${firstLine(e)}`);
  }
  return checkInstruction(json);
}

/**
 * Checks that a parsed value has exactly the shape of an `Instruction` (no missing, mistyped
 * or unknown fields) and returns it typed; throws `InstructionError` naming the field.
 * Header names, values and reasons are byte strings: every character U+0000..U+00FF.
 */
export function checkInstruction(v: unknown): Instruction {
  const o = object(v, 'instruction');
  onlyKeys(o, ['token', 'hops', 'vars', 'api'], 'instruction');
  const token = str(o.token, 'token');
  if (!TOKEN.test(token)) throw new InstructionError('token must match [A-Za-z0-9_-]+');
  if (!Array.isArray(o.hops) || o.hops.length === 0) {
    throw new InstructionError('hops must be a non-empty array');
  }
  const hops = o.hops.map((h: unknown, n) => checkHop(h, `hops[${n}]`));
  const vars = object(o.vars, 'vars');
  onlyKeys(vars, ['origin', 'host'], 'vars');
  const out: Instruction = {
    token,
    hops,
    vars: { origin: lineText(vars.origin, 'vars.origin'), host: lineText(vars.host, 'vars.host') },
  };
  if (o.api !== undefined) {
    const api = str(o.api, 'api');
    if (!/^[A-Za-z-]+$/.test(api)) throw new InstructionError('api must be letters and -');
    out.api = api;
  }
  return out;
}

function checkHop(v: unknown, at: string): HopInstruction {
  const o = object(v, at);
  onlyKeys(o, ['origin', 'preflight', 'response', 'nextUserinfo'], at);
  const origin = str(o.origin, `${at}.origin`);
  if (!/^https?:\/\/[^/?#@\s]+$/.test(origin)) {
    throw new InstructionError(`${at}.origin must be a serialized http(s) origin, got ${origin}`);
  }
  if (!('preflight' in o)) throw new InstructionError(`${at}.preflight is missing`);
  const hop: HopInstruction = {
    origin,
    preflight: o.preflight === null ? null : checkResponse(o.preflight, `${at}.preflight`),
    response: checkResponse(o.response, `${at}.response`),
  };
  if (o.nextUserinfo !== undefined) {
    const u = str(o.nextUserinfo, `${at}.nextUserinfo`);
    if (/[/?#@\s]/.test(u)) {
      throw new InstructionError(`${at}.nextUserinfo must not contain / ? # @ or spaces`);
    }
    hop.nextUserinfo = u;
  }
  return hop;
}

function checkResponse(v: unknown, at: string): RawResponse {
  const o = object(v, at);
  onlyKeys(o, ['status', 'reason', 'headers', 'body', 'asset'], at);
  const status = o.status;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 999) {
    throw new InstructionError(`${at}.status must be an integer 100..999`);
  }
  if (!Array.isArray(o.headers)) throw new InstructionError(`${at}.headers must be an array`);
  const headers = o.headers.map((line: unknown, n): [string, string] => {
    const where = `${at}.headers[${n}]`;
    if (!Array.isArray(line) || line.length !== 2) {
      throw new InstructionError(`${where} must be a [name, value] pair`);
    }
    const name = lineText(bytes(line[0], `${where} name`), `${where} name`);
    if (name.length === 0) throw new InstructionError(`${where} name is empty`);
    return [name, lineText(bytes(line[1], `${where} value`), `${where} value`)];
  });
  const out: RawResponse = { status, headers };
  if (o.reason !== undefined) {
    const reason = bytes(o.reason, `${at}.reason`);
    if (/[\r\n]/.test(reason)) throw new InstructionError(`${at}.reason must not contain CR or LF`);
    out.reason = reason;
  }
  if (o.body !== undefined) out.body = str(o.body, `${at}.body`);
  if (o.asset !== undefined) {
    const name = str(o.asset, `${at}.asset`);
    if (!isAssetName(name)) throw new InstructionError(`${at}.asset names no fixture asset`);
    out.asset = name;
  }
  return out;
}

function object(v: unknown, at: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new InstructionError(`${at} must be an object`);
  }
  return v as Record<string, unknown>;
}

function onlyKeys(o: Record<string, unknown>, allowed: readonly string[], at: string): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) throw new InstructionError(`${at} has an unknown field "${k}"`);
  }
}

function str(v: unknown, at: string): string {
  if (typeof v !== 'string') throw new InstructionError(`${at} must be a string`);
  return v;
}

function bytes(v: unknown, at: string): string {
  const s = str(v, at);
  // eslint-disable-next-line no-control-regex
  if (/[^\u0000-\u00ff]/.test(s)) {
    throw new InstructionError(`${at} must be a byte string (characters U+0000..U+00FF)`);
  }
  return s;
}

/**
 * A string that goes into a header line (a name, a value, a placeholder's value): a CR or LF
 * would end the line early and start a header (or body) nobody asked for.
 */
function lineText(v: unknown, at: string): string {
  const s = str(v, at);
  if (/[\r\n]/.test(s)) throw new InstructionError(`${at} must not contain CR or LF`);
  return s;
}

// ---------------------------------------------------------------------------------------
// Fixture URLs.

/** How a hop URL carries its instruction: inline (encoded) or by a registered id. */
export type InstructionRef = { inline: string } | { ref: string };

/**
 * The path and query of one hop's URL: `/cors/<token>/<hop>?i=<encoded>` or `?r=<id>`.
 * Callers may append further `&name=value` parameters: the server answers as without them
 * and carries them on into `<next>`.
 */
export function hopPath(token: string, hop: number, how: InstructionRef): string {
  if (!TOKEN.test(token)) throw new InstructionError('token must match [A-Za-z0-9_-]+');
  if (!Number.isInteger(hop) || hop < 0) throw new InstructionError('hop must be an integer >= 0');
  const query =
    'inline' in how ? `i=${encodeURIComponent(how.inline)}` : `r=${encodeURIComponent(how.ref)}`;
  return `/cors/${token}/${hop}?${query}`;
}

/** What a fixture request-target names; `how` is absent when the query carries neither. */
export interface HopTarget {
  token: string;
  hop: number;
  how?: InstructionRef;
}

/**
 * Reads a request-target of the form `hopPath` builds. Returns null for targets outside
 * `/cors/`; throws `InstructionError` for a `/cors/` target that is malformed.
 */
export function parseHopTarget(target: string): HopTarget | null {
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  if (!path.startsWith('/cors/')) return null;
  const m = /^\/cors\/([^/]+)\/([^/]+)$/.exec(path);
  if (!m) throw new InstructionError(`fixture path must be /cors/<token>/<hop>, got ${path}`);
  const token = m[1] ?? '';
  const hopText = m[2] ?? '';
  if (!TOKEN.test(token)) throw new InstructionError('token must match [A-Za-z0-9_-]+');
  if (!/^(0|[1-9][0-9]{0,5})$/.test(hopText)) {
    throw new InstructionError(`hop must be a decimal integer, got ${hopText}`);
  }
  const out: HopTarget = { token, hop: Number(hopText) };
  const params = new URLSearchParams(q < 0 ? '' : target.slice(q + 1));
  const inline = params.get('i');
  const ref = params.get('r');
  if (inline !== null) out.how = { inline };
  else if (ref !== null) out.how = { ref };
  return out;
}
