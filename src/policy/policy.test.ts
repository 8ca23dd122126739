import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import {
  PolicyError,
  defineConfig,
  definePolicy,
  loadPolicyFile,
  originAllowed,
  parseOriginRule,
  validateConfig,
  validatePolicy,
} from './index.js';

const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyError);
    return (e as Error).message;
  }
  throw new Error('expected a PolicyError');
};

test('a full policy validates and comes back unchanged', () => {
  const policy = definePolicy({
    origins: ['https://app.example.com', 'https://*.example.org', 'http://localhost:3000'],
    methods: ['GET', 'PUT'],
    requestHeaders: ['Content-Type', 'X-Token'],
    credentials: true,
    exposedHeaders: ['X-Total'],
    maxAge: 600,
  });
  expect(validatePolicy(policy)).toEqual(policy);
});

test('policy mistakes are one line naming the JSON path', () => {
  const cases: [unknown, string][] = [
    [[], '$: must be an object (got an array)'],
    [{}, '$.origins: required'],
    [{ origins: [] }, '$.origins: must list at least one origin'],
    [{ origins: ['https://a.example', 7] }, '$.origins[1]: must be a string (got 7)'],
    [{ origins: ['*'] }, '$.origins[0]: "*" is not an origin'],
    [{ origins: ['null'] }, '$.origins[0]: "null" cannot be allowed'],
    [{ origins: ['https://a.example/path'] }, '$.origins[0]: must be a lowercase origin'],
    [{ origins: ['https://A.example'] }, '$.origins[0]: must be a lowercase origin'],
    [
      { origins: ['https://a.example:443'] },
      '$.origins[0]: an origin does not carry its default port',
    ],
    [
      { origins: ['https://a.example'], methods: ['GE T'] },
      '$.methods[0]: not an HTTP method token',
    ],
    [
      { origins: ['https://a.example'], requestHeaders: ['x y'] },
      '$.requestHeaders[0]: not a header name',
    ],
    [
      { origins: ['https://a.example'], credentials: 'yes' },
      '$.credentials: must be true or false',
    ],
    [{ origins: ['https://a.example'], maxAge: -1 }, '$.maxAge: must be a whole number'],
    [{ origins: ['https://a.example'], allowOrigins: [] }, '$.allowOrigins: unknown field'],
  ];
  for (const [json, start] of cases) {
    const message = errorOf(() => validatePolicy(json));
    expect(message.startsWith(start), `${JSON.stringify(json)} -> ${message}`).toBe(true);
    expect(message).not.toContain('\n');
  }
});

test('config: target must be an http(s) URL, policy path is prefixed', () => {
  expect(errorOf(() => validateConfig({ policy: { origins: [] } }))).toMatch(
    /^\$\.policy\.origins: /,
  );
  expect(
    errorOf(() =>
      validateConfig({ target: 'ftp://x', policy: { origins: ['https://a.example'] } }),
    ),
  ).toMatch(/^\$\.target: must be an http or https URL/);
  const c = defineConfig({
    target: 'http://127.0.0.1:3000/api',
    policy: { origins: ['https://a.example'] },
  });
  expect(validateConfig(c)).toEqual(c);
});

test('patterns: one * stands for one or more sub-domain labels, never the apex or another scheme/port', () => {
  const policy = { origins: ['https://*.example.com', 'http://app.test:8080'] };
  expect(originAllowed(policy, 'https://a.example.com')).toBe(true);
  expect(originAllowed(policy, 'https://a.b.example.com')).toBe(true);
  expect(originAllowed(policy, 'https://example.com')).toBe(false);
  expect(originAllowed(policy, 'https://evilexample.com')).toBe(false);
  expect(originAllowed(policy, 'http://a.example.com')).toBe(false);
  expect(originAllowed(policy, 'https://a.example.com:8443')).toBe(false);
  expect(originAllowed(policy, 'http://app.test:8080')).toBe(true);
  expect(originAllowed(policy, 'http://app.test')).toBe(false);
  expect(originAllowed(policy, 'null')).toBe(false);
  expect(parseOriginRule('https://*.example.com')).toMatchObject({
    wildcard: true,
    host: 'example.com',
    port: '443',
  });
});

test('loadPolicyFile reads JSON, a config object, and a TypeScript config with defineConfig', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'policy-test-'));
  const json = path.join(dir, 'policy.json');
  await writeFile(json, JSON.stringify({ origins: ['https://a.example'], credentials: true }));
  expect(await loadPolicyFile(json)).toEqual({
    policy: { origins: ['https://a.example'], credentials: true },
  });

  const ts = path.join(dir, 'cors.config.ts');
  await writeFile(
    ts,
    [
      "import { defineConfig } from 'cors-conformance';",
      "const origins: string[] = ['https://app.example.com'];",
      "export default defineConfig({ target: 'http://127.0.0.1:3000/x', policy: { origins, methods: ['GET'] } });",
    ].join('\n'),
  );
  expect(await loadPolicyFile(ts)).toEqual({
    target: 'http://127.0.0.1:3000/x',
    policy: { origins: ['https://app.example.com'], methods: ['GET'] },
  });

  const bad = path.join(dir, 'bad.json');
  await writeFile(bad, '{"origins": ["https://a.example"], "maxAge": "10"}');
  await expect(loadPolicyFile(bad)).rejects.toThrow(`${bad}: $.maxAge: must be a whole number`);
  await writeFile(bad, '{"origins": [');
  await expect(loadPolicyFile(bad)).rejects.toThrow(/invalid JSON/);
  await expect(loadPolicyFile(path.join(dir, 'missing.json'))).rejects.toThrow(
    /cannot read: no such file/,
  );
});
