/**
 * Commander's own words in the run's language (issue #13): the help's headings, the "(default: ...)"
 * and "(choices: ...)" notes, the help and version options, and the usage errors commander makes
 * (unknown option, missing argument, ...). Commander has no catalogue of its own, so its English
 * messages are recognised here by their form and said again through ours.
 */
import type { Command, Option } from 'commander';
import { t } from '../i18n/index.js';

type TitleKey = `help.title.${'usage' | 'arguments' | 'options' | 'commands' | 'globalOptions'}`;
const TITLES: Record<string, TitleKey> = {
  'Usage:': 'help.title.usage',
  'Arguments:': 'help.title.arguments',
  'Options:': 'help.title.options',
  'Commands:': 'help.title.commands',
  'Global Options:': 'help.title.globalOptions',
};

/** The help of one command in the run's language. */
export function localHelp(cmd: Command): void {
  cmd.configureHelp({
    styleTitle: (title: string) => (TITLES[title] ? t(TITLES[title]!) : title),
    optionDescription: (option: Option) => {
      const extra: string[] = [];
      if (option.argChoices) extra.push(t('help.choices', { values: option.argChoices.map((c) => JSON.stringify(c)).join(', ') }));
      if (option.defaultValue !== undefined && (option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean'))) {
        extra.push(t('help.default', { value: option.defaultValueDescription ?? JSON.stringify(option.defaultValue) }));
      }
      return extra.length ? `${option.description} (${extra.join(', ')})`.trim() : option.description;
    },
  });
  cmd.helpOption('-h, --help', t('cli.option.help'));
  if (cmd.commands.length) cmd.helpCommand('help [command]', t('cli.command.help'));
}

const PATTERNS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^unknown option '([^']*)'/, (m) => t('commander.unknownOption', { option: m[1]! })],
  [/^unknown command '([^']*)'/, (m) => t('commander.unknownCommand', { command: m[1]! })],
  [/^missing required argument '([^']*)'/, (m) => t('commander.missingArgument', { argument: m[1]! })],
  [/^option '([^']*)' argument missing/, (m) => t('commander.optionMissingArgument', { option: m[1]! })],
  [/^too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./, (m) => t('commander.excessArguments', { forCommand: m[1] ? t('commander.forCommand', { command: m[1] }) : '', count: Number(m[2]), got: m[3]! })],
  [/^option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\./, (m) => t('commander.invalidChoice', { option: m[1]!, value: m[2]!, choices: m[3]! })],
];

/** A commander error message (its `error: ` prefix taken off) in the run's language. */
export function commanderMessage(text: string): string {
  for (const [re, words] of PATTERNS) {
    const m = text.match(re);
    if (m) return words(m) + text.slice(m[0].length).replace(/\(Did you mean (.*)\?\)/, t('commander.didYouMean', { what: '$1' }));
  }
  return text;
}
