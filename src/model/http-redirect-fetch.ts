// HTTP-redirect fetch: following a redirect re-enters main
// fetch for the new URL, which re-decides tainting, the preflight and the CORS check.
import { currentURL, failWith, note } from './fetch-params.js';
import type { FetchParams, FetchResponse, ModelResponse } from './fetch-params.js';
import { headerListDelete } from './header-list.js';
import { mainFetch } from './main-fetch.js';
import { isSameOrigin, originOfURL } from './origin.js';
import { isCORSNonWildcardRequestHeaderName, isRequestBodyHeaderName } from './request-headers.js';
import { fail } from './result.js';

const ALGORITHM = 'concept-http-redirect-fetch';

/** The redirect limit: the 21st redirect fails. */
export const REDIRECT_LIMIT = 20;

// https://fetch.spec.whatwg.org/#concept-response-location-url
/** The response's location URL: null (no Location), failure, or the parsed URL. */
export function locationURL(response: ModelResponse, requestURL: string): URL | null | 'failure' {
  // 1. Not a redirect status: null (the caller only asks for redirects).
  // 2. Extract `Location` as a single value (repeats are a failure).
  const extracted = extractLocation(response);
  if (extracted === null) return null;
  if (extracted === 'failure') return 'failure';
  // 3. Parse it against the response's URL.
  let location: URL;
  try {
    location = new URL(
      extracted.value,
      response.urlList[response.urlList.length - 1] ?? requestURL,
    );
  } catch {
    return 'failure';
  }
  // 4. Inherit the request's fragment when the location has none.
  if (location.hash === '') location.hash = new URL(requestURL).hash;
  return location;
}

/** `Location` as one value; several lines cannot be one URI-reference, so they fail. */
function extractLocation(response: ModelResponse): { value: string } | null | 'failure' {
  const lines = response.headers.filter(([n]) => n.toLowerCase() === 'location');
  if (lines.length === 0) return null;
  // `Location` is a single URI-reference: several lines (or a list) cannot be one value.
  if (lines.length > 1 || lines[0] === undefined) return 'failure';
  return { value: lines[0][1] };
}

// https://fetch.spec.whatwg.org/#concept-http-redirect-fetch
export function httpRedirectFetch(fp: FetchParams, response: ModelResponse): FetchResponse {
  // 1-2. request, internal response.
  const request = fp.request;
  const from = currentURL(request);
  // 3. The location URL, with the current URL's fragment.
  const location = locationURL(response, from);
  // 4. No Location: this response is the final one.
  if (location === null) {
    note(
      fp,
      ALGORITHM,
      4,
      `the ${response.status} from ${from} has no Location: it is the final response`,
    );
    return response;
  }
  // 5. An unparsable Location: network error.
  if (location === 'failure')
    return failWith(
      fp,
      fail(ALGORITHM, 5, `the Location of the ${response.status} from ${from} is not a URL`),
    );
  // 6. Only HTTP(S) locations.
  if (location.protocol !== 'http:' && location.protocol !== 'https:')
    return failWith(fp, fail(ALGORITHM, 6, `Location ${location.href} is not an HTTP(S) URL`));
  // 7-8. At most 20 redirects.
  if (request.redirectCount === REDIRECT_LIMIT)
    return failWith(fp, fail(ALGORITHM, 7, `redirect count is already ${REDIRECT_LIMIT}`));
  request.redirectCount += 1;
  const withCredentials = location.username !== '' || location.password !== '';
  const locationOrigin = originOfURL(location.href);
  // 9. cors mode: a location with credentials on another origin than the request's fails.
  if (request.mode === 'cors' && withCredentials && !isSameOrigin(request.origin, locationOrigin))
    return failWith(
      fp,
      fail(ALGORITHM, 9, `Location ${location.href} includes credentials and is cross-origin`),
    );
  // 10. cors tainting: a location with credentials fails whatever its origin.
  if (request.responseTainting === 'cors' && withCredentials)
    return failWith(
      fp,
      fail(
        ALGORITHM,
        10,
        `Location ${location.href} includes credentials and the response tainting is cors`,
      ),
    );
  // 11. A body that cannot be re-extracted (a stream), unless the status is 303.
  if (response.status !== 303 && request.body !== null && request.body.stream)
    return failWith(fp, fail(ALGORITHM, 11, `a ${response.status} cannot replay a stream body`));
  // 12. 301/302 with POST, or 303 with a method other than GET/HEAD: becomes a body-less GET
  //     and the request-body headers go.
  if (
    ((response.status === 301 || response.status === 302) && request.method === 'POST') ||
    (response.status === 303 && request.method !== 'GET' && request.method !== 'HEAD')
  ) {
    note(
      fp,
      ALGORITHM,
      12,
      `${response.status}: \`${request.method}\` becomes \`GET\` without a body; request-body headers removed`,
    );
    request.method = 'GET';
    request.body = null;
    for (const [name] of request.headerList)
      if (isRequestBodyHeaderName(name))
        request.headerList = headerListDelete(request.headerList, name);
  }
  // 13. A cross-origin hop removes CORS non-wildcard request-headers (Authorization).
  if (!isSameOrigin(originOfURL(from), locationOrigin)) {
    for (const [name] of request.headerList) {
      if (!isCORSNonWildcardRequestHeaderName(name)) continue;
      note(fp, ALGORITHM, 13, `cross-origin redirect to ${location.origin}: \`${name}\` removed`);
      request.headerList = headerListDelete(request.headerList, name);
    }
  }
  // 14. The body is re-extracted from its source (nothing to model).
  // 15-17. Timing: not observed.
  // 18. Append the location to the URL list.
  request.urlList.push(location.href);
  note(fp, ALGORITHM, 18, `following the ${response.status} from ${from} to ${location.href}`);
  // 19. Referrer policy from the response: not modelled.
  // 20-22. Main fetch again, recursively (redirect mode manual cannot get here).
  return mainFetch(fp, true);
}
