/** `leadaudit policy show [NAME|FILE]`: the resolved policy, as JSON on standard output. */
import type { Command } from 'commander';
import { loadPolicy } from '../policy/load.js';
import { t } from '../i18n/index.js';

export function registerPolicy(program: Command): void {
  const policy = program.command('policy').description(t('help.policy'));
  policy
    .command('show')
    .description(t('help.policy.show'))
    .argument('[policy]', t('help.policy.show.policy'), 'ru-152fz')
    .action((nameOrFile: string) => {
      const { policy: resolved } = loadPolicy(nameOrFile);
      const { extends: _base, ...shown } = resolved;
      process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
    });
}
