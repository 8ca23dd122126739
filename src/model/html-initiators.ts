// What HTML (and the specs that build on it: CSS, Beacon, WebSockets) hands to Fetch for each
// page initiator other than fetch() and XHR: mode, credentials mode, destination, initiator,
// method and body. Then, from the response Fetch produces, what the page can observe: a load
// or an error event, and whether the resource is CORS-cross-origin to the page (tainted).
// One function per algorithm, each under its anchor; the orchestration is `initiatorRequest`.
import type {
  BodySpec,
  CredentialsMode,
  CrossOriginAttribute,
  InitiatorApi,
  InitiatorPrediction,
  Reason,
  RedirectMode,
  RequestMode,
  ResponseType,
  ScenarioRequest,
} from '../scenario/types.js';
import type { EngineProfile } from './engine-profile.js';
import { isJavaScriptMIMETypeEssence } from './mime-type.js';
import { isCORSSafelistedRequestHeader } from './request-headers.js';
import { extractBodyType, MODEL_FORM_BOUNDARY } from './request.js';
import { reason } from './result.js';

/** A request mode as HTML may set it (fetch() and XHR never set the last two). */
export type HTMLRequestMode = RequestMode | 'navigate' | 'websocket';

/** The request an initiator hands to Fetch. */
export interface HandedRequest {
  api: InitiatorApi;
  mode: HTMLRequestMode;
  credentials: CredentialsMode;
  /** The request's destination; `''` for fetch-like requests. */
  destination: string;
  /** The request's initiator (`''` for most). */
  initiator: string;
  method: string;
  redirectMode: RedirectMode;
  /** The unsafe-request flag: only APIs whose author picks method and headers set it. */
  unsafeRequest: boolean;
  /** The `Content-Type` the body brings (beacon, form), or null. */
  contentType: string | null;
  hasBody: boolean;
  because: Reason[];
  /** Set when the API throws before any request is made. */
  exception?: Reason;
}

const HTML = 'https://html.spec.whatwg.org/#';

// https://html.spec.whatwg.org/#cors-settings-attribute-credentials-mode
/** The credentials mode a CORS settings attribute state stands for. */
export function corsSettingsAttributeCredentialsMode(state: CrossOriginAttribute): CredentialsMode {
  // No CORS and Anonymous: same-origin; Use Credentials: include.
  return state === 'use-credentials' ? 'include' : 'same-origin';
}

// https://html.spec.whatwg.org/#create-a-potential-cors-request
/** The request an element with a CORS settings attribute makes. */
export function createAPotentialCORSRequest(
  api: InitiatorApi,
  destination: string,
  state: CrossOriginAttribute,
): HandedRequest {
  // 1. mode: no-cors when the attribute is absent (No CORS state), else cors.
  const mode: RequestMode = state === 'absent' ? 'no-cors' : 'cors';
  // 2-3. credentials: include for No CORS and Use Credentials, same-origin for Anonymous.
  const credentials: CredentialsMode = state === 'anonymous' ? 'same-origin' : 'include';
  return handed(api, mode, credentials, destination, [
    reason(
      `${HTML}create-a-potential-cors-request`,
      '2',
      `crossorigin ${state}: mode ${mode}, credentials ${credentials}, destination ${destination === '' ? '(empty)' : destination}`,
    ),
  ]);
}

function handed(
  api: InitiatorApi,
  mode: HTMLRequestMode,
  credentials: CredentialsMode,
  destination: string,
  because: Reason[],
  extra: Partial<HandedRequest> = {},
): HandedRequest {
  return {
    api,
    mode,
    credentials,
    destination,
    initiator: '',
    method: 'GET',
    redirectMode: 'follow',
    unsafeRequest: false,
    contentType: null,
    hasBody: false,
    because,
    ...extra,
  };
}

// https://html.spec.whatwg.org/#update-the-image-data
/** `<img src>`: a potential-CORS request with destination `image`. */
export function updateTheImageData(api: InitiatorApi, state: CrossOriginAttribute): HandedRequest {
  return createAPotentialCORSRequest(api, 'image', state);
}

// https://html.spec.whatwg.org/#fetch-a-classic-script
/** A classic `<script src>`: a potential-CORS request with destination `script`. */
export function fetchAClassicScript(state: CrossOriginAttribute): HandedRequest {
  return createAPotentialCORSRequest('script', 'script', state);
}

