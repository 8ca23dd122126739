// What each initiator makes of answers other than a plain 200: statuses with a null body
// (204, 205, 304), a redirect status without Location (the page gets that response), other
// 2xx statuses, MIME types, a preload answered 404, and redirects to a URL with `user:pass@`.
// Mostly same-origin, so CORS passes and only the initiator's own processing decides; a few
// rows end cross-origin without a CORS settings attribute, where the response is opaque and
// the initiator still takes any ok status.
import type { Scenario } from '../../src/scenario/types.js';

const CLASSIC = 'https://html.spec.whatwg.org/#fetch-a-classic-script';
const MODULE = 'https://html.spec.whatwg.org/#fetch-a-single-module-script';
const WORKER = 'https://html.spec.whatwg.org/#fetch-a-classic-worker-script';
const IMPORTED = 'https://html.spec.whatwg.org/#fetch-a-classic-worker-imported-script';
const IMAGE = 'https://html.spec.whatwg.org/#update-the-image-data';
const STYLE = 'https://html.spec.whatwg.org/#link-type-stylesheet';
const FONT = 'https://drafts.csswg.org/css-fonts/#font-fetching-requirements';
const MEDIA = 'https://html.spec.whatwg.org/#concept-media-load-resource';
const PRELOAD = 'https://html.spec.whatwg.org/#link-type-preload';
const PRELOAD_FETCH = 'https://html.spec.whatwg.org/#preload';
const EVENTSOURCE = 'https://html.spec.whatwg.org/#dom-eventsource';
const BEACON = 'https://w3c.github.io/beacon/#sec-processing-model';
const FORM = 'https://html.spec.whatwg.org/#form-submission-algorithm';
const NULL_BODY = 'https://fetch.spec.whatwg.org/#null-body-status';
const REDIRECT = 'https://fetch.spec.whatwg.org/#concept-http-redirect-fetch';

/** A same-origin redirect whose Location carries `user:pass@`, then a 200. */
const USERINFO_REDIRECT = {
  actual: { status: 200 },
  redirects: [{ status: 302, to: 'same-origin', userinfo: 'user:pass' }],
} satisfies Scenario['server'];

