/**
 * Each number of a row with several, as people read it in `explain` and the spot-audit sheet
 * (issue #11): where it was, how it reads, and its own verdict.
 */
import type { TrailEntry } from './trail.js';
import { t } from '../i18n/index.js';

export function numbersPairs(entry: TrailEntry, mask: (s: string) => string, maskText: (s: string) => string = (s) => s): { label: string; value: string }[] {
  return (entry.numbers ?? []).map((n, i) => {
    const read = n.status === 'valid' ? ` = ${mask(n.e164 ?? '')}` : n.status === 'invalid' ? t('numbers.notValid') : '';
    const verdict = n.same_as !== null ? t('numbers.same', { n: String(n.same_as + 1) })
      : n.verdict === 'passed' ? t('numbers.passed', { consent: n.covering ? t('numbers.consent', { id: n.covering }) : '' })
        : n.verdict === 'removed' ? t('numbers.removed', { details: maskText(n.details.join('; ')) })
          : t('numbers.failed', { details: maskText(n.details.join('; ')) });
    return { label: t('numbers.label', { n: String(i + 1), column: n.column }), value: `${mask(n.raw)}${read}: ${verdict}` };
  });
}
