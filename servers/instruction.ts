// What a fixture URL answers, as it travels in the URL, and what the journal records.
// Shared by the harness (which encodes) and the fixture server (which decodes and answers).
import type { HeaderList } from '../src/scenario/types.js';

/** One raw HTTP response: status line, header lines exactly as listed, body. */
export interface RawResponse {
  status: number;
  /** Reason phrase; default is the usual one for the status (or `Unknown`). */
  reason?: string;
  /** Header lines in order, sent byte for byte (after placeholder resolution). */
  headers: HeaderList;
  body?: string;
}

/** One URL of a chain: the origin it lives on and what it answers. */
export interface HopInstruction {
  /** Serialized origin this hop's URL is on, e.g. `http://b.test:4001`. */
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

export type JournalRecord = JournalEntry | JournalMark;