// https://html.spec.whatwg.org/#fetch-a-single-module-script
/**
 * A module script (`<script type=module>`, `import()`, a module worker's top-level script):
 * always mode cors; the credentials mode comes from the fetch options; a top-level worker
 * script is mode same-origin.
 */
export function fetchASingleModuleScript(
  api: InitiatorApi,
  destination: string,
  credentials: CredentialsMode,
  topLevelWorker: boolean,
): HandedRequest {
  const mode: RequestMode = topLevelWorker ? 'same-origin' : 'cors';
  return handed(api, mode, credentials, destination, [
    reason(
      `${HTML}fetch-a-single-module-script`,
      topLevelWorker ? '6' : '5',
      topLevelWorker
        ? `a module worker's top-level script: mode same-origin, credentials ${credentials}`
        : `a module script: mode cors, credentials ${credentials}`,
    ),
  ]);
}

// https://html.spec.whatwg.org/#fetch-a-classic-worker-script
/** `new Worker(url)` / `new SharedWorker(url)`: mode same-origin, credentials same-origin. */
export function fetchAClassicWorkerScript(api: InitiatorApi, destination: string): HandedRequest {
  return handed(api, 'same-origin', 'same-origin', destination, [
    reason(
      `${HTML}fetch-a-classic-worker-script`,
      '1',
      `a classic ${destination} script: mode same-origin, credentials same-origin`,
    ),
  ]);
}

// https://html.spec.whatwg.org/#fetch-a-classic-worker-imported-script
/** `importScripts(url)` in a worker: mode no-cors, credentials include, destination script. */
export function fetchAClassicWorkerImportedScript(): HandedRequest {
  return handed('importScripts', 'no-cors', 'include', 'script', [
    reason(
      `${HTML}fetch-a-classic-worker-imported-script`,
      '1',
      'importScripts: mode no-cors, credentials include, destination script',
    ),
  ]);
}

// https://html.spec.whatwg.org/#link-type-stylesheet
/** `<link rel=stylesheet>`: a potential-CORS request with destination `style`. */
export function linkTypeStylesheet(state: CrossOriginAttribute): HandedRequest {
  return createAPotentialCORSRequest('stylesheet', 'style', state);
}

// https://drafts.csswg.org/css-values-4/#fetch-a-style-resource
/**
 * A CSS image: `background-image` is fetched no-cors, `mask-image` cors
 * (https://drafts.fxtf.org/css-masking/#the-mask-image); both with credentials same-origin.
 */
export function fetchAStyleResourceImage(variant: string): HandedRequest {
  const mode: RequestMode = variant === 'mask-image' ? 'cors' : 'no-cors';
  return handed('css-image', mode, 'same-origin', 'image', [
    reason(
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
      '4',
      `${variant}: mode ${mode}, credentials same-origin, destination image`,
    ),
  ]);
}

// https://drafts.csswg.org/css-fonts/#font-fetching-requirements
/** A web font: fetched as a style resource with mode cors, whichever way it is loaded. */
export function fontFetchingRequirements(variant: string): HandedRequest {
  return handed('font', 'cors', 'same-origin', 'font', [
    reason(
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      '1',
      `${variant}: fonts are fetched with mode cors, credentials same-origin, destination font`,
    ),
  ]);
}

// https://html.spec.whatwg.org/#dom-eventsource
/** `new EventSource(url, {withCredentials})`: mode cors; include only with withCredentials. */
export function eventSourceConstructor(withCredentials: boolean): HandedRequest {
  const credentials: CredentialsMode = withCredentials ? 'include' : 'same-origin';
  return handed('eventsource', 'cors', credentials, '', [
    reason(
      `${HTML}dom-eventsource`,
      '8',
      `EventSource withCredentials ${String(withCredentials)}: mode cors, credentials ${credentials}`,
    ),
  ]);
}

// https://w3c.github.io/beacon/#sec-processing-model
/**
 * `navigator.sendBeacon(url, data)`: POST, credentials include, keepalive; mode no-cors unless
 * the body's Content-Type is not CORS-safelisted, then cors. The processing model does not
 * set the unsafe-request flag, but the same spec says such a beacon is preflighted (its
 * security section), so the model sets it for a cors-mode beacon.
 */
