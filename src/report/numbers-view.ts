/**
 * Each number of a row with several, as people read it in `explain` and the spot-audit sheet
 * (issue #11): where it was, how it reads, and its own verdict.
 */
import type { TrailEntry } from './trail.js';

export function numbersPairs(entry: TrailEntry, mask: (s: string) => string, maskText: (s: string) => string = (s) => s): { label: string; value: string }[] {
  return (entry.numbers ?? []).map((n, i) => {
    const read = n.status === 'valid' ? ` = ${mask(n.e164 ?? '')}` : n.status === 'invalid' ? ' (not a valid number)' : '';
    const verdict = n.same_as !== null ? `the same number as number ${n.same_as + 1}, judged once`
      : n.verdict === 'passed' ? `passed${n.covering ? ` (consent ${n.covering})` : ''}`
        : n.verdict === 'removed' ? `taken out of the clean row: ${maskText(n.details.join('; '))}`
          : `failed: ${maskText(n.details.join('; '))}`;
    return { label: `Number ${i + 1} (${n.column})`, value: `${mask(n.raw)}${read}: ${verdict}` };
  });
}
