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
  'Initiators: images and media',
  'Initiators: scripts',
  'Initiators: style sheets and fonts',
  'Initiators: workers',
  'Initiators: EventSource, beacons, keepalive, preload, forms, WebSocket',
];

const HTML = 'https://html.spec.whatwg.org/#';
const OTHER_INITIATORS = 'Initiators: EventSource, beacons, keepalive, preload, forms, WebSocket';

/** Initiator scenarios cite their algorithm by full URL first; each family is a section. */
const INITIATOR_SECTION_OF: Record<string, string> = {
  [`${HTML}update-the-image-data`]: 'Initiators: images and media',
  'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource': 'Initiators: images and media',
  'https://drafts.fxtf.org/css-masking/#the-mask-image': 'Initiators: images and media',
  [`${HTML}concept-media-load-resource`]: 'Initiators: images and media',
  [`${HTML}fetch-a-classic-script`]: 'Initiators: scripts',
  [`${HTML}fetch-a-single-module-script`]: 'Initiators: scripts',
  [`${HTML}fetch-a-classic-worker-imported-script`]: 'Initiators: scripts',
  [`${HTML}link-type-stylesheet`]: 'Initiators: style sheets and fonts',
  'https://drafts.csswg.org/css-fonts/#font-fetching-requirements':
    'Initiators: style sheets and fonts',
  [`${HTML}fetch-a-classic-worker-script`]: 'Initiators: workers',
  [`${HTML}dom-worker`]: 'Initiators: workers',
  [`${HTML}dom-eventsource`]: OTHER_INITIATORS,
  'https://w3c.github.io/beacon/#sec-processing-model': OTHER_INITIATORS,
  'https://fetch.spec.whatwg.org/#request-keepalive-flag': OTHER_INITIATORS,
  [`${HTML}link-type-preload`]: OTHER_INITIATORS,
  [`${HTML}form-submission-algorithm`]: OTHER_INITIATORS,
  'https://fetch.spec.whatwg.org/#websocket-opening-handshake': OTHER_INITIATORS,
};

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
  const initiator = INITIATOR_SECTION_OF[first];
  if (initiator !== undefined) return initiator;
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
