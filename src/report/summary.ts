/**
 * The human summary on standard error: counts, reasons (largest first), inputs worth a word, where
 * the files are, and the gate. Words only; the exit code is decided elsewhere.
 */
import type { ChalkInstance } from 'chalk';
import { basename, dirname, join } from 'node:path';
import { REASONS, REASON_CODES, reasonFor, type ReasonCode } from '../reasons.js';
import { formatRate } from '../core/gate.js';
import type { AuditResult } from '../core/audit.js';
import type { Report } from './report-json.js';
import { conditionText, gateState } from './gate-text.js';

import type { Fix, Hint } from './hints.js';
import { fmtDate, fmtNumber, t } from '../i18n/index.js';
import { maskPhone } from './mask.js';

type ProofInputs = { evidence: Report['inputs']['evidence']; reassigned: Report['inputs']['reassigned']; lineTypes: Report['inputs']['line_types'] };
const proofInputs = (r: Report): ProofInputs => ({ evidence: r.inputs.evidence, reassigned: r.inputs.reassigned, lineTypes: r.inputs.line_types });

/** What --evidence-dir, --reassigned and --line-types found (issue #14). */
function proofLines({ evidence: e, reassigned: r, lineTypes: l }: ProofInputs): string[] {
  const out: string[] = [];
  if (e) {
    out.push(t('summary.evidence', { dir: e.dir, found: e.files.found, missing: e.files.missing, mismatched: e.files.mismatched, outside: e.files.outside, count: e.hashed.files }));
  }
  if (r) {
    const dated = r.date_source === 'file-mtime' ? t('summary.datedMtime', { date: fmtDate(r.date), name: 'reassigned' }) : t('summary.dated', { date: fmtDate(r.date) });
    out.push(t('summary.reassigned', {
      count: r.numbers, dated,
      after: r.after_as_of ? t('summary.reassigned.after', { count: r.after_as_of }) : '',
      no: r.answered_no ? t('summary.reassigned.answeredNo', { count: r.answered_no }) : '',
    }));
    // 47 CFR 64.1200(m): the Database's safe harbour attaches to a `no` answer only.
    if (r.no_data) out.push(t('summary.reassigned.noData', { count: r.no_data }));
  }
  if (l) {
    const types = Object.entries(l.types).filter(([, n]) => n > 0).map(([type, n]) => `${fmtNumber(n)} ${type.replace('_', '-')}`).join(', ');
    out.push(t('summary.lineTypes', { count: l.numbers, path: l.path, types: types ? ` (${types})` : '' }));
  }
  return out;
}

/** A fix's words; on an email run DUPLICATE and SUPPRESSED speak of the address (issue #15). */
function fixText(fix: Fix, channel: string | undefined): string {
  return fix === 'NOTICE' ? t('hint.fixNotice') : t('hint.fixCode', { code: fix, remedy: (reasonFor(fix, channel) ?? REASONS[fix]).remedy });
}

/**
 * The words for a hint (issue #11); the hint itself is data (src/report/hints.ts). `channel`: the
 * run's (report.json campaign.channel).
 */
export function hintText(h: Hint, channel?: string): string {
  switch (h.kind) {
    case 'no-notice':
      return t('hint.noNotice');
    case 'one-fix':
      return h.sameReasons
        ? t('hint.oneFixAll', { codes: h.codes.join(', '), rejected: h.rejected, fix: fixText(h.fix, channel) })
        : t('hint.oneFix', { clears: h.clears, rejected: h.rejected, fix: fixText(h.fix, channel) });
    case 'no-single-fix':
      return t('hint.noSingleFix', { codes: h.codes.join(', '), removes: h.removes, count: h.codes.length, fix: fixText(h.fix, channel) });
  }
}

