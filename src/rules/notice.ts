/**
 * The notice checks (152-FZ Art. 18 part 3: six items of notice when the data did not come from
 * the person; GDPR Art. 14). Each field resolves, first found wins: the row's own column, then the
 * consent record, then the manifest; a blank value is not found and the search goes on (SPEC
 * "Notice manifest"). The checks run on every row, whatever its phone.
 *
 * Issue #4 adds: the notice date (NOTICE_LATE when it is after --as-of: notice comes before
 * processing) and exemptions (a `notice_exempt` ground the policy allows waives the notice checks:
 * 152-FZ Art. 18 part 4, GDPR Art. 14(5)). Issue #10 adds the origin of the data: row, consent
 * record, manifest, then --origin (default third_party); data from the subject needs only the
 * policy's notice_from_subject. A row-level rule: notice is per row, whatever its numbers.
 */
import { NO_FINDINGS, type Finding } from '../reasons.js';
import { NOTICE_CODE, NOTICE_FIELDS, type NoticeField } from '../notice-fields.js';
import type { ConsentRecord } from '../evidence/consent-record.js';
import type { NoticeManifest } from '../evidence/notice-manifest.js';
import { isoString, parseDate } from '../dates.js';
import { parseOrigin } from '../evidence/consent-words.js';
import { ownCopy } from '../io/string-copy.js';
import type { Origin } from '../policy/campaign.js';
import { NoticeMemoNode, type AuditContext, type RowFacts } from './context.js';

export type NoticeSource = 'row' | 'consent' | 'manifest';
/** Where the row's origin came from: as a notice value, or the --origin option (default third_party). */
export type OriginSource = NoticeSource | 'option';
export interface NoticeValue {
  value: string;
  from: NoticeSource;
}
export type ResolvedNotice = Partial<Record<NoticeField, NoticeValue>> & {
  /** When the notice was given, and where that came from. */
  given_at?: NoticeValue;
  /** The exemption ground claimed, where from, and whether the policy allows it. */
  exempt?: NoticeValue & { allowed: boolean };
  /**
   * Where the data came from, and where that came from. A row value that is neither subject nor
   * third_party counts as third_party (the stricter: notice is needed) and is kept as `unrecognized`.
   */
  origin?: { value: Origin; from: OriginSource; unrecognized?: string };
};

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

function firstCell(cells: readonly string[], columns: readonly number[]): string | undefined {
  for (const i of columns) {
    const v = cells[i]?.trim();
    if (v) return v;
  }
  return undefined;
}

/** Key of the notice memo for a row without a consent record. */
const NO_RECORD = {};

const ownColumns = new WeakMap<object, number[]>();

/** The row's cells in its own notice columns (notice values, date, exemption, origin). */
function ownColumnsOf(ctx: AuditContext): number[] {
  let columns = ownColumns.get(ctx.columns);
  if (!columns) {
    columns = [...Object.values(ctx.columns.notice), ...Object.values(ctx.columns.meta)].flat();
    ownColumns.set(ctx.columns, columns);
  }
  return columns;
}

/**
 * Verdicts remembered, over all records: past it, rows are resolved one by one. A bought list
 * repeats a handful of notice texts; one whose rows each say something else gains nothing from it.
 */
const OWN_MEMO_LIMIT = 4096;

export function checkNotice(row: RowFacts, ctx: AuditContext): readonly Finding[] {
  const record = noticeRecord(row);
  const memo = ctx.noticeMemo;
  if (!memo) return resolveAndCheck(row, ctx, record);
  // The record's notice values are interned (one object per distinct set), so rows with the same
  // record values and the same cells in their own notice columns resolve alike: a tree of maps,
  // one level a column (no key string is made for a row), the verdict at the leaf.
  const key = record?.notice ?? NO_RECORD;
  let node = memo.byRecord.get(key);
  if (node === undefined) {
    node = new NoticeMemoNode();
    memo.byRecord.set(key, node);
  }
  const { cells } = row;
  const columns = ownColumnsOf(ctx);
  for (let c = 0; c < columns.length; c++) {
    const v = cells[columns[c]!] ?? '';
    let child: NoticeMemoNode | undefined = node.child(v);
    if (child === undefined) {
      if (memo.size >= OWN_MEMO_LIMIT) return resolveAndCheck(row, ctx, record);
      child = new NoticeMemoNode();
      // A copy: the cell is a slice of its input chunk and would keep the whole chunk alive (string-copy.ts).
      node.add(ownCopy(v), child);
    }
    node = child;
  }
  let hit = node.hit;
  if (!hit) {
    const findings = resolveAndCheck(row, ctx, record);
    hit = { notice: ownNotice(row.notice!), findings };
    node.hit = hit;
    memo.size++;
  }
  row.notice = hit.notice;
  return hit.findings;
}

