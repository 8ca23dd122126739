// Where an engine departs from the HTML Standard or Fetch Metadata for requests that page
// APIs other than fetch() and XHR make (the initiators), one list per engine. Kept apart
// from each engine's Fetch rules so both can grow without touching each other; the engine
// files append these to their own.
import type { DeviationRule } from './types.js';

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
        api: [
          'img',
          'img-canvas',
          'script',
          'module-script',
          'dynamic-import',
          'stylesheet',
          'font',
          'preload',
          'css-image',
          'video',
          'audio',
        ],
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
    id: 'beacon-origin-null-after-leaving-page-origin',
    reason:
      'a sendBeacon POST redirected (307/308) from the page origin to another origin carries ' +
      '`Origin: null`; the spec taints the origin only after a hop from another origin',
    fields: ['originHeader'],
    when: {
      request: { api: ['beacon'] },
      redirects: { present: true, status: [307, 308], hops: ['from-page-origin'] },
    },
    evidence: {
      status: 'evidenced',
      upstream: [
        { source: 'net/url_request/redirect_util.cc', symbol: 'RedirectUtil::UpdateHttpRequest' },
      ],
      observed: 'Chromium 156: `Origin: null` at the cross-origin hop of a beacon',
    },
    rows: ['initiators-other/beacon-string-redirect-same-to-cross'],
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
];

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
  },
];

export const WEBKIT_INITIATOR_RULES: readonly DeviationRule[] = [
  {
    id: 'fonts-fetched-without-cors',
    reason:
      'a font (@font-face or new FontFace(url)) is fetched without CORS: no Origin header, and ' +
      'it loads from another origin without Access-Control-Allow-Origin, where ' +
      'https://drafts.csswg.org/css-fonts/#fetch-a-font makes it a cors-mode request',
    fields: ['originHeader', 'loaded', 'secFetch'],
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
  },
];
