/**
 * The human summary on standard error: counts, reasons (largest first), inputs worth a word, where
 * the files are, and the gate. Words only; the exit code is decided elsewhere.
 */
import type { ChalkInstance } from 'chalk';
import { dirname, join } from 'node:path';
import { REASONS, REASON_CODES, type ReasonCode } from '../reasons.js';
import { formatRate } from '../core/gate.js';
import type { AuditResult } from '../core/audit.js';
import type { Report } from './report-json.js';
import { conditionText, gateState } from './gate-text.js';

import type { Fix, Hint } from './hints.js';
import { maskPhone } from './mask.js';

type ProofInputs = { evidence: Report['inputs']['evidence']; reassigned: Report['inputs']['reassigned']; lineTypes: Report['inputs']['line_types'] };
const proofInputs = (r: Report): ProofInputs => ({ evidence: r.inputs.evidence, reassigned: r.inputs.reassigned, lineTypes: r.inputs.line_types });

/** What --evidence-dir, --reassigned and --line-types found (issue #14). */
function proofLines({ evidence: e, reassigned: r, lineTypes: l }: ProofInputs): string[] {
  const out: string[] = [];
  if (e) {
    out.push(`evidence files in ${e.dir}: ${e.files.found} found, ${e.files.missing} missing, ${e.files.mismatched} with another SHA-256, ${e.files.outside} outside the folder; ${e.hashed.files} file(s) hashed`);
  }
  if (r) {
    const dated = r.date_source === 'file-mtime' ? `dated ${r.date} from the file's modification time (say --list-date reassigned=DATE)` : `dated ${r.date}`;
    out.push(`reassigned numbers: ${r.numbers} number(s) disconnected by the as-of date, ${dated}${r.after_as_of ? `; ${r.after_as_of} disconnection(s) after it ignored` : ''}${r.answered_no ? `; ${r.answered_no} answered no` : ''}`);
    // 47 CFR 64.1200(m): the Database's safe harbour attaches to a `no` answer only.
    if (r.no_data) out.push(`  ${r.no_data} number(s) the Reassigned Numbers Database had no data for: their consent counts, but no safe harbour covers a call to them`);
  }
  if (l) {
    const types = Object.entries(l.types).filter(([, n]) => n > 0).map(([t, n]) => `${n} ${t.replace('_', '-')}`).join(', ');
    out.push(`line types: ${l.numbers} number(s) from ${l.path}${types ? ` (${types})` : ''}, over libphonenumber's`);
  }
  return out;
}

function fixText(fix: Fix): string {
  return fix === 'NOTICE' ? 'a notice manifest (--notice notice.json; `leadaudit init` writes a starter)' : `${fix}: ${REASONS[fix].remedy}`;
}

/** The words for a hint (issue #11); the hint itself is data (src/report/hints.ts). */
export function hintText(h: Hint): string {
  switch (h.kind) {
    case 'no-notice':
      return `every row lacks notice items and no --notice manifest was given: pass the list-wide notice (operator, purpose, legal basis, data, recipients, rights, source) with --notice notice.json; \`leadaudit init\` writes a starter`;
    case 'one-fix':
      return h.sameReasons
        ? `every rejected row has the same reasons (${h.codes.join(', ')}); one fix would clear all ${h.rejected}: ${fixText(h.fix)}`
        : `one fix would clear ${h.clears} of the ${h.rejected} rejected rows: ${fixText(h.fix)}`;
    case 'no-single-fix':
      return `every rejected row has the same reasons (${h.codes.join(', ')}); no single fix clears a row; the one that removes the most (${h.removes} of ${h.codes.length}): ${fixText(h.fix)}`;
  }
}

