/** `leadaudit reasons [--policy P] [--json]`: every code, its title, what to do, and the law. */
import type { Command } from 'commander';
import { REASONS, REASON_CODES, RUN_CODES } from '../reasons.js';
import { loadPolicy } from '../policy/load.js';
import { codesUsedBy } from '../policy/codes.js';
import { lawFor, lawText } from '../law/references.js';

export function registerReasons(program: Command): void {
  program
    .command('reasons')
    .description("list the reason codes with what to do about each and the law behind it under a policy")
    .option('--policy <name|file>', 'whose legal references to show', 'ru-152fz')
    .option('--json', 'print JSON instead of text')
    .action((opts: { policy: string; json?: boolean }) => {
      const loaded = loadPolicy(opts.policy);
      const used = codesUsedBy(loaded.policy);
      const rows = REASON_CODES.map((code) => ({
        code,
        applies: used.has(code),
        // LIST_STALE is about the run and, since issue #14, rejects every row too.
        scope: RUN_CODES.includes(code) ? 'row and run' : 'row',
        title: REASONS[code].title,
        remedy: REASONS[code].remedy,
        law: lawText(code, loaded.preset) ?? null,
        /** The same reference as data: act, article, part, item or paragraphs, and a gloss. */
        citations: lawFor(code, loaded.preset) ?? [],
      }));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ policy: loaded.policy.name, preset: loaded.preset ?? null, reasons: rows }, null, 2)}\n`);
        return;
      }
      const out = [`Reason codes under ${loaded.policy.name}${loaded.preset && loaded.preset !== loaded.policy.name ? ` (extends ${loaded.preset})` : ''}:`, ''];
      for (const r of rows) {
        out.push(`${r.code}${r.applies ? '' : '  (not applied by this policy)'}${r.scope === 'row and run' ? '  (about the whole run: rejects every row)' : ''}`);
        out.push(`  ${r.title}.`);
        out.push(`  What to do: ${r.remedy}`);
        if (r.law) out.push(`  Law: ${r.law}`);
        out.push('');
      }
      process.stdout.write(out.join('\n'));
    });
}
