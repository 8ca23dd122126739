// Rule parts that two engines state alike: the same behaviour, matched the same way and shown
// by the same rows. The behaviour is written here once; each engine file adds what is its own
// (its source citations, what its build showed, its wording of the mechanism where that
// differs), so the evidence stays per engine.
import type { Api } from '../scenario/types.js';
import { OUTCOME_FIELDS, PREFLIGHT_FIELDS } from './types.js';
import type { DeviationRule, RedirectMatcher } from './types.js';

/** A rule without its evidence: the part two engines share word for word. */
type SharedRule = Omit<DeviationRule, 'evidence'>;

/** Chromium and WebKit: a redirect status without Location is final even in redirect mode "error". */
export const REDIRECT_WITHOUT_LOCATION_IS_FINAL_IN_ERROR_MODE: SharedRule = {
  id: 'redirect-without-location-is-final-in-error-mode',
  reason:
    'with redirect mode "error", a redirect status without Location (at a redirect hop or at ' +
    'the final URL) is handed to the page as the response; fetch#concept-http-fetch step 6 ' +
    'makes any redirect status a network error there before Location is read',
  fields: [...OUTCOME_FIELDS],
  // A hop without Location and a final 3xx without one are the same response to the engine.
  when: { request: { redirect: ['error'] }, redirects: { noLocation: true } },
  rows: ['redirects/302-no-location-error-mode'],
  replays: ['83003:4387:0:2:2:4:0:2:2:2:3:2:2:2:7:3:3:3:3:3'],
};

/**
 * Chromium and Firefox: a conditional request (cache mode default) neither stores nor uses a
 * preflight cache entry. The engines differ in why, so each keeps its own `reason`.
 */
export const CONDITIONAL_REQUEST_HEADER_PREFLIGHT_NOT_CACHED: Omit<SharedRule, 'reason'> = {
  id: 'conditional-request-header-preflight-not-cached',
  fields: [...PREFLIGHT_FIELDS, 'secFetch'],
  when: {
    step: 'then',
    request: {
      cache: ['default'],
      headers: [
        {
          names: [
            'if-modified-since',
            'if-none-match',
            'if-unmodified-since',
            'if-match',
            'if-range',
          ],
        },
      ],
    },
  },
  rows: ['preflight-cache/conditional-header-again'],
};

/**
 * Chromium, for fetch() and sendBeacon alike: a 307/308 from the page origin to another origin.
 * The same net code (RedirectUtil::UpdateHttpRequest) sets `Origin: null` on both.
 */
export const POST_REDIRECT_FROM_PAGE_ORIGIN: RedirectMatcher = {
  present: true,
  status: [307, 308],
  hops: ['from-page-origin'],
};

/**
 * The scripts other than the classic one that HTML fetches for the page or a worker: module
 * scripts, import(), the three worker constructors and importScripts.
 */
export const MODULE_AND_WORKER_SCRIPT_APIS: readonly Api[] = [
  'module-script',
  'dynamic-import',
  'worker',
  'module-worker',
  'shared-worker',
  'importScripts',
];

/**
 * Firefox and WebKit: a classic, module or worker script answered 204 or 205 runs as an empty
 * script. Chromium's rule of the same id leaves the classic script out.
 */
export const SCRIPTS_RUN_AN_EMPTY_BODY: SharedRule = {
  id: 'scripts-run-an-empty-body',
  reason:
    'a script answered 204 or 205 (a null body) runs as an empty script, where ' +
    'https://html.spec.whatwg.org/#fetch-a-classic-script and the module and worker script ' +
    'algorithms fail when the body bytes are null',
  fields: ['loaded'],
  when: {
    request: {
      api: ['script', ...MODULE_AND_WORKER_SCRIPT_APIS],
    },
    finalStatus: [204, 205],
  },
  rows: [
    'initiators-status/script-204-same',
    'initiators-status/module-204-same',
    'initiators-status/importscripts-205-same',
  ],
};

/**
 * Chromium and WebKit: a preload other than as=image answered with a null body status fires
 * load. Firefox's rule of the same id leaves 304 out: its preloaders take only a 2xx.
 */
export const PRELOAD_WITHOUT_BODY_BYTES_LOADS: SharedRule = {
  id: 'preload-without-body-bytes-loads',
  reason:
    '<link rel=preload> as fetch, font, script or style answered 204, 205 or 304 (a null ' +
    'body) fires load, where https://html.spec.whatwg.org/#preload turns a response without ' +
    'body bytes into a network error, so https://html.spec.whatwg.org/#link-type-preload ' +
    'fires error (an image preload does fire error: there is no image to decode)',
  fields: ['loaded'],
  when: {
    request: { api: ['preload'], variant: ['fetch', 'font', 'script', 'style'] },
    finalStatus: [204, 205, 304],
  },
  rows: ['initiators-status/preload-fetch-205-same'],
};

/**
 * Firefox and WebKit: a style sheet whose answer has no MIME type loads. Each engine states
 * its own evidence.
 */
export const STYLESHEET_WITHOUT_A_MIME_TYPE_LOADS: SharedRule = {
  id: 'stylesheet-without-a-mime-type-loads',
  reason:
    'a style sheet whose answer has no MIME type (no valid Content-Type, or none) loads, ' +
    'where https://html.spec.whatwg.org/#link-type-stylesheet fails when the Content-Type ' +
    'metadata is not text/css',
  fields: ['loaded', 'tainted'],
  when: { request: { api: ['stylesheet'] }, finalMIMEType: 'none' },
  rows: ['initiators-status/stylesheet-invalid-content-type-same'],
};

/**
 * Chromium, Firefox and WebKit: a style sheet answered 204 or 205 loads as an empty sheet
 * (WebKit reads a 205's body, see body-of-a-205-answer-is-read). Each engine states its own
 * evidence.
 */
export const STYLESHEET_WITHOUT_BODY_BYTES_LOADS: SharedRule = {
  id: 'stylesheet-without-body-bytes-loads',
  reason:
    'a style sheet answered 204 or 205 (a null body) fires load, where ' +
    'https://html.spec.whatwg.org/#default-fetch-and-process-the-linked-resource fails when ' +
    'the body bytes are null',
  fields: ['loaded'],
  when: { request: { api: ['stylesheet'] }, finalStatus: [204, 205] },
  rows: ['initiators-status/stylesheet-204-same'],
};

/**
 * Chromium and Firefox: importScripts() mutes by the final URL's origin, not by the response
 * tainting. Each engine states its own evidence.
 */
export const IMPORTED_SCRIPT_MUTED_BY_FINAL_ORIGIN_ONLY: SharedRule = {
  id: 'imported-script-muted-by-final-origin-only',
  reason:
    "importScripts() mutes a script's errors only when its final URL is on another origin: " +
    "a chain that passes another origin and returns to the worker's origin reports the " +
    'error in full, where the response is opaque from the first cross-origin hop on ' +
    '(https://fetch.spec.whatwg.org/#concept-main-fetch) and ' +
    'https://html.spec.whatwg.org/#fetch-a-classic-worker-imported-script mutes it',
  fields: ['tainted'],
  when: {
    request: { api: ['importScripts'] },
    // Broader than the behaviour, which needs the final URL on the page origin: any chain
    // that comes back to the page origin from another (its later hops may stay there).
    redirects: { present: true, hops: ['to-page-origin'] },
  },
  rows: [
    'initiators-script/importscripts-redirect-cross-and-back',
    'initiators-script/importscripts-redirect-cross-to-same',
    'initiators-script/importscripts-redirect-cross-back-then-same',
  ],
};
