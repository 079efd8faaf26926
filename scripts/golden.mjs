#!/usr/bin/env node
// Regenerates fixtures/<case>/expected/ (clean.csv, rejects.csv, totals.json) from the built CLI.
// Review the diff before committing: these files are what the end-to-end tests hold the CLI to.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { goldenView } from './golden-view.mjs';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);
for (const name of readdirSync(join(root, 'fixtures')).sort()) {
  const dir = join(root, 'fixtures', name);
  if (!statSync(dir).isDirectory() || (only.length && !only.includes(name))) continue;
  const exit = existsSync(join(dir, 'exit')) ? Number(readFileSync(join(dir, 'exit'), 'utf8')) : 0;
  if (exit === 2) continue;
  const args = existsSync(join(dir, 'args.json')) ? JSON.parse(readFileSync(join(dir, 'args.json'), 'utf8'))
    : existsSync(join(dir, 'args')) ? readFileSync(join(dir, 'args'), 'utf8').split(/\s+/).filter(Boolean) : [];
  const stdin = existsSync(join(dir, 'stdin'));
  const out = mkdtempSync(join(tmpdir(), 'golden-'));
  const r = spawnSync(process.execPath, [join(root, 'bin/leadaudit.js'), 'audit', stdin ? '-' : 'contacts.csv', ...args, '--out-dir', out, '--quiet'], {
    cwd: dir, input: stdin ? readFileSync(join(dir, 'contacts.csv')) : undefined, env: { ...process.env, NO_COLOR: '1', LEADAUDIT_LANG: 'en' }, // the goldens are English (issue #13)
  });
  if (r.status !== exit) { console.error(`${name}: exit ${r.status}, wanted ${exit}\n${r.stderr}`); process.exitCode = 1; continue; }
  mkdirSync(join(dir, 'expected'), { recursive: true });
  copyFileSync(join(out, 'clean.csv'), join(dir, 'expected', 'clean.csv'));
  copyFileSync(join(out, 'rejects.csv'), join(dir, 'expected', 'rejects.csv'));
  // --export files (issue #15), where a case asks for them.
  for (const f of readdirSync(out).filter((n) => /^export-.*\.csv$/.test(n))) copyFileSync(join(out, f), join(dir, 'expected', f));
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  writeFileSync(join(dir, 'expected', 'totals.json'), `${JSON.stringify(goldenView(report), null, 2)}\n`);
  rmSync(out, { recursive: true, force: true });
  console.log(`${name}: ${report.totals.rows} rows, ${report.totals.clean} clean, ${report.totals.rejected} rejected`);
}
