#!/usr/bin/env node
/**
 * Links the compiled CLI (dist/cli/main.js, from tsc) and its dependencies into one file,
 * dist/leadaudit.mjs, which bin/leadaudit.js runs. Issue #5 (start-up under 0.3 s): Node spends
 * most of a short run resolving, reading and compiling modules (about 260 of them: zod and
 * libphonenumber-js are a hundred files each); one file saves most of that. tsc stays the only
 * compiler: this step only links what it wrote, so the bundle runs exactly the code the tests
 * type-check. The bundle sits directly in dist/, one folder below the package root like
 * src/package-root.ts, so data/ and examples/ are found the same way from both.
 */
import { rolldown } from 'rolldown';
import { stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const INPUT = join(ROOT, 'dist/cli/main.js');
const OUTPUT = join(ROOT, 'dist/leadaudit.mjs');

/**
 * A module that only exports a large JSON object (libphonenumber-js's `metadata.max.json.js`, 153
 * KiB, 10,000 lines once bundled) is emitted as `JSON.parse("...")`: V8 scans a string literal far
 * faster than it parses an object literal, and JSON.parse builds the object directly (a 10-row
 * audit, 12 alternating runs each: median wall 0.30 -> 0.29 s; with CI running beside it, 8 runs
 * each, 0.350 -> 0.332 s CPU). The object is read with JSON.parse here,
 * so a module that is not plain JSON fails the build instead of changing.
 */
const JSON_MODULE = /^((?:\s*\/\/[^\n]*\n)*)\s*export default (\{[\s\S]*\})\s*;?\s*$/;
const jsonModules = {
  name: 'json-modules-as-json-parse',
  transform(code, id) {
    if (!id.endsWith('.json.js') || code.length < 10_000) return null;
    const m = JSON_MODULE.exec(code);
    if (!m) return null;
    const text = JSON.stringify(JSON.parse(m[2]));
    return { code: `${m[1]}export default JSON.parse(${JSON.stringify(text)});\n`, map: null };
  },
};

const warnings = [];
const bundle = await rolldown({
  input: INPUT,
  platform: 'node',
  plugins: [jsonModules],
  // exceljs writes clean.xlsx and rejects.xlsx (--xlsx, issue #13): loaded from node_modules on
  // first use, so that the bundle (and every run's start-up) does not carry it.
  external: ['exceljs'],
  // Every warning is a possible behaviour change between dist/ and the bundle: fail on it.
  onLog: (level, log) => { if (level === 'warn') warnings.push(log.message); },
});
try {
  await bundle.write({ file: OUTPUT, format: 'esm', sourcemap: true });
} finally {
  await bundle.close();
}
if (warnings.length) {
  process.stderr.write(`bundle: ${warnings.length} warning(s):\n${warnings.map((w) => `  ${w}`).join('\n')}\n`);
  process.exit(1);
}
const { size } = await stat(OUTPUT);
process.stderr.write(`bundle: ${relative(ROOT, OUTPUT)} (${(size / 1024).toFixed(0)} KiB)\n`);
