/** The README is the user reference: it must stay true to the CLI and the registry. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REASON_CODES } from '../../src/reasons.js';
import { ROOT, leadaudit } from '../helpers/exec.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('documents every reason code in its table', () => {
    for (const code of REASON_CODES) expect(readme).toMatch(new RegExp(`^\\| \`${code}\` \\|`, 'm'));
  });

  it('documents every option of leadaudit audit', () => {
    const help = leadaudit(['audit', '--help']).stdout;
    const flags = [...help.matchAll(/(--[a-z-]+)/g)].map((m) => m[1]!).filter((f) => f !== '--help');
    expect(flags.length).toBeGreaterThan(10);
    // The flag itself, not a longer one it begins (`--fail-on` is not `--fail-on-reject`).
    for (const flag of new Set(flags)) expect(readme, flag).toMatch(new RegExp(`\`${flag}[\` <=]`));
  });

  it('quick start commands exist as npm scripts', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(readme).toContain('npm install && npm run demo');
    expect(pkg.scripts.demo).toContain('fixtures/demo');
    expect(pkg.scripts.demo).toContain('--out-dir demo-out');
    expect(readme).toContain('demo-out/');
    expect(pkg.scripts.prepare).toBeDefined();
  });
});
