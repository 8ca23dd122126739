// WebKit (WebKitGTK; its network layer is libsoup): where it departs from the Fetch Standard,
// as profile knobs (the model computes them) and deviation rules (it cannot), each with
// evidence. Source paths are in WebKit's repository unless they start with `libsoup/`
// (GNOME/libsoup).
import { SPEC } from '../model/spec-profile.js';
import { HTTP_ORIGIN_ROLES } from '../scenario/types.js';
import { WEBKIT_INITIATOR_RULES } from './initiator-rules.js';
import { REDIRECT_WITHOUT_LOCATION_IS_FINAL_IN_ERROR_MODE } from './shared-rules.js';
import { EVERY_FIELD, OUTCOME_FIELDS, PREFLIGHT_FIELDS } from './types.js';
import type { DeviationRule, EngineFacts } from './types.js';

const NETWORK_DATA_TASK = 'Source/WebKit/NetworkProcess/soup/NetworkDataTaskSoup.cpp';
const LOAD_CHECKER = 'Source/WebKit/NetworkProcess/NetworkLoadChecker.cpp';

const RULES: readonly DeviationRule[] = [
  // First: it is the narrowest rule for a Fetch Metadata difference alone, so the verdict names
  // it before the wider rules that also let secFetch differ (preflight-before-redirect-...).
  {
    id: 'no-fetch-metadata-after-redirect-to-https',
    reason:
      'a request that starts at an http URL and is redirected to an https one reaches the https ' +
      'URL (and the preflight sent there) without `Sec-Fetch-*`; the headers are set when the ' +
      'request is first made, only for a potentially trustworthy URL, and are not added on the ' +
      'redirect, where fetch#http-network-or-cache-fetch appends the Fetch Metadata for every ' +
      'request it sends to a potentially trustworthy URL, redirected ones included',
    fields: ['secFetch'],
    when: {
      request: {
        target: HTTP_ORIGIN_ROLES,
      },
      redirects: { present: true },
    },
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          wpt: 'LayoutTests/imported/w3c/web-platform-tests/fetch/metadata/generated/fetch.sub-expected.txt',
          test: 'sec-fetch-site - HTTPS upgrade, no init',
        },
        {
          wpt: 'LayoutTests/imported/w3c/web-platform-tests/fetch/metadata/generated/fetch.sub-expected.txt',
          test: 'sec-fetch-site - HTTPS downgrade-upgrade, no init',
        },
      ],
      observed:
        'WebKitGTK 2.50.6: a GET (fetch and XHR) or PUT from the http page to its own origin, ' +
        'answered 301 to the https origin, arrives there (GET) or preflights there (PUT) with no ' +
        '`Sec-Fetch-*`; a request made to the https origin directly carries them. Where the ' +
        'redirect drops them was not pinned down: CachedResourceLoader::updateRequestAfterRedirection ' +
        '(WebCore) sets them on the redirected request in the web process, but ' +
        'NetworkLoadChecker::checkRedirection preflights the redirected request in the network ' +
        'process before that',
    },
    replays: [
      '61001:259:1:0:0:0:0:0:0:0:1:1:1:1:4:3:3:3:3:3:3:3',
      '61001:618:0:0:0:0:0:0:0:0:1:1:1:1:4:3:3:3:3:3:3',
      '61001:1319',
      '61001:8055',
    ],
  },
  {
    id: 'redirect-cors-check-with-stored-credentials',
    reason:
      'a same-origin request redirected cross-origin and then back: the cross-origin redirect ' +
      'response is CORS-checked as if credentials were included (the first request used the ' +
      'stored credentials), so without `Access-Control-Allow-Credentials: true` the load ends ' +
      "there and the page origin is never reached; the spec checks it with the request's " +
      'credentials mode (same-origin: not included once tainting is cors)',
    fields: [...OUTCOME_FIELDS, 'actualSent', 'originHeader', 'secFetch'],
    when: {
      request: { mode: ['cors'], credentials: ['same-origin'], target: ['same-origin'] },
      redirects: {
        present: true,
        hops: ['from-page-origin', 'to-page-origin'],
        someHopWithout: ['access-control-allow-credentials'],
      },
    },
    evidence: {
      status: 'evidenced',
      upstream: [
        { bug: 'https://bugs.webkit.org/show_bug.cgi?id=276364' },
        {
          source: 'Source/WebCore/loader/CrossOriginAccessControl.cpp',
          symbol: 'passesAccessControlCheck',
        },
      ],
      observed:
        'WebKitGTK 2.50.6: the journal shows the page-origin hop then the cross-origin hop, never ' +
        'the final URL; the page sees a network error. Reproduced outside the harness (fuzz ' +
        'reproduction format, localhost → 127.0.0.1 → localhost): the same; with ' +
        '`Access-Control-Allow-Credentials: true` on the cross-origin 302, or credentials omit, ' +
        'the final URL is requested with `Origin: null` and the load succeeds',
    },
    rows: ['redirects/back-home-acao-null', 'redirects/back-home-acao-page-origin'],
  },
  {
    ...REDIRECT_WITHOUT_LOCATION_IS_FINAL_IN_ERROR_MODE,
    evidence: {
      status: 'evidenced',
      upstream: [
        { source: NETWORK_DATA_TASK, symbol: 'NetworkDataTaskSoup::shouldStartHTTPRedirection' },
      ],
      observed:
        'WebKitGTK 2.50.6: the 302 without Location reaches the page; so does a 301 or 302 ' +
        'without Location answered by the final URL (same-origin or cross-origin)',
    },
  },
  {
    id: 'stream-request-body-unsupported',
    reason:
      'a ReadableStream request body throws when the Request is built (`NotSupportedError`), ' +
      'where the spec preflights it and fails it on the HTTP/1.1 connection',
    fields: EVERY_FIELD,
    when: { request: { api: ['fetch'], body: ['stream'] } },
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          wpt: 'LayoutTests/imported/w3c/web-platform-tests/fetch/api/basic/request-upload.any-expected.txt',
          test: 'Fetch with POST with ReadableStream containing String',
        },
      ],
      observed: 'WebKitGTK 2.50.6: the Request constructor throws',
    },
    rows: ['simple/post-stream-body'],
    replays: [
      '61001:652:0:1:0:0:2:2:2:4:4:4:4:4:4',
      '61001:988:0:0:0:0:0:0:0:0:0:2:2:2:3:5:4:6:6:6:6:6:6',
    ],
  },
  {
    id: 'delete-redirected-cross-origin-becomes-get',
    reason:
      'a DELETE redirected (any redirect status) to another origin becomes a body-less GET, ' +
      'judged for the preflight as GET; the spec rewrites only POST on 301/302 and other ' +
      'methods on 303',
    fields: [...PREFLIGHT_FIELDS, 'actualSent', 'originHeader', 'secFetch'],
    when: {
      request: { method: ['DELETE'] },
      redirects: { present: true, hops: ['cross-origin'] },
    },
    evidence: {
      status: 'evidenced',
      upstream: [{ source: NETWORK_DATA_TASK, symbol: 'shouldRedirectAsGET' }],
      observed: 'WebKitGTK 2.50.6: DELETE same-origin 307 → cross-origin goes without a preflight',
    },
    rows: ['redirects/delete-307-same-to-cross'],
    replays: ['777:40:2:2:2:2:2:2:4:2:5:4:4:4:8:6:6:6', '20261126:29:2:2:2:2:2:2:3:3:7:6:6:6:6:6'],
  },
  {
    id: 'origin-kept-on-same-origin-redirect-to-get',
    reason:
      'after a redirect that stays on the origin of the URL that answered it rewrites the ' +
      'method to GET (303, or POST on 301/302), the GET keeps the `Origin` of the first ' +
      "request (and a server that echoes the request's Origin answers differently); " +
      'fetch#append-a-request-origin-header adds none to a same-origin GET nor to a no-cors ' +
      'GET (an `Origin: null` from an earlier cross-origin hop or an opaque client included). ' +
      'continueHTTPRedirection clears Origin only when the hop changes origin, whatever the ' +
      "page's origin",
    fields: ['originHeader', 'readableHeaders'],
    when: {
      request: { notMethod: ['GET', 'HEAD'] },
      redirects: { present: true, lastHop: 'same-origin', rewritesToGET: true },
    },
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          wpt: 'LayoutTests/imported/w3c/web-platform-tests/fetch/api/redirect/redirect-origin.any-expected.txt',
          test: '[POST] Redirect 301 Same origin to same origin',
        },
        { source: NETWORK_DATA_TASK, symbol: 'NetworkDataTaskSoup::continueHTTPRedirection' },
      ],
      observed: 'WebKitGTK 2.50.6: the GET at the final URL carries the page origin',
    },
    rows: [
      'redirects/post-303-same-to-same',
      'redirects/xhr-post-301-same-to-same',
      'initiators-other/beacon-no-body-301-same-site-to-same-site',
    ],
    replays: [
      '777:253:0:1:0:0:0:0:0:2:1:2:4:4:4:4:8:6:6:6:0:1:2:2',
      '5150:546:0:0:0:0:0:0:0:0:1:1:1:1:1:5:3:3:3:3:5:5:8:7:7:9:9',
      '9119:1513:0:2:2:2:2:2:2:2:4:4:4:4:6:5:5:5:5:5:5',
      '61001:2009:0:4:4:4:4:4:4:4:6:6:6:8:8:8:8:8:8',
      '61001:7603:0:2:2:2:2:2:4:4:4:7:6:6:6:7:9:8:8:8:8:8:8',
      '72002:5704:0:4:4:4:4:4:4:4:4:4:4:9:7:7:7:7:9:9:9:9:9:9:9',
      '72002:6513:1:1:1:1:1:1:1:1:3:3:3:5:5:5:5:5:5:6:10:9:9:9:9:9:9',
      '72002:8064:0:4:4:4:4:4:4:4:4:4:8:6:6:6:7:7:7:7:7:7:7',
    ],
  },
  {
    id: 'preflight-before-redirect-credentials-check',
    reason:
      'a redirect from the page origin to another origin whose Location has user:pass@ is ' +
      'preflighted before it fails; fetch#http-redirect-fetch step 9 fails it before any request ' +
      'to the new URL',
    fields: [...PREFLIGHT_FIELDS, 'actualSent', 'secFetch'],
    when: {
      request: { mode: ['cors'] },
      redirects: { present: true, userinfo: true, hops: ['from-page-origin'] },
    },
    evidence: {
      status: 'evidenced',
      upstream: [{ source: LOAD_CHECKER, symbol: 'NetworkLoadChecker::checkRedirection' }],
      observed: 'WebKitGTK 2.50.6: an OPTIONS reaches the credentialed cross-origin URL',
    },
    replays: [
      '777:325:0:0:0:0:0:0:1:0:0:0:3:2:3:3:3:3:4:4:3:3:3:3:3:5:5',
      '5150:695:0:0:2:2:2:2:3:3:3:5:5:6:5:5:5:6:7:5:5:5:5:5:5:5',
    ],
  },
  {
    id: 'no-referrer-origin-after-redirect',
    reason:
      'a no-cors POST under referrer policy no-referrer, redirected to another origin, carries ' +
      'the page origin at the new URL where fetch#append-a-request-origin-header step 4 gives `null`',
    fields: ['originHeader'],
    when: {
      request: {
        api: ['fetch'],
        mode: ['no-cors'],
        method: ['POST'],
        referrerPolicy: ['no-referrer'],
      },
      redirects: { present: true, hops: ['cross-origin'] },
    },
    evidence: {
      status: 'unconfirmed',
      observed: 'WebKitGTK 2.50.6: the page origin arrives at the cross-origin hop',
      searched:
        'NetworkDataTaskSoup::continueHTTPRedirection clears Origin on cross-origin hops, so it is ' +
        'set again after the redirect without the referrer policy; where (SubresourceLoader, ' +
        'CachedResourceLoader, NetworkLoadChecker) was not found; WebKit WPT ' +
        'fetch/origin/assorted.window-expected.txt passes its only redirect case',
    },
    rows: ['redirects/no-cors-post-no-referrer-308-cross'],
    replays: ['4242:876:0:0:0:0:0:0:0:1:1:1:5:4:4:4:4:5:4:5:9:8:8:10:10:10:10'],
  },
];

