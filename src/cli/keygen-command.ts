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

export function registerKeygen(program: Command): void {
  program
    .command('keygen')
    .description(`write an Ed25519 key pair for audit --sign: ${KEY_FILE} (private, mode 0600) and ${PUBLIC_KEY_FILE}`)
    .option('--out <dir>', 'the folder to write them in (created if missing)', '.')
    .action((opts: { out: string }) => {
      const dir = resolve(opts.out);
      if (existsSync(dir) && !statSync(dir).isDirectory()) throw new InputError(`--out ${JSON.stringify(opts.out)}: exists and is not a folder`);
      const taken = [KEY_FILE, PUBLIC_KEY_FILE].filter((f) => existsSync(join(dir, f)));
      if (taken.length) throw new InputError(`keygen: ${taken.join(' and ')} already exist${taken.length === 1 ? 's' : ''} in ${dir}; nothing was written (a key is never overwritten)`);
      try {
        // A new folder for a private key is its owner's alone too.
        mkdirSync(dir, { recursive: true, mode: 0o700 });
      } catch (e) {
        throw new InputError(`--out ${JSON.stringify(opts.out)}: cannot create the folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
      const pair = generateKeyPair();
      const privatePath = join(dir, KEY_FILE);
      const publicPath = join(dir, PUBLIC_KEY_FILE);
      try {
        // 'wx': fails rather than replace a file that appeared meanwhile.
        writeFileSync(privatePath, pair.privatePem, { flag: 'wx', mode: 0o600 });
        chmodSync(privatePath, 0o600);
      } catch (e) {
        throw new InputError(`${privatePath}: cannot write it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); nothing was written`);
      }
      try {
        writeFileSync(publicPath, pair.publicPem, { flag: 'wx', mode: 0o644 });
      } catch (e) {
        rmSync(privatePath, { force: true });
        throw new InputError(`${publicPath}: cannot write it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); nothing was written`);
      }
      process.stderr.write([
        `wrote ${privatePath}: the private key, readable by you only; keep it secret and out of the out-dir (audit --sign ${privatePath})`,
        `wrote ${publicPath}: the public key; give it to whoever checks your reports (verify OUTDIR --key ${publicPath})`,
        'key fingerprint (SHA-256 of the public key, on standard output):',
        '',
      ].join('\n'));
      process.stdout.write(`${pair.fingerprint}\n`);
    });
}
