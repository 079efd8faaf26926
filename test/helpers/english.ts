/**
 * Finds English sentences in text meant for Russian readers (issue #13): runs of two or more Latin
 * words that stand next to each other, separated by single spaces, none of them a name the output
 * has to keep as it is (a reason code, a column, a flag, a file, an act, a command, or a word taken
 * from the inputs themselves). Markup is taken off first (style and script too); flags (`--as-of`),
 * placeholders (`<file>`, `[options]`), paths, file names and dotted or underscored identifiers
 * break runs and are never words. One Latin word alone (`call`, `marketing`, `GDPR`) is not a
 * sentence; `not a valid number` is.
 */

/** Words a Russian text keeps in Latin letters: the tool and its commands, technical names, acts. */
export const KEPT_WORDS = [
  'leadaudit', 'audit', 'explain', 'sample', 'verify', 'reasons', 'policy', 'show', 'schema', 'init', 'keygen', 'certificate', 'help', 'npx',
  'options', 'command', 'contacts', 'report', 'consent', 'notice', 'kind', 'json', 'csv', 'tsv', 'xlsx', 'jsonl', 'html', 'md', 'sig', 'pem',
  'gdpr', 'uk', 'pecr', 'cfr', 'usc', 'directive', 'ec', 'epp', 'tcpa', 'fz', 'utc', 'utf', 'bom', 'sha', 'ed', 'zip', 'gzip', 'xz', 'rar',
  'openssl', 'pkeyutl', 'pkey', 'pubin', 'inkey', 'rawin', 'sigfile', 'outform', 'der', 'sha256sum', 'excel', 'exceljs', 'junit', 'xml',
  'iso', 'alpha', 'live', 'auto', 'prerecorded', 'call', 'sms', 'email', 'marketing', 'service', 'subject', 'third', 'party', 'dmy', 'mdy',
  'clean', 'rejects', 'all', 'objection', 'registry', 'refusal', 'internal', 'advertising', 'processing', 'yes', 'no', 'true', 'false', 'да', 'нет',
  'mulberry', 'algorithm', 'dnc', 'tps', 'ctps', 'national', 'windows', 'latin', 'mobile', 'fixed', 'line', 'voip', 'toll', 'free', 'premium', 'rate',
  'shared', 'cost', 'personal', 'number', 'pager', 'uan', 'voicemail', 'unknown', 'en', 'ru', 'regs', 'reg', 'art', 'arts', 'recital',
];

const STRIP: [RegExp, string][] = [
  [/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/gi, ' | '],
  [/<[^>]*>/g, ' | '],
  [/&[a-z#0-9]+;/gi, ' | '],
  // Flags, placeholders, URLs, e-mail addresses, paths and file names, dotted or underscored names.
  [/--?[A-Za-z][\w-]*(=\S*)?/g, ' | '],
  [/<[^<>\s]+>|\[[^\]\s]+\]/g, ' | '],
  [/\b[\w.+-]+@[\w.-]+\b|\bhttps?:\/\/\S+/g, ' | '],
  [/\S*[/\\]\S*/g, ' | '],
  [/\S*[._:@=|]\S+/g, ' | '],
];

/** The English runs in `text`, each as found (empty when there is none). */
export function englishRuns(text: string, allowed: ReadonlySet<string> = new Set()): string[] {
  let s = text;
  for (const [re, to] of STRIP) s = s.replace(re, to);
  const kept = new Set([...KEPT_WORDS, ...[...allowed].map((w) => w.toLowerCase())]);
  const runs: string[] = [];
  for (const m of s.matchAll(/(?<![\p{L}\p{N}])[A-Za-z][A-Za-z']*(?: [A-Za-z][A-Za-z']*)+(?![\p{L}\p{N}])/gu)) {
    // Kept words split a run: what is left must still hold two words side by side.
    let current: string[] = [];
    const flush = () => { if (current.length >= 2) runs.push(current.join(' ')); current = []; };
    for (const w of m[0].split(' ')) {
      if (w.length < 2 || kept.has(w.toLowerCase().replace(/'s$/, ''))) flush();
      else current.push(w);
    }
    flush();
  }
  return runs;
}

/** Every Latin word in some texts (the inputs of a run: names, purposes and ids they hold may be shown). */
export function latinWords(...texts: string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(/[A-Za-z][A-Za-z']*/g)) out.add(m[0].toLowerCase());
  return out;
}
