/**
 * What a catalogue entry is: a text with `{name}` placeholders, or plural forms chosen by the
 * `count` argument through Intl.PluralRules (`one`/`other` in English; `one`/`few`/`many`/`other`
 * in Russian: 1 строка, 2 строки, 5 строк, 1,5 строки).
 */
export interface PluralForms {
  readonly one: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}
export type Message = string | PluralForms;

/** A catalogue part in another language: the same keys, each a Message (extra or missing keys fail to compile). */
export type Messages<T> = { readonly [K in keyof T]: Message };

/** The placeholder names in a text: `Holes<'{a} of {b}'>` is 'a' | 'b'. */
type Holes<S extends string> = S extends `${string}{${infer P}}${infer R}` ? P | Holes<R> : never;

/** The arguments a message takes: its placeholders, and `count` for plural forms. */
export type ParamsOf<M> = M extends string ? Holes<M>
  : M extends PluralForms ? Holes<M['one']> | Holes<M['other']> | 'count'
    : never;

/** The placeholder names of a message at run time (the placeholder test compares them across languages). */
export function holes(m: Message): string[] {
  const texts = typeof m === 'string' ? [m] : Object.values(m);
  const names = new Set<string>();
  for (const s of texts) for (const x of s.matchAll(/\{([A-Za-z0-9_]+)\}/g)) names.add(x[1]!);
  if (typeof m !== 'string') names.add('count');
  return [...names].sort();
}