export function sendBeacon(body: BodySpec | undefined, profile: EngineProfile): HandedRequest {
  const because: Reason[] = [];
  const algorithm = 'https://w3c.github.io/beacon/#sec-processing-model';
  const contentType = body === undefined ? null : extractBodyType(body).type;
  const safelisted =
    contentType === null || isCORSSafelistedRequestHeader('Content-Type', contentType, profile);
  const mode: RequestMode = safelisted ? 'no-cors' : 'cors';
  because.push(
    reason(
      algorithm,
      '6.3',
      contentType === null
        ? 'no Content-Type: mode no-cors, credentials include'
        : `Content-Type \`${contentType}\` is ${safelisted ? '' : 'not '}CORS-safelisted: mode ${mode}, credentials include`,
    ),
  );
  const out = handed('beacon', mode, 'include', '', because, {
    method: 'POST',
    initiator: '',
    unsafeRequest: !safelisted,
    contentType,
    hasBody: body !== undefined,
  });
  // Knob `beaconNonSafelistedBlobThrows`: a Blob whose type is not safelisted throws.
  const blob = body !== undefined && typeof body !== 'string' && body.kind === 'blob';
  if (!safelisted && blob && profile.beaconNonSafelistedBlobThrows) {
    out.exception = reason(
      algorithm,
      '6.1',
      `SecurityError: sendBeacon() refuses a Blob of type \`${contentType ?? ''}\``,
      'beaconNonSafelistedBlobThrows',
    );
  }
  return out;
}

// https://html.spec.whatwg.org/#link-type-preload
/** `<link rel=preload as=...>`: a potential-CORS request with the destination `as` names. */
export function linkTypePreload(variant: string, state: CrossOriginAttribute): HandedRequest {
  // https://fetch.spec.whatwg.org/#concept-potential-destination-translate: `fetch` is ''.
  const destination = variant === 'fetch' ? '' : variant;
  return createAPotentialCORSRequest('preload', destination, state);
}

// https://html.spec.whatwg.org/#concept-media-load-resource
/** A media element's resource fetch: a potential-CORS request, destination audio or video. */
export function mediaElementLoadResource(
  api: 'video' | 'audio',
  state: CrossOriginAttribute,
): HandedRequest {
  return createAPotentialCORSRequest(api, api, state);
}

// https://html.spec.whatwg.org/#form-submission-algorithm
/**
 * A form submitted into an iframe: a navigation (mode navigate, credentials include,
 * destination iframe), POST with the form's entry list as the body, or GET.
 */
export function formSubmission(method: string, body: BodySpec | undefined): HandedRequest {
  const post = method.toUpperCase() === 'POST';
  let contentType: string | null = null;
  if (post) {
    const kind = body !== undefined && typeof body !== 'string' ? body.kind : 'url-search-params';
    contentType =
      kind === 'form-data'
        ? `multipart/form-data; boundary=${MODEL_FORM_BOUNDARY}`
        : 'application/x-www-form-urlencoded';
  }
  return handed(
    'form',
    'navigate',
    'include',
    'iframe',
    [
      reason(
        `${HTML}form-submission-algorithm`,
        '23',
        `form ${post ? 'POST' : 'GET'} into an iframe: a navigation, mode navigate, credentials include: no CORS`,
      ),
    ],
    { method: post ? 'POST' : 'GET', contentType, hasBody: post },
  );
}

// https://fetch.spec.whatwg.org/#concept-websocket-establish
/** A WebSocket opening handshake: mode websocket, credentials include, redirects are errors. */
export function establishAWebSocketConnection(): HandedRequest {
  return handed(
    'websocket',
    'websocket',
    'include',
    '',
    [
      reason(
        'https://fetch.spec.whatwg.org/#concept-websocket-establish',
        '2',
        'WebSocket handshake: mode websocket, credentials include, redirect mode error: no CORS, the server sees Origin',
      ),
    ],
    { redirectMode: 'error' },
  );
}

// https://html.spec.whatwg.org/#dom-worker
/** Which worker algorithm a worker initiator uses. */
export function workerRequest(
  api: 'worker' | 'module-worker' | 'shared-worker',
  init: ScenarioRequest,
): HandedRequest {
  if (api === 'module-worker')
    return fetchASingleModuleScript(api, 'worker', init.credentials ?? 'same-origin', true);
  return fetchAClassicWorkerScript(api, api === 'worker' ? 'worker' : 'sharedworker');
}

