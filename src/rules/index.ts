/**
 * The ordered rule registry. A row is judged by each rule in turn; a rule returns findings and
 * may record what it learnt on the row for the rules after it (the number, the consent decision).
 * A ROW_MALFORMED record gets that code alone: no rule runs on it (SPEC "Reason codes").
 */
import { sortFindings, type Finding } from '../reasons.js';
import type { CsvRecord } from '../io/csv-tokenizer.js';
import type { AuditContext, RowFacts } from './context.js';
import { checkPhone } from './phone.js';
import { checkDuplicate } from './duplicate.js';
import { checkSuppression } from './suppression.js';
import { checkConsent } from './consent.js';
import { checkNotice } from './notice.js';
import { checkCountry, checkNumberType } from './phone-policy.js';
import { checkSource } from './source.js';
import { checkRequiredLists } from './required-lists.js';

export interface Rule {
  name: string;
  check(row: RowFacts, ctx: AuditContext): readonly Finding[];
}

/**
 * In the order they run: later rules read what earlier ones found (the number, the consent
 * decision, the resolved notice). The order of codes in `audit_reasons` is the registry's, not this.
 */
export const RULES: readonly Rule[] = [
  { name: 'phone', check: checkPhone },
  { name: 'number-type', check: checkNumberType },
  { name: 'country', check: checkCountry },
  { name: 'duplicate', check: checkDuplicate },
  { name: 'suppression', check: checkSuppression },
  { name: 'required-lists', check: checkRequiredLists },
  { name: 'consent', check: checkConsent },
  { name: 'notice', check: checkNotice },
  { name: 'source', check: checkSource },
];

export function judgeRow(record: CsvRecord, ctx: AuditContext): RowFacts {
  const row: RowFacts = { line: record.line, cells: record.fields, findings: [] };
  if (record.malformed) {
    row.findings.push({ code: 'ROW_MALFORMED', args: { problem: record.malformed.problem, raw: record.malformed.raw } });
    return row;
  }
  for (const rule of RULES) {
    const found = rule.check(row, ctx);
    if (found.length) row.findings.push(...found);
  }
  sortFindings(row.findings);
  return row;
}
