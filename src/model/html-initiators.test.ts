import { expect, test } from '@playwright/test';
import { INITIATORS_IMAGE_SCENARIOS } from '../../suites/initiators-image/initiators-image.scenarios.js';
import { INITIATORS_OTHER_SCENARIOS } from '../../suites/initiators-other/initiators-other.scenarios.js';
import { INITIATORS_SCRIPT_SCENARIOS } from '../../suites/initiators-script/initiators-script.scenarios.js';
import { INITIATORS_STATUS_SCENARIOS } from '../../suites/initiators-status/initiators-status.scenarios.js';
import { INITIATORS_STYLE_FONT_SCENARIOS } from '../../suites/initiators-style-font/initiators-style-font.scenarios.js';
import { INITIATORS_WORKER_SCENARIOS } from '../../suites/initiators-worker/initiators-worker.scenarios.js';
import { CHROMIUM, FIREFOX, WEBKIT } from '../engine-facts/index.js';
import { sectionOf } from '../report/sections.js';
import { isInitiatorApi, type Scenario } from '../scenario/types.js';
import { parseScenario } from '../scenario/validate.js';
import { explainPrediction } from './explain.js';
import { isPotentiallyTrustworthyURL, setSite } from './fetch-metadata.js';
import { newRequest, type ModelRequest } from './fetch-params.js';
import {
  corsSettingsAttributeCredentialsMode,
  createAPotentialCORSRequest,
} from './html-initiators.js';
import { parseSerializedOrigin } from './origin.js';
import { predict } from './predict.js';
import { SPEC } from './spec-profile.js';

const TABLES: Record<string, readonly Scenario[]> = {
  'initiators-image': INITIATORS_IMAGE_SCENARIOS,
  'initiators-script': INITIATORS_SCRIPT_SCENARIOS,
  'initiators-style-font': INITIATORS_STYLE_FONT_SCENARIOS,
  'initiators-worker': INITIATORS_WORKER_SCENARIOS,
  'initiators-other': INITIATORS_OTHER_SCENARIOS,
  'initiators-status': INITIATORS_STATUS_SCENARIOS,
};
const ALL = Object.values(TABLES).flat();

function one(id: string): Scenario {
  const s = ALL.find((x) => x.id === id);
  if (s === undefined) throw new Error(`no scenario ${id}`);
  return s;
}

test.describe('the initiator suite tables', () => {
  test('more than 200 scenarios, ids unique and under their suite, every one valid', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(200);
    expect(new Set(ALL.map((s) => s.id)).size).toBe(ALL.length);
    for (const [suite, rows] of Object.entries(TABLES)) {
      for (const s of rows) {
        expect(s.id?.startsWith(`${suite}/`), s.id).toBe(true);
        expect(() => parseScenario(s), s.id).not.toThrow();
      }
    }
  });

  test('predict gives an initiator block for every row in every profile', () => {
    for (const engine of [SPEC, CHROMIUM, FIREFOX, WEBKIT]) {
      for (const s of ALL) {
        const p = predict(s, { engine });
        expect(p.initiator, `${engine.name} ${String(s.id)}`).toBeDefined();
        expect(isInitiatorApi(s.request.api)).toBe(true);
      }
    }
  });

  test('every row has a matrix section of its initiator family', () => {
    for (const s of ALL) expect(sectionOf(s.anchors), s.id).toMatch(/^Initiators: /);
  });

  test('both loaded and failed, tainted and clean rows exist (positive and negative twins)', () => {
    const pages = ALL.map((s) => predict(s, { engine: SPEC }).initiator?.page);
    expect(pages.filter((p) => p?.loaded === true).length).toBeGreaterThan(50);
    expect(pages.filter((p) => p?.loaded === false).length).toBeGreaterThan(50);
    expect(pages.filter((p) => p?.tainted === true).length).toBeGreaterThan(10);
    expect(pages.filter((p) => p?.tainted === false).length).toBeGreaterThan(10);
  });
});

