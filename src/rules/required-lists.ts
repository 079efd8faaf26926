/**
 * LIST_STALE on rows (issue #14): a required suppression list that is missing or stale screens no
 * number, so no row may be clean. The finding is the same for every row and is made once per run
 * (src/core/lists.ts); a ROW_MALFORMED record still gets that code alone (src/rules/index.ts).
 */
import { NO_FINDINGS, type Finding } from '../reasons.js';
import type { AuditContext, RowFacts } from './context.js';

export function checkRequiredLists(_row: RowFacts, ctx: AuditContext): readonly Finding[] {
  return ctx.listStale ?? NO_FINDINGS;
}
