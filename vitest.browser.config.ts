import { defineConfig } from 'vitest/config';

// report.html in a real browser (Debian's chromium, driven by playwright-core): `npm run test:browser`.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Every child process the tests start speaks English unless a test asks otherwise (issue #13).
    env: { LEADAUDIT_LANG: 'en' },
  },
});
