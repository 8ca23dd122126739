// Firefox: where it departs from the Fetch Standard, as profile knobs (the model computes
// them) and deviation rules (it cannot), each with evidence. Source paths are in
// mozilla-central (gecko-dev).
import { SPEC } from '../model/spec-profile.js';
import { FIREFOX_INITIATOR_RULES } from './initiator-rules.js';
import { CONDITIONAL_REQUEST_HEADER_PREFLIGHT_NOT_CACHED } from './shared-rules.js';
import { EVERY_FIELD, OUTCOME_FIELDS, PREFLIGHT_FIELDS } from './types.js';
import type { DeviationRule, EngineFacts } from './types.js';

const RULES: readonly DeviationRule[] = [
  {
    id: 'repeated-content-type-unsafe',
    reason:
      'Content-Type set twice (one combined value such as `text/plain;charset=UTF-8, ' +
      "text/plain;charset=UTF-8`) is CORS-unsafe, where the spec's MIME type parser reads the " +
      'combined value as text/plain with a parameter, a safelisted Content-Type',
    fields: [...PREFLIGHT_FIELDS, 'actualSent', ...OUTCOME_FIELDS, 'secFetch'],
    when: { request: { headers: [{ names: ['content-type'], laterLine: true }] } },
    evidence: {
      status: 'unconfirmed',
      observed:
        'Firefox 153: fetch() and XHR with Content-Type text/plain;charset=UTF-8 (or ' +
        'multipart/form-data; boundary=x) twice are preflighted with ACRH content-type',
      searched:
        'not looked up yet: how dom/base/nsContentUtils.cpp IsAllowedNonCorsContentType parses a ' +
        'value with a comma',
    },
    rows: ['preflight-triggers/content-type-text-plain-twice'],
    replays: [
      '5150:1619:0:2:2:2:0:0:0:0:0:0:0:0:1:1:0:0:0:3:3:3',
      '5150:437:0:0:0:0:0:0:0:0:6:4:4:4:3:3:3:3:3:3:3:3',
    ],
  },
  {
    id: 'stream-request-body-unsupported',
    reason:
      'a ReadableStream request body is not supported: the request goes out without the ' +
      'preflight the stream sets (fetch#dom-request) and is not refused on HTTP/1.1 ' +
      '(fetch#concept-http-network-fetch)',
    fields: EVERY_FIELD,
    when: { request: { api: ['fetch'], body: ['stream'] } },
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          wpt: 'testing/web-platform/meta/fetch/api/basic/request-upload.any.js.ini',
          test: "Streaming upload shouldn't work on Http/1.1.",
        },
      ],
      observed: 'Firefox 153: a POST with a stream body is sent without a preflight',
    },
    rows: ['simple/post-stream-body'],
  },
  {
    ...CONDITIONAL_REQUEST_HEADER_PREFLIGHT_NOT_CACHED,
    reason:
      'a request carrying If-Modified-Since, If-None-Match, If-Unmodified-Since, If-Match or ' +
      'If-Range with cache mode default has its own cache mode turned to no-store, which skips ' +
      'the preflight cache, so the same request again is preflighted again; ' +
      "fetch#http-network-or-cache-fetch turns only the HTTP-cache copy's mode to no-store, " +
      'after the preflight, and the CORS-preflight cache does not look at cache modes',
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          source: 'dom/fetch/InternalRequest.cpp',
          symbol: 'InternalRequest::MaybeSkipCacheIfPerformingRevalidation',
        },
      ],
      observed:
        'Firefox 153: a GET with If-None-Match or If-Modified-Since, preflight allowed with ' +
        'max-age 60, is preflighted again the second time; with X-Custom, or with cache ' +
        'force-cache, it is not',
    },
  },
];

