/**
 * `leadaudit init`: writes a starter policy, notice manifest and consent template into the current
 * folder, from examples/; refuses (exit 2) to overwrite anything.
 */
import type { Command } from 'commander';
import { copyFileSync, existsSync, constants } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import { packageFile } from '../package-root.js';
import { t } from '../i18n/index.js';

const EXAMPLES = fileURLToPath(packageFile('examples/'));
export const INIT_FILES = ['leadaudit-policy.json', 'notice.json', 'consent-template.csv'] as const;

export function registerInit(program: Command): void {
  program
    .command('init')
    .description(t('help.init'))
    .action(() => {
      const cwd = process.cwd();
      const taken = INIT_FILES.filter((f) => existsSync(join(cwd, f)));
      if (taken.length) throw new InputError(t('init.taken', { count: taken.length, files: taken.join(', '), cwd }));
      for (const f of INIT_FILES) copyFileSync(join(EXAMPLES, f), join(cwd, f), constants.COPYFILE_EXCL);
      process.stderr.write(t('init.wrote', { files: INIT_FILES.join(', '), cwd }));
    });
}