export const INITIATORS_STATUS_SCENARIOS = [
  // A null body: nothing to decode or run. HTML errors on null body bytes for scripts,
  // workers and style sheets; an image without data is broken.
  {
    id: 'initiators-status/script-204-same',
    title: 'classic <script>, same-origin, status 204 (null body): error',
    anchors: [CLASSIC, NULL_BODY],
    request: { api: 'script', target: 'same-origin' },
    server: { actual: { status: 204 } },
  },
  {
    id: 'initiators-status/module-204-same',
    title: '<script type=module>, same-origin, status 204 (null body): error',
    anchors: [MODULE, NULL_BODY],
    request: { api: 'module-script', target: 'same-origin' },
    server: { actual: { status: 204 } },
  },
  {
    id: 'initiators-status/worker-204-same',
    title: 'new Worker(), same-origin, status 204 (null body): error',
    anchors: [WORKER, NULL_BODY],
    request: { api: 'worker', target: 'same-origin' },
    server: { actual: { status: 204 } },
  },
  {
    id: 'initiators-status/importscripts-205-same',
    title: 'importScripts() in a same-origin worker, same-origin, status 205 (null body): throws',
    anchors: [IMPORTED, NULL_BODY],
    request: { api: 'importScripts', target: 'same-origin' },
    server: { actual: { status: 205 } },
  },
  {
    id: 'initiators-status/img-204-same',
    title: '<img>, same-origin, status 204 (null body): no image data, error',
    anchors: [IMAGE, NULL_BODY],
    request: { api: 'img', target: 'same-origin' },
    server: { actual: { status: 204 } },
  },
  {
    id: 'initiators-status/img-407-same',
    title:
      '<img>, same-origin, status 407 from the server itself: a response, the image decodes, load',
    anchors: [IMAGE],
    request: { api: 'img', target: 'same-origin' },
    server: { actual: { status: 407 } },
  },
  {
    id: 'initiators-status/img-205-same',
    title: '<img>, same-origin, status 205 with a body (null body status): no image data, error',
    anchors: [IMAGE, NULL_BODY],
    request: { api: 'img', target: 'same-origin' },
    server: { actual: { status: 205 } },
  },
  {
    id: 'initiators-status/audio-204-same',
    title: '<audio>, same-origin, status 204 (null body): no media data, error',
    anchors: [MEDIA, NULL_BODY],
    request: { api: 'audio', target: 'same-origin' },
    server: { actual: { status: 204 } },
  },
  {
    id: 'initiators-status/audio-204-https-cross',
    title: '<audio>, https cross-site, status 204 (null body): one request, error',
    anchors: [MEDIA, NULL_BODY],
    request: { api: 'audio', target: 'https-cross-origin' },
    server: { actual: { status: 204 } },
  },
  {
    id: 'initiators-status/video-204-anon-https-cross',
    title:
      '<video crossorigin=anonymous>, https cross-site, ACAO origin, status 204: one request, error',
    anchors: [MEDIA, NULL_BODY],
    request: { api: 'video', target: 'https-cross-origin', crossorigin: 'anonymous' },
    server: { actual: { status: 204, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  },
  {
    id: 'initiators-status/stylesheet-204-same',
    title: '<link rel=stylesheet>, same-origin, status 204 (null body): null body bytes, error',
    anchors: [STYLE, NULL_BODY],
    request: { api: 'stylesheet', target: 'same-origin' },
    server: { actual: { status: 204 } },
  },
  // A redirect status without Location is the response the page gets (with the asset as its
  // body): not an ok status, so scripts, sheets and fonts fail; an image still decodes.
  {
    id: 'initiators-status/script-302-no-location-same',
    title: 'classic <script>, same-origin, 302 without Location: not an ok status, error',
    anchors: [CLASSIC, REDIRECT],
    request: { api: 'script', target: 'same-origin' },
    server: { redirects: [{ status: 302, to: 'same-origin', noLocation: true }] },
  },
  {
    id: 'initiators-status/module-302-no-location-same',
    title: '<script type=module>, same-origin, 302 without Location: not an ok status, error',
    anchors: [MODULE, REDIRECT],
    request: { api: 'module-script', target: 'same-origin' },
    server: { redirects: [{ status: 302, to: 'same-origin', noLocation: true }] },
  },
  {
    id: 'initiators-status/stylesheet-303-no-location-same',
    title: '<link rel=stylesheet>, same-origin, 303 without Location: not an ok status, error',
    anchors: [STYLE, REDIRECT],
    request: { api: 'stylesheet', target: 'same-origin' },
    server: { redirects: [{ status: 303, to: 'same-origin', noLocation: true }] },
  },
  {
    id: 'initiators-status/font-face-load-302-same',
    title: 'new FontFace(url).load(), same-origin, final status 302: not an ok status, error',
    anchors: [FONT, REDIRECT],
    request: { api: 'font', variant: 'font-face-load', target: 'same-origin' },
    server: { actual: { status: 302 } },
  },
  {
    id: 'initiators-status/img-307-no-location-same',
    title: '<img>, same-origin, 307 without Location: the image in its body decodes, load',
    anchors: [IMAGE, REDIRECT],
    request: { api: 'img', target: 'same-origin' },
    server: { redirects: [{ status: 307, to: 'same-origin', noLocation: true }] },
  },
  // Media: any ok status with the whole resource verifies; a 3xx that is not followed is not ok.
  {
    id: 'initiators-status/audio-300-same',
    title: '<audio>, same-origin, status 300 (no Location): not an ok status, error',
    anchors: [MEDIA, REDIRECT],
    request: { api: 'audio', target: 'same-origin' },
    server: { actual: { status: 300 } },
  },
  {
    id: 'initiators-status/audio-203-same',
    title: '<audio>, same-origin, status 203: an ok status, load',
    anchors: [MEDIA],
    request: { api: 'audio', target: 'same-origin' },
    server: { actual: { status: 203 } },
  },
  {
    id: 'initiators-status/audio-206-same',
    title: '<audio>, same-origin, status 206 without Content-Range: an ok status, load',
    anchors: [MEDIA],
    request: { api: 'audio', target: 'same-origin' },
    server: { actual: { status: 206 } },
  },
  // Across origins without a CORS settings attribute the response is opaque, and the
  // initiator still takes any ok status.
  {
    id: 'initiators-status/audio-201-cross',
    title: '<audio>, cross-origin without crossorigin, status 201: an ok status, load',
    anchors: [MEDIA],
    request: { api: 'audio', target: 'cross-origin' },
    server: { actual: { status: 201 } },
  },
  {
    id: 'initiators-status/audio-203-cross',
    title: '<audio>, cross-origin without crossorigin, status 203: an ok status, load',
    anchors: [MEDIA],
    request: { api: 'audio', target: 'cross-origin' },
    server: { actual: { status: 203 } },
  },
  {
    id: 'initiators-status/audio-206-cross',
    title: '<audio>, cross-origin without crossorigin, status 206 without Content-Range: load',
    anchors: [MEDIA],
    request: { api: 'audio', target: 'cross-origin' },
    server: { actual: { status: 206 } },
  },
  {
    id: 'initiators-status/img-206-cross',
    title: '<img>, cross-origin without crossorigin, status 206 without Content-Range: load',
    anchors: [IMAGE],
    request: { api: 'img', target: 'cross-origin' },
    server: { actual: { status: 206 } },
  },
  {
    id: 'initiators-status/audio-201-anon-cross-star',
    title: '<audio> crossorigin anonymous, cross-origin, ACAO *, status 201: CORS passes, load',
    anchors: [MEDIA],
    request: { api: 'audio', target: 'cross-origin', crossorigin: 'anonymous' },
    server: { actual: { status: 201, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-status/video-201-cross',
    title: '<video>, cross-origin without crossorigin, status 201: an ok status, load',
    anchors: [MEDIA],
    request: { api: 'video', target: 'cross-origin' },
    server: { actual: { status: 201 } },
  },
  {
    id: 'initiators-status/audio-201-redirect-same-to-cross',
    title: '<audio>, same-origin 302 to cross-origin, status 201: the response is opaque, load',
    anchors: [MEDIA, REDIRECT],
    request: { api: 'audio', target: 'same-origin' },
    server: { actual: { status: 201 }, redirects: [{ status: 302, to: 'cross-origin' }] },
  },
  {
    id: 'initiators-status/img-206-redirect-same-to-cross',
    title: '<img>, same-origin 302 to cross-origin, 206 without Content-Range: opaque, load',
    anchors: [IMAGE, REDIRECT],
    request: { api: 'img', target: 'same-origin' },
    server: { actual: { status: 206 }, redirects: [{ status: 302, to: 'cross-origin' }] },
  },
  {
    id: 'initiators-status/script-206-text-plain-cross',
    title: '<script>, cross-origin without crossorigin, 206 text/plain without Content-Range: runs',
    anchors: [CLASSIC],
    request: { api: 'script', target: 'cross-origin' },
    server: { actual: { status: 206, headers: { 'Content-Type': 'text/plain' } } },
  },
  {
    id: 'initiators-status/script-206-text-plain-redirect-same-to-cross',
    title: '<script>, same-origin 302 to cross-origin, 206 text/plain without Content-Range: runs',
    anchors: [CLASSIC, REDIRECT],
    request: { api: 'script', target: 'same-origin' },
    server: {
      actual: { status: 206, headers: { 'Content-Type': 'text/plain' } },
      redirects: [{ status: 302, to: 'cross-origin' }],
    },
  },
  {
    id: 'initiators-status/img-206-range-cross',
    title: '<img>, cross-origin without crossorigin, 206 with Content-Range from byte 0: load',
    anchors: [IMAGE],
    request: { api: 'img', target: 'cross-origin' },
    server: { actual: { status: 206, headers: { 'Content-Range': 'bytes 0-73/74' } } },
  },
  {
    id: 'initiators-status/img-203-cross',
    title: '<img>, cross-origin without crossorigin, status 203: an ok status, load',
    anchors: [IMAGE],
    request: { api: 'img', target: 'cross-origin' },
    server: { actual: { status: 203 } },
  },
  // The MIME type: module and worker scripts and importScripts need a JavaScript one, a style
  // sheet text/css, EventSource text/event-stream; a classic script takes any.
  {
    id: 'initiators-status/module-worker-text-plain-same',
    title: 'new Worker() type module, same-origin, Content-Type text/plain: not JavaScript, error',
    anchors: [MODULE],
    request: { api: 'module-worker', target: 'same-origin' },
    server: { actual: { status: 200, headers: { 'Content-Type': 'text/plain' } } },
  },
  {
    id: 'initiators-status/worker-text-plain-same',
    title: 'new Worker(), same-origin, Content-Type text/plain: not JavaScript, error',
    anchors: [WORKER],
    request: { api: 'worker', target: 'same-origin' },
    server: { actual: { status: 200, headers: { 'Content-Type': 'text/plain' } } },
  },
  {
    id: 'initiators-status/importscripts-text-plain-same',
    title: 'importScripts(), same-origin, Content-Type text/plain: not JavaScript, throws',
    anchors: [IMPORTED],
    request: { api: 'importScripts', target: 'same-origin' },
    server: { actual: { status: 200, headers: { 'Content-Type': 'text/plain' } } },
  },
  {
    id: 'initiators-status/module-text-plain-same',
    title: '<script type=module>, same-origin, Content-Type text/plain: not JavaScript, error',
    anchors: [MODULE],
    request: { api: 'module-script', target: 'same-origin' },
    server: { actual: { status: 200, headers: { 'Content-Type': 'text/plain' } } },
  },
  {
    id: 'initiators-status/script-text-plain-same',
    title: 'classic <script>, same-origin, Content-Type text/plain: runs',
    anchors: [CLASSIC],
    request: { api: 'script', target: 'same-origin' },
    server: { actual: { status: 200, headers: { 'Content-Type': 'text/plain' } } },
  },
  {
    id: 'initiators-status/stylesheet-text-plain-same',
    title: '<link rel=stylesheet>, same-origin, Content-Type text/plain: not text/css, error',
    anchors: [STYLE],
    request: { api: 'stylesheet', target: 'same-origin' },
    server: { actual: { status: 200, headers: { 'Content-Type': 'text/plain' } } },
  },
  {
    id: 'initiators-status/stylesheet-invalid-content-type-same',
    title: '<link rel=stylesheet>, same-origin, Content-Type "sid=1; Path=/" (no MIME type): error',
    anchors: [STYLE],
    request: { api: 'stylesheet', target: 'same-origin' },
    server: { actual: { status: 200, headers: { 'Content-Type': 'sid=1; Path=/' } } },
  },
  {
    id: 'initiators-status/eventsource-text-plain-same',
    title: 'EventSource, same-origin, Content-Type text/plain: not text/event-stream, error',
    anchors: [EVENTSOURCE],
    request: { api: 'eventsource', target: 'same-origin' },
    server: { actual: { status: 200, headers: { 'Content-Type': 'text/plain' } } },
  },
  // A preload fires error for a network error only.
  {
    id: 'initiators-status/preload-script-404-same',
    title: '<link rel=preload as=script>, same-origin, status 404: a response, load',
    anchors: [PRELOAD],
    request: { api: 'preload', variant: 'script', target: 'same-origin' },
    server: { actual: { status: 404 } },
  },
  {
    id: 'initiators-status/preload-script-300-same',
    title:
      '<link rel=preload as=script>, same-origin, status 300 without Location: a response, load',
    anchors: [PRELOAD, REDIRECT],
    request: { api: 'preload', variant: 'script', target: 'same-origin' },
    server: { actual: { status: 300 } },
  },
  // A null body is the exception: the preload reads the body, and a response without body
  // bytes becomes a network error.
  {
    id: 'initiators-status/preload-image-204-same',
    title: '<link rel=preload as=image>, same-origin, status 204 (null body): error',
    anchors: [PRELOAD, PRELOAD_FETCH, NULL_BODY],
    request: { api: 'preload', variant: 'image', target: 'same-origin' },
    server: { actual: { status: 204 } },
  },
  {
    id: 'initiators-status/preload-image-204-cross',
    title: '<link rel=preload as=image>, cross-origin without crossorigin, status 204: error',
    anchors: [PRELOAD, PRELOAD_FETCH, NULL_BODY],
    request: { api: 'preload', variant: 'image', target: 'cross-origin' },
    server: { actual: { status: 204 } },
  },
  {
    id: 'initiators-status/preload-image-304-redirect-same-to-cross',
    title: '<link rel=preload as=image>, same-origin 302 to cross-origin, status 304: error',
    anchors: [PRELOAD, PRELOAD_FETCH, NULL_BODY, REDIRECT],
    request: { api: 'preload', variant: 'image', target: 'same-origin' },
    server: { actual: { status: 304 }, redirects: [{ status: 302, to: 'cross-origin' }] },
  },
  {
    id: 'initiators-status/preload-fetch-205-same',
    title: '<link rel=preload as=fetch>, same-origin, status 205 (null body): error',
    anchors: [PRELOAD, PRELOAD_FETCH, NULL_BODY],
    request: { api: 'preload', variant: 'fetch', target: 'same-origin' },
    server: { actual: { status: 205 } },
  },
  {
    id: 'initiators-status/preload-fetch-301-no-location-same',
    title: '<link rel=preload as=fetch>, same-origin, 301 without Location: a response, load',
    anchors: [PRELOAD, REDIRECT],
    request: { api: 'preload', variant: 'fetch', target: 'same-origin' },
    server: { redirects: [{ status: 301, to: 'same-origin', noLocation: true }] },
  },
  // A navigation answered 204 or 205 ends without a document; 304 is an ordinary answer.
  {
    id: 'initiators-status/form-get-204-same',
    title: 'form GET into an iframe, same-origin, status 204: no document, no load event',
    anchors: [FORM, 'https://html.spec.whatwg.org/#navigate'],
    request: { api: 'form', method: 'GET', target: 'same-origin' },
    server: { actual: { status: 204 } },
  },
  {
    id: 'initiators-status/form-get-304-same',
    title: 'form GET into an iframe, same-origin, status 304: a document, load',
    anchors: [FORM, 'https://html.spec.whatwg.org/#navigate'],
    request: { api: 'form', method: 'GET', target: 'same-origin' },
    server: { actual: { status: 304 } },
  },
  // A cors-mode CSS image redirected by another origin: the redirect passes the CORS check
  // with the page origin and no credentials flag (credentials mode same-origin), so it is
  // followed; the final answer has no Access-Control-Allow-Origin.
  {
    id: 'initiators-status/css-mask-image-redirect-cross-to-same-acao',
    title:
      'CSS mask-image, cross-site 301 (ACAO = page origin) to the page origin: followed, error',
    anchors: [IMAGE, 'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource', REDIRECT],
    request: { api: 'css-image', variant: 'mask-image', target: 'cross-origin' },
    server: {
      actual: { status: 200 },
      redirects: [
        { status: 301, to: 'same-origin', headers: { 'Access-Control-Allow-Origin': '<origin>' } },
      ],
    },
  },
  // A same-origin redirect to a URL with credentials: allowed outside cors tainting.
  {
    id: 'initiators-status/img-redirect-userinfo-same',
    title: '<img>, same-origin, 302 to itself with user:pass@: followed, load',
    anchors: [IMAGE, REDIRECT],
    request: { api: 'img', target: 'same-origin' },
    server: USERINFO_REDIRECT,
  },
  {
    id: 'initiators-status/eventsource-redirect-userinfo-same',
    title: 'EventSource, same-origin, 302 to itself with user:pass@: followed, open',
    anchors: [EVENTSOURCE, REDIRECT],
    request: { api: 'eventsource', target: 'same-origin' },
    server: USERINFO_REDIRECT,
  },
  {
    id: 'initiators-status/importscripts-redirect-userinfo-same',
    title: 'importScripts(), same-origin, 302 to itself with user:pass@: followed, runs',
    anchors: [IMPORTED, REDIRECT],
    request: { api: 'importScripts', target: 'same-origin' },
    server: USERINFO_REDIRECT,
  },
  {
    id: 'initiators-status/worker-redirect-userinfo-same',
    title: 'new Worker(), same-origin, 302 to itself with user:pass@: followed, runs',
    anchors: [WORKER, REDIRECT],
    request: { api: 'worker', target: 'same-origin' },
    server: USERINFO_REDIRECT,
  },
  {
    id: 'initiators-status/beacon-redirect-userinfo-same',
    title: 'sendBeacon, same-origin, 307 to itself with user:pass@: followed',
    anchors: [BEACON, REDIRECT],
    request: { api: 'beacon', target: 'same-origin', body: 'a=1' },
    server: {
      actual: { status: 200 },
      redirects: [{ status: 307, to: 'same-origin', userinfo: 'user:pass' }],
    },
  },
  {
    id: 'initiators-status/form-get-redirect-userinfo-same',
    title: 'form GET into an iframe, same-origin, 302 to itself with user:pass@: navigates',
    anchors: [FORM, REDIRECT],
    request: { api: 'form', method: 'GET', target: 'same-origin' },
    server: USERINFO_REDIRECT,
  },
] satisfies Scenario[];
