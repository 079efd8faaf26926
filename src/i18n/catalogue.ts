/**
 * The message catalogues (issue #13): every text meant for people has a key here, in English and
 * in Russian. English is the reference: its parts are plain objects `as const`, whose literal types
 * give each key its placeholders; each Russian part is typed `Messages<typeof enPart>`, so a key
 * missing from it or extra in it fails `npm run typecheck` and the build. test/unit/i18n.test.ts
 * checks that every key is used in src/ and that the placeholders match.
 */
import type { Message } from './message.js';
import * as en from './en/index.js';
import * as ru from './ru/index.js';

type Merge<T> = { [P in keyof T]: T[P] } extends infer O ? { [K in keyof O as K]: O[K] } : never;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

export type En = Merge<UnionToIntersection<(typeof en)[keyof typeof en]>>;
export type Key = keyof En & string;

function merge(parts: Record<string, Record<string, Message>>): Record<string, Message> {
  return Object.assign({}, ...Object.values(parts)) as Record<string, Message>;
}

export const CATALOGUES = { en: merge(en), ru: merge(ru) } as const;
