/**
 * Every number is audited (issue #11, item 4): a row with several phone columns, or a cell with
 * several numbers, gets a verdict per number. Each number runs the number rules (phone, type,
 * country, duplicate, suppression, consent); the row rules (notice, source) run once, on the row,
 * with the first passing number (else the first valid one) standing for it. The row is clean when
 * at least one number passes and no row rule objects; a rejected row carries every number's codes,
 * each finding naming its number.
 */
import { sortFindings, type Finding } from '../reasons.js';
import { e164Key } from '../evidence/number-table.js';
import type { AuditContext, KeyVerdict, RowFacts } from './context.js';
import type { Rule } from './index.js';
import { invalidPhone } from './phone.js';

export function judgeNumbers(row: RowFacts, ctx: AuditContext, numberRules: readonly Rule[], rowRules: readonly Rule[]): RowFacts {
  const keys: KeyVerdict[] = [];
  for (const column of ctx.columns.phones) {
    const cell = row.cells[column] ?? '';
    const reading = ctx.phones.read(cell);
    // An empty cell is not a number and adds no code (PHONE_MISSING is for a row without any).
    if (reading.kind === 'missing') continue;
    const parts = reading.kind === 'several' ? reading.parts : [{ raw: cell.trim(), result: reading }];
    for (const part of parts) {
      if (part.result.kind === 'missing') continue;
      keys.push(judgeKey(row, column, part.raw, part.result, keys, ctx, numberRules));
    }
  }
  row.numbers = keys;
  if (keys.length === 0) row.findings.push(ctx.columns.phones.length > 1 ? { code: 'PHONE_MISSING', args: { cells: ctx.columns.phones.length } } : { code: 'PHONE_MISSING' });
  const passing = keys.find((k) => k.findings.length === 0);
  const standIn = passing ?? keys.find((k) => k.e164 !== undefined) ?? keys[0];
  if (standIn) {
    row.phone = standIn.phone;
    if (standIn.e164 !== undefined) { row.e164 = standIn.e164; row.key = e164Key(standIn.e164); }
    if (standIn.consent) row.consent = standIn.consent;
    if (standIn.suppression) row.suppression = standIn.suppression;
    if (standIn.lineType) row.lineType = standIn.lineType;
  }
  for (const rule of rowRules) {
    const found = rule.check(row, ctx);
    if (found.length) row.findings.push(...found);
  }
  // A clean row keeps its row findings only (none); the failing numbers are taken out of its
  // phone cells. Otherwise every number's findings count, named by number when there are several.
  if (!passing || row.findings.length > 0) {
    const name = keys.length > 1;
    for (const k of keys) {
      if (k.sameAs !== undefined) continue;
      for (const f of k.findings) row.findings.push(name ? { ...f, number: k.raw } : f);
    }
  }
  sortFindings(row.findings);
  return row;
}

function judgeKey(
  row: RowFacts, column: number, raw: string, phone: KeyVerdict['phone'], earlier: readonly KeyVerdict[],
  ctx: AuditContext, numberRules: readonly Rule[],
): KeyVerdict {
  const key: KeyVerdict = { kind: 'phone', column, raw, phone, e164: undefined, findings: [], consent: undefined, suppression: undefined, sameAs: undefined };
  if (phone.kind !== 'valid') {
    key.findings.push(invalidPhone(raw, phone.kind === 'invalid' ? phone : {}, ctx));
    return key;
  }
  key.e164 = phone.e164;
  // The same number twice in one row (two columns, a repeated cell) is one contact, judged once:
  // not a DUPLICATE of itself.
  const same = earlier.findIndex((k) => k.e164 === phone.e164);
  if (same >= 0) {
    const first = earlier[same]!;
    return { ...key, findings: first.findings, consent: first.consent, suppression: first.suppression, lineType: first.lineType, sameAs: same };
  }
  const facts: RowFacts = { line: row.line, cells: row.cells, findings: [], phone, e164: phone.e164, key: e164Key(phone.e164) };
  for (const rule of numberRules) {
    const found = rule.check(facts, ctx);
    if (found.length) facts.findings.push(...found);
  }
  key.findings = sortFindings(facts.findings as Finding[]);
  key.consent = facts.consent;
  key.suppression = facts.suppression;
  if (facts.lineType) key.lineType = facts.lineType;
  return key;
}
