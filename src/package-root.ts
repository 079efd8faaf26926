/**
 * The package's root folder, where package.json, data/ and examples/ are. Found from this module's
 * own URL: it is one folder below the root as src/package-root.ts (tests), as
 * dist/package-root.js (the per-module build) and inside dist/leadaudit.mjs (the bundle the bin
 * runs, issue #5), so every file the package ships is found the same way from all three.
 */
export const PACKAGE_ROOT = new URL('../', import.meta.url);

/** A file or folder of the package, by its path from the root. */
export function packageFile(path: string): URL {
  return new URL(path, PACKAGE_ROOT);
}