export const FIREFOX_FACTS: EngineFacts = {
  engine: 'firefox',
  profile: {
    ...SPEC,
    name: 'firefox',
    wildcardCoversAuthorization: true,
    emptyRepeatedResponseHeaderLinesIgnored: true,
    exactlySpelledRepeatedACAOFails: true,
    nonASCIIByteIsCORSUnsafe: true,
    rangePositionLimit: 'uint64',
    maxAgeCapSeconds: 86400,
    maxAgeParsing: 'digits-else-uncached',
    preflightCacheShape: 'tokens-per-url-and-credentials',
    preflightCacheBypassModes: ['no-store', 'reload'],
    redirectPreflightHeaders: 'initial-decides',
    sameSiteNoneRequiresSecure: true,
    thirdPartyCookies: 'partition',
  },
  conditions: [],
  knobs: {
    emptyRepeatedResponseHeaderLinesIgnored: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            source: 'netwerk/protocol/http/nsHttpHeaderArray.h',
            symbol:
              'nsHttpHeaderArray::MergeHeader: merging an empty value into a header already received is a no-op',
          },
        ],
        observed:
          'Firefox 153 (firefox-esr, default prefs, outside the harness too): a preflight ' +
          'answered with `access-control-allow-origin: <origin>` and an empty ' +
          '`access-control-allow-origin:` line passes and the PUT is sent (fuzz 127007:6678; ' +
          'rows cors-check/acao-origin-then-empty-line-lowercase, ' +
          'cors-check/acao-origin-then-empty-line-mixed-case, ' +
          'cors-check/credentials-acac-true-then-empty-line, ' +
          'preflight-response/acao-origin-then-empty-line-lowercase)',
      },
    },
    exactlySpelledRepeatedACAOFails: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            source: 'netwerk/protocol/http/nsCORSListenerProxy.cpp',
            symbol:
              'CheckOriginHeader::VisitHeader (EqualsLiteral("Access-Control-Allow-Origin") over the original response headers, more than one fails), used by nsCORSListenerProxy::CheckRequestApproved',
          },
        ],
        observed:
          'Firefox 153: the same two lines spelled `Access-Control-Allow-Origin` fail ' +
          '(rows cors-check/acao-origin-then-empty-line, cors-check/acao-empty-line-then-origin)',
      },
    },
    wildcardCoversAuthorization: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            source: 'netwerk/protocol/http/nsCORSListenerProxy.cpp',
            symbol: 'nsCORSPreflightListener::CheckPreflightRequestApproved',
          },
          {
            wpt: 'testing/web-platform/meta/fetch/api/cors/cors-preflight-star.any.js.ini',
            test: 'prefs: [network.cors_preflight.authorization_covered_by_wildcard:false] (the spec behaviour needs the pref off)',
          },
        ],
      },
    },
    nonASCIIByteIsCORSUnsafe: {
      evidence: {
        status: 'unconfirmed',
        observed:
          'Firefox 153: `Accept` values with a byte 0x80, 0xE9 or 0xFF are preflighted with ACRH ' +
          'accept (rows preflight-triggers/accept-byte-*-safe)',
        searched:
          'dom/base/nsContentUtils.h declares IsAllowedNonCorsAccept and ' +
          'IsCorsUnsafeRequestHeaderValue; their bodies in nsContentUtils.cpp lie beyond what the ' +
          'code index holds of that file; no Gecko WPT meta lists a byte >= 0x80 case',
      },
    },
    rangePositionLimit: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            source: 'dom/base/nsContentUtils.h',
            symbol: 'nsContentUtils::ParseSingleRangeRequest',
          },
        ],
        observed: 'Firefox 153: a Range position of 21 digits is preflighted',
      },
    },
    maxAgeParsing: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            source: 'netwerk/protocol/http/nsCORSListenerProxy.cpp',
            symbol: 'nsCORSPreflightListener::AddResultToCache',
          },
        ],
      },
    },
    preflightCacheShape: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            source: 'netwerk/protocol/http/nsCORSListenerProxy.cpp',
            symbol: 'nsPreflightCache::GetEntry',
          },
          {
            source: 'netwerk/protocol/http/nsCORSListenerProxy.cpp',
            symbol: 'nsPreflightCache::CacheEntry::CheckRequest',
          },
        ],
      },
    },
    preflightCacheBypassModes: {
      evidence: {
        status: 'unconfirmed',
        observed:
          'Firefox 153: a follow-up with cache no-store or reload is preflighted again, no-cache ' +
          'and force-cache are not (rows preflight-cache/cache-mode-*)',
        searched:
          'nsCORSListenerProxy.cpp (LOAD_BYPASS_CACHE skips the preflight cache) and ' +
          'dom/fetch/FetchDriver.cpp (the cache-mode to load-flag mapping was not read)',
      },
    },
    redirectPreflightHeaders: {
      evidence: {
        status: 'evidenced',
        upstream: [
          { source: 'dom/fetch/FetchDriver.cpp', symbol: 'FetchDriver::HttpFetch' },
          {
            source: 'netwerk/protocol/http/HttpBaseChannel.cpp',
            symbol: 'HttpBaseChannel::SetupReplacementChannel',
          },
          { bug: 'https://bugzilla.mozilla.org/show_bug.cgi?id=1802086' },
        ],
        observed:
          'Firefox 153: a JSON POST turned into GET by a 301/302/303 (fetch and XHR), and a GET ' +
          'whose Authorization was removed on the cross-origin hop, are preflighted there with ' +
          'ACRM GET and no ACRH',
      },
    },
    sameSiteNoneRequiresSecure: {
      evidence: {
        status: 'evidenced',
        upstream: [{ bug: 'https://bugzilla.mozilla.org/show_bug.cgi?id=1909673' }],
        observed: 'Firefox 153: a SameSite=None cookie without Secure is not stored',
      },
    },
    thirdPartyCookies: {
      evidence: {
        status: 'evidenced',
        upstream: [{ bug: 'https://bugzilla.mozilla.org/show_bug.cgi?id=1731713' }],
        observed:
          'Firefox 153: cookies set first-party on the cross-site host are not sent on a fetch ' +
          'from the page; cookies a cross-site response sets are sent back in that context ' +
          '(Total Cookie Protection: network.cookie.cookieBehavior 5, partition foreign, the ' +
          'default since the rollout that bug tracks)',
      },
    },
  },
  rules: [...RULES, ...FIREFOX_INITIATOR_RULES],
};
