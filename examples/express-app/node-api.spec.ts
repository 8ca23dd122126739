// The same library outside its Playwright fixtures: the Node API starts its own browser and
// fixture servers (startCorsSession), and runs portable scenarios in an engine
// (runScenarioList). Plain Playwright Test here only as the runner.
import { expect, test } from '@playwright/test';
import {
  explain,
  predict,
  runScenarioList,
  startCorsSession,
  type Scenario,
} from 'cors-conformance';
import { startApp } from './app.js';

test('startCorsSession probes the app from Node', async () => {
  const session = await startCorsSession({ browser: 'chromium' });
  const app = await startApp({ allowedOrigins: [session.origins['same-site']] });
  try {
    const allowed = await session.fetch(`${app.url}/api/items`, { from: 'same-site' });
    expect(allowed.diffs).toEqual([]);
    expect(allowed.observation.outcome).toBe('ok');
    expect(allowed.observation.readableHeaders).toContain('x-request-id');
    const refused = await session.fetch(`${app.url}/api/items`, { from: 'cross-origin' });
    expect(refused.diffs).toEqual([]);
    expect(refused.observation.outcome).toBe('network-error');
  } finally {
    await app.close();
    await session.close();
  }
});

// The app's policy written down as portable scenarios: what it answers, and what a browser
// must then do. The model predicts; runScenarioList checks the prediction in a real engine.
const policy: Scenario[] = [
  {
    id: 'express-app/put-with-json',
    request: { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}' },
    server: {
      preflight: {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': '<origin>',
          'Access-Control-Allow-Credentials': 'true',
          'Access-Control-Allow-Methods': 'GET,POST,PUT,DELETE',
          'Access-Control-Allow-Headers': 'Content-Type,Authorization,X-Api-Key',
          'Access-Control-Max-Age': '600',
        },
      },
      actual: {
        status: 200,
        headers: {
          'Access-Control-Allow-Origin': '<origin>',
          'Access-Control-Allow-Credentials': 'true',
          'Access-Control-Expose-Headers': 'X-Request-Id',
          'X-Request-Id': '1',
        },
      },
    },
  },
  {
    id: 'express-app/unlisted-header',
    request: { headers: { 'X-Debug': '1' } },
    server: {
      preflight: {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': '<origin>',
          'Access-Control-Allow-Headers': 'Content-Type,Authorization,X-Api-Key',
        },
      },
    },
  },
];

test('predict and explain need no browser', () => {
  expect(predict(policy[0]).readableHeaders).toContain('x-request-id');
  expect(predict(policy[1]).outcome).toBe('network-error');
  expect(explain(policy[1])).toContain('x-debug');
});

test('runScenarioList runs the scenarios in Chromium', async () => {
  const run = await runScenarioList(policy, { engines: ['chromium'] });
  expect(run.unavailable).toEqual([]);
  expect(run.results.chromium?.map((r) => r.verdict)).toEqual(['pass', 'pass']);
  expect(run.ok).toBe(true);
});
