// What a fixture URL answers: a PURE function of the request, the instruction and the hop.
// No I/O, no clock; the socket glue (fixture-server.ts) journals and writes the result.
import { isBodylessStatus, withFramingHeaders } from '../src/scenario/framing.js';
import type { HeaderList } from '../src/scenario/types.js';
import { resolveHeaderList } from '../src/scenario/placeholders.js';
import {
  encodeInstruction,
  hopPath,
  parseHopTarget,
  type Instruction,
  type InstructionRef,
  type RawResponse,
} from './instruction.js';
import type { ParsedRequest } from './raw-http.js';
import { asset } from './assets.js';
import { isWebSocketUpgrade, upgradeResponse } from './websocket.js';

/** The parts of a request that decide the answer. */
export type RequestView = Pick<ParsedRequest, 'method' | 'target' | 'rawHeaders'>;

/** A header's value: the values of all its lines joined with `, `; null when absent. */
export function headerValue(headers: HeaderList, name: string): string | null {
  const lower = name.toLowerCase();
  const values = headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
  return values.length === 0 ? null : values.join(', ');
}

/**
 * A CORS-preflight request as the Fetch Standard defines it (fetch#cors-preflight-request):
 * method `OPTIONS` with both an `Origin` and an `Access-Control-Request-Method` header.
 * A plain OPTIONS request, or one without the method header, is an ordinary request.
 */
export function isCorsPreflight(req: Pick<RequestView, 'method' | 'rawHeaders'>): boolean {
  return (
    req.method === 'OPTIONS' &&
    headerValue(req.rawHeaders, 'Origin') !== null &&
    headerValue(req.rawHeaders, 'Access-Control-Request-Method') !== null
  );
}

/**
 * The URL of the hop after `hop`: its origin, the same path scheme and the same `i=`/`r=`
 * parameter, with `hops[hop].nextUserinfo` as `user:pass@`, and `extra` (the request's
 * further query parameters, raw) appended. Null when `hop` is the last.
 */
export function nextHopUrl(
  instruction: Instruction,
  hop: number,
  how: InstructionRef,
  extra = '',
): string | null {
  const next = instruction.hops[hop + 1];
  if (next === undefined) return null;
  let origin = next.origin;
  const userinfo = instruction.hops[hop]?.nextUserinfo;
  if (userinfo !== undefined) origin = origin.replace('://', `://${userinfo}@`);
  const path = hopPath(instruction.token, hop + 1, how);
  return extra === '' ? origin + path : `${origin}${path}&${extra}`;
}

/**
 * The query parameters of a hop URL after its `i=`/`r=` one, as sent (a scenario step's
 * `query`). A redirect carries them on, so a step with its own query is a distinct URL at
 * every hop, as the model has it (src/model/scenario-network.ts).
 */
export function extraQuery(target: string): string {
  const q = target.indexOf('?');
  if (q < 0) return '';
  const parts = target.slice(q + 1).split('&');
  const carrier = parts.findIndex((p) => p.startsWith('i=') || p.startsWith('r='));
  return parts.filter((p, i) => i !== carrier && p !== '').join('&');
}

/** A harness error answer: 400, plain text, no CORS headers. */
export function harnessErrorResponse(message: string): RawResponse {
  return withLength(
    {
      status: 400,
      headers: [
        ['Content-Type', 'text/plain; charset=utf-8'],
        ['Cache-Control', 'no-store'],
      ],
      body: `fixture error: ${message}\n`,
    },
    'GET',
  );
}

/**
 * The answer to `req` at `hop` of `instruction`. A CORS preflight gets `preflight` (null:
 * 404 with no CORS headers), anything else gets `response`; placeholders in header values
 * are resolved; lines that echo an absent request header are left out. A hop out of range
 * gets a 400 (the caller journals it as a harness error).
 */
export function respond(req: RequestView, instruction: Instruction, hop: number): RawResponse {
  const h = instruction.hops[hop];
  if (h === undefined) {
    return harnessErrorResponse(
      `hop ${hop} is out of range (the instruction has ${instruction.hops.length})`,
    );
  }
  const preflight = isCorsPreflight(req);
  if (preflight && h.preflight === null) {
    return withLength(
      {
        status: 404,
        headers: [
          ['Content-Type', 'text/plain; charset=utf-8'],
          ['Cache-Control', 'no-store'],
        ],
        body: 'no preflight answer in this instruction\n',
      },
      req.method,
    );
  }
  const planned = preflight && h.preflight !== null ? h.preflight : h.response;
  // `<next>` keeps the way this request carried its instruction; a request to some other
  // target (direct calls, tests) falls back to carrying it inline.
  // The step's own query parameters go on with it (only on a fixture URL).
  const own = instructionRefOf(req.target);
  const how = own ?? { inline: encodeInstruction(instruction) };
  const headers = resolveHeaderList(planned.headers, {
    origin: instruction.vars.origin,
    host: instruction.vars.host,
    targetOrigin: h.origin,
    next: nextHopUrl(instruction, hop, how, own === null ? '' : extraQuery(req.target)),
    acrm: headerValue(req.rawHeaders, 'Access-Control-Request-Method'),
    acrh: headerValue(req.rawHeaders, 'Access-Control-Request-Headers'),
    requestOrigin: headerValue(req.rawHeaders, 'Origin'),
  });
  // A WebSocket case whose answer is a plain 200 gets the upgrade; any other status is sent
  // as it is (a refused handshake).
  if (
    instruction.api === 'websocket' &&
    !preflight &&
    planned.status === 200 &&
    isWebSocketUpgrade(req.rawHeaders)
  ) {
    return upgradeResponse(req.rawHeaders, headers);
  }
  const out: RawResponse = { status: planned.status, headers };
  if (planned.reason !== undefined) out.reason = planned.reason;
  if (planned.body !== undefined) out.body = planned.body;
  if (planned.asset !== undefined && !preflight) {
    out.asset = planned.asset;
    out.bodyBytes = asset(planned.asset).bytes;
  }
  return withLength(out, req.method);
}

function instructionRefOf(target: string): InstructionRef | null {
  try {
    return parseHopTarget(target)?.how ?? null;
  } catch {
    return null;
  }
}

/**
 * The one header the server adds on its own: `Content-Length` (the body's UTF-8 byte count)
 * when the list has neither Content-Length nor Transfer-Encoding, so that the connection
 * can stay open. Not for 1xx, 204 and 304, which carry no body. The harness normally lists
 * every header explicitly, so this rarely applies. A HEAD answer keeps the length and
 * drops the body.
 */
function withLength(res: RawResponse, method: string): RawResponse {
  const headers =
    res.bodyBytes === undefined
      ? withFramingHeaders(res.status, res.headers, res.body ?? '')
      : res.headers;
  const bodyless = isBodylessStatus(res.status);
  const out: RawResponse = { ...res, headers };
  if (method === 'HEAD' || bodyless) {
    out.body = '';
    delete out.bodyBytes;
  }
  return out;
}
