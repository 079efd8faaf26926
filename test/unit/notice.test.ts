import { describe, expect, it } from 'vitest';
import { checkNotice, noticeRecord, resolveNotice } from '../../src/rules/notice.js';
import { RU_NOTICE_FIELDS as NOTICE_FIELDS, type NoticeField } from '../../src/notice-fields.js';
import { noticeColumns, noticeMetaColumns } from '../../src/io/columns.js';
import type { ConsentRecord } from '../../src/evidence/consent-record.js';
import type { NoticeManifest } from '../../src/evidence/notice-manifest.js';
import type { ConsentDecision } from '../../src/rules/consent.js';
import type { AuditContext, RowFacts } from '../../src/rules/context.js';

function record(id: string, notice: Partial<Record<NoticeField, string>>): ConsentRecord {
  return {
    e164: '+79161112233', consentId: id, file: 'consent.csv', line: 2, givenAt: 0, withdrawnAt: undefined, expiresAt: undefined,
    channels: [], purposes: ['marketing'], evidenceRef: 'form-1', notice, noticeGivenAt: undefined, noticeExempt: undefined,
  };
}

function manifest(values: Partial<Record<NoticeField, string>>, operatorProblem?: string): NoticeManifest {
  return { path: '/tmp/notice.json', sha256: '', values, operatorProblem, operatorName: undefined, noticeGivenAt: undefined };
}

const FULL_MANIFEST = manifest({
  operator: 'ООО «Ромашка», 125009, Москва, ул. Тверская, 1',
  purpose: 'Telephone offers',
  legal_basis: 'Consent, 152-FZ Art. 6 part 1 item 1',
  pdn_list: 'full name; phone number',
  recipients: 'ООО «Ромашка»',
  rights: 'https://romashka.example/privacy#rights',
  source: 'Lead vendor ООО «Лиды»',
});

function context(header: string[], m: NoticeManifest | undefined, requiredNotice: readonly NoticeField[] = NOTICE_FIELDS): AuditContext {
  return {
    campaign: { requiredNotice, noticeExemptions: [], asOf: 0 },
    manifest: m,
    columns: { phone: 0, notice: noticeColumns(header), meta: noticeMetaColumns(header) },
  } as unknown as AuditContext;
}

function decision(covering?: ConsentRecord, reported?: ConsentRecord): ConsentDecision {
  return { findings: [], covering, reported, considered: [] };
}

function row(cells: string[], consent?: ConsentDecision): RowFacts {
  return { line: 2, cells, findings: [], ...(consent ? { consent } : {}) };
}

const codes = (findings: { code: string }[]) => findings.map((f) => f.code);
const none = () => undefined;

describe('resolveNotice', () => {
  it("takes the row's value first", () => {
    const r = resolveNotice((f) => (f === 'source' ? 'row source' : undefined), record('c1', { source: 'record source' }), manifest({ source: 'manifest source' }));
    expect(r.source).toEqual({ value: 'row source', from: 'row' });
  });

  it("takes the consent record's value when the row has none", () => {
    const r = resolveNotice(none, record('c1', { source: 'record source' }), manifest({ source: 'manifest source' }));
    expect(r.source).toEqual({ value: 'record source', from: 'consent' });
  });

  it("takes the manifest's value when the row and the record have none", () => {
    const r = resolveNotice(none, record('c1', { purpose: 'p' }), manifest({ source: 'manifest source' }));
    expect(r.source).toEqual({ value: 'manifest source', from: 'manifest' });
    expect(r.purpose).toEqual({ value: 'p', from: 'consent' });
  });

  it('leaves a field unresolved when nothing has it', () => {
    const r = resolveNotice(none, undefined, undefined);
    expect(r).toEqual({});
    const r2 = resolveNotice(none, record('c1', {}), manifest({}));
    expect(r2).toEqual({});
  });

  it('resolves each field on its own', () => {
    const r = resolveNotice(
      (f) => (f === 'operator' ? 'ООО «Ромашка», Москва' : undefined),
      record('c1', { purpose: 'record purpose', operator: 'record operator' }),
      FULL_MANIFEST,
    );
    expect(r.operator?.from).toBe('row');
    expect(r.purpose?.from).toBe('consent');
    for (const f of ['legal_basis', 'pdn_list', 'recipients', 'rights', 'source'] as const) expect(r[f]?.from).toBe('manifest');
  });
});

describe('noticeRecord', () => {
  it('is the covering record, else the reported one, else none', () => {
    const a = record('a', {}), b = record('b', {});
    expect(noticeRecord(row([], decision(a, b)))?.consentId).toBe('a');
    expect(noticeRecord(row([], decision(undefined, b)))?.consentId).toBe('b');
    expect(noticeRecord(row([], decision()))).toBeUndefined();
    expect(noticeRecord(row([]))).toBeUndefined();
  });
});

