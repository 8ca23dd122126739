// Where an engine departs from the HTML Standard or Fetch Metadata for requests that page
// APIs other than fetch() and XHR make (the initiators), one list per engine. Kept apart
// from each engine's Fetch rules so both can grow without touching each other; the engine
// files append these to their own.
import type { DeviationRule } from './types.js';

export const CHROMIUM_INITIATOR_RULES: readonly DeviationRule[] = [
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
