import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Every child process the tests start speaks English unless a test asks otherwise (issue #13).
    env: { LEADAUDIT_LANG: 'en' },
  },
});
