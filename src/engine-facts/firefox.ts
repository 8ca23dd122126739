// Firefox: where it departs from the Fetch Standard, as profile knobs (the model computes
// them) and deviation rules (it cannot), each with evidence. Paths are in mozilla-central.
import { SPEC } from '../model/spec-profile.js';
import type { EngineFacts } from './types.js';

export const FIREFOX_FACTS: EngineFacts = {
  engine: 'firefox',
  profile: {
    ...SPEC,
    name: 'firefox',
    wildcardCoversAuthorization: true,
    nonASCIIByteIsCORSUnsafe: true,
    rangePositionLimit: 'uint64',
    maxAgeCapSeconds: 86400,
    maxAgeParsing: 'digits-else-uncached',
    preflightCacheShape: 'tokens-per-url-and-credentials',
    preflightCacheBypassModes: ['no-store', 'reload'],
    sameSiteNoneRequiresSecure: true,
    thirdPartyCookies: 'partition',
  },
  conditions: [],
  knobs: {
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
            test: 'network.cors_preflight.authorization_covered_by_wildcard',
          },
        ],
      },
    },
    nonASCIIByteIsCORSUnsafe: {
      evidence: {
        status: 'unconfirmed',
        observed: 'Firefox 153: `Accept: a\\x80` is preflighted with ACRH `accept`',
        searched: 'dom/base/nsContentUtils.cpp IsAllowedNonCorsAccept',
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
        observed: 'Firefox 153: a Range position above 2^64 is preflighted',
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
          { source: 'netwerk/protocol/http/nsCORSListenerProxy.cpp', symbol: 'nsPreflightCache' },
        ],
      },
    },
    preflightCacheBypassModes: {
      evidence: {
        status: 'unconfirmed',
        observed: 'Firefox 153: no-store and reload requests are preflighted again, no-cache not',
        searched: 'nsCORSListenerProxy.cpp LOAD_BYPASS_CACHE',
      },
    },
    sameSiteNoneRequiresSecure: {
      evidence: {
        status: 'unconfirmed',
        observed: 'Firefox 153: a SameSite=None cookie without Secure is not stored',
        searched: 'pref network.cookie.sameSite.noneRequiresSecure',
      },
    },
    thirdPartyCookies: {
      evidence: {
        status: 'unconfirmed',
        observed:
          'Firefox 153: cookies set first-party on the cross-site host are not sent on a fetch from the page',
        searched:
          'pref network.cookie.cookieBehavior (5, BEHAVIOR_REJECT_TRACKER_AND_PARTITION_FOREIGN)',
      },
    },
  },
  rules: [],
};
