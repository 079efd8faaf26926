/**
 * Commander's own messages said again through the catalogue (issue #13): each form commander 14
 * writes is recognised, in both languages; one it does not know passes through as it is.
 */
import { describe, expect, it } from 'vitest';
import { Command, Option } from 'commander';
import { commanderMessage } from '../../src/cli/help-words.js';
import { withLang } from '../../src/i18n/index.js';

/** What commander itself says for argv, its `error: ` prefix taken off. */
function said(argv: string[]): string {
  const program = new Command('leadaudit').exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  program.command('audit').argument('<contacts>').option('--consent <file>')
    .addOption(new Option('--channel <channel>').choices(['call', 'sms', 'email'])).action(() => {});
  try {
    program.parse(['node', 'leadaudit', ...argv]);
  } catch (e) {
    return (e as Error).message.replace(/^error: /, '');
  }
  throw new Error('no error');
}

describe('commander messages', () => {
  const cases: [string[], string, string][] = [
    [['audit', 'x', '--bogus'], "unknown option '--bogus'", 'неизвестный параметр «--bogus»'],
    [['audit'], "missing required argument 'contacts'", 'не указан обязательный аргумент «contacts»'],
    [['audit', 'x', '--consent'], "option '--consent <file>' argument missing", 'у параметра «--consent <file>» не указано значение'],
    [['audit', 'x', 'y'], "too many arguments for 'audit'. Expected 1 argument but got 2.", 'слишком много аргументов для «audit»: ожидался 1 аргумент, получено 2.'],
    [['audit', 'x', '--channel', 'fax'], "option '--channel <channel>' argument 'fax' is invalid. Allowed choices are call, sms, email.", 'значение «fax» параметра «--channel <channel>» недопустимо; допустимые: call, sms, email.'],
    [['audti'], "unknown command 'audti'", 'неизвестная команда «audti»'],
  ];
  it.each(cases)('%j', (argv, en, ru) => {
    const text = said(argv);
    expect(text.startsWith(en), text).toBe(true);
    expect(commanderMessage(text).startsWith(en)).toBe(true);
    expect(withLang('ru', () => commanderMessage(text)).startsWith(ru)).toBe(true);
  });

  it('says a suggestion in Russian too, and passes an unknown form through', () => {
    expect(withLang('ru', () => commanderMessage("unknown command 'audti'\n(Did you mean audit?)"))).toBe('неизвестная команда «audti»\n(Возможно, имелось в виду audit?)');
    expect(withLang('ru', () => commanderMessage('something commander may say one day'))).toBe('something commander may say one day');
  });
});
