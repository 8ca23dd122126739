// Which page APIs are initiators (everything other than fetch() and XHR), and the extra
// fields their in-page drivers need in a step descriptor.
import type { StepDescriptor } from '../types.js';

/** The initiator APIs of scenario format v1 (docs/scenario-format.md). */
export const INITIATOR_APIS = [
  'img',
  'img-canvas',
  'script',
  'module-script',
  'dynamic-import',
  'stylesheet',
  'css-image',
  'font',
  'worker',
  'module-worker',
  'shared-worker',
  'importScripts',
  'eventsource',
  'beacon',
  'fetch-keepalive',
  'preload',
  'video',
  'audio',
  'form',
  'websocket',
] as const;

export type InitiatorApiName = (typeof INITIATOR_APIS)[number];

export function isInitiatorApi(api: string): api is InitiatorApiName {
  return (INITIATOR_APIS as readonly string[]).includes(api);
}

/** The fields compile adds to an initiator's step descriptor. */
export function initiatorFields(
  pageOrigin: string,
  token: string,
): Pick<StepDescriptor, 'journalUrl' | 'helperOrigin'> {
  return {
    journalUrl: `${pageOrigin}/__journal?token=${encodeURIComponent(token)}`,
    helperOrigin: pageOrigin,
  };
}