/** A resolved notice whose texts are copies: a row's cells would keep their input chunk alive. */
function ownNotice(n: ResolvedNotice): ResolvedNotice {
  const out: ResolvedNotice = {};
  for (const [k, v] of Object.entries(n) as [keyof ResolvedNotice, NoticeValue & { unrecognized?: string }][]) {
    const copy: Record<string, unknown> = { ...v, value: ownCopy(v.value) };
    if (v.unrecognized !== undefined) copy.unrecognized = ownCopy(v.unrecognized);
    (out as Record<string, unknown>)[k] = copy;
  }
  return out;
}

function resolveAndCheck(row: RowFacts, ctx: AuditContext, record: ConsentRecord | undefined): readonly Finding[] {
  const { cells } = row;
  const cols = ctx.columns.notice;
  const resolved = resolveNotice((f) => firstCell(cells, cols[f]), record, ctx.manifest);
  const c = ctx.campaign;

  const ownDate = firstCell(cells, ctx.columns.meta.notice_given_at);
  if (ownDate !== undefined) resolved.given_at = { value: ownDate, from: 'row' };
  else if (record?.noticeGivenAt !== undefined) resolved.given_at = { value: isoString(record.noticeGivenAt), from: 'consent' };
  else if (ctx.manifest?.noticeGivenAt !== undefined) resolved.given_at = { value: isoString(ctx.manifest.noticeGivenAt), from: 'manifest' };

  const ownExempt = firstCell(cells, ctx.columns.meta.notice_exempt)?.toLowerCase();
  const ground = ownExempt ?? record?.noticeExempt;
  if (ground !== undefined) {
    resolved.exempt = { value: ground, from: ownExempt !== undefined ? 'row' : 'consent', allowed: c.noticeExemptions.includes(ground) };
  }
  const ownOrigin = firstCell(cells, ctx.columns.meta.origin);
  if (ownOrigin !== undefined) {
    const o = parseOrigin(ownOrigin);
    resolved.origin = o ? { value: o, from: 'row' } : { value: 'third_party', from: 'row', unrecognized: ownOrigin };
  } else if (record?.origin !== undefined) resolved.origin = { value: record.origin, from: 'consent' };
  else if (ctx.manifest?.origin !== undefined) resolved.origin = { value: ctx.manifest.origin, from: 'manifest' };
  else resolved.origin = { value: c.origin, from: 'option' };
  row.notice = resolved;

  // 152-FZ Art. 18 part 3 (and GDPR Art. 14) is about data not received from the subject; data
  // from the subject needs what the policy's notice_from_subject says (GDPR Art. 13; none in Russia).
  const required = resolved.origin.value === 'subject' ? c.noticeFromSubject : c.requiredNotice;
  if (required.length === 0) return NO_FINDINGS;
  if (resolved.exempt?.allowed) return NO_FINDINGS;
  const findings: Finding[] = [];
  // A ground the policy does not allow is named in the details (the words are made in src/reasons.ts).
  const exempt = resolved.exempt ? JSON.stringify(resolved.exempt.value) : undefined;
  const allowed = resolved.exempt ? c.noticeExemptions.join(', ') : undefined;
  for (const f of required) {
    if (resolved[f] !== undefined) continue;
    const problem = f === 'operator' ? ctx.manifest?.operatorProblem : undefined;
    findings.push({ code: NOTICE_CODE[f], args: { problem, exempt, allowed } });
  }
  if (resolved.given_at) {
    const at = parseDate(resolved.given_at.value, c.dateOrder);
    if (at === undefined) {
      findings.push({ code: 'NOTICE_LATE', args: { at: JSON.stringify(resolved.given_at.value), from: resolved.given_at.from, asOf: isoString(c.asOf), problem: 'not-a-date' } });
    } else if (at > c.asOf) {
      findings.push({ code: 'NOTICE_LATE', args: { at: isoString(at), from: resolved.given_at.from, asOf: isoString(c.asOf) } });
    }
  }
  return findings;
}