/** The request an initiator hands to Fetch, from the scenario's request. */
export function initiatorRequest(
  api: InitiatorApi,
  init: ScenarioRequest,
  profile: EngineProfile,
): HandedRequest {
  const state = init.crossorigin ?? 'absent';
  switch (api) {
    case 'img':
    case 'img-canvas':
      return updateTheImageData(api, state);
    case 'script':
      return fetchAClassicScript(state);
    case 'module-script':
      return fetchASingleModuleScript(
        api,
        'script',
        corsSettingsAttributeCredentialsMode(state),
        false,
      );
    case 'dynamic-import':
      // The page's own script has the default fetch options: credentials same-origin.
      return fetchASingleModuleScript(api, 'script', 'same-origin', false);
    case 'stylesheet':
      return linkTypeStylesheet(state);
    case 'css-image':
      return fetchAStyleResourceImage(init.variant ?? 'background-image');
    case 'font':
      return fontFetchingRequirements(init.variant ?? 'font-face');
    case 'worker':
    case 'module-worker':
    case 'shared-worker':
      return workerRequest(api, init);
    case 'importScripts':
      return fetchAClassicWorkerImportedScript();
    case 'eventsource':
      return eventSourceConstructor(init.credentials === 'include');
    case 'beacon':
      return sendBeacon(init.body, profile);
    case 'fetch-keepalive':
      // fetch() itself builds this one (request.ts); only the summary is made here.
      return handed(api, 'cors', init.credentials ?? 'same-origin', '', [], {
        method: init.method ?? 'GET',
        unsafeRequest: true,
        redirectMode: init.redirect ?? 'follow',
      });
    case 'preload':
      return linkTypePreload(init.variant ?? 'fetch', state);
    case 'video':
    case 'audio':
      return mediaElementLoadResource(api, state);
    case 'form':
      return formSubmission(init.method ?? 'POST', init.body);
    case 'websocket':
      return establishAWebSocketConnection();
  }
}

/** What Fetch produced, as the page-side algorithms read it. */
export interface FetchOutcome {
  networkError: boolean;
  /** The filtered response's type (null for a network error). */
  type: ResponseType | null;
  /** The status of the response underneath any filter (the "unsafe response"). */
  internalStatus: number | null;
  /** Whether a redirect was followed (the response's URL list has more than one URL). */
  redirected: boolean;
  /**
   * The essence of the MIME type extracted from the unsafe response's header list
   * (https://fetch.spec.whatwg.org/#concept-header-extract-mime-type), or null on failure.
   */
  mimeEssence: string | null;
}

/**
 * The MIME type an initiator insists on, or null when it takes any: module scripts
 * (https://html.spec.whatwg.org/#fetch-a-single-module-script), worker scripts
 * (https://html.spec.whatwg.org/#fetch-a-classic-worker-script) and importScripts
 * (https://html.spec.whatwg.org/#fetch-a-classic-worker-imported-script) need a JavaScript
 * MIME type; a style sheet needs `text/css` (https://html.spec.whatwg.org/#link-type-stylesheet,
 * the document being in no-quirks mode); EventSource needs `text/event-stream`
 * (https://html.spec.whatwg.org/#dom-eventsource). Classic scripts, images, fonts, media and
 * preloads read any type.
 */
function requiredMIMEType(api: InitiatorApi): { name: string; ok: (e: string) => boolean } | null {
  switch (api) {
    case 'module-script':
    case 'dynamic-import':
    case 'module-worker':
    case 'worker':
    case 'shared-worker':
    case 'importScripts':
      return { name: 'a JavaScript MIME type', ok: isJavaScriptMIMETypeEssence };
    case 'stylesheet':
      return { name: 'text/css', ok: (e) => e === 'text/css' };
    case 'eventsource':
      return { name: 'text/event-stream', ok: (e) => e === 'text/event-stream' };
    default:
      return null;
  }
}

// https://fetch.spec.whatwg.org/#null-body-status
/**
 * 101, 103, 204, 205 and 304: main fetch sets the body of such a response to null
 * (https://fetch.spec.whatwg.org/#concept-main-fetch), so the page gets no bytes to decode
 * or run, whatever the server sent.
 */
export function isNullBodyStatus(status: number | null): boolean {
  return status !== null && [101, 103, 204, 205, 304].includes(status);
}

function okStatus(status: number | null): boolean {
  return status !== null && status >= 200 && status <= 299;
}

// https://html.spec.whatwg.org/#cors-cross-origin
/** A response is CORS-cross-origin when its type is opaque or opaqueredirect. */
export function isCORSCrossOrigin(type: ResponseType | null): boolean {
  return type === 'opaque' || type === 'opaqueredirect';
}

