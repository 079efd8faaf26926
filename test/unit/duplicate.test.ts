import { describe, expect, it } from 'vitest';
import { checkDuplicate } from '../../src/rules/duplicate.js';
import { NumberTable } from '../../src/evidence/number-table.js';
import type { AuditContext, RowFacts } from '../../src/rules/context.js';

function context(rejectDuplicates = true): AuditContext {
  return {
    campaign: { rejectDuplicates },
    seen: new NumberTable(),
  } as unknown as AuditContext;
}

const row = (line: number, e164?: string): RowFacts => ({ line, cells: [], findings: [], ...(e164 ? { e164 } : {}) });

describe('checkDuplicate', () => {
  it('passes the first row with a number', () => {
    expect(checkDuplicate(row(2, '+79161112233'), context())).toEqual([]);
  });

  it('rejects later rows with the same number and names the first line', () => {
    const ctx = context();
    expect(checkDuplicate(row(2, '+79161112233'), ctx)).toEqual([]);
    expect(checkDuplicate(row(5, '+79123456789'), ctx)).toEqual([]);
    expect(checkDuplicate(row(7, '+79161112233'), ctx)).toEqual([{ code: 'DUPLICATE', args: { e164: '+79161112233', firstLine: 2 } }]);
    expect(checkDuplicate(row(9, '+79161112233'), ctx)).toEqual([{ code: 'DUPLICATE', args: { e164: '+79161112233', firstLine: 2 } }]);
    expect(checkDuplicate(row(11, '+79123456789'), ctx)).toEqual([{ code: 'DUPLICATE', args: { e164: '+79123456789', firstLine: 5 } }]);
  });

  it('ignores rows without a number and does not remember them', () => {
    const ctx = context();
    expect(checkDuplicate(row(2), ctx)).toEqual([]);
    expect(checkDuplicate(row(3), ctx)).toEqual([]);
    expect(ctx.seen.size).toBe(0);
    expect(checkDuplicate(row(4, '+447400123456'), ctx)).toEqual([]);
    expect(checkDuplicate(row(6, '+447400123456'), ctx)).toEqual([{ code: 'DUPLICATE', args: { e164: '+447400123456', firstLine: 4 } }]);
  });

  it('tells different numbers apart', () => {
    const ctx = context();
    for (const [i, n] of ['+79161112233', '+79161112234', '+447400123456', '+12015550123'].entries()) {
      expect(checkDuplicate(row(i + 2, n), ctx)).toEqual([]);
    }
  });

  it('reports nothing when the policy keeps duplicates, but still remembers the first line', () => {
    const ctx = context(false);
    expect(checkDuplicate(row(2, '+79161112233'), ctx)).toEqual([]);
    expect(checkDuplicate(row(3, '+79161112233'), ctx)).toEqual([]);
    ctx.campaign.rejectDuplicates = true;
    expect(checkDuplicate(row(4, '+79161112233'), ctx)).toEqual([{ code: 'DUPLICATE', args: { e164: '+79161112233', firstLine: 2 } }]);
  });
});
