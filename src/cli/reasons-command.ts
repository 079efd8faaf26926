/** `leadaudit reasons [--policy P] [--json]`: every code, its title, what to do, and the law. */
import type { Command } from 'commander';
import { REASONS, REASON_CODES, RUN_CODES } from '../reasons.js';
import { loadPolicy } from '../policy/load.js';
import { codesUsedBy } from '../policy/codes.js';
import { lawFor } from '../law/references.js';
import { lawIn as lawText } from '../i18n/law.js';
import { t } from '../i18n/index.js';

export function registerReasons(program: Command): void {
  program
    .command('reasons')
    .description(t('help.reasons'))
    .option('--policy <name|file>', t('help.reasons.policy'), 'ru-152fz')
    .option('--json', t('help.json'))
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
      const out = [t('reasons.head', { policy: loaded.policy.name, extends: loaded.preset && loaded.preset !== loaded.policy.name ? t('reasons.extends', { preset: loaded.preset }) : '' }), ''];
      for (const r of rows) {
        out.push(`${r.code}${r.applies ? '' : t('reasons.notApplied')}${r.scope === 'row and run' ? t('reasons.wholeRun') : ''}`);
        out.push(`  ${r.title}.`);
        out.push(t('reasons.whatToDo', { remedy: r.remedy }));
        if (r.law) out.push(t('reasons.law', { law: r.law }));
        out.push('');
      }
      process.stdout.write(out.join('\n'));
    });
}
