/** Сама командная строка: сообщения main.ts, слова commander, оформление справки. */
import type { Messages } from '../message.js';
import type { cli as en } from '../en/cli.js';

export const cli: Messages<typeof en> = {
  'cli.program': 'Проверка списка контактов по подтверждениям согласия и требованиям к уведомлению до загрузки в обзвон.',
  'cli.option.lang': 'язык текстов для людей: en или ru (по умолчанию: LEADAUDIT_LANG, иначе локаль, иначе en)',
  'cli.option.version': 'показать номер версии',
  'cli.option.help': 'показать справку по команде',
  'cli.command.help': 'показать справку по команде',
  'cli.error': 'leadaudit: {message}',
  'cli.usageError': 'leadaudit: {message} (см. --help)',
  'cli.interrupted': 'leadaudit: прервано сигналом {signal}; выходная папка осталась как была',
  'cli.interrupted.committed': 'leadaudit: прервано сигналом {signal}; результаты были готовы и уже на месте',
  'cli.badLang': '{where} {value}: такого языка leadaudit не знает (en, ru)',
  'help.title.usage': 'Использование:',
  'help.title.arguments': 'Аргументы:',
  'help.title.options': 'Параметры:',
  'help.title.commands': 'Команды:',
  'help.title.globalOptions': 'Общие параметры:',
  'help.default': 'по умолчанию: {value}',
  'help.choices': 'варианты: {values}',
  'commander.unknownOption': 'неизвестный параметр «{option}»',
  'commander.unknownCommand': 'неизвестная команда «{command}»',
  'commander.missingArgument': 'не указан обязательный аргумент «{argument}»',
  'commander.optionMissingArgument': 'у параметра «{option}» не указано значение',
  'commander.excessArguments': {
    one: 'слишком много аргументов{forCommand}: ожидался {count} аргумент, получено {got}.',
    few: 'слишком много аргументов{forCommand}: ожидалось {count} аргумента, получено {got}.',
    many: 'слишком много аргументов{forCommand}: ожидалось {count} аргументов, получено {got}.',
    other: 'слишком много аргументов{forCommand}: ожидалось {count} аргумента, получено {got}.',
  },
  'commander.forCommand': ' для «{command}»',
  'commander.didYouMean': '(Возможно, имелось в виду {what}?)',
  'commander.invalidChoice': 'значение «{value}» параметра «{option}» недопустимо; допустимые: {choices}.',
};
