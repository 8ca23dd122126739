// The CORS check (https://fetch.spec.whatwg.org/#concept-cors-check): does a response share itself with the request's origin?
import type { CredentialsMode, HeaderList } from '../scenario/types.js';
import { fail, PASS, type Check } from './result.js';
import type { EngineProfile } from './engine-profile.js';
import type { ModelRequest, ModelResponse } from './fetch-params.js';
import { headerListGet } from './header-list.js';
import { byteSerializingARequestOrigin } from './origin.js';

const ALGORITHM = 'concept-cors-check';

/**
 * `serializedOrigin` is the byte-serialized request origin (`null` when tainted or opaque).
 * `responseHeaders` are as HTTP parsing leaves them (surrounding whitespace removed).
 */
// https://fetch.spec.whatwg.org/#concept-cors-check
export function corsCheck(
  request: { credentialsMode: CredentialsMode; serializedOrigin: string },
  responseHeaders: HeaderList,
  exactlySpelledLines?: HeaderList,
): Check {
  // (engine knob exactlySpelledRepeatedACAOFails) the response's lines as sent are given: more
  // than one spelled exactly `Access-Control-Allow-Origin` fails before step 1.
  const exact = (exactlySpelledLines ?? []).filter(([n]) => n === 'Access-Control-Allow-Origin');
  if (exact.length > 1) {
    return fail(
      ALGORITHM,
      1,
      `${exact.length} lines spelled exactly Access-Control-Allow-Origin: refused before they are combined`,
    );
  }
  // 1. Get Access-Control-Allow-Origin (several lines join with `, `).
  const origin = headerListGet(responseHeaders, 'Access-Control-Allow-Origin');
  // 2. Absent: failure.
  if (origin === null) {
    return fail(ALGORITHM, 2, 'the response has no Access-Control-Allow-Origin header');
  }
  // 3. `*` without credentials: success.
  if (request.credentialsMode !== 'include' && origin === '*') return PASS;
  // 4. Otherwise it must be byte-identical to the serialized request origin.
  if (origin !== request.serializedOrigin) {
    const why =
      origin === '*'
        ? 'is `*`, which never matches when credentials mode is include'
        : `is ${JSON.stringify(origin)}, not byte-identical to the request origin ${JSON.stringify(request.serializedOrigin)}`;
    return fail(ALGORITHM, 4, `Access-Control-Allow-Origin ${why}`);
  }
  // 5. Without credentials that is enough.
  if (request.credentialsMode !== 'include') return PASS;
  // 6. Get Access-Control-Allow-Credentials.
  const credentials = headerListGet(responseHeaders, 'Access-Control-Allow-Credentials');
  // 7. Exactly `true`: success.
  if (credentials === 'true') return PASS;
  // 8. Anything else: failure.
  return fail(
    ALGORITHM,
    8,
    credentials === null
      ? 'credentials mode is include and the response has no Access-Control-Allow-Credentials header'
      : `credentials mode is include and Access-Control-Allow-Credentials is ${JSON.stringify(credentials)}, not exactly "true"`,
  );
}

/**
 * The CORS check as fetch runs it on a response: the request's origin byte-serialized, and,
 * for an engine with the knob exactlySpelledRepeatedACAOFails, the lines as sent.
 */
export function corsCheckOf(
  request: ModelRequest,
  response: ModelResponse,
  profile: EngineProfile,
): Check {
  return corsCheck(
    {
      credentialsMode: request.credentialsMode,
      serializedOrigin: byteSerializingARequestOrigin(request.origin, request.urlList),
    },
    response.headers,
    profile.exactlySpelledRepeatedACAOFails
      ? (response.linesAsSent ?? response.headers)
      : undefined,
  );
}