describe('checkNotice', () => {
  const header = ['phone', 'operator', 'notice_purpose', 'purpose', 'цель', 'source'];

  it('passes a row whose every field resolves from the manifest', () => {
    const r = row(['+7 916 111-22-33', '', '', '', '', '']);
    expect(checkNotice(r, context(header, FULL_MANIFEST))).toEqual([]);
    expect(r.notice?.operator?.from).toBe('manifest');
  });

  it('reports every required field that does not resolve, in field order', () => {
    const r = row(['+7 916 111-22-33', '', '', '', '', '']);
    expect(codes(checkNotice(r, context(header, undefined)))).toEqual([
      'NOTICE_OPERATOR_MISSING', 'NOTICE_PURPOSE_MISSING', 'NOTICE_LEGAL_BASIS_MISSING', 'NOTICE_PDN_LIST_MISSING',
      'NOTICE_RECIPIENTS_MISSING', 'NOTICE_RIGHTS_MISSING', 'NOTICE_SOURCE_MISSING',
    ]);
  });

  it('checks only the required fields', () => {
    const r = row(['+7 916 111-22-33', '', '', '', '', '']);
    expect(codes(checkNotice(r, context(header, undefined, ['operator', 'source'])))).toEqual(['NOTICE_OPERATOR_MISSING', 'NOTICE_SOURCE_MISSING']);
    expect(checkNotice(r, context(header, undefined, []))).toEqual([]);
  });

  it("uses the row's cells before the record and the manifest", () => {
    const r = row(['+7 916 111-22-33', 'ООО «Ромашка», Москва', '', '', '', 'row source'], decision(record('c1', { source: 'record source' })));
    expect(checkNotice(r, context(header, FULL_MANIFEST))).toEqual([]);
    expect(r.notice?.operator).toEqual({ value: 'ООО «Ромашка», Москва', from: 'row' });
    expect(r.notice?.source).toEqual({ value: 'row source', from: 'row' });
  });

  it('trims row values', () => {
    const r = row(['x', '  ООО «Ромашка», Москва  ', '', '', '', '']);
    checkNotice(r, context(header, FULL_MANIFEST));
    expect(r.notice?.operator?.value).toBe('ООО «Ромашка», Москва');
  });

  it('skips blank cells and goes on to the consent record, then the manifest', () => {
    const withRecord = row(['x', '   ', '', '', '', '\t'], decision(record('c1', { source: 'record source' })));
    checkNotice(withRecord, context(header, FULL_MANIFEST));
    expect(withRecord.notice?.source).toEqual({ value: 'record source', from: 'consent' });
    expect(withRecord.notice?.operator?.from).toBe('manifest');
  });

  it('looks through notice_<field>, <field> and the Russian name, skipping blank ones', () => {
    const ctx = context(header, undefined, ['purpose']);
    const r1 = row(['x', '', 'A', 'B', 'C', '']);
    checkNotice(r1, ctx);
    expect(r1.notice?.purpose?.value).toBe('A');
    const r2 = row(['x', '', ' ', 'B', 'C', '']);
    checkNotice(r2, ctx);
    expect(r2.notice?.purpose?.value).toBe('B');
    const r3 = row(['x', '', '', '', 'C', '']);
    expect(checkNotice(r3, ctx)).toEqual([]);
    expect(r3.notice?.purpose?.value).toBe('C');
  });

  it("uses the covering record's values", () => {
    const r = row(['x', '', '', '', '', ''], decision(record('cover', { source: 'covering source' }), record('rep', { source: 'reported source' })));
    checkNotice(r, context(header, undefined, ['source']));
    expect(r.notice?.source?.value).toBe('covering source');
  });

  it("uses the reported record's values when none covers", () => {
    const r = row(['x', '', '', '', '', ''], decision(undefined, record('rep', { source: 'reported source' })));
    expect(checkNotice(r, context(header, undefined, ['source']))).toEqual([]);
    expect(r.notice?.source).toEqual({ value: 'reported source', from: 'consent' });
  });

  it('uses no record when the consent decision names none', () => {
    const r = row(['x', '', '', '', '', ''], decision());
    expect(codes(checkNotice(r, context(header, undefined, ['source'])))).toEqual(['NOTICE_SOURCE_MISSING']);
  });

  it('runs on rows without a number (no consent decision)', () => {
    const r = row(['', '', '', '', '', '']);
    expect(codes(checkNotice(r, context(header, manifest({ source: 's' }), ['source', 'rights'])))).toEqual(['NOTICE_RIGHTS_MISSING']);
  });

  it("reports NOTICE_OPERATOR_MISSING with the manifest's problem when its operator has no address", () => {
    const m = manifest({ source: 's' }, "the notice manifest's operator has no address");
    const findings = checkNotice(row(['x', '', '', '', '', '']), context(header, m, ['operator', 'source']));
    expect(findings).toEqual([{ code: 'NOTICE_OPERATOR_MISSING', args: { problem: "the notice manifest's operator has no address" } }]);
  });

  it('reports NOTICE_OPERATOR_MISSING without a problem when nothing names an operator', () => {
    expect(checkNotice(row(['x', '', '', '', '', '']), context(header, manifest({}), ['operator']))).toEqual([{ code: 'NOTICE_OPERATOR_MISSING', args: {} }]);
  });

  it("does not report the manifest's operator problem when the row or the record gives an operator", () => {
    const m = manifest({}, "the notice manifest's operator has no address");
    expect(checkNotice(row(['x', 'ООО «Ромашка», Москва', '', '', '', '']), context(header, m, ['operator']))).toEqual([]);
    expect(checkNotice(row(['x', '', '', '', '', ''], decision(record('c', { operator: 'ООО «Ромашка», Москва' }))), context(header, m, ['operator']))).toEqual([]);
  });

  it('reads notice columns by their header name in any case', () => {
    const ctx = context(['Phone', ' ИСТОЧНИК ', 'Notice_Rights'], undefined, ['source', 'rights']);
    const r = row(['x', 'vendor', 'https://example.org/rights']);
    expect(checkNotice(r, ctx)).toEqual([]);
  });
});

