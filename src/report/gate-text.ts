/**
 * The gate in words (issue #14): one sentence per condition, saying what was measured, the limit
 * and who set it. report.json's `gate.failures`, the summary, the one line printed under --quiet,
 * report.html and the certificate all read these words; this is the only place that makes them.
 */
import type { GateCondition, GateVerdict } from '../core/gate.js';
import { fmtDate, fmtNumber, t } from '../i18n/index.js';
import { percentText } from '../core/gate.js';

export interface GateTextContext {
  /** The policy's name, for conditions the policy set. */
  policy: string;
  /** report.json's `as_of`, for the age of required lists. */
  asOf: string;
}

const rows = (n: number) => t('gate.rows', { count: n });

/** A share as people write it: 0.05 -> `5%`, 0.125 -> `12.5%` (`12,5 %` in Russian). */
export function percent(x: number): string {
  return percentText(String(Number((x * 100).toPrecision(10))));
}

/**
 * The reject rate next to its limit with enough decimals that the shown numbers compare the way
 * the real ones do: 5.04% rejected against 5% shows `5.04%`, not `5.0%`.
 */
function rateAgainst(rate: number, limit: number): string {
  const above = rate > limit;
  if (rate === 0 || rate === 1) return percent(rate);
  for (let digits = 1; digits < 8; digits++) {
    const shown = Number((rate * 100).toFixed(digits));
    if (above ? shown > limit * 100 : shown <= limit * 100) return percentText((rate * 100).toFixed(digits));
  }
  return percent(rate);
}

/** `2026-07-01T00:00:00.000Z` -> `2026-07-01` (`01.07.2026` in Russian); other instants as they are. */
const day = (iso: string) => fmtDate(iso.replace(/T00:00:00(\.000)?Z$/, ''));

function setBy(c: GateCondition, ctx: GateTextContext, field: string): string {
  return c.set_by === 'policy' ? t('gate.setByPolicy', { field, policy: ctx.policy }) : c.set_by;
}

export function conditionText(c: GateCondition, ctx: GateTextContext): string {
  switch (c.condition) {
    case 'max_reject_rate':
      return t('gate.maxRejectRate', { rate: rateAgainst(c.reject_rate, c.limit), op: c.passed ? '<=' : '>', limit: percent(c.limit), by: setBy(c, ctx, 'gate.max_reject_rate') });
    case 'fail_on_reject': {
      const by = setBy(c, ctx, 'gate.fail_on_reject');
      return c.passed ? t('gate.noRowRejected', { by }) : t('gate.rowsRejected', { rows: rows(c.rejected), by });
    }
    case 'fail_on': {
      const by = setBy(c, ctx, 'gate.fail_on');
      if (c.passed) return t('gate.noRowWith', { codes: c.codes.join(t('gate.or')), by });
      const hits = c.codes.filter((code) => c.rows[code]).map((code, i) => t('gate.rowsWith', { rows: i === 0 ? rows(c.rows[code]!) : fmtNumber(c.rows[code]!), code }));
      return `${hits.join(', ')} (${by})`;
    }
    case 'required_list': {
      const by = t('gate.byPolicy', { policy: ctx.policy });
      if (c.state === 'missing') return t('gate.listMissing', { list: c.list, by });
      const args = { list: c.list, date: day(c.date ?? ''), days: String(c.max_age_days), asOf: day(ctx.asOf), by };
      return c.state === 'stale' ? t('gate.listStale', args) : t('gate.listFresh', args);
    }
  }
}

/** Why the gate failed: one sentence per failed condition (report.json `gate.failures`). */
export function gateFailures(g: Pick<GateVerdict, 'conditions'>, ctx: GateTextContext): string[] {
  return g.conditions.filter((c) => !c.passed).map((c) => conditionText(c, ctx));
}

export type GateState = 'failed' | 'passed' | 'none';

/** `none` when no condition was set: the run is then neither passed nor failed by a gate. */
export function gateState(g: { passed: boolean; conditions?: readonly unknown[] }): GateState {
  if (!g.passed) return 'failed';
  return g.conditions && g.conditions.length > 0 ? 'passed' : 'none';
}
