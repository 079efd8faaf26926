/** `leadaudit policy show [NAME|FILE]`: the resolved policy, as JSON on standard output. */
import type { Command } from 'commander';
import { loadPolicy } from '../policy/load.js';

export function registerPolicy(program: Command): void {
  const policy = program.command('policy').description('inspect policies');
  policy
    .command('show')
    .description('print a policy (preset or file) with every setting resolved, as JSON')
    .argument('[policy]', 'a preset name or a policy file', 'ru-152fz')
    .action((nameOrFile: string) => {
      const { policy: resolved } = loadPolicy(nameOrFile);
      const { extends: _base, ...shown } = resolved;
      process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
    });
}