/** Loaded or error, per initiator: the wrong MIME type fails first, else `loadedByStatus`. */
function loadedOf(api: InitiatorApi, r: FetchOutcome): { loaded: boolean; because: Reason } {
  const required = requiredMIMEType(api);
  const byStatus = loadedByStatus(api, r);
  if (required === null || !byStatus.loaded || required.ok(r.mimeEssence ?? '')) return byStatus;
  const anchor = byStatus.because.algorithm;
  const got = r.mimeEssence === null ? 'no valid Content-Type' : `\`${r.mimeEssence}\``;
  return {
    loaded: false,
    because: reason(anchor, 'load', `error: ${got} is not ${required.name}`),
  };
}

/** Loaded or error by the response's status and body, per initiator, and the anchor. */
function loadedByStatus(api: InitiatorApi, r: FetchOutcome): { loaded: boolean; because: Reason } {
  const failed = r.networkError;
  const noBody = !failed && isNullBodyStatus(r.internalStatus);
  const say = (anchor: string, loaded: boolean, why: string) => ({
    loaded,
    because: reason(anchor, 'load', `${loaded ? 'load' : 'error'}: ${why}`),
  });
  switch (api) {
    case 'img':
    case 'img-canvas':
    case 'css-image':
      // The image decodes from the response body whatever its status; a null body has no
      // image data, so the image is broken.
      return say(
        `${HTML}update-the-image-data`,
        !failed && !noBody,
        failed
          ? 'a network error'
          : noBody
            ? `status ${String(r.internalStatus)} has a null body: no image data`
            : 'the image decodes',
      );
    case 'preload':
      // https://html.spec.whatwg.org/#link-type-preload fires error for a network error only,
      // whatever the status. But https://html.spec.whatwg.org/#preload consumes the body and
      // turns a response whose body bytes are null into a network error, and a null body
      // status has null body bytes (https://fetch.spec.whatwg.org/#fetch-finale).
      return say(
        `${HTML}${noBody ? 'preload' : 'link-type-preload'}`,
        !failed && !noBody,
        failed
          ? 'a network error'
          : noBody
            ? `status ${String(r.internalStatus)} has a null body: no body bytes, so the preload's response becomes a network error`
            : `status ${String(r.internalStatus)}: a response, not a network error`,
      );
    case 'stylesheet':
      // https://html.spec.whatwg.org/#default-fetch-and-process-the-linked-resource: success
      // needs body bytes and an ok status. A null body status has null body bytes
      // (https://fetch.spec.whatwg.org/#fetch-finale); an empty body is still bytes.
      return say(
        `${HTML}default-fetch-and-process-the-linked-resource`,
        okStatusOf(r) && !noBody,
        noBody && okStatusOf(r)
          ? `status ${String(r.internalStatus)} has a null body: the body bytes are null`
          : why(r),
      );
    case 'beacon':
      return say(
        'https://w3c.github.io/beacon/#sec-processing-model',
        true,
        'sendBeacon() returned true: the data was queued; the page never sees the response',
      );
    case 'fetch-keepalive':
      return say(
        'https://fetch.spec.whatwg.org/#dom-global-fetch',
        !failed,
        failed ? 'the promise rejects' : 'the promise resolves',
      );
    case 'form': {
      // https://html.spec.whatwg.org/#attempt-to-populate-the-history-entry's-document: a 204
      // or 205 answer ends the navigation without a new document, so no load event fires.
      const abandoned = !failed && (r.internalStatus === 204 || r.internalStatus === 205);
      return say(
        `${HTML}navigate`,
        !failed && !abandoned,
        failed
          ? 'a network error'
          : abandoned
            ? `status ${String(r.internalStatus)}: the navigation ends without a document, no load event`
            : 'the iframe navigates; no CORS check applies',
      );
    }
    case 'websocket': {
      // The fixture completes the handshake when the scenario's answer is a plain 200.
      const open = !failed && r.internalStatus === 200 && !r.redirected;
      return say(
        'https://websockets.spec.whatwg.org/#feedback-from-the-protocol',
        open,
        open ? 'the handshake completes: open' : 'the handshake fails: error then close',
      );
    }
    case 'eventsource': {
      const open = !failed && r.internalStatus === 200;
      return say(
        `${HTML}dom-eventsource`,
        open,
        open
          ? 'status 200: open'
          : failed
            ? 'a network error: error event'
            : `status ${String(r.internalStatus)}: the connection fails`,
      );
    }
    case 'video':
    case 'audio': {
      // A network error, or an HTTP error status before the media is known to be usable,
      // takes the failure branch, as does a null body (no media data at all); the fixture
      // answers an ok status with a playable file.
      const loaded = okStatusOf(r) && !noBody;
      return say(
        `${HTML}media-data-processing-steps-list`,
        loaded,
        failed
          ? 'a network error: the media data cannot be fetched'
          : noBody && okStatusOf(r)
            ? `status ${String(r.internalStatus)} has a null body: no media data`
            : `status ${String(r.internalStatus)}${loaded ? ': the media data is usable' : ' is not an ok status'}`,
      );
    }
    default: {
      // Scripts (https://html.spec.whatwg.org/#fetch-a-classic-script and the module and
      // worker variants: the body bytes must not be null and the status must be ok) and fonts
      // (no bytes, nothing to decode): a network error, a status that is not ok (of the unsafe
      // response, so also for opaque ones) or a null body is an error.
      const loaded = okStatusOf(r) && !noBody;
      return say(
        `${HTML}fetching-scripts`,
        loaded,
        noBody && okStatusOf(r)
          ? `status ${String(r.internalStatus)} has a null body: nothing to run or decode`
          : why(r),
      );
    }
  }
}

