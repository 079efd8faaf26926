/**
 * `leadaudit explain <out-dir> (--line N | --phone P | --id VALUE)`: from a row of rejects.csv or
 * clean.csv to its evidence in one command (issue 6). Reads the out-dir's trail.jsonl (streamed)
 * and prints each matching row as a person reads it, or with --json the trail objects themselves.
 */
import type { Command } from 'commander';
import type { CountryCode } from 'libphonenumber-js/max';
import { InputError } from '../errors.js';
import { normalizePhone } from '../phone/normalize.js';
import { openAuditDir, scanTrail, type AuditReport, type TrailEntry, type TrailLine } from '../report/trail-reader.js';
import { humanInstant, rowMask, rowView, baseName, verdictWord, type Pair, type RowMask, type RowView } from '../report/row-view.js';
import { maskPhoneCell } from '../report/mask.js';
import { EXIT } from './exit-codes.js';
import { t, t as tr } from '../i18n/index.js';

/** The lookup ran and found nothing: not a usage error, so not 2. */
const NO_MATCH = 1;

interface ExplainOptions { line?: string; phone?: string; id?: string; json?: boolean; mask?: boolean; maskColumn?: string[] }

type Query =
  | { kind: 'line'; line: number }
  | { kind: 'phone'; text: string }
  | { kind: 'id'; value: string };


export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description(t('help.explain'))
    .argument('<out-dir>', t('help.outDirWithTrail'))
    .option('--line <n>', t('help.explain.line'))
    .option('--phone <number>', t('help.explain.phone'))
    .option('--id <value>', t('help.explain.id'))
    .option('--json', t('help.explain.json'))
    .option('--mask', t('help.explain.mask'))
    .option('--mask-column <name>', t('help.explain.maskColumn'), (v: string, prev: string[] = []) => [...prev, v])
    .addHelpText('after', t('help.explain.more'))
    .action(async (outDir: string, opts: ExplainOptions) => {
      const query = parseQuery(opts);
      const mask = opts.mask === true || (opts.maskColumn ?? []).length > 0;
      if (opts.json && mask) throw new InputError(t('explain.maskJson'));
      const audit = await openAuditDir(outDir);
      const match = matcher(query, audit.report);
      const found: TrailLine[] = [];
      const near: number[] = [];
      const scan = await scanTrail(audit.trailPath, (row) => {
        if (match(row.entry)) found.push(row);
        if (query.kind !== 'line') return true;
        // The trail is in input order: past the line, nothing more can match.
        if (row.entry.line < query.line) near[0] = row.entry.line;
        if (row.entry.line > query.line) { near[1] = row.entry.line; return false; }
        return true;
      });
      if (found.length === 0) {
        process.stderr.write(`${t('explain.noMatch', { outDir, why: noMatch(query, audit.report, near) })}\n`);
        process.exitCode = NO_MATCH;
        return;
      }
      if (opts.json) {
        // The header line first: the rows' cells are by position (issue #12 item 10).
        process.stdout.write([...(scan.header.text === undefined ? [] : [scan.header.text]), ...found.map((r) => r.text)].map((t) => `${t}\n`).join(''));
      } else {
        const entries = found.map((r) => r.entry);
        const plan = mask ? rowMask(audit.report, entries[0]!.columns, opts.maskColumn ?? []) : false;
        process.stdout.write(renderExplain(entries, audit.report, query, plan));
      }
      process.exitCode = EXIT.ok;
    });
}

function parseQuery(o: ExplainOptions): Query {
  const given = (['line', 'phone', 'id'] as const).filter((k) => o[k] !== undefined);
  if (given.length !== 1) {
    throw new InputError(given.length === 0
      ? t('explain.which')
      : t('explain.several', { flags: given.map((k) => `--${k}`).join(t('explain.and')) }));
  }
  if (o.line !== undefined) {
    const t = o.line.trim();
    if (!/^\d+$/.test(t) || Number(t) < 2 || !Number.isSafeInteger(Number(t))) {
      throw new InputError(tr('explain.badLine', { value: JSON.stringify(o.line) }));
    }
    return { kind: 'line', line: Number(t) };
  }
  if (o.phone !== undefined) {
    if (o.phone.trim() === '') throw new InputError(t('explain.emptyPhone'));
    return { kind: 'phone', text: o.phone };
  }
  if (o.id!.trim() === '') throw new InputError(t('explain.emptyId'));
  return { kind: 'id', value: o.id!.trim() };
}

const squash = (s: string) => s.trim().replace(/\s+/g, ' ');
const digitsOf = (s: string) => s.replace(/\D/g, '');

/** The rule that says whether a trail row is the one asked for (see HELP). */
export function matcher(q: Query, report: AuditReport): (e: TrailEntry) => boolean {
  if (q.kind === 'line') return (e) => e.line === q.line;
  if (q.kind === 'id') {
    return (e) => e.columns.some((name, i) => name.trim().toLowerCase() === 'id' && (e.cells[i] ?? '').trim() === q.value)
      || (e.consent?.records.some((r) => r.consent_id === q.value) ?? false);
  }
  const region = (report.campaign?.region ?? undefined) as CountryCode | undefined;
  const wanted = normalizePhone(q.text, region);
  const e164 = wanted.kind === 'valid' ? wanted.e164 : undefined;
  const text = squash(q.text);
  const digits = digitsOf(q.text);
  const phoneColumn = report.inputs.contacts.phone_column;
  return (e) => {
    // A malformed row has no phone facts; its phone cell is still in the row as read.
    const at = e.phoneColumn ?? (phoneColumn !== undefined ? e.columns.indexOf(phoneColumn) : -1);
    const raw = e.phone?.raw ?? (at >= 0 ? e.cells[at] : undefined);
    if (raw === undefined) return false;
    if (e164 !== undefined) {
      const got = e.phone ? e.phone.e164 : (() => { const n = normalizePhone(raw, region); return n.kind === 'valid' ? n.e164 : null; })();
      return got === e164;
    }
    return squash(raw) === text || (digits !== '' && digitsOf(raw) === digits);
  };
}

