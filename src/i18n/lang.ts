/**
 * The language of what is meant for people (issue #13): `en` or `ru`. Chosen once per run, from
 * `--lang` (anywhere on the command line, before or after the command's name), else
 * `LEADAUDIT_LANG`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set, as POSIX
 * reads them: `ru*` gives `ru`), else `en`. The run's language is held here and nowhere else;
 * `setLang` sets it, tests reset it with `setLang('en')` or run a block in another with `withLang`.
 * What machines read (codes, columns, report.json keys, exit codes) never depends on it.
 */
export const LANGS = ['en', 'ru'] as const;
export type Lang = (typeof LANGS)[number];

let current: Lang = 'en';

export function lang(): Lang {
  return current;
}

export function setLang(l: Lang): void {
  current = l;
}

/** Runs `fn` with another language and restores the one before, also when it throws. */
export function withLang<T>(l: Lang, fn: () => T): T {
  const before = current;
  current = l;
  try {
    return fn();
  } finally {
    current = before;
  }
}

/** `ru`, `ru_RU.UTF-8`, `RU-ru` -> ru; `en`, `en_GB` -> en; anything else undefined. */
export function langOf(value: string): Lang | undefined {
  const v = value.trim().toLowerCase();
  if (/^ru([_.\-@]|$)/.test(v)) return 'ru';
  if (/^en([_.\-@]|$)/.test(v)) return 'en';
  return undefined;
}

export type LangSource = { lang: Lang; from: '--lang' | 'LEADAUDIT_LANG' | 'LC_ALL' | 'LC_MESSAGES' | 'LANG' | 'default' };

/** A `--lang` value or `LEADAUDIT_LANG` that names no language we speak: a usage error (exit 2). */
export class LangError extends Error {
  constructor(readonly where: '--lang' | 'LEADAUDIT_LANG', readonly value: string) {
    super(`${where} "${value}"`);
  }
}

/**
 * The `--lang` value on a command line, the last one given (`--lang ru`, `--lang=ru`), or
 * undefined; `--` ends the options, as commander reads them.
 */
export function langFlag(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') found = argv[++i] ?? '';
    else if (a.startsWith('--lang=')) found = a.slice('--lang='.length);
  }
  return found;
}

/** The run's language from the command line and the environment, in the order the README gives. */
export function resolveLang(argv: readonly string[], env: NodeJS.ProcessEnv): LangSource {
  const flag = langFlag(argv);
  if (flag !== undefined) {
    const l = LANGS.find((x) => x === flag.trim().toLowerCase());
    if (!l) throw new LangError('--lang', flag);
    return { lang: l, from: '--lang' };
  }
  const own = env.LEADAUDIT_LANG;
  if (own) {
    const l = langOf(own);
    if (!l) throw new LangError('LEADAUDIT_LANG', own);
    return { lang: l, from: 'LEADAUDIT_LANG' };
  }
  // POSIX: LC_ALL overrides LC_MESSAGES, which overrides LANG; an empty one is unset.
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const v = env[name];
    if (v) return { lang: langOf(v) === 'ru' ? 'ru' : 'en', from: name };
  }
  return { lang: 'en', from: 'default' };
}
