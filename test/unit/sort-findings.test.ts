import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REASON_CODES, sortFindings, type Finding } from '../../src/reasons.js';

describe('sortFindings', () => {
  it('orders findings by the registry and keeps the order of equal codes, as a stable sort does (issue #16: sorted in place by hand)', () => {
    const rank = new Map(REASON_CODES.map((c, i) => [c, i]));
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom(...REASON_CODES), fc.nat()), { maxLength: 12 }), (pairs) => {
      const findings: Finding[] = pairs.map(([code, n]) => ({ code, args: { n } }));
      const expected = findings.slice().sort((a, b) => rank.get(a.code)! - rank.get(b.code)!);
      const sorted = sortFindings(findings);
      // In place: the same array, now in the order a stable sort gives.
      expect(sorted).toBe(findings);
      expect(sorted).toEqual(expected);
      for (let i = 1; i < sorted.length; i++) expect(rank.get(sorted[i - 1]!.code)!).toBeLessThanOrEqual(rank.get(sorted[i]!.code)!);
    }), { numRuns: 5_000 });
  });
});
