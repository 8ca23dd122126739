import { expect, test } from '@playwright/test';
import { anchorUrl } from './result.js';

test('anchor ids link to the spec that defines them', () => {
  expect(anchorUrl('concept-cors-check')).toBe('https://fetch.spec.whatwg.org/#concept-cors-check');
  expect(anchorUrl('dom-xmlhttprequest-send')).toBe(
    'https://xhr.spec.whatwg.org/#dom-xmlhttprequest-send',
  );
  expect(anchorUrl('parse-a-mime-type')).toBe(
    'https://mimesniff.spec.whatwg.org/#parse-a-mime-type',
  );
});