test.describe('what HTML hands to Fetch', () => {
  test('the CORS settings attribute decides mode and credentials', () => {
    expect(corsSettingsAttributeCredentialsMode('anonymous')).toBe('same-origin');
    expect(corsSettingsAttributeCredentialsMode('use-credentials')).toBe('include');
    const absent = createAPotentialCORSRequest('img', 'image', 'absent');
    expect([absent.mode, absent.credentials]).toEqual(['no-cors', 'include']);
    const anon = createAPotentialCORSRequest('img', 'image', 'anonymous');
    expect([anon.mode, anon.credentials]).toEqual(['cors', 'same-origin']);
  });

  test('fetch and XHR get no initiator block', () => {
    expect(predict({ request: {} }, { engine: SPEC }).initiator).toBeUndefined();
    expect(predict({ request: { api: 'xhr' } }, { engine: SPEC }).initiator).toBeUndefined();
  });

  test('an image without crossorigin loads opaque and taints the canvas; with it, not', () => {
    const noCors = predict(one('initiators-image/img-canvas-absent-cross-star'), { engine: SPEC });
    expect(noCors.responseType).toBe('opaque');
    expect(noCors.initiator?.page).toEqual({ loaded: true, tainted: true });
    const cors = predict(one('initiators-image/img-canvas-anon-cross-star'), { engine: SPEC });
    expect(cors.initiator?.page).toEqual({ loaded: true, tainted: false });
    const noAcao = predict(one('initiators-image/img-canvas-anon-cross-none'), { engine: SPEC });
    expect(noAcao.initiator?.page).toEqual({ loaded: false });
    expect(noAcao.actualSent).toBe(true);
  });

  test('a video frame drawn into a canvas taints when the media data is CORS-cross-origin', () => {
    const page = (id: string) =>
      predict(one(`initiators-image/${id}`), { engine: SPEC }).initiator?.page;
    // No crossorigin: no-cors, opaque, tainted whatever ACAO says; same-origin stays clean.
    expect(page('video-canvas-absent-cross-star')).toEqual({ loaded: true, tainted: true });
    expect(page('video-canvas-absent-same')).toEqual({ loaded: true, tainted: false });
    // A no-cors response that went cross-origin stays opaque after a redirect back home.
    expect(page('video-canvas-absent-redirect-cross-to-same')).toEqual({
      loaded: true,
      tainted: true,
    });
    // crossorigin: the CORS check passes (clean) or the load errors (nothing to draw).
    expect(page('video-canvas-anon-cross-origin')).toEqual({ loaded: true, tainted: false });
    expect(page('video-canvas-anon-cross-wrong')).toEqual({ loaded: false });
    expect(page('video-canvas-cred-cross-origin')).toEqual({ loaded: false });
    expect(page('video-canvas-cred-cross-origin-acac')).toEqual({ loaded: true, tainted: false });
    // After cross-origin → same-origin the request's origin is tainted: Origin null, so only
    // an ACAO of null (echoed) passes, not the page origin.
    expect(page('video-canvas-anon-redirect-cross-to-same-echo')).toEqual({
      loaded: true,
      tainted: false,
    });
    expect(page('video-canvas-anon-redirect-cross-to-same-origin')).toEqual({ loaded: false });
    // Load or error is the media data processing steps' call, not the script fetch's.
    const why = predict(one('initiators-image/video-canvas-anon-cross-origin'), { engine: SPEC });
    expect(why.because.map((r) => r.algorithm)).toContain(
      'https://html.spec.whatwg.org/#media-data-processing-steps-list',
    );
    // The load variant and audio draw nothing: no taint predicted.
    expect(page('video-load-absent-cross-none')).toEqual({ loaded: true });
    expect(page('audio-load-absent-cross-none')).toEqual({ loaded: true });
  });

  test('use-credentials needs ACAC and a non-* ACAO', () => {
    const star = predict(one('initiators-script/script-cred-cross-star-acac'), { engine: SPEC });
    expect(star.initiator?.page.loaded).toBe(false);
    const ok = predict(one('initiators-script/script-cred-cross-origin-acac'), { engine: SPEC });
    expect(ok.initiator?.page).toEqual({ loaded: true, tainted: false });
  });

  test('a classic script 404 is an error even opaque; a module script is cors without crossorigin', () => {
    const p404 = predict(one('initiators-script/script-absent-cross-404'), { engine: SPEC });
    expect([p404.outcome, p404.initiator?.page.loaded]).toEqual(['ok', false]);
    const mod = predict(one('initiators-script/module-absent-cross-none'), { engine: SPEC });
    expect(mod.initiator?.request).toMatchObject({ mode: 'cors', credentials: 'same-origin' });
    expect(mod.initiator?.page.loaded).toBe(false);
  });

  test('a preload fires error for a network error only, a null body being one; a null body breaks images, scripts and style sheets; a form answered 204 or 205 never loads', () => {
    const at = (
      request: Scenario['request'],
      status: number,
      type = 'text/javascript',
    ): boolean | undefined =>
      predict(
        {
          request: { target: 'same-origin', ...request },
          server: { actual: { status, headers: { 'Content-Type': type } } },
        },
        { engine: SPEC },
      ).initiator?.page.loaded;
    expect(at({ api: 'preload', variant: 'script' }, 404)).toBe(true);
    expect(at({ api: 'preload', variant: 'style' }, 302)).toBe(true);
    expect(at({ api: 'stylesheet' }, 404, 'text/css')).toBe(false);
    for (const status of [204, 205, 304]) {
      expect(at({ api: 'img' }, status), `img ${status}`).toBe(false);
      expect(at({ api: 'script' }, status), `script ${status}`).toBe(false);
      expect(at({ api: 'preload', variant: 'image' }, status), `preload ${status}`).toBe(false);
    }
    expect(at({ api: 'stylesheet' }, 204, 'text/css')).toBe(false);
    expect(at({ api: 'stylesheet' }, 200, 'text/css')).toBe(true);
    // The MIME type: scripts of workers and modules need JavaScript, sheets text/css.
    expect(at({ api: 'worker' }, 200, 'text/plain')).toBe(false);
    expect(at({ api: 'module-script' }, 200, 'text/plain; charset=utf-8')).toBe(false);
    expect(at({ api: 'importScripts' }, 200, 'application/x-javascript')).toBe(true);
    expect(at({ api: 'script' }, 200, 'text/plain')).toBe(true);
    expect(at({ api: 'stylesheet' }, 200, 'text/plain')).toBe(false);
    expect(at({ api: 'eventsource' }, 200, 'text/event-stream;charset=utf-8')).toBe(true);
    expect(at({ api: 'img' }, 404)).toBe(true);
    expect(at({ api: 'script' }, 203)).toBe(true);
    expect(at({ api: 'form', method: 'GET' }, 204)).toBe(false);
    expect(at({ api: 'form', method: 'GET' }, 205)).toBe(false);
    expect(at({ api: 'form', method: 'GET' }, 304)).toBe(true);
  });

  test('a cross-origin worker fails whatever the CORS answer, before any request', () => {
    const p = predict(one('initiators-worker/worker-cross-star'), { engine: SPEC });
    expect(p.initiator?.request.mode).toBe('same-origin');
    expect([p.initiator?.page.loaded, p.actualSent, p.wire?.length]).toEqual([false, false, 0]);
  });

  test('fonts and mask-image are cors; background-image is no-cors', () => {
    const font = predict(one('initiators-style-font/font-face-cross-none'), { engine: SPEC });
    expect([font.initiator?.request.mode, font.initiator?.page.loaded]).toEqual(['cors', false]);
    const bg = predict(one('initiators-image/css-background-image-cross-none'), { engine: SPEC });
    expect([bg.initiator?.request.mode, bg.initiator?.page.loaded]).toEqual(['no-cors', true]);
    const mask = predict(one('initiators-image/css-mask-image-cross-none'), { engine: SPEC });
    expect([mask.initiator?.request.mode, mask.initiator?.page.loaded]).toEqual(['cors', false]);
  });

  test('a beacon with a JSON Blob is preflighted; with the throwing knob it throws', () => {
    const s = one('initiators-other/beacon-blob-json-cross-allowed');
    const spec = predict(s, { engine: SPEC });
    expect([spec.preflight, spec.acrh, spec.actualSent]).toEqual([true, 'content-type', true]);
    // Chromium 156 preflights too (its SendBeaconThrowForBlobWithNonSimpleType feature is off);
    // the knob is for a build that has the feature on.
    expect(predict(s, { engine: CHROMIUM }).preflight).toBe(true);
    const throwing = { ...CHROMIUM, beaconNonSafelistedBlobThrows: true };
    const chromium = predict(s, { engine: throwing });
    expect([chromium.outcome, chromium.actualSent, chromium.initiator?.page.loaded]).toEqual([
      'exception',
      false,
      false,
    ]);
    expect(chromium.because.some((r) => r.deviation === 'beaconNonSafelistedBlobThrows')).toBe(
      true,
    );
    const text = predict(one('initiators-other/beacon-string-cross'), { engine: SPEC });
    expect([text.initiator?.request.mode, text.preflight]).toEqual(['no-cors', false]);
  });

  test('a form POST and a WebSocket involve no CORS and send Origin', () => {
    const form = predict(one('initiators-other/form-post-urlencoded-cross'), { engine: SPEC });
    expect(form.initiator?.request.mode).toBe('navigate');
    expect([form.initiator?.page.loaded, form.originHeader]).toEqual([
      true,
      'http://example.com:4001',
    ]);
    const ws = predict(one('initiators-other/websocket-same'), { engine: SPEC });
    expect(ws.originHeader).toBe('http://example.com:4001');
    const refused = predict(one('initiators-other/websocket-cross-refused-403'), { engine: SPEC });
    expect(refused.initiator?.page.loaded).toBe(false);
    const redirected = predict(one('initiators-other/websocket-redirect-cross'), { engine: SPEC });
    expect([redirected.outcome, redirected.initiator?.page.loaded]).toEqual([
      'network-error',
      false,
    ]);
  });

  test('explain names what HTML handed over and what the page sees', () => {
    const s = one('initiators-image/img-canvas-absent-cross-none');
    const text = explainPrediction(s, predict(s, { engine: SPEC }), 'spec');
    expect(text).toContain(
      'HTML hands Fetch: mode no-cors, credentials include, destination image',
    );
    expect(text).toContain('the page sees: load, tainted');
    expect(text).toContain('create a potential cors request');
  });
});

