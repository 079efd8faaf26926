/**
 * The bin runs one bundle (issue #5, start-up): bin/leadaudit.js -> dist/leadaudit.mjs, linked by
 * scripts/bundle.mjs from tsc's output. These check what the start-up figure depends on; every
 * other end-to-end test runs the bundle too (the fixtures' us-tcpa cases read data/timezones and
 * `init` copies examples/, both found from src/package-root.ts's place in the bundle).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/exec.js';

const bundle = () => readFileSync(join(ROOT, 'dist', 'leadaudit.mjs'), 'utf8');

describe('the bundle', () => {
  it('is what the bin runs', () => {
    const shim = readFileSync(join(ROOT, 'bin', 'leadaudit.js'), 'utf8');
    expect(shim).toBe("#!/usr/bin/env node\nimport '../dist/leadaudit.mjs';\n");
  });

  it('holds the CLI and its dependencies but not iconv-lite, which loads on the first non-UTF-8 file', () => {
    const text = bundle();
    expect(text).toMatch(/^\/\/ node_modules\/commander\//m);
    expect(text).toMatch(/^\/\/ node_modules\/libphonenumber-js\//m);
    expect(text).toMatch(/^\/\/ dist\/core\/audit\.js$/m);
    expect(text).not.toMatch(/^\/\/ node_modules\/iconv-lite\//m);
  });

  it("holds libphonenumber-js's metadata as one JSON.parse of a string, the package's metadata exactly", () => {
    const m = /^var metadata_max_json_default = JSON\.parse\(("(?:[^"\\]|\\.)*")\);$/m.exec(bundle());
    expect(m).not.toBeNull();
    const inBundle: unknown = JSON.parse(JSON.parse(m![1]!) as string);
    const shipped: unknown = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'libphonenumber-js', 'metadata.max.json'), 'utf8'));
    expect(inBundle).toEqual(shipped);
  });
});