export function renderSummary(
  { report, certificate, hints = [] }: Pick<AuditResult, 'report' | 'certificate'> & { hints?: Hint[] }, c: ChalkInstance, opts: { mask?: boolean } = {},
): string {
  // Warnings quote values from the inputs (an invalid record's phone): masked with --mask (issue #14).
  const quote = opts.mask ? maskPhone : (text: string) => text;
  const lines: string[] = [];
  const totals = report.totals;
  const contacts = report.inputs.contacts;
  const source = contacts.path === '-' ? t('summary.stdin') : contacts.path;
  const campaign = report.campaign;
  const mode = campaign.channel === 'call' ? t('summary.dialMode', { mode: campaign.dial_mode }) : '';
  lines.push(t('summary.head', { tool: c.bold('leadaudit'), version: report.tool.version, source, policy: report.policy.name, channel: campaign.channel, mode, purpose: campaign.purpose, asOf: fmtDate(report.as_of) }));
  const columns = contacts.phone_columns;
  const blank = contacts.blank_lines ? t('summary.blankLines', { count: contacts.blank_lines }) : '';
  if (contacts.email_column !== undefined) {
    // An email run (issue #15): the address is the key, and the phone cells of clean rows are left empty.
    lines.push(t('summary.emailColumn', { column: `"${contacts.email_column}"`, encoding: contacts.encoding, delimiter: contacts.delimiter, blank }));
    if (columns.length) lines.push(t('summary.phoneBlanked', { columns: columns.map((m) => `"${m}"`).join(', ') }));
  } else {
    lines.push(t('summary.phoneColumns', { count: columns.length, columns: columns.map((m) => `"${m}"`).join(', '), encoding: contacts.encoding, delimiter: contacts.delimiter, blank }));
  }
  const width = fmtNumber(totals.rows).length;
  lines.push(t('summary.rows', { n: fmtNumber(totals.rows).padStart(width) }));
  lines.push(t('summary.clean', { n: c.green(fmtNumber(totals.clean).padStart(width)) }));
  lines.push(t('summary.rejected', { n: (totals.rejected ? c.red : c.green)(fmtNumber(totals.rejected).padStart(width)), rate: formatRate(report.gate.reject_rate) }));

  if (report.soft_opt_in_rows) lines.push(t('summary.softOptIn', { count: report.soft_opt_in_rows }));

  const n = report.numbers;
  if (n.rows) {
    lines.push(t('summary.numbers', { rows: n.rows, audited: n.audited, passed: n.passed, removed: n.removed }));
  }

  const reasons = (Object.entries(report.reasons) as [ReasonCode, number][])
    .sort((a, b) => b[1] - a[1] || REASON_CODES.indexOf(a[0]) - REASON_CODES.indexOf(b[0]));
  if (reasons.length) {
    lines.push(t('summary.reasons'));
    const codeWidth = Math.max(...reasons.map(([code]) => code.length));
    const countWidth = Math.max(...reasons.map(([, n]) => fmtNumber(n).length));
    for (const [code, n] of reasons) {
      lines.push(`  ${code.padEnd(codeWidth)}  ${fmtNumber(n).padStart(countWidth)}  ${c.dim(reasonFor(code, campaign.channel)!.title)}`);
    }
  }

  const warnings: string[] = [];
  // Per input: a sniffed Windows-1251 that looks unlike Russian (issue #12 item 14).
  const doubts = [{ path: source, w: contacts.encoding_warning }, ...report.inputs.consent.map((f) => ({ path: f.path, w: f.encoding_warning })),
    ...report.inputs.suppress.map((s) => ({ path: s.path, w: s.encoding_warning }))];
  for (const d of doubts) if (d.w) warnings.push(`${d.path}: ${d.w}`);
  for (const f of report.inputs.consent) {
    if (f.invalid_count) {
      // The first three reasons, so a date or column problem shows without opening report.json;
      // then, when there are more, every invalid record by field (issue #12 item 5).
      const first = f.invalid.slice(0, 3).map((i) => t('summary.invalidLine', { line: String(i.line), problem: i.problem })).join('; ');
      const fields = Object.entries(f.invalid_by_field).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${fmtNumber(n)}`).join(', ');
      const listed = f.invalid_count > f.invalid.length ? t('summary.listedFirst', { count: f.invalid.length }) : t('summary.listedSee');
      const more = f.invalid_count > 3 ? t('summary.invalidByField', { fields }) : '';
      warnings.push(t('summary.invalidConsent', { path: f.path, invalid: f.invalid_count, records: f.records, first, more, listed }));
    }
    if (f.valid === 0) warnings.push(t('summary.noValidConsent', { path: f.path }));
  }
  for (const s of report.inputs.suppress) {
    if (s.invalid_count) warnings.push(t('summary.invalidSuppress', { path: s.path, count: s.invalid_count }));
  }
  const proof = proofInputs(report);
  for (const x of [proof.reassigned, proof.lineTypes]) {
    if (x?.invalid.length) {
      const first = x.invalid.slice(0, 3).map((i) => t('summary.invalidLine', { line: String(i.line), problem: `${i.field ? `${i.field} ${JSON.stringify(i.value)} ` : ''}${i.problem}` })).join('; ');
      warnings.push(t('summary.invalidLines', { path: x.path, count: x.invalid.length, first: quote(first), more: x.invalid.length > 3 ? '; ...' : '' }));
    }
  }
  for (const f of report.run_findings) warnings.push(f.detail);
  for (const w of report.warnings) warnings.push(w.detail);
  if (campaign.dial_mode_banned) warnings.push(t('summary.dialModeBanned', { mode: campaign.dial_mode, policy: report.policy.name }));
  if (report.origins.unrecognized) warnings.push(t('summary.unrecognizedOrigin', { count: report.origins.unrecognized }));

  for (const w of warnings) lines.push(c.yellow(t('summary.warning', { text: w })));
  for (const h of hints) lines.push(c.cyan(t('summary.hint', { text: hintText(h, campaign.channel) })));
  if (report.inputs.suppress.length) {
    lines.push(t('summary.suppression'));
    for (const s of report.inputs.suppress) {
      const dated = s.date_source === 'file-mtime' ? t('summary.datedMtime', { date: fmtDate(s.date), name: s.name }) : t('summary.dated', { date: fmtDate(s.date) });
      lines.push(t('summary.suppressionList', { name: s.name, kind: s.kind, count: s.numbers, dated }));
    }
  }
  lines.push(...proofLines(proof));
  const unstated = report.consent_unstated;
  if (unstated.separate_document.records || unstated.kind.records) {
    lines.push(t('summary.unstated'));
    if (unstated.separate_document.records) {
      lines.push(t('summary.unstatedSeparate', { records: unstated.separate_document.records, from: fmtDate(campaign.separate_consent_from?.slice(0, 10) ?? ''), rows: unstated.separate_document.rows }));
    }
    if (unstated.kind.records) lines.push(t('summary.unstatedKind', { records: unstated.kind.records, rows: unstated.kind.rows }));
  }
  if (report.registry_overrides) lines.push(t('summary.registryOverrides', { count: report.registry_overrides }));
  if (report.origins.subject) lines.push(t('summary.fromSubject', { count: report.origins.subject }));
  const exemptions = Object.entries(report.exemptions);
  if (exemptions.length) lines.push(t('summary.exemptions', { list: exemptions.map(([g, n]) => `${g} (${fmtNumber(n)})`).join(', ') }));

  const exports = exportEntries(report);
  if (exports.length) lines.push(t('summary.exports'));
  for (const x of exports) {
    const key = t(x.key === 'email' ? 'summary.exportKey.email' : 'summary.exportKey.phone');
    lines.push(t('summary.export', { file: basename(x.path), count: x.rows, platform: x.platform, how: t(x.hashing === 'sha256' ? 'summary.exportSha256' : 'summary.exportPlain', { key }) }));
  }

  lines.push(t('summary.files'));
  const o = report.outputs;
  const sig = report.signature ? join(dirname(o.report.path), report.signature.file) : undefined;
  for (const path of [o.clean.path, o.rejects.path, o.trail?.path, o.html?.path, ...exports.map((x) => x.path), o.report.path, sig, certificate, o.junit?.path]) {
    if (path) lines.push(`  ${path}`);
  }
  if (report.signature) lines.push(t('summary.signed', { fingerprint: report.signature.key_fingerprint }));

  const g = report.gate;
  const state = gateState(g);
  if (state === 'failed') lines.push(t('summary.gateFailed', { failed: c.red(t('summary.FAILED')), why: g.failures.join('; ') }));
  else if (state === 'none') lines.push(t('summary.gateNone'));
  else lines.push(t('summary.gatePassed', { passed: c.green(t('summary.passed')), why: g.conditions.map((x) => conditionText(x, { policy: report.policy.name, asOf: report.as_of })).join('; ') }));
  return `${lines.join('\n')}\n`;
}

/** The one line a failed gate prints even under --quiet (issue #14). */
export function gateFailedLine(report: Report): string {
  return `${t('summary.gateFailedLine', { why: report.gate.failures.join('; ') })}\n`;
}

/** The --export files report.json lists (issue #15), in the order they were asked for. */
function exportEntries(report: Report): { path: string; rows: number; platform: string; key: string; hashing: string }[] {
  return Object.entries(report.outputs as Record<string, { path: string; rows?: number; platform?: string; key?: string; hashing?: string }>)
    .filter(([name, o]) => name.startsWith('export_') && o.platform !== undefined)
    .map(([, o]) => ({ path: o.path, rows: o.rows ?? 0, platform: o.platform!, key: o.key ?? 'phone', hashing: o.hashing ?? 'none' }));
}