export function renderSummary(
  { report, certificate, hints = [] }: Pick<AuditResult, 'report' | 'certificate'> & { hints?: Hint[] }, c: ChalkInstance, opts: { mask?: boolean } = {},
): string {
  // Warnings quote values from the inputs (an invalid record's phone): masked with --mask (issue #14).
  const quote = opts.mask ? maskPhone : (text: string) => text;
  const lines: string[] = [];
  const t = report.totals;
  const contacts = report.inputs.contacts;
  const source = contacts.path === '-' ? 'standard input' : contacts.path;
  const campaign = report.campaign;
  const mode = campaign.channel === 'call' ? ` (dial mode ${campaign.dial_mode})` : '';
  lines.push(`${c.bold('leadaudit')} ${report.tool.version}: ${source}, policy ${report.policy.name}, ${campaign.channel}${mode} for ${campaign.purpose}, as of ${report.as_of}`);
  const columns = contacts.phone_columns;
  lines.push(`  phone column${columns.length > 1 ? 's' : ''} ${columns.map((m) => `"${m}"`).join(', ')}; ${contacts.encoding}, delimiter ${contacts.delimiter}${contacts.blank_lines ? `; ${contacts.blank_lines} blank line(s) skipped` : ''}`);
  const width = String(t.rows).length;
  lines.push(`  rows      ${String(t.rows).padStart(width)}`);
  lines.push(`  clean     ${c.green(String(t.clean).padStart(width))}`);
  lines.push(`  rejected  ${(t.rejected ? c.red : c.green)(String(t.rejected).padStart(width))}  (${formatRate(report.gate.reject_rate)})`);

  const n = report.numbers;
  if (n.rows) {
    lines.push(`  ${n.rows} row(s) with several numbers: ${n.audited} numbers audited, ${n.passed} passed, ${n.removed} taken out of clean rows (clean.csv audit_removed)`);
  }

  const reasons = (Object.entries(report.reasons) as [ReasonCode, number][])
    .sort((a, b) => b[1] - a[1] || REASON_CODES.indexOf(a[0]) - REASON_CODES.indexOf(b[0]));
  if (reasons.length) {
    lines.push('reasons:');
    const codeWidth = Math.max(...reasons.map(([code]) => code.length));
    const countWidth = Math.max(...reasons.map(([, n]) => String(n).length));
    for (const [code, n] of reasons) {
      lines.push(`  ${code.padEnd(codeWidth)}  ${String(n).padStart(countWidth)}  ${c.dim(REASONS[code].title)}`);
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
      const first = f.invalid.slice(0, 3).map((i) => `line ${i.line}: ${i.problem}`).join('; ');
      const fields = Object.entries(f.invalid_by_field).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${n}`).join(', ');
      const listed = f.invalid_count > f.invalid.length ? `the first ${f.invalid.length} are listed in` : 'see';
      const more = f.invalid_count > 3 ? `; ...; by field: ${fields}` : '';
      warnings.push(`${f.path}: ${f.invalid_count} of ${f.records} consent records invalid, not used (${first}${more}; ${listed} report.json inputs.consent)`);
    }
    if (f.valid === 0) warnings.push(`${f.path}: no valid consent record`);
  }
  for (const s of report.inputs.suppress) {
    if (s.invalid_count) warnings.push(`${s.path}: ${s.invalid_count} line(s) not a valid number, ignored`);
  }
  const proof = proofInputs(report);
  for (const x of [proof.reassigned, proof.lineTypes]) {
    if (x?.invalid.length) {
      const first = x.invalid.slice(0, 3).map((i) => `line ${i.line}: ${i.field ? `${i.field} ${JSON.stringify(i.value)} ` : ''}${i.problem}`).join('; ');
      warnings.push(`${x.path}: ${x.invalid.length} line(s) not used (${quote(first)}${x.invalid.length > 3 ? '; ...' : ''}; see report.json)`);
    }
  }
  for (const f of report.run_findings) warnings.push(f.detail);
  for (const w of report.warnings) warnings.push(w.detail);
  if (campaign.dial_mode_banned) warnings.push(`dial mode ${campaign.dial_mode} is banned for advertising under ${report.policy.name}: every row is DIAL_MODE_BANNED`);
  if (report.origins.unrecognized) warnings.push(`${report.origins.unrecognized} row(s) give an origin that is neither subject nor third_party; taken as third_party (see trail.jsonl notice.origin)`);

  for (const w of warnings) lines.push(c.yellow(`warning: ${w}`));
  for (const h of hints) lines.push(c.cyan(`hint: ${hintText(h)}`));
  if (report.inputs.suppress.length) {
    lines.push('suppression lists:');
    for (const s of report.inputs.suppress) {
      const dated = s.date_source === 'file-mtime' ? `dated ${s.date} from the file's modification time (say --list-date ${s.name}=DATE)` : `dated ${s.date}`;
      lines.push(`  ${s.name} (${s.kind}): ${s.numbers} number(s), ${dated}`);
    }
  }
  lines.push(...proofLines(proof));
  const unstated = report.consent_unstated;
  if (unstated.separate_document.records || unstated.kind.records) {
    lines.push('consent used that does not say (report.json consent_unstated):');
    if (unstated.separate_document.records) {
      lines.push(`  whether it is a separate document: ${unstated.separate_document.records} record(s) given since ${campaign.separate_consent_from?.slice(0, 10)}, on ${unstated.separate_document.rows} clean row(s) (separate_consent_required rejects them)`);
    }
    if (unstated.kind.records) lines.push(`  whether it is consent to advertising (kind): ${unstated.kind.records} record(s), on ${unstated.kind.rows} clean row(s)`);
  }
  if (report.registry_overrides) lines.push(`registry hits overridden by consent: ${report.registry_overrides} clean row(s) (trail.jsonl says which consent overrode which list)`);
  if (report.origins.subject) lines.push(`data from the subject: ${report.origins.subject} row(s), checked for the notice the policy asks of such data (notice_from_subject)`);
  const exemptions = Object.entries(report.exemptions);
  if (exemptions.length) lines.push(`notice exemptions used: ${exemptions.map(([g, n]) => `${g} (${n})`).join(', ')}`);

  lines.push('files:');
  const o = report.outputs;
  const sig = report.signature ? join(dirname(o.report.path), report.signature.file) : undefined;
  for (const path of [o.clean.path, o.rejects.path, o.trail?.path, o.html?.path, o.report.path, sig, certificate, o.junit?.path]) {
    if (path) lines.push(`  ${path}`);
  }
  if (report.signature) lines.push(`signed with the key ${report.signature.key_fingerprint} (SHA-256 of its public key)`);

  const g = report.gate;
  const state = gateState(g);
  if (state === 'failed') lines.push(`gate: ${c.red('FAILED')}: ${g.failures.join('; ')}`);
  else if (state === 'none') lines.push('gate: none set');
  else lines.push(`gate: ${c.green('passed')}: ${g.conditions.map((x) => conditionText(x, { policy: report.policy.name, asOf: report.as_of })).join('; ')}`);
  return `${lines.join('\n')}\n`;
}

/** The one line a failed gate prints even under --quiet (issue #14). */
export function gateFailedLine(report: Report): string {
  return `leadaudit: gate failed: ${report.gate.failures.join('; ')}\n`;
}