describe('checkNotice: where the data came from (issue #10, 152-FZ Art. 18 part 3)', () => {
  function ctxWith(header: string[], origin: 'subject' | 'third_party', noticeFromSubject: readonly NoticeField[], m?: NoticeManifest & { origin?: 'subject' | 'third_party' }): AuditContext {
    const ctx = context(header, m);
    Object.assign(ctx.campaign, { origin, noticeFromSubject });
    return ctx;
  }

  it('needs no Art. 18 part 3 notice for a row whose data came from the subject (ru-152fz: notice_from_subject is empty)', () => {
    const r = row(['+79161112233', 'subject']);
    expect(checkNotice(r, ctxWith(['phone', 'origin'], 'third_party', []))).toEqual([]);
    expect(r.notice?.origin).toEqual({ value: 'subject', from: 'row' });
  });

  it('still needs the full notice for data from a third party, by default', () => {
    const r = row(['+79161112233']);
    expect(codes(checkNotice(r, ctxWith(['phone'], 'third_party', [])))).toHaveLength(7);
    expect(r.notice?.origin).toEqual({ value: 'third_party', from: 'option' });
  });

  it('takes the origin from the row, then the consent record, then the manifest, then --origin', () => {
    const fromSubject = { ...record('c1', {}), origin: 'subject' as const };
    const fromThird = { ...record('c2', {}), origin: 'third_party' as const };
    const ctx = ctxWith(['phone', 'Происхождение'], 'third_party', [], { ...manifest({}), origin: 'subject' });
    const viaRow = row(['+7', 'третье лицо'], decision(fromSubject));
    checkNotice(viaRow, ctx);
    expect(viaRow.notice?.origin).toEqual({ value: 'third_party', from: 'row' });
    const viaRecord = row(['+7', ''], decision(fromThird));
    checkNotice(viaRecord, ctx);
    expect(viaRecord.notice?.origin).toEqual({ value: 'third_party', from: 'consent' });
    const viaManifest = row(['+7', ''], decision(record('c3', {})));
    checkNotice(viaManifest, ctx);
    expect(viaManifest.notice?.origin).toEqual({ value: 'subject', from: 'manifest' });
    const viaOption = row(['+7', '']);
    checkNotice(viaOption, ctxWith(['phone', 'origin'], 'subject', []));
    expect(viaOption.notice?.origin).toEqual({ value: 'subject', from: 'option' });
  });

  it('takes a row value it does not understand as third_party, the stricter, and keeps what it said', () => {
    const r = row(['+79161112233', 'from a vendor']);
    expect(codes(checkNotice(r, ctxWith(['phone', 'origin'], 'subject', [])))).toHaveLength(7);
    expect(r.notice?.origin).toEqual({ value: 'third_party', from: 'row', unrecognized: 'from a vendor' });
  });

  it('asks data from the subject for what notice_from_subject lists (GDPR Art. 13: no data list, no source)', () => {
    const art13: NoticeField[] = ['operator', 'purpose', 'legal_basis', 'recipients', 'rights'];
    const r = row(['+79161112233', 'subject']);
    expect(codes(checkNotice(r, ctxWith(['phone', 'origin'], 'third_party', art13))).sort()).toEqual([
      'NOTICE_LEGAL_BASIS_MISSING', 'NOTICE_OPERATOR_MISSING', 'NOTICE_PURPOSE_MISSING', 'NOTICE_RECIPIENTS_MISSING', 'NOTICE_RIGHTS_MISSING',
    ]);
  });
});

