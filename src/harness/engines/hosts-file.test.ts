import { expect, test } from '@playwright/test';
import { HOST_NAMES as SCRIPT_HOST_NAMES } from '../../../scripts/browsers.mjs';
import {
  DEFAULT_HOST_NAMES,
  HOSTS_BEGIN,
  HOSTS_END,
  hostsTextCovers,
  namesInBlock,
  rewriteHostsText,
} from './hosts-file.js';

const ORIGINAL =
  '127.0.0.1\tlocalhost\n::1 localhost ip6-localhost\n# a comment\n10.0.0.5 db  # keep\n';
const NAMES = ['example.com', 'example.net'];
const lines = (name: string): string => `127.0.0.1 ${name}\n::ffff:127.0.0.1 ${name}\n`;

test('adds one marked block and leaves every other line as it was', () => {
  const out = rewriteHostsText(ORIGINAL, NAMES);
  expect(out).toBe(
    `${ORIGINAL}${HOSTS_BEGIN}\n${lines('example.com')}${lines('example.net')}${HOSTS_END}\n`,
  );
  expect(out.startsWith(ORIGINAL)).toBe(true);
  expect(hostsTextCovers(out, NAMES)).toBe(true);
  expect(hostsTextCovers(ORIGINAL, NAMES)).toBe(false);
});

test('is idempotent and replaces an old block instead of adding a second', () => {
  const once = rewriteHostsText(ORIGINAL, NAMES);
  expect(rewriteHostsText(once, NAMES)).toBe(once);
  const changed = rewriteHostsText(once, ['example.org']);
  expect(changed.split(HOSTS_BEGIN)).toHaveLength(2);
  expect(namesInBlock(changed)).toEqual(['example.org']);
  expect(rewriteHostsText(changed, [])).toBe(ORIGINAL);
});

test('keeps lines after a block, a file without final newline, and a lone begin marker', () => {
  const middle = `a\n${HOSTS_BEGIN}\n127.0.0.1 old.test\n${HOSTS_END}\nb\n`;
  expect(rewriteHostsText(middle, ['x.test'])).toBe(
    `a\nb\n${HOSTS_BEGIN}\n${lines('x.test')}${HOSTS_END}\n`,
  );
  expect(rewriteHostsText('a', ['x.test'])).toBe(
    `a\n${HOSTS_BEGIN}\n${lines('x.test')}${HOSTS_END}\n`,
  );
  const lone = `a\n${HOSTS_BEGIN}\nb\n`;
  expect(rewriteHostsText(lone, [])).toBe(lone);
});

test('an IPv4-only mapping does not cover a name: its IPv6 lookup would go to DNS', () => {
  const old = `${ORIGINAL}${HOSTS_BEGIN}\n127.0.0.1 example.com\n127.0.0.1 example.net\n${HOSTS_END}\n`;
  expect(hostsTextCovers(old, NAMES)).toBe(false);
  const fixed = rewriteHostsText(old, namesInBlock(old));
  expect(hostsTextCovers(fixed, NAMES)).toBe(true);
  expect(namesInBlock(fixed)).toEqual(NAMES);
  expect(hostsTextCovers(`::ffff:127.0.0.1 example.com\n`, ['example.com'])).toBe(false);
});

test('scripts/browsers.mjs maps the names of the harness (one shared module)', () => {
  expect(SCRIPT_HOST_NAMES).toBe(DEFAULT_HOST_NAMES);
  expect(DEFAULT_HOST_NAMES).toContain('sub.example.net');
});
