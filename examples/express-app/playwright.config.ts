// Run this example on its own: `npx playwright test -c examples/express-app`.
// In this repository it also runs as the `example` project of the root config.
import { defineConfig } from '@playwright/test';
import type { CorsOptions } from 'cors-conformance/test';

export default defineConfig<CorsOptions>({
  testDir: '.',
  testMatch: '*.spec.ts',
  use: { corsBrowser: 'chromium' },
});