test.describe('Fetch Metadata', () => {
  test('only potentially trustworthy URLs get Sec-Fetch-*, fetch and XHR included', () => {
    expect(isPotentiallyTrustworthyURL('https://example.net:4443/x')).toBe(true);
    expect(isPotentiallyTrustworthyURL('http://127.0.0.1:80/')).toBe(true);
    expect(isPotentiallyTrustworthyURL('http://example.net:4001/x')).toBe(false);
    const http = predict({ request: {} }, { engine: SPEC });
    expect(http.wire?.[0]?.secFetch).toBeUndefined();
    const https = predict(
      { request: { method: 'PUT', target: 'https-cross-origin' }, server: { preflight: null } },
      { engine: SPEC },
    );
    expect(https.wire?.[0]).toMatchObject({
      preflight: true,
      secFetch: { site: 'cross-site', mode: 'cors', dest: 'empty' },
    });
    const xhr = predict(
      { request: { api: 'xhr', target: 'https-cross-origin' } },
      { engine: SPEC },
    );
    expect(xhr.wire?.[0]?.secFetch).toEqual({ site: 'cross-site', mode: 'cors', dest: 'empty' });
    const font = predict(one('initiators-style-font/font-face-https-star-cookie'), {
      engine: SPEC,
    });
    expect(font.wire?.[0]?.secFetch).toEqual({ site: 'cross-site', mode: 'cors', dest: 'font' });
  });

  test('Sec-Fetch-Site walks the URL list', () => {
    // A request that followed redirects: its URL list holds every URL it went to.
    const req = (urls: string[]): ModelRequest => ({
      ...newRequest('', { origin: parseSerializedOrigin('https://example.com'), mode: 'cors' }),
      urlList: urls,
    });
    expect(setSite(req(['https://example.com/a']))).toBe('same-origin');
    expect(setSite(req(['https://sub.example.com/a']))).toBe('same-site');
    expect(setSite(req(['http://example.com/a']))).toBe('cross-site');
    expect(setSite(req(['https://example.net/a', 'https://example.com/b']))).toBe('cross-site');
  });
});