export const WEBKIT_FACTS: EngineFacts = {
  engine: 'webkit',
  profile: {
    ...SPEC,
    name: 'webkit',
    wildcardCoversAuthorization: true,
    rangeUnitCaseInsensitive: true,
    rangePositionLimit: 'int64',
    maxAgeCapSeconds: 600,
    maxAgeParsing: 'signed-integer',
    preflightCacheShape: 'result-per-url',
    cachedWildcardCoversAuthorization: true,
    preflightCacheStoredBeforeChecks: true,
    preflightCacheKeptAfterNetworkError: true,
    redirectPreflightHeaders: 'initial',
    thirdPartyCookies: 'send-only',
  },
  conditions: [],
  knobs: {
    wildcardCoversAuthorization: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            source: 'Source/WebCore/loader/CrossOriginPreflightResultCache.cpp',
            symbol: 'CrossOriginPreflightResultCacheItem::validateCrossOriginHeaders',
          },
        ],
      },
    },
    rangeUnitCaseInsensitive: {
      evidence: {
        status: 'evidenced',
        upstream: [
          { source: 'Source/WebCore/platform/network/HTTPParsers.cpp', symbol: 'parseRange' },
        ],
        observed: 'WebKitGTK 2.50.6: `Range: Bytes=0-` is sent without a preflight',
      },
    },
    rangePositionLimit: {
      evidence: {
        status: 'evidenced',
        upstream: [
          { source: 'Source/WebCore/platform/network/HTTPParsers.cpp', symbol: 'parseRange' },
        ],
        observed: 'WebKitGTK 2.50.6: a Range position of 21 digits is preflighted',
      },
    },
    maxAgeCapSeconds: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            source: 'Source/WebCore/loader/CrossOriginPreflightResultCache.cpp',
            symbol: 'maxPreflightCacheTimeout',
          },
        ],
      },
    },
    maxAgeParsing: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            source: 'Source/WebCore/loader/CrossOriginPreflightResultCache.cpp',
            symbol: 'parseAccessControlMaxAge',
          },
        ],
      },
    },
    preflightCacheShape: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            source: 'Source/WebCore/loader/CrossOriginPreflightResultCache.cpp',
            symbol: 'CrossOriginPreflightResultCache::appendEntry',
          },
          {
            source: 'Source/WebCore/loader/CrossOriginPreflightResultCache.cpp',
            symbol: 'CrossOriginPreflightResultCache::canSkipPreflight',
          },
        ],
      },
    },
    cachedWildcardCoversAuthorization: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            source: 'Source/WebCore/loader/CrossOriginPreflightResultCache.cpp',
            symbol: 'CrossOriginPreflightResultCacheItem::validateCrossOriginHeaders',
          },
        ],
      },
    },
    preflightCacheStoredBeforeChecks: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            source: 'Source/WebCore/loader/CrossOriginAccessControl.cpp',
            symbol: 'validatePreflightResponse',
          },
        ],
      },
    },
    preflightCacheKeptAfterNetworkError: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            source: 'Source/WebCore/loader/CrossOriginAccessControl.cpp',
            symbol: 'validatePreflightResponse',
          },
          {
            source: 'Source/WebCore/loader/CrossOriginPreflightResultCache.cpp',
            symbol: 'CrossOriginPreflightResultCache::canSkipPreflight',
          },
        ],
      },
    },
    redirectPreflightHeaders: {
      evidence: {
        status: 'evidenced',
        upstream: [
          { source: LOAD_CHECKER, symbol: 'NetworkLoadChecker::checkCORSRedirectedRequest' },
          { source: LOAD_CHECKER, symbol: 'NetworkLoadChecker::checkCORSRequestWithPreflight' },
        ],
        observed:
          'WebKitGTK 2.50.6: a JSON POST turned into GET by a 301/302/303, and a request whose ' +
          'Authorization was removed on the cross-origin hop, are preflighted there with the ' +
          'removed header in ACRH',
      },
    },
    thirdPartyCookies: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            source: 'libsoup/cookies/soup-cookie-jar.c',
            symbol: 'incoming_cookie_is_third_party',
          },
        ],
        observed:
          'WebKitGTK 2.50.6: a cookie set by a credentialed cross-site (example.net) response is ' +
          'not stored; cookies set first-party on example.net are sent on a credentialed fetch ' +
          'from example.com; a same-site (sub.example.com) response sets cookies',
      },
    },
  },
  rules: [...RULES, ...WEBKIT_INITIATOR_RULES],
};
