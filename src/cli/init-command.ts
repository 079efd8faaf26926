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

const EXAMPLES = fileURLToPath(packageFile('examples/'));
export const INIT_FILES = ['leadaudit-policy.json', 'notice.json', 'consent-template.csv'] as const;

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('write a starter policy, notice manifest and consent template into the current folder')
    .action(() => {
      const cwd = process.cwd();
      const taken = INIT_FILES.filter((f) => existsSync(join(cwd, f)));
      if (taken.length) throw new InputError(`init: ${taken.join(', ')} already exist${taken.length === 1 ? 's' : ''} in ${cwd}; nothing was written`);
      for (const f of INIT_FILES) copyFileSync(join(EXAMPLES, f), join(cwd, f), constants.COPYFILE_EXCL);
      process.stderr.write(`wrote ${INIT_FILES.join(', ')} in ${cwd}\nnext: fill them in, then run leadaudit audit <contacts.csv> --policy leadaudit-policy.json --notice notice.json --consent <your consent file>\n`);
    });
}
