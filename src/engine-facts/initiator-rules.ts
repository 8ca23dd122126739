// Where an engine departs from the HTML Standard or Fetch Metadata for requests that page
// APIs other than fetch() and XHR make (the initiators), one list per engine. Kept apart
// from each engine's Fetch rules so both can grow without touching each other; the engine
// files append these to their own.
import { IMAGE_SCRIPT_STYLE_LOADS, type Api, type OriginRole } from '../scenario/types.js';
import {
  MODULE_AND_WORKER_SCRIPT_APIS,
  POST_REDIRECT_FROM_PAGE_ORIGIN,
  PRELOAD_WITHOUT_BODY_BYTES_LOADS,
  SCRIPTS_RUN_AN_EMPTY_BODY,
  STYLESHEET_WITHOUT_A_MIME_TYPE_LOADS,
  STYLESHEET_WITHOUT_BODY_BYTES_LOADS,
  IMPORTED_SCRIPT_MUTED_BY_FINAL_ORIGIN_ONLY,
} from './shared-rules.js';
import { EVERY_FIELD, type DeviationRule } from './types.js';

/** Every origin role other than the page's own: a no-cors request there is opaque. */
const CROSS_ORIGIN_TARGETS: readonly OriginRole[] = [
  'cross-origin',
  'cross-origin-different-port',
  'cross-origin-2',
  'same-site',
  'https-cross-origin',
];

interface OpaqueResponseRule {
  id: string;
  reason: string;
  fields: DeviationRule['fields'];
  api: readonly Api[];
  variant?: readonly string[];
  finalMIMEType?: NonNullable<DeviationRule['when']['finalMIMEType']>;
  finalStatus?: readonly number[];
  finalStatusRanges?: readonly { from: number; to: number }[];
  evidence: DeviationRule['evidence'];
  rows: { direct: string[]; redirected: string[] };
}

/**
 * A behaviour of opaque responses to a no-cors request from the page, as two rules: one for a
 * request to another origin, one for a request to the page's origin redirected off it (the
 * response tainting stays opaque from the first cross-origin hop on,
 * https://fetch.spec.whatwg.org/#concept-main-fetch).
 */
function opaqueResponseRules(r: OpaqueResponseRule): DeviationRule[] {
  const status = {
    ...(r.finalStatus ? { finalStatus: r.finalStatus } : {}),
    ...(r.finalStatusRanges ? { finalStatusRanges: r.finalStatusRanges } : {}),
    ...(r.finalMIMEType ? { finalMIMEType: r.finalMIMEType } : {}),
  };
  const common = { reason: r.reason, fields: r.fields, evidence: r.evidence };
  const request = {
    api: r.api,
    crossorigin: ['absent'] as const,
    ...(r.variant ? { variant: r.variant } : {}),
  };
  return [
    {
      ...common,
      id: r.id,
      when: { ...status, client: ['page'], request: { ...request, target: CROSS_ORIGIN_TARGETS } },
      rows: r.rows.direct,
    },
    {
      ...common,
      id: `${r.id}-after-redirect`,
      when: {
        ...status,
        client: ['page'],
        request: { ...request, target: ['same-origin'] },
        redirects: { present: true, hops: ['off-page-origin'] },
      },
      rows: r.rows.redirected,
    },
  ];
}

/**
 * Every engine's `<link rel=preload>` fires error for some destinations when the answer has a
 * status of 400 or more; which destinations is the engine's own, and so is the evidence.
 */
function preloadErrorFromStatus400(
  variants: readonly string[],
  evidence: DeviationRule['evidence'],
): DeviationRule {
  const named = `${variants.slice(0, -1).join(', ')} or ${variants[variants.length - 1] ?? ''}`;
  return {
    id: 'preload-error-event-for-http-error-status',
    reason:
      `<link rel=preload> as ${named} fires error when the answer has a status of 400 or ` +
      'more, where https://html.spec.whatwg.org/#link-type-preload fires error only for a ' +
      'network error',
    fields: ['loaded'],
    when: {
      request: { api: ['preload'], variant: variants },
      finalStatusRanges: [{ from: 400, to: 999 }],
    },
    evidence,
    rows: ['initiators-status/preload-script-404-same'],
  };
}

/** The statuses below 400 that are not ok (1xx and a 3xx that is not followed). */
const NOT_OK_BELOW_400 = [
  { from: 100, to: 199 },
  { from: 300, to: 399 },
];