function noMatch(q: Query, report: AuditReport, near: number[]): string {
  if (q.kind === 'line') {
    const [before, after] = near;
    const line = String(q.line);
    if (before === undefined && after === undefined) return t('explain.noLineEmpty', { line });
    if (after === undefined) return t('explain.noLineLast', { line, before: String(before) });
    if (before === undefined) return t('explain.noLineFirst', { line, after: String(after) });
    return t('explain.noLineBetween', { line, before: String(before), after: String(after) });
  }
  if (q.kind === 'id') return t('explain.noId', { value: JSON.stringify(q.value) });
  const region = report.campaign?.region ?? undefined;
  const n = normalizePhone(q.text, (region ?? undefined) as CountryCode | undefined);
  return n.kind === 'valid'
    ? t('explain.noNumber', { value: JSON.stringify(q.text), e164: n.e164 })
    : t('explain.noNumberWritten', { value: JSON.stringify(q.text), region: region ? t('explain.forRegion', { region }) : '' });
}

// ---- the text a person reads -------------------------------------------------------------------

/** Control characters from hostile cells must not reach the terminal. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const clean = (s: string) => s.replace(/\t/g, ' ').replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function pairs(list: Pair[], indent = '  '): string[] {
  const width = Math.max(0, ...list.map((p) => Array.from(clean(p.label)).length));
  return list.map((p) => {
    const label = clean(p.label);
    const pad = ' '.repeat(width - Array.from(label).length);
    return `${indent}${label}${pad}  ${clean(p.value).replace(/\r\n?|\n/g, `\n${indent}${' '.repeat(width + 2)}`)}`;
  });
}

export function renderExplain(entries: TrailEntry[], report: AuditReport, q: Query, mask: boolean | RowMask): string {
  // The number asked for is personal data too: masked with the rows (issue #14).
  const phone = (text: string) => (mask === false ? text : maskPhoneCell(text));
  const asked = q.kind === 'line' ? `--line ${q.line}` : q.kind === 'phone' ? `--phone ${JSON.stringify(phone(q.text))}` : `--id ${JSON.stringify(q.value)}`;
  const head = [
    t('explain.head', { file: clean(baseName(report.inputs.contacts.path)), policy: clean(report.policy.name), asOf: humanInstant(report.as_of) })
      + (report.campaign ? t('explain.headCampaign', { channel: report.campaign.channel, purpose: clean(report.campaign.purpose) }) : ''),
  ];
  if (entries.length > 1) head.push(t('explain.several.rows', { count: entries.length, asked: clean(asked), lines: entries.map((e) => e.line).join(', ') }));
  const blocks = entries.map((e) => rowText(rowView(e, report, mask)));
  return `${head.join('\n')}\n\n${blocks.join(`\n${'-'.repeat(72)}\n\n`)}`;
}

function rowText(v: RowView): string {
  const out = [`${t('sheet.line', { line: String(v.line) })}: ${verdictWord(v.verdict)}`];
  if (v.reasons.length === 0) out.push(`  ${t('sheet.noReason')}`);
  for (const r of v.reasons) out.push(`  ${r.code}  ${clean(r.title)}`, `    ${clean(r.detail)}`);
  out.push('', t('explain.row'), ...pairs(v.data));
  // An email run's key (issue #15) stands where a phone run's number does.
  if (v.email) out.push('', t('explain.emailAddress'), ...pairs(v.email));
  else out.push('', t('sheet.phoneNumber'), ...(v.phone ? pairs(v.phone) : [`  ${t('sheet.notRead')}`]));
  out.push('', t('sheet.consentEvidence'), `  ${clean(v.consent.summary)}`);
  v.consent.records.forEach((r, i) => out.push(
    `  ${i + 1}. ${clean(r.id)}  ${clean(r.where)}${r.role ? `  [${r.role}]` : ''}`,
    `     ${t('sheet.given')} ${r.given}; ${t('sheet.withdrawn')} ${r.withdrawn}; ${t('sheet.expires')} ${r.expires}`,
    `     ${t('sheet.channels')}: ${clean(r.channels)}; ${t('sheet.purposes')}: ${clean(r.purposes)}`,
    `     ${t('sheet.evidence')}: ${clean(r.evidence)}`,
    `     ${t('sheet.fate')}: ${clean(r.fate)}`,
  ));
  out.push('', t('sheet.notice'));
  if (v.notice.fields.length === 0) out.push(`  ${v.notice.summary}`);
  else {
    out.push(`  ${v.notice.summary}`);
    out.push(...pairs(v.notice.fields.map((f) => ({ label: f.label, value: `${f.value}   (${f.found ? t('explain.from', { from: f.from }) : f.from})` }))));
    out.push(...pairs(v.notice.meta));
  }
  if (v.callWindow) out.push('', t('sheet.callingWindow'), `  ${clean(v.callWindow)}`);
  return `${out.join('\n')}\n`;
}
