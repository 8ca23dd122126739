// The spec request an initiator makes: what HTML hands to Fetch (html-initiators.ts) as a
// ModelRequest the Fetch algorithms run with. fetch() with keepalive is built by the fetch()
// constructor itself (request.ts), keepalive being invisible to CORS.
import type { InitiatorApi, ScenarioRequest } from '../scenario/types.js';
import type { EngineProfile } from './engine-profile.js';
import { newRequest } from './fetch-params.js';
import { headerListAppend } from './header-list.js';
import { initiatorRequest, type HandedRequest } from './html-initiators.js';
import type { Origin } from './origin.js';
import { constructFetchRequest, type BuiltRequest } from './request.js';
import { fail } from './result.js';

/** The initiator's request for Fetch, and the summary of what HTML handed over. */
export function constructInitiatorRequest(
  api: InitiatorApi,
  init: ScenarioRequest,
  url: string,
  origin: Origin,
  profile: EngineProfile,
): { built: BuiltRequest; handed: HandedRequest } {
  const handed = initiatorRequest(api, init, profile);
  if (api === 'fetch-keepalive') {
    const built = constructFetchRequest({ ...init, api: 'fetch' }, url, origin, profile);
    if (built.ok) {
      handed.method = built.request.method;
      handed.credentials = built.request.credentialsMode;
    }
    return { built, handed };
  }
  const because = [...handed.because];
  if (handed.exception !== undefined) {
    because.push(handed.exception);
    const failure = fail(
      handed.exception.algorithm,
      handed.exception.step,
      handed.exception.message,
    );
    return { built: { ok: false, failure, because }, handed };
  }
  let headerList =
    init.api === 'eventsource' ? [['Accept', 'text/event-stream'] as [string, string]] : [];
  if (handed.contentType !== null)
    headerList = headerListAppend(headerList, 'Content-Type', handed.contentType);
  return {
    handed,
    built: {
      ok: true,
      because,
      // The referrer policy and the use-CORS-preflight flag keep a new request's initial
      // values: the initiators modelled here set neither.
      request: newRequest(url, {
        method: handed.method,
        headerList,
        body: handed.hasBody ? { stream: false } : null,
        origin,
        mode: handed.mode,
        destination: handed.destination,
        credentialsMode: handed.credentials,
        redirectMode: handed.redirectMode,
        cacheMode: api === 'eventsource' || api === 'websocket' ? 'no-store' : 'default',
        unsafeRequest: handed.unsafeRequest,
      }),
    },
  };
}
