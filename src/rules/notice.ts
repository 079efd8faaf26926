/**
 * The notice checks (152-FZ Art. 18 part 3: six items of notice when the data did not come from
 * the person). Each field resolves, first found wins: the row's own column, then the consent
 * record, then the manifest; a blank value is not found and the search goes on (SPEC "Notice
 * manifest"). The checks run on every row, whatever its phone.
 */
import type { Finding } from '../reasons.js';
import { NOTICE_CODE, NOTICE_FIELDS, type NoticeField } from '../notice-fields.js';
import type { ConsentRecord } from '../evidence/consent-record.js';
import type { NoticeManifest } from '../evidence/notice-manifest.js';
import type { AuditContext, RowFacts } from './context.js';

export type NoticeSource = 'row' | 'consent' | 'manifest';
export interface NoticeValue {
  value: string;
  from: NoticeSource;
}
export type ResolvedNotice = Partial<Record<NoticeField, NoticeValue>>;

/** The record whose notice values count for a row: the covering one, else the reported one. */
export function noticeRecord(row: RowFacts): ConsentRecord | undefined {
  return row.consent?.covering ?? row.consent?.reported;
}

export function resolveNotice(
  rowValue: (field: NoticeField) => string | undefined,
  record: ConsentRecord | undefined,
  manifest: NoticeManifest | undefined,
): ResolvedNotice {
  const out: ResolvedNotice = {};
  for (const f of NOTICE_FIELDS) {
    const own = rowValue(f);
    if (own !== undefined) { out[f] = { value: own, from: 'row' }; continue; }
    const rec = record?.notice[f];
    if (rec !== undefined) { out[f] = { value: rec, from: 'consent' }; continue; }
    const man = manifest?.values[f];
    if (man !== undefined) out[f] = { value: man, from: 'manifest' };
  }
  return out;
}

export function checkNotice(row: RowFacts, ctx: AuditContext): Finding[] {
  const { cells } = row;
  const cols = ctx.columns.notice;
  const rowValue = (f: NoticeField): string | undefined => {
    for (const i of cols[f]) {
      const v = cells[i]?.trim();
      if (v) return v;
    }
    return undefined;
  };
  const resolved = resolveNotice(rowValue, noticeRecord(row), ctx.manifest);
  row.notice = resolved;
  const findings: Finding[] = [];
  for (const f of ctx.campaign.requiredNotice) {
    if (resolved[f] !== undefined) continue;
    const problem = f === 'operator' ? ctx.manifest?.operatorProblem : undefined;
    findings.push({ code: NOTICE_CODE[f], args: problem ? { problem } : {} });
  }
  return findings;
}
