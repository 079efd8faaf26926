import { describe, expect, it } from 'vitest';
import { findHints } from '../../src/report/hints.js';
import { hintText } from '../../src/report/summary.js';
import { REASONS, reasonFor } from '../../src/reasons.js';

const NOTICE6 = 'NOTICE_OPERATOR_MISSING|NOTICE_PURPOSE_MISSING|NOTICE_LEGAL_BASIS_MISSING|NOTICE_PDN_LIST_MISSING|NOTICE_RECIPIENTS_MISSING|NOTICE_RIGHTS_MISSING';

describe('hints (issue #11)', () => {
  it('names --notice and leadaudit init once when no manifest was given and every row lacks notice items', () => {
    const hints = findHints({ rows: 3, rejected: 3, combos: new Map([[NOTICE6, 2], [`CONSENT_MISSING|${NOTICE6}`, 1]]), noticeGiven: false });
    expect(hints.map((h) => h.kind)).toEqual(['no-notice']);
    expect(hintText(hints[0]!)).toMatch(/--notice notice\.json; `leadaudit init` writes a starter/);
  });

  it('gives no notice hint when a manifest was given, or when some row has its notice', () => {
    expect(findHints({ rows: 2, rejected: 2, combos: new Map([[NOTICE6, 2]]), noticeGiven: true }).map((h) => h.kind)).toEqual(['one-fix']);
    expect(findHints({ rows: 3, rejected: 2, combos: new Map([[`CONSENT_MISSING|${NOTICE6}`, 2]]), noticeGiven: false }).map((h) => h.kind)).toEqual(['no-single-fix']);
  });

  it('says which single fix clears every row when all rejected rows share one reason', () => {
    const [h] = findHints({ rows: 5, rejected: 4, combos: new Map([['CONSENT_UNPROVEN', 4]]), noticeGiven: true });
    expect(h).toEqual({ kind: 'one-fix', fix: 'CONSENT_UNPROVEN', codes: ['CONSENT_UNPROVEN'], clears: 4, rejected: 4, sameReasons: true });
    expect(hintText(h!)).toBe(`every rejected row has the same reasons (CONSENT_UNPROVEN); one fix would clear all 4: CONSENT_UNPROVEN: ${REASONS.CONSENT_UNPROVEN.remedy}`);
  });

  it('names the fix that removes the most reasons when no single fix clears a row', () => {
    const [h] = findHints({ rows: 2, rejected: 2, combos: new Map([[`CONSENT_MISSING|${NOTICE6}`, 2]]), noticeGiven: true });
    expect(h).toEqual({ kind: 'no-single-fix', codes: ['CONSENT_MISSING', ...NOTICE6.split('|')], fix: 'NOTICE', removes: 6 });
  });

  it('names a fix that clears at least half of the rejected rows of a mixed list, and none below that', () => {
    const combos = new Map([['CONSENT_MISSING', 6], ['SUPPRESSED', 2], ['DUPLICATE|SUPPRESSED', 2]]);
    expect(findHints({ rows: 20, rejected: 10, combos, noticeGiven: true })).toEqual([{ kind: 'one-fix', fix: 'CONSENT_MISSING', codes: [], clears: 6, rejected: 10, sameReasons: false }]);
    expect(findHints({ rows: 20, rejected: 10, combos: new Map([['CONSENT_MISSING', 4], ['SUPPRESSED', 3], ['DUPLICATE', 3]]), noticeGiven: true })).toEqual([]);
  });
});

describe('hints on an email run (issue #15)', () => {
  it("gives SUPPRESSED and DUPLICATE the address's remedy, and the number's on a call run", () => {
    for (const code of ['SUPPRESSED', 'DUPLICATE'] as const) {
      const [h] = findHints({ rows: 5, rejected: 4, combos: new Map([[code, 4]]), noticeGiven: true });
      expect(hintText(h!, 'email')).toBe(`every rejected row has the same reasons (${code}); one fix would clear all 4: ${code}: ${reasonFor(code, 'email')!.remedy}`);
      expect(hintText(h!, 'call')).toBe(`every rejected row has the same reasons (${code}); one fix would clear all 4: ${code}: ${REASONS[code].remedy}`);
      expect(hintText(h!)).toBe(hintText(h!, 'call'));
    }
    // SUPPRESSED's words differ (the address or its domain is on a list); DUPLICATE's are the same in English.
    expect(reasonFor('SUPPRESSED', 'email')!.remedy).not.toBe(REASONS.SUPPRESSED.remedy);
    expect(hintText(findHints({ rows: 5, rejected: 4, combos: new Map([['SUPPRESSED', 4]]), noticeGiven: true })[0]!, 'email')).toMatch(/address/);
  });
});
