/**
 * Judging a row of an email run (issue #15): the email address is the contact key, so the phone is
 * neither required nor judged. The key's rules run in the phone rules' order (the address, the
 * duplicate, consent before suppression so that consent may override a registry hit), then the row
 * rules (required lists, dial mode, notice, source) exactly as on a phone run.
 */
import { NO_FINDINGS, sortFindings, type Finding } from '../reasons.js';
import type { CsvRecord } from '../io/csv-tokenizer.js';
import { newRow, type AuditContext, type EmailContext, type RowFacts } from '../rules/context.js';
import type { Rule } from '../rules/index.js';
import { consentFindings, judgeConsent } from '../rules/consent.js';
import { suppressionFindings } from '../rules/suppression.js';
import { normalizeEmail } from './normalize.js';

export function judgeEmailRow(record: CsvRecord, ctx: AuditContext, rowRules: readonly Rule[]): RowFacts {
  const row = newRow(record);
  if (record.malformed) {
    row.findings.push({ code: 'ROW_MALFORMED', args: { problem: record.malformed.problem, raw: record.malformed.raw } });
    return row;
  }
  const email = ctx.email!;
  const cell = record.fields[email.column] ?? '';
  const r = normalizeEmail(cell);
  if (r.kind === 'missing') row.findings.push({ code: 'EMAIL_MISSING' });
  else if (r.kind === 'invalid') row.findings.push({ code: 'EMAIL_INVALID', args: { value: JSON.stringify(cell.trim().slice(0, 80)), problem: r.problem } });
  else {
    row.email = { raw: cell, address: r.address };
    row.findings.push(...checkDuplicate(row, email, ctx), ...checkConsent(row, ctx), ...checkSuppression(row, r.domain, ctx));
  }
  for (const rule of rowRules) {
    const found = rule.check(row, ctx);
    if (found.length) row.findings.push(...found);
  }
  sortFindings(row.findings);
  return row;
}

/** DUPLICATE: the same normalized address on an earlier row (the first is the one audited). */
function checkDuplicate(row: RowFacts, email: EmailContext, ctx: AuditContext): readonly Finding[] {
  const address = row.email!.address;
  const first = email.seen.get(address);
  if (first === undefined) {
    email.seen.set(address, row.line);
    return NO_FINDINGS;
  }
  return ctx.campaign.rejectDuplicates ? [{ code: 'DUPLICATE', args: { email: address, firstLine: first } }] : NO_FINDINGS;
}

function checkConsent(row: RowFacts, ctx: AuditContext): readonly Finding[] {
  const address = row.email!.address;
  const extra = ctx.evidence === undefined ? undefined : { evidence: ctx.evidence };
  return consentFindings(row, judgeConsent(ctx.email!.consent.lookup(address), ctx.campaign, address, extra, ctx.fates !== false), ctx, address);
}

function checkSuppression(row: RowFacts, domain: string, ctx: AuditContext): readonly Finding[] {
  const address = row.email!.address;
  const lists = ctx.email!.suppression.find(address, domain);
  return lists === undefined ? NO_FINDINGS : suppressionFindings(row, ctx, lists, address);
}
