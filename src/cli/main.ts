/**
 * The leadaudit command line: parse -> options -> run -> report -> exit code. This folder is the
 * only place that writes to the terminal or sets process.exitCode. Known errors (bad input, bad
 * options) become one line on stderr and exit 2; anything else is a bug and is re-thrown.
 */
// First: V8's settings hold for the code loaded after them (src/cli/v8-tuning.ts).
import './v8-tuning.js';
import { Command, CommanderError } from 'commander';
import { z } from 'zod';
import { InputError, InterruptedError } from '../errors.js';
import { VERSION } from '../version.js';
import { registerAudit } from './audit-command.js';
import { registerPolicy } from './policy-command.js';
import { registerReasons } from './reasons-command.js';
import { registerSchema } from './schema-command.js';
import { registerInit } from './init-command.js';
import { registerExplain } from './explain-command.js';
import { registerSample } from './sample-command.js';
import { registerVerify } from './verify-command.js';
import { registerKeygen } from './keygen-command.js';
import { registerCertificate } from './certificate-command.js';
import { registerIndex } from './index-command.js';
import { EXIT } from './exit-codes.js';
import { LangError, resolveLang, setLang, t, type Lang } from '../i18n/index.js';
import { commanderMessage, localHelp } from './help-words.js';

export function buildProgram(): Command {
  const program = new Command('leadaudit')
    .description(t('cli.program'))
    .version(VERSION, '-V, --version', t('cli.option.version'))
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`${t('cli.usageError', { message: commanderMessage(text.replace(/^error: /, '').trimEnd()) })}\n`) });
  registerAudit(program);
  registerIndex(program);
  registerPolicy(program);
  registerReasons(program);
  registerSchema(program);
  registerInit(program);
  registerExplain(program);
  registerSample(program);
  registerVerify(program);
  registerKeygen(program);
  registerCertificate(program);
  // Every command takes --lang, before or after its name (issue #13); main() has already read it.
  const override = (c: Command): void => {
    c.exitOverride();
    c.option('--lang <lang>', t('cli.option.lang'));
    localHelp(c);
    c.commands.forEach(override);
  };
  override(program);
  return program;
}

/** The run's language, from --lang, LEADAUDIT_LANG or the locale; a bad --lang is a usage error. */
function chooseLang(argv: string[]): Lang | undefined {
  try {
    return resolveLang(argv.slice(2), process.env).lang;
  } catch (e) {
    if (!(e instanceof LangError)) throw e;
    // Said in the language the environment would have chosen, had the bad value not been there.
    try {
      setLang(e.where === '--lang' ? resolveLang([], process.env).lang : 'en');
    } catch { /* LEADAUDIT_LANG is bad as well: English */ }
    process.stderr.write(`${t('cli.error', { message: t('cli.badLang', { where: e.where, value: JSON.stringify(e.value) }) })}\n`);
    process.exitCode = EXIT.usage;
    return undefined;
  }
}

export async function main(argv: string[]): Promise<void> {
  const l = chooseLang(argv);
  if (l === undefined) return;
  setLang(l);
  // zod's own messages (a wrong type, a value out of range) in Russian, through zod's maintained locale.
  if (l === 'ru') z.config(z.locales.ru());
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; every other commander error (unknown option, missing argument) is usage.
      process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    if (e instanceof InputError) {
      process.stderr.write(`${t('cli.error', { message: e.message.replace(/\s*\n\s*/g, ' ') })}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    if (e instanceof InterruptedError) {
      process.stderr.write(`${t(e.committed ? 'cli.interrupted.committed' : 'cli.interrupted', { signal: e.signal })}\n`);
      // Exit now: an open() of a FIFO no one writes to may still be stuck in the thread pool, and
      // would keep the process alive (issue #12 item 4). stderr is written synchronously.
      process.exit(e.signal === 'SIGINT' ? EXIT.interrupted : EXIT.terminated);
    }
    throw e;
  }
}

await main(process.argv);
