/**
 * The catalogue API (issue #13): `t('key', { args })` renders a message in the run's language;
 * `fmtNumber`, `fmtDate`, `fmtDateTime`, `fmtPercent` format through Intl. Everything is cached: a
 * message's template is split once per language, formatters are made once, so rendering
 * `audit_details` on the hot path costs a map look-up and a join per row.
 */
import { CATALOGUES, type En, type Key } from './catalogue.js';
import { lang, type Lang } from './lang.js';
import { lazy } from '../lazy.js';
import type { ParamsOf } from './message.js';

export type Arg = string | number;
type ArgsOf<K extends Key> = [ParamsOf<En[K]>] extends [never] ? [] : [{ readonly [P in ParamsOf<En[K]>]: Arg }];

/** A template split at its placeholders: even indexes are text, odd ones argument names. */
type Template = readonly string[];
const templates: Record<Lang, Map<string, Template | Record<string, Template>>> = { en: new Map(), ru: new Map() };

function split(text: string): Template {
  return text.split(/\{([A-Za-z0-9_]+)\}/);
}

function template(l: Lang, key: string): Template | Record<string, Template> {
  let tpl = templates[l].get(key);
  if (tpl === undefined) {
    const m = CATALOGUES[l][key];
    if (m === undefined) throw new Error(`no message ${key} in ${l}`);
    tpl = typeof m === 'string' ? split(m) : Object.fromEntries(Object.entries(m).map(([form, text]) => [form, split(text)]));
    templates[l].set(key, tpl);
  }
  return tpl;
}

// Intl objects are made on first use (the first costs milliseconds of start-up: ICU data), then kept.
const pluralRules: Record<Lang, () => Intl.PluralRules> = { en: lazy(() => new Intl.PluralRules('en')), ru: lazy(() => new Intl.PluralRules('ru')) };

function fill(tpl: Template, args: Readonly<Record<string, Arg>> | undefined): string {
  if (tpl.length === 1) return tpl[0]!;
  let out = tpl[0]!;
  for (let i = 1; i < tpl.length; i += 2) {
    const v = args?.[tpl[i]!];
    out += (typeof v === 'number' ? fmtNumber(v) : v ?? `{${tpl[i]}}`) + tpl[i + 1]!;
  }
  return out;
}

/** A message in the run's language (or `l`); numbers are formatted, `count` picks the plural form. */
export function t<K extends Key>(key: K, ...args: ArgsOf<K>): string {
  return tIn(lang(), key, ...args);
}

export function tIn<K extends Key>(l: Lang, key: K, ...args: ArgsOf<K>): string {
  const tpl = template(l, key);
  const a = args[0] as Readonly<Record<string, Arg>> | undefined;
  if (Array.isArray(tpl)) return fill(tpl as Template, a);
  const forms = tpl as Record<string, Template | undefined>;
  const count = Number(a?.count ?? 0);
  return fill(forms[pluralRules[l]().select(count)] ?? forms.other!, a);
}

const numberFormat = lazy(() => new Intl.NumberFormat('ru-RU'));
/** `1 234 567` in Russian; English keeps numbers as they always were (`1234567`). */
export function fmtNumber(n: number): string {
  return lang() === 'ru' ? numberFormat().format(n) : String(n);
}

const dateFormat = lazy(() => new Intl.DateTimeFormat('ru-RU', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }));
const timeFormat = lazy(() => new Intl.DateTimeFormat('ru-RU', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }));

/**
 * An ISO date or instant for people: in Russian `01.11.2026`, and `01.11.2026 09:30:00 UTC` when
 * the instant is not midnight UTC; English keeps the ISO text as it was. A value that is not a date
 * is returned as it is.
 */
export function fmtDate(iso: string): string {
  if (lang() !== 'ru') return iso;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const d = new Date(ms);
  const day = dateFormat().format(d);
  return ms % 86_400_000 === 0 ? day : `${day} ${timeFormat().format(d)} UTC`;
}

/**
 * A JSON.parse error in the run's language. V8 words it in English (`Expected double-quoted
 * property name in JSON at position 12 (line 2 column 3)`): English keeps V8's words; Russian says
 * where the syntax error is.
 */
export function jsonProblem(e: Error): string {
  if (lang() !== 'ru') return e.message;
  const lc = /line (\d+) column (\d+)/.exec(e.message);
  if (lc) return t('json.syntaxAt', { line: lc[1]!, column: lc[2]! });
  const pos = /position (\d+)/.exec(e.message);
  if (pos) return t('json.syntax', { position: pos[1]! });
  // V8 names no place for a token it did not expect where a value was due (`{"a": }`).
  const token = /Unexpected token '(.+?)'/.exec(e.message);
  if (token) return t('json.unexpected', { token: token[1]! });
  return t('json.syntaxEnd');
}
