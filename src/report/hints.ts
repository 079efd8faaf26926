/**
 * Hints where a person is stuck (issue #11): found as data here, put into words by the summary.
 * - No `--notice` and every row lacks notice items: one hint naming `--notice` and `leadaudit init`,
 *   instead of six codes on every row and no word about why.
 * - Every rejected row has the same reasons (or one fix would clear most of them): which single
 *   fix would clear the most rows. A fix is a reason code's remedy; the notice codes share one fix
 *   (a notice manifest).
 */
import { REASON_CODES, type ReasonCode } from '../reasons.js';

export type Fix = ReasonCode | 'NOTICE';

export type Hint =
  | { kind: 'no-notice'; rows: number }
  | { kind: 'one-fix'; fix: Fix; codes: ReasonCode[]; clears: number; rejected: number; sameReasons: boolean }
  | { kind: 'no-single-fix'; codes: ReasonCode[]; fix: Fix; removes: number };

const NOTICE_MISSING = new Set<ReasonCode>(REASON_CODES.filter((c) => c.startsWith('NOTICE_') && c.endsWith('_MISSING')));

function fixOf(code: ReasonCode): Fix {
  return NOTICE_MISSING.has(code) ? 'NOTICE' : code;
}

/** Codes of the rejected rows, `|`-joined, with how many rows had exactly that set. */
export function findHints(input: { rows: number; rejected: number; combos: ReadonlyMap<string, number>; noticeGiven: boolean }): Hint[] {
  const hints: Hint[] = [];
  const { rows, rejected, combos } = input;
  if (rejected === 0) return hints;
  const sets = [...combos].map(([k, n]) => [k.split('|') as ReasonCode[], n] as const);
  const noticeRows = sets.reduce((sum, [codes, n]) => sum + (codes.some((c) => NOTICE_MISSING.has(c)) ? n : 0), 0);
  if (!input.noticeGiven && noticeRows === rows) hints.push({ kind: 'no-notice', rows });

  const clears = new Map<Fix, number>();
  for (const [codes, n] of sets) {
    const fixes = new Set(codes.map(fixOf));
    if (fixes.size === 1) {
      const f = [...fixes][0]!;
      clears.set(f, (clears.get(f) ?? 0) + n);
    }
  }
  const sameReasons = sets.length === 1 && rejected >= 2;
  const best = [...clears].sort((a, b) => b[1] - a[1])[0];
  if (best && rejected >= 2 && (sameReasons || best[1] * 2 >= rejected) && !(best[0] === 'NOTICE' && hints.length)) {
    hints.push({ kind: 'one-fix', fix: best[0], codes: sets.length === 1 ? [...sets[0]![0]] : [], clears: best[1], rejected, sameReasons });
  } else if (sameReasons) {
    // No one fix clears a row: name the fix that takes away the most of its reasons.
    const codes = [...sets[0]![0]];
    const byFix = new Map<Fix, number>();
    for (const c of codes) byFix.set(fixOf(c), (byFix.get(fixOf(c)) ?? 0) + 1);
    const [fix, removes] = [...byFix].sort((a, b) => b[1] - a[1])[0]!;
    hints.push({ kind: 'no-single-fix', codes, fix, removes });
  }
  return hints;
}