export const CHROMIUM_INITIATOR_RULES: readonly DeviationRule[] = [
  {
    id: 'cors-element-request-to-same-origin-sends-origin',
    reason:
      'a cors-mode request an element or a module load makes to its own origin (crossorigin ' +
      'img, script, stylesheet, preload, module scripts, import(), fonts, CSS mask images) ' +
      'carries `Origin`, where fetch#append-a-request-origin-header sends it on a GET only ' +
      'when the response tainting is cors (not for a same-origin request)',
    fields: ['originHeader'],
    when: {
      request: {
        api: [...IMAGE_SCRIPT_STYLE_LOADS, 'font', 'preload', 'css-image'],
        target: ['same-origin'],
      },
    },
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          source: 'third_party/blink/renderer/platform/loader/fetch/fetch_parameters.cc',
          symbol:
            'FetchParameters::SetCrossOriginAccessControl (SetHTTPOrigin whatever the target)',
        },
      ],
      observed: 'Chromium 156: `Origin: http://example.com:P` on same-origin crossorigin loads',
    },
    rows: [
      'initiators-image/css-mask-image-same',
      'initiators-image/img-anon-same',
      'initiators-image/img-canvas-anon-same',
      'initiators-image/img-canvas-cred-same',
      'initiators-image/img-cred-same',
      'initiators-script/import-same',
      'initiators-script/module-absent-same',
      'initiators-script/script-anon-same',
      'initiators-script/script-anon-same-404',
      'initiators-script/script-cred-same',
      'initiators-style-font/font-face-load-same',
      'initiators-style-font/font-face-same',
      'initiators-style-font/stylesheet-anon-same',
      'initiators-style-font/stylesheet-anon-same-404',
      'initiators-style-font/stylesheet-cred-same',
      'initiators-other/preload-fetch-anon-same',
    ],
  },
  {
    id: 'post-origin-null-after-leaving-page-origin',
    reason:
      'a sendBeacon or form POST redirected (307/308) from the page origin to another origin ' +
      'carries `Origin: null`; the spec taints the origin only after a hop from another origin',
    fields: ['originHeader'],
    when: {
      request: { api: ['beacon', 'form'] },
      redirects: POST_REDIRECT_FROM_PAGE_ORIGIN,
    },
    evidence: {
      status: 'evidenced',
      upstream: [
        { source: 'net/url_request/redirect_util.cc', symbol: 'RedirectUtil::UpdateHttpRequest' },
      ],
      observed:
        'Chromium 156: `Origin: null` at the cross-origin hop of a beacon, and of a form POST ' +
        'into an iframe',
    },
    rows: [
      'initiators-other/beacon-string-redirect-same-to-cross',
      'initiators-other/form-post-307-same-to-cross',
    ],
  },
  {
    id: 'websocket-handshake-without-fetch-metadata',
    reason:
      'the WebSocket opening handshake to a potentially trustworthy URL carries no Sec-Fetch-* ' +
      'headers, where https://w3c.github.io/webappsec-fetch-metadata/#fetch-integration appends ' +
      'them to every request to such a URL',
    fields: ['secFetch'],
    when: { request: { api: ['websocket'] } },
    evidence: {
      status: 'unconfirmed',
      observed:
        'Chromium 156: the wss:// handshake to https://example.net arrives with Origin and no ' +
        'Sec-Fetch-Site/Mode/Dest (Firefox ESR 153 and WebKitGTK 2.50 send them)',
      searched:
        'not found yet: services/network/websocket.cc and net/websockets/ ' +
        '(the handshake does not go through the URLLoader that calls SetFetchMetadataHeaders ' +
        'in services/network/sec_header_helpers.cc); no WPT expectation file located',
    },
    rows: ['initiators-other/websocket-https-cookie'],
  },
  {
    id: 'redirect-to-credentials-url-blocked-for-subresources',
    reason:
      'a subresource the renderer fetches (elements, CSS images, fonts, preload, media, ' +
      'EventSource, importScripts, keepalive fetch) redirected to a URL with user:pass@ is ' +
      'blocked, where https://fetch.spec.whatwg.org/#http-redirect-fetch fails it only in cors ' +
      'mode across origins or under cors tainting; the request to that URL is never sent',
    fields: [...EVERY_FIELD, 'cookie', 'loaded', 'tainted'],
    when: {
      request: {
        api: [
          'img',
          'img-canvas',
          'css-image',
          'script',
          'module-script',
          'dynamic-import',
          'stylesheet',
          'font',
          'preload',
          'video',
          'audio',
          'eventsource',
          'importScripts',
          'fetch-keepalive',
        ],
      },
      redirects: { present: true, userinfo: true },
    },
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          source: 'third_party/blink/renderer/core/loader/frame_fetch_context.cc',
          symbol:
            'FrameFetchContext::ShouldBlockFetchAsCredentialedSubresource (every request ' +
            'context but XMLHttpRequest, checked again at each redirect)',
        },
        {
          source: 'third_party/blink/renderer/core/loader/worker_fetch_context.cc',
          symbol: 'WorkerFetchContext::ShouldBlockFetchAsCredentialedSubresource (importScripts)',
        },
        { bug: 'https://github.com/whatwg/fetch/issues/660' },
      ],
      observed:
        'Chromium 156: the journal ends at the hop whose Location has user:pass@ (img, ' +
        'stylesheet, font, audio, EventSource, importScripts, CSS image); a worker script and ' +
        'a beacon, which the renderer does not fetch through these contexts, follow it',
    },
    rows: [
      'initiators-status/img-redirect-userinfo-same',
      'initiators-status/eventsource-redirect-userinfo-same',
      'initiators-status/importscripts-redirect-userinfo-same',
    ],
  },
  {
    id: 'subframe-navigation-to-credentials-url-aborted',
    reason:
      'a form submission into an iframe redirected to a URL with user:pass@ is aborted (no ' +
      'document, no load event), where https://fetch.spec.whatwg.org/#http-redirect-fetch ' +
      'lets a navigation follow it',
    fields: ['actualSent', 'originHeader', 'cookie', 'loaded', 'secFetch'],
    when: { request: { api: ['form'] }, redirects: { present: true, userinfo: true } },
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          source: 'content/browser/renderer_host/navigation_request.cc',
          symbol:
            'NavigationRequest::CheckCredentialedSubresource (a subframe URL with credentials ' +
            'fails with ERR_ABORTED, also at a redirect)',
        },
      ],
      observed: 'Chromium 156: the iframe fires no load event; the journal ends at that hop',
    },
    rows: ['initiators-status/form-get-redirect-userinfo-same'],
  },
  {
    id: 'http-status-error-only-from-400',
    reason:
      'a classic script, a style sheet or a font answered with a status below 400 that is not ' +
      'ok (a 3xx without Location, a 1xx) or with a null body (204, 205) loads, where ' +
      'https://html.spec.whatwg.org/#fetch-a-classic-script, ' +
      'https://html.spec.whatwg.org/#default-fetch-and-process-the-linked-resource and ' +
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements fail without an ok ' +
      'status (and scripts without body bytes)',
    fields: ['loaded'],
    when: {
      request: { api: ['script', 'stylesheet', 'font'] },
      finalStatusRanges: [
        { from: 100, to: 199 },
        { from: 204, to: 205 },
        { from: 300, to: 399 },
      ],
    },
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          source: 'third_party/blink/renderer/platform/loader/fetch/resource_loader.cc',
          symbol:
            'ResourceLoader::DidReceiveResponseInternal (an HTTP error only when the status is ' +
            '400 or more and the resource does not ignore status errors)',
        },
      ],
      observed:
        'Chromium 156: a classic script answered 302 (no Location), 399 or 204 runs; a style ' +
        'sheet answered 303 (no Location) or 304 loads; FontFace.load() resolves on a 302',
    },
    rows: [
      'initiators-status/script-204-same',
      'initiators-status/script-302-no-location-same',
      'initiators-status/stylesheet-303-no-location-same',
      'initiators-status/font-face-load-302-same',
    ],
  },
  {
    id: 'stylesheet-of-another-mime-type-fires-load',
    reason:
      '<link rel=stylesheet> answered with a Content-Type other than text/css fires load (the ' +
      'sheet is not applied: no rules), where https://html.spec.whatwg.org/#link-type-stylesheet ' +
      'makes success false in a no-quirks document, so error fires',
    fields: ['loaded'],
    when: { request: { api: ['stylesheet'] }, finalMIMEType: 'not-text-css' },
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          wpt: 'third_party/blink/web_tests/external/wpt/preload/preload-error.sub-expected.txt',
          test: 'MIME-error (style): main',
        },
      ],
      observed:
        'Chromium 156: load and cssRules.length 0 for a same-origin sheet served as text/plain; ' +
        'cross-origin without crossorigin, load and cssRules throws',
    },
    rows: ['initiators-status/stylesheet-text-plain-same'],
  },
  {
    id: 'worker-script-mime-type-lax',
    reason:
      'a dedicated or shared worker script a document starts runs whatever its MIME type ' +
      '(only image/*, audio/*, video/* and text/csv are refused), where ' +
      'https://html.spec.whatwg.org/#fetch-a-classic-worker-script requires a JavaScript MIME type',
    fields: ['loaded'],
    when: {
      request: { api: ['worker', 'shared-worker'] },
      finalMIMEType: 'not-javascript-not-refused',
    },
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          source: 'third_party/blink/renderer/core/script/fetch_client_settings_object_impl.cc',
          symbol:
            'FetchClientSettingsObjectImpl::MimeTypeCheckForClassicWorkerScript (kLaxForWorker ' +
            'for a worker a document creates)',
        },
        {
          source: 'third_party/blink/renderer/platform/loader/allowed_by_nosniff.cc',
          symbol: 'AllowMimeTypeAsScript (the lax mode accepts legacy types)',
        },
        { bug: 'https://crbug.com/794548' },
      ],
      observed:
        'Chromium 156: a worker served as text/plain and a shared worker served as "1" post ' +
        'their message; importScripts of a text/plain script throws',
    },
    rows: ['initiators-status/worker-text-plain-same'],
  },
  preloadErrorFromStatus400(['script', 'style', 'font'], {
    status: 'evidenced',
    upstream: [
      {
        wpt: 'third_party/blink/web_tests/external/wpt/preload/preload-error.sub-expected.txt',
        test: '404 (style): preload events; 404 (script): preload events',
      },
      {
        source: 'third_party/blink/renderer/platform/loader/fetch/resource_loader.cc',
        symbol:
          'ResourceLoader::DidReceiveResponseInternal (status 400 or more is an error unless ' +
          'the resource ignores status errors, as images do)',
      },
    ],
    observed:
      'Chromium 156: error for a same-origin as=script preload answered 404; as=image and ' +
      'as=fetch preloads answered 404 fire load',
  }),
  {
    ...PRELOAD_WITHOUT_BODY_BYTES_LOADS,
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          source: 'third_party/blink/renderer/core/loader/link_loader.cc',
          symbol:
            'LinkLoader::NotifyFinished (error only when the Resource has an error or fails ' +
            'integrity; an empty 2xx or 304 body is no error for a script, style, font or raw ' +
            'resource, while an image resource without data fails to decode)',
        },
      ],
      observed:
        'Chromium 156: same-origin preloads as fetch, font, script and style answered 204, 205 ' +
        'or 304 fire load; as=image fires error',
    },
  },
  {
    id: 'scripts-run-an-empty-body',
    reason:
      'a module script, import(), a worker script or importScripts answered 204 or 205 runs ' +
      'as an empty script, where https://html.spec.whatwg.org/#fetch-a-single-module-script ' +
      'and the worker script algorithms fail when the body bytes are null',
    fields: ['loaded'],
    when: { request: { api: MODULE_AND_WORKER_SCRIPT_APIS }, finalStatus: [204, 205] },
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          source: 'third_party/blink/renderer/core/loader/modulescript/module_script_fetcher.cc',
          symbol: 'ModuleScriptFetcher::WasModuleLoadSuccessful (the status alone: any 2xx)',
        },
        {
          source: 'third_party/blink/renderer/core/workers/worker_classic_script_loader.cc',
          symbol: 'WorkerClassicScriptLoader::DidReceiveResponse (any 2xx status)',
        },
      ],
      observed:
        'Chromium 156: import() resolves and a module script fires load on a 204; ' +
        'importScripts returns; a worker answered 204 fires neither message nor error',
    },
    rows: ['initiators-status/module-204-same', 'initiators-status/importscripts-205-same'],
  },
  {
    id: 'media-needs-status-200-or-206',
    reason:
      'an audio or video resource answered with a 2xx other than 200 (or a 206 without a ' +
      'matching Content-Range) fails with MEDIA_ERR_SRC_NOT_SUPPORTED, where ' +
      'https://html.spec.whatwg.org/#concept-media-load-resource accepts any response that is ' +
      'not a network error for the entire resource',
    fields: ['loaded'],
    when: { request: { api: ['video', 'audio'] }, finalStatusRanges: [{ from: 201, to: 299 }] },
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          source: 'third_party/blink/renderer/platform/media/resource_multibuffer_data_provider.cc',
          symbol:
            'ResourceMultiBufferDataProvider::DidReceiveResponse (200, a verified 206 or 416; ' +
            'any other status fails)',
        },
      ],
      observed: 'Chromium 156: MediaError 4 for <audio> answered 203, 206 or 299',
    },
    rows: ['initiators-status/audio-203-same', 'initiators-status/audio-206-same'],
  },
  {
    id: 'navigation-answered-304-commits-nothing',
    reason:
      'a form submission into an iframe answered 304 (to a request that was not conditional) ' +
      'ends with no document and no load event, where https://html.spec.whatwg.org/#navigate ' +
      'abandons a navigation only for 204 and 205',
    fields: ['loaded'],
    when: { request: { api: ['form'] }, finalStatus: [304] },
    evidence: {
      status: 'unconfirmed',
      observed:
        'Chromium 156: form GET and POST into an iframe, same- and cross-origin, answered 304: ' +
        'the request is on the wire and the iframe fires no load event within 8 s',
      searched:
        'not found yet: content/browser/renderer_host/navigation_request.cc (OnResponseStarted ' +
        'holds back 204 and 205 only) and net/http/http_cache_transaction.cc (a 304 to an ' +
        'unconditional request)',
    },
    rows: ['initiators-status/form-get-304-same'],
  },
  {
    ...IMPORTED_SCRIPT_MUTED_BY_FINAL_ORIGIN_ONLY,
    evidence: {
      status: 'unconfirmed',
      observed:
        'Chromium 156: importScripts of a same-origin URL redirected to another origin and ' +
        "back, or of a cross-origin URL redirected to the page origin, rethrows the script's " +
        'own error (rows importscripts-redirect-cross-and-back, -cross-to-same and ' +
        '-cross-back-then-same); redirected off the origin only, the error is muted',
      searched:
        'not found yet: third_party/blink/renderer/core/workers/worker_global_scope.cc ' +
        '(ImportScriptsInternal: how the error sanitizing is decided from the response)',
    },
  },
];

