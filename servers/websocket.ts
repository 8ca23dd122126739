// The server side of a WebSocket opening handshake (RFC 6455 section 4.2.2): enough for the
// browser to fire `open`, so a case can show the Origin a WebSocket sends and whether the
// connection opened. Frames after the handshake are not read (the page closes at once).
import { createHash } from 'node:crypto';
import type { HeaderList } from '../src/scenario/types.js';
import type { RawResponse } from './instruction.js';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** `Sec-WebSocket-Accept` for a request's `Sec-WebSocket-Key`. */
export function websocketAccept(key: string): string {
  return createHash('sha1')
    .update(key + GUID)
    .digest('base64');
}

/** Whether a request asks for a WebSocket upgrade. */
export function isWebSocketUpgrade(headers: HeaderList): boolean {
  const value = (name: string): string =>
    headers
      .filter(([n]) => n.toLowerCase() === name)
      .map(([, v]) => v.toLowerCase())
      .join(',');
  return (
    value('upgrade')
      .split(/\s*,\s*/)
      .includes('websocket') && value('sec-websocket-key') !== ''
  );
}

/**
 * The 101 answer: the handshake's three headers, then the scenario's own lines except the
 * body framing ones (a 101 has no body).
 */
export function upgradeResponse(requestHeaders: HeaderList, planned: HeaderList): RawResponse {
  const key = requestHeaders.find(([n]) => n.toLowerCase() === 'sec-websocket-key')?.[1] ?? '';
  const kept = planned.filter(
    ([n]) => !['content-length', 'content-type', 'transfer-encoding'].includes(n.toLowerCase()),
  );
  return {
    status: 101,
    headers: [
      ['Upgrade', 'websocket'],
      ['Connection', 'Upgrade'],
      ['Sec-WebSocket-Accept', websocketAccept(key.trim())],
      ...kept,
    ],
    body: '',
  };
}
