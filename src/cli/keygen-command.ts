/**
 * `leadaudit keygen [--out DIR]`: an Ed25519 key pair for `audit --sign` (issue #14):
 * leadaudit-key.pem, the private key, readable by its owner only (mode 0600), and
 * leadaudit-key.pub.pem, the public key, for whoever runs `verify --key`. Never overwrites: when
 * either file exists, nothing is written (exit 2). The fingerprint goes to standard output.
 */
import type { Command } from 'commander';
import { chmodSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { KEY_FILE, PUBLIC_KEY_FILE, generateKeyPair } from '../report/signature.js';
import { t } from '../i18n/index.js';

export function registerKeygen(program: Command): void {
  program
    .command('keygen')
    .description(t('help.keygen', { private: KEY_FILE, public: PUBLIC_KEY_FILE }))
    .option('--out <dir>', t('help.keygen.out'), '.')
    .action((opts: { out: string }) => {
      const dir = resolve(opts.out);
      if (existsSync(dir) && !statSync(dir).isDirectory()) throw new InputError(t('cmd.notFolder', { flag: '--out', value: JSON.stringify(opts.out) }));
      const taken = [KEY_FILE, PUBLIC_KEY_FILE].filter((f) => existsSync(join(dir, f)));
      if (taken.length) throw new InputError(t('keygen.taken', { count: taken.length, files: taken.join(t('keygen.and')), dir }));
      try {
        // A new folder for a private key is its owner's alone too.
        mkdirSync(dir, { recursive: true, mode: 0o700 });
      } catch (e) {
        throw new InputError(t('cmd.cannotCreateFolder', { flag: '--out', value: JSON.stringify(opts.out), why: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
      }
      const pair = generateKeyPair();
      const privatePath = join(dir, KEY_FILE);
      const publicPath = join(dir, PUBLIC_KEY_FILE);
      try {
        // 'wx': fails rather than replace a file that appeared meanwhile.
        writeFileSync(privatePath, pair.privatePem, { flag: 'wx', mode: 0o600 });
        chmodSync(privatePath, 0o600);
      } catch (e) {
        throw new InputError(t('keygen.cannotWrite', { path: privatePath, why: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
      }
      try {
        writeFileSync(publicPath, pair.publicPem, { flag: 'wx', mode: 0o644 });
      } catch (e) {
        rmSync(privatePath, { force: true });
        throw new InputError(t('keygen.cannotWrite', { path: publicPath, why: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
      }
      process.stderr.write([
        t('keygen.wrotePrivate', { path: privatePath }),
        t('keygen.wrotePublic', { path: publicPath }),
        t('keygen.fingerprint'),
        '',
      ].join('\n'));
      process.stdout.write(`${pair.fingerprint}\n`);
    });
}
