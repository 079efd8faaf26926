/** The README is the user reference: it must stay true to the CLI and the registry. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REASON_CODES, type ReasonCode } from '../../src/reasons.js';
import { LAW } from '../../src/law/references.js';
import { citationsShortEn } from '../../src/law/cite.js';
import { PRESET_NAMES } from '../../src/policy/preset-names.js';
import { BIN, ROOT, leadaudit } from '../helpers/exec.js';

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

  it("states the law behind each check of each preset exactly as src/law/references.ts does (issue #10)", () => {
    const start = readme.indexOf('**Which checks each preset applies');
    expect(start).toBeGreaterThan(0);
    const lines = readme.slice(start).split('\n');
    const header = lines.findIndex((l) => l.startsWith('| check |'));
    expect(lines[header]).toBe(`| check | ${PRESET_NAMES.map((p) => `\`${p}\``).join(' | ')} |`);
    const rows = lines.slice(header + 2, lines.findIndex((l, i) => i > header && l.trim() === ''));
    const seen: ReasonCode[] = [];
    for (const row of rows) {
      const code = /\(`([A-Z_]+)`\) \|/.exec(row)?.[1] as ReasonCode | undefined;
      if (code === undefined) continue; // the calling window tags rows: no reason code
      seen.push(code);
      const cells = row.split(' | ').slice(1).map((c) => c.replace(/ \|$/, ''));
      const want = PRESET_NAMES.map((p) => (LAW[code][p] ? citationsShortEn(LAW[code][p]!) : '-'));
      expect(cells, code).toEqual(want);
    }
    expect(seen).toEqual(REASON_CODES.filter((c) => PRESET_NAMES.some((p) => LAW[c][p])));
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

/** The text of a `## ` section of the README. */
function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  expect(start, title).toBeGreaterThan(0);
  const end = readme.indexOf('\n## ', start + 4);
  return readme.slice(start, end < 0 ? undefined : end);
}

const blocks = (text: string, lang: string) => [...text.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]!);

/** The commands of a shell block, continuation lines joined, each with the exit its comment promises (0 unless `# exit N`). */
function commands(block: string): { command: string; exit: number }[] {
  return block.replace(/\\\n\s*/g, ' ').split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'))
    .map((command) => ({ command, exit: Number(/#\s*exit (\d)/.exec(command)?.[1] ?? 0) }));
}

describe('README: the commands a person pastes (issue #14)', () => {
  it('"Evidence for a spot audit" and "Gating an import in CI" run as written, each with the exit its comment says', () => {
    const work = mkdtempSync(join(tmpdir(), 'leadaudit-readme-'));
    try {
      // A folder like the root of a clone: the demo fixtures there, leadaudit on the PATH.
      symlinkSync(join(ROOT, 'fixtures'), join(work, 'fixtures'));
      mkdirSync(join(work, 'bin'));
      writeFileSync(join(work, 'bin', 'leadaudit'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
      const env = { ...process.env, PATH: `${join(work, 'bin')}:${process.env.PATH}`, NO_COLOR: '1' };
      const run = (text: string) => {
        const all = blocks(text, 'sh').flatMap(commands);
        expect(all.length).toBeGreaterThanOrEqual(3);
        let stderr = '';
        for (const { command, exit } of all) {
          const r = spawnSync('bash', ['-c', command], { cwd: work, env, encoding: 'utf8' });
          expect(r.status, `${command}\n${r.stdout}${r.stderr}`).toBe(exit);
          stderr += r.stderr;
        }
        return stderr;
      };
      run(section('Evidence for a spot audit'));
      const ci = section('Gating an import in CI');
      const stderr = run(ci);
      // What the section says those commands print is what they print.
      const shown = blocks(ci, 'text')[0]!.trim().split('\n');
      expect(shown).toHaveLength(6);
      expect(stderr.trim().split('\n')).toEqual(shown);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
