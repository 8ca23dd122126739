// Spec sections for the conformance matrix: a scenario belongs to the section of its first
// anchor. Anchors not listed here get the model's readable algorithm name.
import { algorithmName } from '../model/explain.js';

/** Section names in the order the matrix lists them. */
export const SECTION_ORDER: readonly string[] = [
  'Methods',
  'Request headers',
  'Request bodies',
  'Request origin',
  'CORS-preflight fetch',
  'CORS-preflight cache',
  'CORS check',
  'Credentials',
  'Response headers and filtering',
  'Redirects',
  'Request modes',
  'XMLHttpRequest',
  'Fetch algorithms',
];

const SECTION_OF: Record<string, string> = {
  'cors-safelisted-method': 'Methods',
  'forbidden-method': 'Methods',
  'concept-method-normalize': 'Methods',
  'concept-method': 'Methods',
  'cors-safelisted-request-header': 'Request headers',
  'cors-unsafe-request-header-names': 'Request headers',
  'forbidden-request-header': 'Request headers',
  'forbidden-header-name': 'Request headers',
  'no-cors-safelisted-request-header': 'Request headers',
  'headers-validate': 'Request headers',
  'concept-headers-append': 'Request headers',
  'bodyinit-unions': 'Request bodies',
  'concept-bodyinit-extract': 'Request bodies',
  'serializing-a-request-origin': 'Request origin',
  'ascii-serialisation-of-an-origin': 'Request origin',
  'append-a-request-origin-header': 'Request origin',
  'same-origin': 'Request origin',
  'same-site': 'Request origin',
  'cors-preflight-fetch': 'CORS-preflight fetch',
  'cors-preflight-fetch-0': 'CORS-preflight fetch',
  'ok-status': 'CORS-preflight fetch',
  'http-access-control-allow-methods': 'CORS-preflight fetch',
  'http-access-control-allow-headers': 'CORS-preflight fetch',
  'http-access-control-request-method': 'CORS-preflight fetch',
  'http-access-control-request-headers': 'CORS-preflight fetch',
  'cors-preflight-cache': 'CORS-preflight cache',
  'concept-cache-match': 'CORS-preflight cache',
  'concept-cache-create-entry': 'CORS-preflight cache',
  'concept-cache-clear': 'CORS-preflight cache',
  'http-access-control-max-age': 'CORS-preflight cache',
  'concept-cors-check': 'CORS check',
  'cors-check': 'CORS check',
  'http-access-control-allow-origin': 'CORS check',
  'http-access-control-allow-credentials': 'CORS check',
  'concept-request-credentials-mode': 'Credentials',
  'include-credentials': 'Credentials',
  'cors-safelisted-response-header-name': 'Response headers and filtering',
  'concept-response-cors-exposed-header-name-list': 'Response headers and filtering',
  'http-access-control-expose-headers': 'Response headers and filtering',
  'concept-filtered-response-cors': 'Response headers and filtering',
  'concept-filtered-response-basic': 'Response headers and filtering',
  'concept-filtered-response-opaque': 'Response headers and filtering',
  'concept-filtered-response-opaque-redirect': 'Response headers and filtering',
  'http-redirect-fetch': 'Redirects',
  'concept-http-redirect-fetch': 'Redirects',
  'redirect-status': 'Redirects',
  'concept-request-redirect-mode': 'Redirects',
  'concept-request-mode': 'Request modes',
  'concept-main-fetch': 'Fetch algorithms',
  'main-fetch': 'Fetch algorithms',
  'concept-fetch': 'Fetch algorithms',
  'concept-http-fetch': 'Fetch algorithms',
  'http-fetch': 'Fetch algorithms',
  'concept-http-network-or-cache-fetch': 'Fetch algorithms',
  'http-network-or-cache-fetch': 'Fetch algorithms',
  'dom-request': 'Fetch algorithms',
  'dom-global-fetch': 'Fetch algorithms',
};

/** The matrix row of a scenario: the section of its first anchor (`(no anchor)` without one). */
export function sectionOf(anchors: readonly string[] | undefined): string {
  const first = anchors?.[0];
  if (first === undefined) return '(no anchor)';
  if (/^dom-xmlhttprequest|^the-send/.test(first)) return 'XMLHttpRequest';
  return SECTION_OF[first] ?? algorithmName(first);
}

/** Sections sorted: the known ones in SECTION_ORDER, then the rest alphabetically. */
export function sortSections(names: Iterable<string>): string[] {
  const rank = (s: string): number => {
    const i = SECTION_ORDER.indexOf(s);
    return i === -1 ? SECTION_ORDER.length : i;
  };
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