describe('the notice memo (issue #16: rows alike resolve once)', () => {
  const header = ['phone', 'source', 'notice_purpose', 'origin'];
  const rows: [string[], ConsentRecord | undefined][] = [];
  const withSource = record('c1', { source: 'record source' });
  const bare = record('c2', {});
  // Rows alike and not: the same cells, cells that differ only in blanks, a cell whose text would
  // run into the next one's if they were joined, and each with and without a record.
  const cellsOf = [
    ['+79161112233', 'ООО «Лиды»', 'Звонки', ''], ['+79161112233', 'ООО «Лиды»', 'Звонки', ''], ['+79161112233', '', '', ''],
    ['+79161112233', ' ', '', ''], ['+79161112233', 'a', 'bc', ''], ['+79161112233', 'ab', 'c', ''], ['+79161112233', '', '', 'subject'],
    ['+79161112233', 'ООО «Лиды»', '', 'nonsense'],
  ];
  for (const cells of cellsOf) for (const r of [withSource, bare, undefined]) rows.push([cells, r]);

  function run(memo: boolean, size?: number) {
    const ctx = context(header, manifest({ operator: 'ООО «Ромашка», Москва', purpose: 'p' }));
    (ctx.campaign as { noticeFromSubject: readonly NoticeField[] }).noticeFromSubject = ['operator', 'purpose', 'rights'];
    (ctx.campaign as { origin: string }).origin = 'third_party';
    if (memo) ctx.noticeMemo = { byRecord: new Map(), size: size ?? 0 };
    return rows.map(([cells, r]) => {
      const facts = row(cells, r ? decision(r) : undefined);
      const findings = checkNotice(facts, ctx);
      return { findings: codes([...findings]), notice: facts.notice };
    });
  }

  it('gives every row what resolving it alone gives', () => {
    const alone = run(false);
    expect(new Set(alone.map((r) => r.findings.join('|'))).size).toBe(3);
    expect(new Set(alone.map((r) => JSON.stringify(r.notice))).size).toBe(8);
    expect(run(true)).toEqual(alone);
    // Rows again, in the same memo: the verdicts remembered are the same.
    expect(run(true)).toEqual(alone);
  });

  it('remembers up to its limit, then resolves rows one by one, with the same verdicts', () => {
    const alone = run(false);
    expect(run(true, 4096)).toEqual(alone);
    expect(run(true, 4096 - 2)).toEqual(alone);
  });

  it('keeps telling texts apart past the few a level compares one by one (then a Map)', () => {
    // 40 sources and 3 purposes, each row twice, in an order that revisits earlier texts: more
    // texts at a level than it compares in turn (NoticeMemoNode), texts of equal length that
    // differ in one character, and a blank among them.
    const many: [string[], ConsentRecord | undefined][] = [];
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 40; i++) {
        const source = i === 7 ? '' : `ООО «Лиды ${String.fromCharCode(0x410 + (i % 32))}${i >= 32 ? i : ''}»`;
        many.push([['+79161112233', source, ['Звонки', 'Звонкi', ''][(i * 7 + round) % 3]!, i % 5 ? '' : 'subject'], i % 2 ? withSource : undefined]);
      }
    }
    const judge = (memo: boolean) => {
      const ctx = context(header, manifest({ operator: 'ООО «Ромашка», Москва', purpose: 'p' }));
      (ctx.campaign as { noticeFromSubject: readonly NoticeField[] }).noticeFromSubject = ['operator', 'purpose', 'rights'];
      (ctx.campaign as { origin: string }).origin = 'third_party';
      if (memo) ctx.noticeMemo = { byRecord: new Map(), size: 0 };
      return many.map(([cells, r]) => {
        const facts = row(cells, r ? decision(r) : undefined);
        return { findings: codes([...checkNotice(facts, ctx)]), notice: facts.notice };
      });
    };
    const alone = judge(false);
    expect(new Set(alone.map((r) => JSON.stringify(r.notice))).size).toBeGreaterThan(40);
    expect(judge(true)).toEqual(alone);
  });
});