/** Firefox's fetch and font preloads (FontPreloader derives from FetchPreloader). */
const FIREFOX_FETCH_PRELOADER = {
  source: 'uriloader/preload/FetchPreloader.cpp',
  symbol:
    'FetchPreloader::OnStopRequest (a response status outside 2xx becomes a failure; ' +
    'FontPreloader, layout/style/FontPreloader.h, is a FetchPreloader)',
};

/** What Firefox's script and style-sheet loaders ask of an HTTP channel before using it. */
const FIREFOX_REQUEST_SUCCEEDED = {
  source: 'netwerk/protocol/http/HttpBaseChannel.cpp',
  symbol:
    'HttpBaseChannel::GetRequestSucceeded (status / 100 == 2), which the script loader ' +
    '(dom/script/ScriptLoader.cpp) and the style-sheet loader (layout/style/Loader.cpp) ' +
    'check before they use a response',
};

export const FIREFOX_INITIATOR_RULES: readonly DeviationRule[] = [
  {
    id: 'classic-script-errors-not-muted',
    reason:
      'a classic script fetched cross-origin without CORS (no crossorigin attribute) reports ' +
      "its own error message to the window's error event, where " +
      'https://html.spec.whatwg.org/#muted-errors makes it "Script error." with no details',
    fields: ['tainted'],
    when: { request: { api: ['script'], crossorigin: ['absent'] } },
    evidence: {
      status: 'unconfirmed',
      observed:
        'Firefox ESR 153.8: the error event shows "Error: cors-conformance classic script ran"; ' +
        'reproduced outside the harness in a plain headless Firefox (no automation, a fresh ' +
        'profile) with a page whose own script loads an http://example.net script that throws ' +
        '(onerror message "Error: secret detail", the script URL, line 1)',
      searched:
        'not found yet: dom/script/ScriptLoader.cpp (mutedErrors of the loaded script) and the ' +
        'Gecko WPT metadata for html/semantics/scripting-1/the-script-element; whether a pref ' +
        'of the ESR build changes it is open',
    },
    rows: [
      'initiators-script/script-absent-cross-none',
      'initiators-script/script-absent-cross-star',
      'initiators-script/script-absent-https-cookie',
      'initiators-script/script-absent-redirect-same-to-cross',
      'initiators-script/script-absent-same-site-none',
    ],
  },
  {
    id: 'preload-load-event-after-failed-cors-check',
    reason:
      '<link rel=preload crossorigin> fires load when the response fails the CORS check, where ' +
      'https://html.spec.whatwg.org/#link-type-preload fires error for a network error',
    fields: ['loaded'],
    when: { request: { api: ['preload'], crossorigin: ['anonymous', 'use-credentials'] } },
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          wpt: 'testing/web-platform/meta/preload/preload-error.sub.html.ini',
          test:
            'CORS-error (image): preload events; CORS-error (style): preload events; ' +
            'CORS-error (script): preload events; CORS-error (fetch): preload events (expected FAIL)',
        },
      ],
      observed:
        'Firefox ESR 153.8: load event for cross-origin preloads (as fetch, font, image, script, ' +
        'style) answered without Access-Control-Allow-Origin; reproduced outside the harness ' +
        'with a page whose own markup holds the <link rel=preload as=image crossorigin> ' +
        '(Chromium 156 fires error there)',
    },
    rows: [
      'initiators-other/preload-fetch-anon-cross-none',
      'initiators-other/preload-font-anon-cross-none',
      'initiators-other/preload-image-anon-cross-none',
      'initiators-other/preload-image-cred-cross-star',
      'initiators-other/preload-script-anon-cross-none',
      'initiators-other/preload-style-anon-cross-none',
    ],
  },
  {
    id: 'font-preload-always-cors',
    reason:
      '<link rel=preload as=font> without crossorigin is a cors-mode request (Origin sent), ' +
      'where the CORS settings attribute in the No CORS state makes it no-cors ' +
      '(https://html.spec.whatwg.org/#link-type-preload)',
    fields: ['originHeader', 'secFetch', 'actualSent', 'loaded'],
    when: { request: { api: ['preload'], crossorigin: ['absent'], variant: ['font'] } },
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          source: 'layout/style/FontLoaderUtils.cpp',
          symbol:
            'FontLoaderUtils::BuildChannelFlags (the CORS mode is ignored: a font load, ' +
            'preload included, requires CORS checks unless its URL is file:)',
        },
      ],
      observed:
        'Firefox ESR 153.8: Origin: http://example.com:P on the font preload, and to an https ' +
        'URL Sec-Fetch-Mode: cors; as a CORS request it does not follow a redirect from ' +
        'another origin whose answer has no Access-Control-Allow-Origin, nor one to a URL ' +
        'with user:pass@ (fuzz seed 2612022, cases 614 and 1268)',
    },
    rows: [
      'initiators-other/preload-font-absent-cross-none',
      'initiators-other/preload-font-absent-https-cross-none',
      'initiators-other/preload-font-absent-redirect-cross-to-same',
    ],
  },
  {
    ...SCRIPTS_RUN_AN_EMPTY_BODY,
    evidence: {
      status: 'unconfirmed',
      observed:
        'Firefox ESR 153.8: a classic script, a module script and importScripts answered 204 or 205 load ' +
        '(a worker fires neither message nor error); Chromium 156 does the same',
      searched:
        'not found yet: dom/script/ScriptLoader.cpp and dom/workers/ScriptLoader.cpp (how an ' +
        'empty 2xx body is treated)',
    },
  },
  preloadErrorFromStatus400(['script', 'style', 'fetch', 'font'], {
    status: 'evidenced',
    upstream: [
      {
        wpt: 'testing/web-platform/meta/preload/preload-error.sub.html.ini',
        test:
          '404 (style): preload events; 404 (script): preload events; 404 (fetch): preload ' +
          'events (expected FAIL)',
      },
      FIREFOX_FETCH_PRELOADER,
    ],
    observed:
      'Firefox ESR 153.8: error for same-origin preloads as script, style, fetch and font ' +
      'answered 404',
  }),
  {
    id: 'preload-success-only-for-2xx',
    reason:
      '<link rel=preload> as fetch, font, script or style whose chain ends on a 3xx (no ' +
      'Location to follow) fires error: the preloaders take only a 2xx as success, where ' +
      'https://html.spec.whatwg.org/#link-type-preload fires error only for a network error ' +
      '(statuses of 400 or more are covered by preload-error-event-for-http-error-status)',
    fields: ['loaded'],
    when: {
      request: { api: ['preload'], variant: ['fetch', 'font', 'script', 'style'] },
      finalStatusRanges: [{ from: 300, to: 399 }],
    },
    evidence: {
      status: 'evidenced',
      upstream: [FIREFOX_FETCH_PRELOADER, FIREFOX_REQUEST_SUCCEEDED],
      observed:
        'Firefox ESR 153.8: error for same-origin preloads as fetch, font, script and style ' +
        'answered 300, and as=fetch answered 301 without Location; as=image answered 300 fires load',
    },
    rows: [
      'initiators-status/preload-fetch-301-no-location-same',
      'initiators-status/preload-script-300-same',
    ],
  },
  {
    ...PRELOAD_WITHOUT_BODY_BYTES_LOADS,
    reason:
      '<link rel=preload> as fetch, font, script or style answered 204 or 205 (a null body) ' +
      'fires load: the preloaders take any 2xx as success, where ' +
      'https://html.spec.whatwg.org/#preload turns a response without body bytes into a ' +
      'network error, so https://html.spec.whatwg.org/#link-type-preload fires error (a 304 ' +
      'is no 2xx and fires error, as does an image preload without data)',
    when: {
      request: { api: ['preload'], variant: ['fetch', 'font', 'script', 'style'] },
      finalStatus: [204, 205],
    },
    evidence: {
      status: 'evidenced',
      upstream: [FIREFOX_FETCH_PRELOADER, FIREFOX_REQUEST_SUCCEEDED],
      observed:
        'Firefox ESR 153.8: same-origin preloads as fetch, font, script and style answered 204 ' +
        'or 205 fire load; answered 304 they fire error, as=image fires error for all three',
    },
  },
  {
    id: 'media-null-body-fires-no-event',
    reason:
      'an audio or video element answered 204 or 205 (a null body) fires neither error nor ' +
      'any readiness event, where https://html.spec.whatwg.org/#concept-media-load-resource ' +
      'runs the media data processing steps on no data and so reaches the failure steps',
    fields: ['loaded', 'secFetch'],
    when: { request: { api: ['audio', 'video'] }, finalStatus: [204, 205] },
    evidence: {
      status: 'unconfirmed',
      observed:
        'Firefox ESR 153.8: same-origin <audio> answered 204 and <video> answered 204 or 205 ' +
        '(with or without crossorigin) time out with no event; Chromium 156 fires error',
      searched:
        'not found yet: dom/media/ChannelMediaResource.cpp (OnStartRequest, OnStopRequest: ' +
        'an empty successful response) and dom/html/HTMLMediaElement.cpp (when a load with ' +
        'no data reports an error)',
    },
    // A CORS <video> to an https URL answered 204: no event, and hundreds of further GETs
    // within the 8 s wait, seen through their Sec-Fetch-* headers (initiator fuzz seed
    // 2612037, case 1908). The media driver now stops waiting after 50 such fetches.
    rows: ['initiators-status/audio-204-same', 'initiators-status/video-204-anon-https-cross'],
  },
  ...opaqueResponseRules({
    id: 'opaque-partial-response-not-from-byte-0-blocked',
    reason:
      'an image fetched without CORS whose response is opaque (it ends, or passed, on another ' +
      'origin) and answered 206 without a Content-Range that starts at byte 0 fires error: ' +
      'Opaque Response Blocking drops it as a partial response that is not the first, where ' +
      'https://html.spec.whatwg.org/#update-the-image-data takes any response that is not a ' +
      'network error (a 206 whose Content-Range starts at 0 loads, so the rule is broader than ' +
      'the behaviour by that header)',
    fields: ['loaded'],
    api: ['img', 'img-canvas', 'css-image'],
    finalStatus: [206],
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          source: 'netwerk/protocol/http/HttpBaseChannel.cpp',
          symbol:
            'HttpBaseChannel::PerformOpaqueResponseSafelistCheckBeforeSniff (a 206 that ' +
            'IsFirstPartialResponse rejects is blocked)',
        },
        {
          source: 'netwerk/protocol/http/OpaqueResponseUtils.cpp',
          symbol: 'IsFirstPartialResponse (Content-Range must parse and start at 0)',
        },
      ],
      observed:
        'Firefox ESR 153.8: <img> without crossorigin, cross-origin or redirected there, ' +
        'answered 206 without Content-Range fires error; with Content-Range bytes 0-73/74, or ' +
        'answered 203, it loads',
    },
    rows: {
      direct: ['initiators-status/img-206-cross'],
      redirected: ['initiators-status/img-206-redirect-same-to-cross'],
    },
  }),
  ...opaqueResponseRules({
    id: 'opaque-media-needs-status-200',
    reason:
      'an audio or video element without crossorigin whose response is opaque (it ends, or ' +
      'passed, on another origin) and answered with a 2xx other than 200 fails, where ' +
      'https://html.spec.whatwg.org/#concept-media-load-resource accepts any response that is ' +
      'not a network error for the entire resource (same-origin 203 and 206 load)',
    fields: ['loaded'],
    api: ['audio', 'video'],
    finalStatusRanges: [{ from: 201, to: 299 }],
    evidence: {
      status: 'unconfirmed',
      observed:
        'Firefox ESR 153.8: <audio> cross-origin answered 201, 203 or 206 (no Content-Range) ' +
        'and <video> cross-origin answered 201 fire no canplay/load; <audio> same-origin 301 ' +
        'to a same-site origin answered 201 likewise; the same answers same-origin, 200 ' +
        'cross-origin, and 201 cross-origin with crossorigin=anonymous and ACAO * load, so it ' +
        'goes with the opaque response (Opaque Response Blocking suspected)',
      searched:
        'not found yet: netwerk/protocol/http/HttpBaseChannel.cpp ' +
        '(PerformOpaqueResponseSafelistCheckBeforeSniff/AfterSniff, the no-cors media request ' +
        'state), netwerk/protocol/http/OpaqueResponseUtils.cpp (audio/* MIME exceptions) and ' +
        'dom/media/ChannelMediaResource.cpp (OnStartRequest); none conditions on a 2xx other ' +
        'than 200 for opaque media that we could find; whatwg/html issue 9763 records Gecko ' +
        'taking any 2xx for media, which holds for same-origin and CORS responses only',
    },
    rows: {
      direct: [
        'initiators-status/audio-201-cross',
        'initiators-status/audio-203-cross',
        'initiators-status/audio-206-cross',
        'initiators-status/video-201-cross',
      ],
      redirected: ['initiators-status/audio-201-redirect-same-to-cross'],
    },
  }),
  ...opaqueResponseRules({
    id: 'opaque-partial-script-not-from-byte-0-blocked',
    reason:
      'a classic script fetched without CORS whose response is opaque, typed neither as ' +
      'JavaScript nor as a type refused for scripts, and answered 206 without a Content-Range ' +
      'that starts at byte 0 fires error: Opaque Response Blocking drops a partial response ' +
      'that is not the first before it sniffs the body, where ' +
      'https://html.spec.whatwg.org/#fetch-a-classic-script takes any ok status (a JavaScript ' +
      'type is safelisted and loads)',
    fields: ['loaded'],
    api: ['script'],
    finalStatus: [206],
    finalMIMEType: 'not-javascript-not-refused',
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          source: 'netwerk/protocol/http/HttpBaseChannel.cpp',
          symbol:
            'HttpBaseChannel::PerformOpaqueResponseSafelistCheckBeforeSniff (an opaque-safelisted ' +
            'type passes; then a 206 that IsFirstPartialResponse rejects is blocked)',
        },
      ],
      observed:
        'Firefox ESR 153.8: <script> without crossorigin, same-origin 301 to another port, ' +
        'answered 206 text/plain without Content-Range, fires error (fuzz seed 2612021, case ' +
        '1356); cross-origin 206 with the fixture script typed text/javascript runs',
    },
    rows: {
      direct: ['initiators-status/script-206-text-plain-cross'],
      redirected: ['initiators-status/script-206-text-plain-redirect-same-to-cross'],
    },
  }),
  ...opaqueResponseRules({
    id: 'opaque-image-preload-without-body-bytes-loads',
    reason:
      '<link rel=preload as=image> without crossorigin whose response is opaque and answered ' +
      '204, 205 or 304 (a null body) fires load, where https://html.spec.whatwg.org/#preload ' +
      'turns a response without body bytes into a network error (the same preload answered ' +
      'on the page origin fires error)',
    fields: ['loaded'],
    api: ['preload'],
    variant: ['image'],
    finalStatus: [204, 205, 304],
    evidence: {
      status: 'unconfirmed',
      observed:
        'Firefox ESR 153.8: a cross-origin <link rel=preload as=image> answered 204, 205 or ' +
        '304 fires load (fuzz seed 2612021, case 1877: a 304 without Location on ' +
        'cross-origin-2); same-origin, or with crossorigin=anonymous and ACAO *, it fires error',
      searched:
        'not found yet: image/imgLoader.cpp (how a preload of an opaque image reports a ' +
        'response without data) and uriloader/preload/PreloaderBase.cpp (NotifyStop)',
    },
    rows: {
      direct: ['initiators-status/preload-image-204-cross'],
      redirected: ['initiators-status/preload-image-304-redirect-same-to-cross'],
    },
  }),
  {
    ...STYLESHEET_WITHOUT_A_MIME_TYPE_LOADS,
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          source: 'layout/style/Loader.cpp',
          symbol:
            'SheetLoadData::VerifySheetReadyToParse (validType: text/css, the unknown content ' +
            'type or an empty one)',
        },
      ],
      observed:
        'Firefox ESR 153.8: same-origin and cross-origin <link rel=stylesheet> answered 200 ' +
        'with Content-Type "sid=1; Path=/", "nonsense" or empty, or with a body and no ' +
        'Content-Type, fire load (fuzz seed 2612021, case 1466); text/plain fires error',
    },
  },
  {
    ...IMPORTED_SCRIPT_MUTED_BY_FINAL_ORIGIN_ONLY,
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          source: 'dom/workers/loader/NetworkLoadHandler.cpp',
          symbol:
            'NetworkLoadHandler::DataReceivedFromNetwork (mMutedErrorFlag: not top level and ' +
            "the worker's principal does not subsume the channel's result principal, that of " +
            'the final URL)',
        },
      ],
      observed:
        'Firefox ESR 153.8: importScripts of a same-origin URL redirected to another origin and ' +
        "back, or a cross-origin URL redirected to the page origin, rethrows the script's own " +
        'error (fuzz seeds 2612021, case 1976, 2612022, case 45, and 2612033, case 236: back ' +
        'on the page origin, then two more hops there); redirected off the origin only, the ' +
        'error is muted',
    },
  },
  {
    ...STYLESHEET_WITHOUT_BODY_BYTES_LOADS,
    evidence: {
      status: 'evidenced',
      upstream: [
        FIREFOX_REQUEST_SUCCEEDED,
        {
          source: 'layout/style/Loader.cpp',
          symbol:
            'SheetLoadData::VerifySheetReadyToParse (a channel whose request succeeded, any ' +
            '2xx, is parsed, an empty body as an empty sheet)',
        },
      ],
      observed:
        'Firefox ESR 153.8: same-origin and cross-origin <link rel=stylesheet> answered 204 or 205 fire load; answered 304 ' +
        '(no 2xx) they fire error',
    },
  },
];

