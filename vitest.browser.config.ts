import { defineConfig } from 'vitest/config';

// report.html in a real browser (Debian's chromium, driven by playwright-core): `npm run test:browser`.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
