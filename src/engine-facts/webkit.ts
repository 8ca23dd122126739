// WebKit (WebKitGTK; its network layer is libsoup): where it departs from the Fetch Standard,
// as profile knobs (the model computes them) and deviation rules (it cannot), each with
// evidence. Paths are in WebKit's repository unless they name libsoup.
import { SPEC } from '../model/spec-profile.js';
import type { EngineFacts } from './types.js';

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
    thirdPartyCookies: 'send-only',
  },
  conditions: [],
  knobs: {
    thirdPartyCookies: {
      evidence: {
        status: 'unconfirmed',
        observed:
          'WebKitGTK 2.50.6: a cookie set by a credentialed cross-site (example.net) fetch response ' +
          'is not stored; cookies set first-party on example.net are sent on a credentialed fetch ' +
          'from example.com; same-site (sub.example.com) responses set cookies',
        searched: 'libsoup soup-cookie-jar.c (SOUP_COOKIE_JAR_ACCEPT_NO_THIRD_PARTY)',
      },
    },
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
        observed: 'WebKitGTK 2.50: `Range: Bytes=0-` is sent without a preflight',
      },
    },
    rangePositionLimit: {
      evidence: {
        status: 'evidenced',
        upstream: [
          { source: 'Source/WebCore/platform/network/HTTPParsers.cpp', symbol: 'parseRange' },
        ],
        observed: 'WebKitGTK 2.50: a Range position above 2^64 is preflighted',
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
        ],
      },
    },
  },
  rules: [],
};