/** Whether the response is one with an ok status (not a network error). */
function okStatusOf(r: FetchOutcome): boolean {
  return !r.networkError && okStatus(r.internalStatus);
}

/** A network error, or the status and whether it is ok. */
function why(r: FetchOutcome): string {
  if (r.networkError) return 'a network error';
  const status = String(r.internalStatus);
  return okStatus(r.internalStatus) ? `status ${status}` : `status ${status} is not an ok status`;
}

/** Whether the page can tell the resource is CORS-cross-origin, per initiator. */
function taintedOf(
  api: InitiatorApi,
  variant: string | undefined,
  r: FetchOutcome,
): boolean | undefined {
  const cross = isCORSCrossOrigin(r.type);
  switch (api) {
    case 'img-canvas':
      return cross;
    // https://html.spec.whatwg.org/#the-image-argument-is-not-origin-clean: a video is not
    // origin-clean when its media data is CORS-cross-origin, and the media data is the
    // response the resource fetch algorithm got, CORS-same-origin or not
    // (https://html.spec.whatwg.org/#concept-media-load-resource). Only the canvas variant
    // draws the frame and reads it back; a plain load has nothing to read.
    case 'video':
      return variant === 'canvas' ? cross : undefined;
    case 'stylesheet':
    case 'script':
    case 'importScripts':
    case 'module-script':
    case 'dynamic-import':
      return cross;
    default:
      return undefined;
  }
}

// https://html.spec.whatwg.org/#the-image-argument-is-not-origin-clean
/**
 * The initiator block of a prediction: what was handed to Fetch and what the page observes.
 * Tainted means the canvas read throws (https://html.spec.whatwg.org/#dom-context-2d-getimagedata),
 * `cssRules` throws (https://drafts.csswg.org/cssom/#concept-css-style-sheet-origin-clean-flag),
 * or the script's errors are muted (https://html.spec.whatwg.org/#muted-errors).
 */
export function initiatorPrediction(
  req: HandedRequest,
  variant: string | undefined,
  r: FetchOutcome | null,
): { block: InitiatorPrediction; because: Reason[] } {
  const request = {
    mode: req.mode,
    credentials: req.credentials,
    destination: req.destination,
    initiator: req.initiator,
    preflightPossible: req.mode === 'cors',
  };
  if (r === null) {
    // The API threw before any request.
    return { block: { request, page: { loaded: false } }, because: [] };
  }
  const { loaded, because } = loadedOf(req.api, r);
  const page: InitiatorPrediction['page'] = { loaded };
  const tainted = loaded ? taintedOf(req.api, variant, r) : undefined;
  const out: Reason[] = [because];
  if (tainted !== undefined) {
    page.tainted = tainted;
    out.push(
      reason(
        `${HTML}cors-cross-origin`,
        '1',
        tainted
          ? `the response is ${String(r.type)}: CORS-cross-origin, so the page is denied its contents`
          : `the response is ${String(r.type)}: CORS-same-origin, nothing is tainted`,
      ),
    );
  }
  return { block: { request, page }, because: out };
}
