/** The catalogue API in one import (issue #13). */
export { t, tIn, fmtNumber, fmtDate, jsonProblem, type Arg } from './t.js';
export { lang, setLang, withLang, resolveLang, langOf, LANGS, LangError, type Lang } from './lang.js';
export type { Key } from './catalogue.js';
