import { defineConfig } from '@playwright/test';

// One runner for everything: a browser-less `unit` project for the model, servers and
// harness pieces, and one project per engine for the browser suites (added by the harness).
export default defineConfig({
  reporter: process.env.CI
    ? [['list'], ['junit', { outputFile: 'reports/playwright-junit.xml' }]]
    : 'list',
  projects: [
    {
      name: 'unit',
      testMatch: ['src/**/*.test.ts', 'servers/**/*.test.ts', 'scripts/**/*.test.ts'],
    },
  ],
});
