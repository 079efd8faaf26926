import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**'],
    // Consent index snapshots go to a temporary cache folder, not the user's (issue #16).
    globalSetup: ['test/helpers/cache-home.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Every child process the tests start speaks English unless a test asks otherwise (issue #13).
    env: { LEADAUDIT_LANG: 'en' },
  },
});