export const WEBKIT_INITIATOR_RULES: readonly DeviationRule[] = [
  {
    id: 'cors-element-request-to-same-origin-sends-origin',
    reason:
      'a cors-mode request an element or a module load makes to its own origin (crossorigin ' +
      'img, media, script, stylesheet, module scripts, import(), CSS mask images) carries ' +
      '`Origin`, where fetch#append-a-request-origin-header sends it on a GET only when the ' +
      'response tainting is cors (not for a same-origin request)',
    fields: ['originHeader'],
    when: {
      request: {
        api: [...IMAGE_SCRIPT_STYLE_LOADS, 'preload', 'css-image', 'video', 'audio'],
        target: ['same-origin'],
      },
    },
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          source: 'Source/WebCore/loader/CrossOriginAccessControl.cpp',
          symbol: 'updateRequestForAccessControl (setHTTPOrigin whatever the target)',
        },
      ],
      observed: 'WebKitGTK 2.50.6: `Origin: http://example.com:P` on same-origin crossorigin loads',
    },
    rows: [
      'initiators-image/audio-load-anon-same',
      'initiators-image/css-mask-image-same',
      'initiators-image/img-anon-same',
      'initiators-image/img-canvas-anon-same',
      'initiators-image/img-canvas-cred-same',
      'initiators-image/img-cred-same',
      'initiators-image/video-canvas-anon-same',
      'initiators-image/video-load-anon-same',
      'initiators-script/import-same',
      'initiators-script/module-absent-same',
      'initiators-script/script-anon-same',
      'initiators-script/script-anon-same-404',
      'initiators-script/script-cred-same',
      'initiators-style-font/stylesheet-anon-same',
      'initiators-style-font/stylesheet-anon-same-404',
      'initiators-style-font/stylesheet-cred-same',
      'initiators-other/preload-fetch-anon-same',
    ],
  },
  {
    id: 'websocket-handshake-follows-redirects',
    reason:
      'a WebSocket opening handshake answered with a redirect follows it and opens at the ' +
      'target, where https://fetch.spec.whatwg.org/#concept-websocket-establish uses redirect ' +
      'mode error (the connection fails)',
    fields: ['actualSent', 'loaded', 'originHeader', 'secFetch'],
    when: { request: { api: ['websocket'] }, redirects: { present: true } },
    evidence: {
      status: 'unconfirmed',
      observed:
        'WebKitGTK 2.50.6: after a 3xx from the first URL the handshake reaches the redirect ' +
        'target, which answers 101, and open fires (Chromium 156 and Firefox ESR 153 fail it)',
      searched:
        'not found yet: Source/WebKit/NetworkProcess/soup/WebSocketTaskSoup.cpp (the libsoup ' +
        'message it connects with) and libsoup/soup-session.c (websocket connect and redirects)',
    },
    rows: ['initiators-other/websocket-redirect-cross'],
  },
  {
    id: 'css-background-image-sends-credentials',
    reason:
      'a CSS background image is fetched with credentials (the cookie goes to a cross-site ' +
      'URL), where https://drafts.csswg.org/css-values-4/#fetch-a-style-resource uses ' +
      'credentials mode same-origin',
    fields: ['cookie'],
    when: { request: { api: ['css-image'], variant: ['background-image'] } },
    evidence: {
      status: 'unconfirmed',
      observed:
        'WebKitGTK 2.50.6: the SameSite=None; Secure cookie of https://example.net reaches it ' +
        'from a background-image on http://example.com',
      searched:
        'not found yet: Source/WebCore/css/CSSImageValue.cpp (loadImage options) and ' +
        'CachedResourceLoader::defaultCachedResourceOptions',
    },
    rows: ['initiators-image/css-background-image-https-star-cookie'],
  },
  {
    id: 'fonts-fetched-without-cors',
    reason:
      'a font (@font-face or new FontFace(url)) is fetched without CORS: no Origin header, and ' +
      'it loads from another origin without Access-Control-Allow-Origin (and follows a redirect ' +
      'whose response has none), where ' +
      'https://drafts.csswg.org/css-fonts/#fetch-a-font makes it a cors-mode request',
    fields: ['originHeader', 'loaded', 'secFetch', 'cookie', 'actualSent'],
    when: { request: { api: ['font'] } },
    evidence: {
      status: 'unconfirmed',
      observed:
        'WebKitGTK 2.50.6: the font request carries no Origin and the face loads without ' +
        'Access-Control-Allow-Origin; reproduced outside the harness with a page whose own ' +
        '@font-face names an http://example.net font (status "loaded", no Origin on the wire), ' +
        'where Chromium 156 sends Origin and the face errors',
      searched:
        'not found yet: Source/WebCore/css/CSSFontFaceSrcValue.cpp and ' +
        'Source/WebCore/loader/cache/CachedResourceLoader.cpp (requestFont options); reports ' +
        'about Safari on Apple platforms describe fonts as CORS-gated, so this may be a ' +
        'WebKitGTK setting',
    },
    rows: [
      'initiators-style-font/font-face-cross-404-star',
      'initiators-style-font/font-face-cross-none',
      'initiators-style-font/font-face-cross-null',
      'initiators-style-font/font-face-cross-origin',
      'initiators-style-font/font-face-cross-star',
      'initiators-style-font/font-face-cross-wrong',
      'initiators-style-font/font-face-https-origin-acac',
      'initiators-style-font/font-face-https-star-cookie',
      'initiators-style-font/font-face-load-cross-404-star',
      'initiators-style-font/font-face-load-cross-none',
      'initiators-style-font/font-face-load-cross-null',
      'initiators-style-font/font-face-load-cross-origin',
      'initiators-style-font/font-face-load-cross-star',
      'initiators-style-font/font-face-load-cross-wrong',
      'initiators-style-font/font-face-load-https-origin-acac',
      'initiators-style-font/font-face-load-https-star-cookie',
      'initiators-style-font/font-face-load-port-star',
      'initiators-style-font/font-face-load-redirect-same-to-cross-none',
      'initiators-style-font/font-face-load-redirect-same-to-cross-star',
      'initiators-style-font/font-face-load-same-site-none',
      'initiators-style-font/font-face-port-star',
      'initiators-style-font/font-face-redirect-same-to-cross-none',
      'initiators-style-font/font-face-redirect-same-to-cross-star',
      'initiators-style-font/font-face-same-site-none',
    ],
  },
  {
    id: 'websocket-fetch-metadata-dest-websocket',
    reason:
      'the WebSocket opening handshake carries Sec-Fetch-Dest: websocket, where the request ' +
      'HTML hands to Fetch has the empty destination and ' +
      'https://w3c.github.io/webappsec-fetch-metadata/#sec-fetch-dest-header sends "empty"',
    fields: ['secFetch'],
    when: { request: { api: ['websocket'] } },
    evidence: {
      status: 'evidenced',
      upstream: [
        { bug: 'https://bugs.webkit.org/show_bug.cgi?id=237550' },
        {
          source: 'Source/WebCore/Modules/websockets/ThreadableWebSocketChannel.cpp',
          symbol: 'ThreadableWebSocketChannel::webSocketConnectRequest (Sec-Fetch-* special case)',
        },
      ],
      observed:
        'WebKitGTK 2.50.6: Sec-Fetch-Site cross-site, Sec-Fetch-Mode websocket, Sec-Fetch-Dest websocket',
    },
    rows: ['initiators-other/websocket-https-cookie'],
  },
  {
    ...SCRIPTS_RUN_AN_EMPTY_BODY,
    evidence: {
      status: 'unconfirmed',
      observed:
        'WebKitGTK 2.50.6: a classic script, a module script and importScripts answered 204 or 205 load ' +
        '(a worker fires neither message nor error); Chromium 156 does the same',
      searched:
        'not found yet: Source/WebCore/dom/LoadableClassicScript.cpp, ' +
        'Source/WebCore/bindings/js/CachedModuleScriptLoader.cpp and ' +
        'Source/WebCore/workers/WorkerScriptLoader.cpp',
    },
  },
  preloadErrorFromStatus400(['script', 'style', 'font'], {
    status: 'evidenced',
    upstream: [
      {
        wpt: 'LayoutTests/imported/w3c/web-platform-tests/preload/preload-error.sub-expected.txt',
        test: '404 (style): preload events; 404 (script): preload events',
      },
      {
        source: 'Source/WebCore/loader/SubresourceLoader.cpp',
        symbol:
          'SubresourceLoader::checkForHTTPStatusCodeError (an error from status 400 unless ' +
          'the resource ignores status errors, as raw and image resources do)',
      },
    ],
    observed:
      'WebKitGTK 2.50.6: error for same-origin preloads as script and font answered 404; ' +
      'as=fetch and as=image answered 404 fire load',
  }),
  {
    ...PRELOAD_WITHOUT_BODY_BYTES_LOADS,
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          source: 'Source/WebCore/loader/LinkLoader.cpp',
          symbol:
            'LinkLoader::notifyFinished and triggerEvents (error only when the cached resource ' +
            'has errorOccurred; an empty 2xx or 304 body is none)',
        },
      ],
      observed:
        'WebKitGTK 2.50.6: same-origin preloads as fetch, font, script and style answered 204, ' +
        '205 or 304 fire load; as=image answered 204 or 304 fires error',
    },
  },
  {
    id: 'body-of-a-205-answer-is-read',
    reason:
      'the body a server sends with a 205 reaches the page (an image decodes, media plays, an ' +
      'image preload loads), where https://fetch.spec.whatwg.org/#concept-main-fetch sets the ' +
      'body of a response with a null body status to null, so there is nothing to decode',
    fields: ['loaded'],
    when: {
      request: { api: ['img', 'img-canvas', 'audio', 'video', 'preload'] },
      finalStatus: [205],
    },
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          source: 'libsoup/http1/soup-client-message-io-http1.c',
          symbol:
            'parse_headers (no body only for HEAD, 204, 304, 1xx and a successful CONNECT: a ' +
            "205's Content-Length body is read)",
        },
      ],
      observed:
        'WebKitGTK 2.50.6: same-origin <img>, <img> drawn to a canvas, <audio>, <video> and ' +
        '<link rel=preload as=image> answered 205 with a body load; importScripts of a 205 ' +
        'runs the script the body holds',
    },
    rows: ['initiators-status/img-205-same'],
  },
  {
    ...STYLESHEET_WITHOUT_A_MIME_TYPE_LOADS,
    evidence: {
      status: 'unconfirmed',
      observed:
        'WebKitGTK 2.50.6: a same-origin <link rel=stylesheet> answered 200 with Content-Type ' +
        '"Origin" or empty fires load (fuzz seed 2612025, case 742); text/plain fires error',
      searched:
        'not found yet: Source/WebCore/loader/cache/CachedCSSStyleSheet.cpp (canUseSheet: which ' +
        'MIME type an invalid Content-Type leaves) and the libsoup content sniffer',
    },
  },
  {
    id: 'media-without-body-requested-again',
    reason:
      'an audio or video element answered 204 or 304 (no body) requests the URL a second ' +
      'time, where https://html.spec.whatwg.org/#concept-media-load-resource fetches the ' +
      'resource once and a response without media data reaches the failure steps',
    fields: ['secFetch'],
    when: { request: { api: ['audio', 'video'] }, finalStatus: [204, 304] },
    evidence: {
      status: 'unconfirmed',
      observed:
        'WebKitGTK 2.50.6: <audio> and <video> to an https cross-site URL answered 204 or 304 ' +
        'send two GETs (the second seen through its Sec-Fetch-* headers; fuzz seed 2612025, ' +
        'case 317); answered 200, 205 or 404, one',
      searched:
        'not found yet: Source/WebCore/platform/graphics/gstreamer/WebKitWebSourceGStreamer.cpp ' +
        '(CachedResourceStreamingClient::responseReceived and the source element restarting a ' +
        'read that got no data)',
    },
    rows: ['initiators-status/audio-204-https-cross'],
  },
  {
    id: 'navigation-post-redirect-from-page-origin-origin-null',
    reason:
      'a form POST redirected (307/308, the method kept) from the page origin to another ' +
      'origin carries `Origin: null`, where https://fetch.spec.whatwg.org/#concept-request-tainted-origin ' +
      "stays same-origin: the hop leaves the request's own origin, and only a hop from another " +
      'origin taints it',
    fields: ['originHeader'],
    when: { request: { api: ['form'] }, redirects: POST_REDIRECT_FROM_PAGE_ORIGIN },
    evidence: {
      status: 'unconfirmed',
      observed:
        'WebKitGTK 2.50.6: a form POST into an iframe, same-origin 307 or 308 to another origin, ' +
        'carries Origin: null at the second URL (fuzz seed 2612025, case 190); cross-origin 307 ' +
        'to another origin also null, as the spec says',
      searched:
        'not found yet: Source/WebCore/loader/DocumentLoader.cpp (willSendRequest for a ' +
        'redirect) and Source/WebKit/NetworkProcess/soup/NetworkDataTaskSoup.cpp ' +
        '(continueHTTPRedirection clears Origin on an origin change; what sets null)',
    },
    rows: ['initiators-other/form-post-307-same-to-cross'],
  },
  {
    id: 'classic-script-error-only-from-400',
    reason:
      'a classic script answered with a status below 400 that is not ok (a 3xx without ' +
      'Location) runs, where https://html.spec.whatwg.org/#fetch-a-classic-script fails ' +
      'without an ok status',
    fields: ['loaded'],
    when: {
      request: { api: ['script'] },
      finalStatusRanges: NOT_OK_BELOW_400,
    },
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          source: 'Source/WebCore/loader/SubresourceLoader.cpp',
          symbol:
            'SubresourceLoader::checkForHTTPStatusCodeError (an error only from status 400, ' +
            'unless the resource ignores status errors)',
        },
      ],
      observed: 'WebKitGTK 2.50.6: a same-origin classic script answered 302 without Location runs',
    },
    rows: ['initiators-status/script-302-no-location-same'],
  },
  {
    id: 'navigation-answered-304-commits-nothing',
    reason:
      'a form submission into an iframe answered 304 (to a request that was not conditional) ' +
      'ends with no load event, where https://html.spec.whatwg.org/#navigate abandons a ' +
      'navigation only for 204 and 205',
    fields: ['loaded'],
    when: { request: { api: ['form'] }, finalStatus: [304] },
    evidence: {
      status: 'unconfirmed',
      observed:
        'WebKitGTK 2.50.6: a same-origin form GET into an iframe answered 304 fires no load ' +
        'event within 8 s (Chromium 156 too)',
      searched:
        'not found yet: Source/WebCore/loader/FrameLoader.cpp and ' +
        'Source/WebCore/loader/DocumentLoader.cpp (responseReceived for a 304)',
    },
    rows: ['initiators-status/form-get-304-same'],
  },
  {
    id: 'media-error-only-from-400',
    reason:
      'an audio or video resource answered with a status below 400 that is not ok (a 3xx ' +
      'that is not followed) plays, where https://html.spec.whatwg.org/#concept-media-load-resource ' +
      'treats a response whose status is not ok as a network error',
    fields: ['loaded'],
    when: {
      request: { api: ['video', 'audio'] },
      finalStatusRanges: NOT_OK_BELOW_400,
    },
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          source: 'Source/WebCore/platform/graphics/gstreamer/WebKitWebSourceGStreamer.cpp',
          symbol:
            'CachedResourceStreamingClient::responseReceived (an element error only from ' +
            'status 400)',
        },
      ],
      observed:
        'WebKitGTK 2.50.6: <audio> and <video> answered 300, 304 or 373, or 301, 303 or 308 ' +
        'without Location, fire loadeddata (same-origin, cross-origin and crossorigin variants)',
    },
    rows: ['initiators-status/audio-300-same'],
  },
  {
    id: 'module-script-error-only-from-400',
    reason:
      'a module script or import() answered with a status below 400 that is not ok (a 3xx ' +
      'that is not followed) runs, where ' +
      'https://html.spec.whatwg.org/#fetch-a-single-module-script fails without an ok status',
    fields: ['loaded'],
    when: {
      request: { api: ['module-script', 'dynamic-import'] },
      finalStatusRanges: NOT_OK_BELOW_400,
    },
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          source: 'Source/WebCore/bindings/js/ScriptModuleLoader.cpp',
          symbol:
            'ScriptModuleLoader::notifyFinished (a document module fails on errorOccurred, ' +
            'access control, cancel, MIME type or integrity; no status check of its own)',
        },
        {
          source: 'Source/WebCore/loader/SubresourceLoader.cpp',
          symbol: 'SubresourceLoader::checkForHTTPStatusCodeError (an error only from status 400)',
        },
      ],
      observed:
        'WebKitGTK 2.50.6: a same-origin <script type=module> answered 308, 300 or 334 without ' +
        'Location runs; a same-origin import() answered 300 resolves',
    },
    rows: ['initiators-status/module-302-no-location-same'],
  },
  {
    id: 'css-mask-image-redirect-cors-check-with-credentials',
    reason:
      "a CSS mask image whose first URL is on another origin does not follow that origin's " +
      'redirect unless the redirect response also has `Access-Control-Allow-Credentials: true` ' +
      '(`*` or the page origin alone is not enough), as if the check ran with credentials ' +
      'included, where https://drafts.csswg.org/css-values-4/#fetch-a-style-resource uses ' +
      'credentials mode same-origin and https://fetch.spec.whatwg.org/#concept-cors-check then ' +
      'needs only Access-Control-Allow-Origin',
    fields: ['actualSent', 'secFetch', 'loaded'],
    when: {
      request: {
        api: ['css-image'],
        variant: ['mask-image'],
        target: [
          'cross-origin',
          'cross-origin-different-port',
          'cross-origin-2',
          'same-site',
          'https-cross-origin',
        ],
      },
      redirects: { present: true, someHopWithout: ['access-control-allow-credentials'] },
    },
    evidence: {
      status: 'unconfirmed',
      observed:
        'WebKitGTK 2.50.6: a mask-image on http or https origins of another site answered 301 ' +
        '(to the page origin, to another origin or to its own origin) with ' +
        'Access-Control-Allow-Origin = the page origin or `*` sends nothing to the Location; ' +
        'with `Access-Control-Allow-Credentials: true` added the redirect is followed; an ' +
        '<img crossorigin=anonymous> with the same answers follows it',
      searched:
        'not found yet: Source/WebCore/css/CSSImageValue.cpp (loadImage options), ' +
        'Source/WebCore/loader/SubresourceLoader.cpp (checkRedirectionCrossOriginAccessControl) ' +
        'and the mechanism of bug 276364 (a redirect checked with stored credentials)',
    },
    rows: ['initiators-status/css-mask-image-redirect-cross-to-same-acao'],
  },
  {
    ...STYLESHEET_WITHOUT_BODY_BYTES_LOADS,
    evidence: {
      status: 'unconfirmed',
      observed:
        'WebKitGTK 2.50.6: same-origin and cross-origin <link rel=stylesheet> answered 204 or 205 fire load; answered 304, error',
      searched:
        'not found yet: Source/WebCore/loader/cache/CachedCSSStyleSheet.cpp (an empty 2xx ' +
        'body) and Source/WebCore/html/HTMLLinkElement.cpp (notifyFinished)',
    },
  },
  {
    id: 'module-worker-script-mime-type-not-checked',
    reason:
      'a module worker whose script is answered with a type that is no JavaScript MIME type ' +
      '(text/plain) runs, where https://html.spec.whatwg.org/#fetch-a-single-module-script ' +
      'fails without a JavaScript MIME type (a classic worker does fail here)',
    fields: ['loaded'],
    when: {
      request: { api: ['module-worker'] },
      finalMIMEType: 'not-javascript-not-refused',
    },
    evidence: {
      status: 'unconfirmed',
      observed:
        "WebKitGTK 2.50.6: new Worker(url, {type: 'module'}) of a same-origin script answered " +
        '200 text/plain posts its message (fuzz seed 2612034, case 1900); a classic and a ' +
        'shared worker fail, <script type=module> fails',
      searched:
        'not found yet: Source/WebCore/workers/WorkerScriptLoader.cpp (didReceiveResponse: the ' +
        "MIME type check for a module worker's top-level script) and " +
        'Source/WebCore/workers/WorkerModuleScriptLoader.cpp',
    },
    rows: ['initiators-status/module-worker-text-plain-same'],
  },
];
