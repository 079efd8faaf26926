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
import { humanInstant, rowMask, rowView, baseName, type Pair, type RowMask, type RowView } from '../report/row-view.js';
import { maskPhoneCell } from '../report/mask.js';
import { EXIT } from './exit-codes.js';

/** The lookup ran and found nothing: not a usage error, so not 2. */
const NO_MATCH = 1;

interface ExplainOptions { line?: string; phone?: string; id?: string; json?: boolean; mask?: boolean; maskColumn?: string[] }

type Query =
  | { kind: 'line'; line: number }
  | { kind: 'phone'; text: string }
  | { kind: 'id'; value: string };

const HELP = `
Exactly one of --line, --phone or --id names the row:
  --line N      the row whose record starts on line N of the contacts file (audit_line in
                rejects.csv; the header is line 1)
  --phone P     every row whose number normalizes (with the audit's region) to the same E.164
                number as P, or, when P is not a valid number, whose phone cell is written the same
                (same text, or same digits)
  --id VALUE    every row whose "id" column (header compared case-insensitively) holds VALUE, or
                among whose consent records is one with consent_id VALUE
Several rows can match (duplicates of a number, rows sharing a consent record): each is printed.

Exit codes: 0 a row was found and printed; 1 no row matches (a message on stderr, nothing on
stdout); 2 usage or input error (no such out-dir, no report.json, or no trail.jsonl: re-run the
audit with --trail).`;

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('show the evidence behind the verdict on a row of an audit run with --trail')
    .argument('<out-dir>', 'the out-dir of an audit run with --trail')
    .option('--line <n>', 'the row that starts on this line of the contacts file')
    .option('--phone <number>', 'the row(s) with this phone number, written in any format')
    .option('--id <value>', 'the row(s) with this value in the id column, or with this consent_id')
    .option('--json', "print the trail's header line and the matching trail objects as JSON Lines, as stored in trail.jsonl")
    .option('--mask', 'mask the personal data (phones, emails, names, addresses, birth dates) in the printed rows')
    .option('--mask-column <name>', 'a column of the list that holds personal data, masked besides those report.json names (repeatable; implies --mask)', (v: string, prev: string[] = []) => [...prev, v])
    .addHelpText('after', HELP)
    .action(async (outDir: string, opts: ExplainOptions) => {
      const query = parseQuery(opts);
      const mask = opts.mask === true || (opts.maskColumn ?? []).length > 0;
      if (opts.json && mask) throw new InputError('--mask and --json do not go together: --json prints the trail objects as stored');
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
        process.stderr.write(`leadaudit: ${outDir}: ${noMatch(query, audit.report, near)}\n`);
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
      ? 'explain: say which row, with one of --line N, --phone P or --id VALUE'
      : `explain: ${given.map((k) => `--${k}`).join(' and ')} given; name the row with exactly one of --line, --phone or --id`);
  }
  if (o.line !== undefined) {
    const t = o.line.trim();
    if (!/^\d+$/.test(t) || Number(t) < 2 || !Number.isSafeInteger(Number(t))) {
      throw new InputError(`--line ${JSON.stringify(o.line)}: not the line of a row (a whole number from 2; the header is line 1)`);
    }
    return { kind: 'line', line: Number(t) };
  }
  if (o.phone !== undefined) {
    if (o.phone.trim() === '') throw new InputError('--phone "": give the number to look for');
    return { kind: 'phone', text: o.phone };
  }
  if (o.id!.trim() === '') throw new InputError('--id "": give the id or consent_id to look for');
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
    if (before === undefined && after === undefined) return `no row starts at line ${q.line}: the trail has no rows`;
    if (after === undefined) return `no row starts at line ${q.line}: the last row starts at line ${before}`;
    if (before === undefined) return `no row starts at line ${q.line}: the first row starts at line ${after}`;
    return `no row starts at line ${q.line}: rows start at lines ${before} and ${after}`;
  }
  if (q.kind === 'id') return `no row has id ${JSON.stringify(q.value)} or a consent record with that consent_id`;
  const region = report.campaign?.region ?? undefined;
  const n = normalizePhone(q.text, (region ?? undefined) as CountryCode | undefined);
  return n.kind === 'valid'
    ? `no row has the number ${JSON.stringify(q.text)} (${n.e164})`
    : `no row has the number ${JSON.stringify(q.text)}, written so (it is not a valid number${region ? ` for region ${region}` : ''})`;
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
    `Audit of ${clean(baseName(report.inputs.contacts.path))} under ${clean(report.policy.name)}, as of ${humanInstant(report.as_of)}`
      + (report.campaign ? `, ${report.campaign.channel} for ${clean(report.campaign.purpose)}` : ''),
  ];
  if (entries.length > 1) head.push(`${entries.length} rows match ${clean(asked)}: lines ${entries.map((e) => e.line).join(', ')}`);
  const blocks = entries.map((e) => rowText(rowView(e, report, mask)));
  return `${head.join('\n')}\n\n${blocks.join(`\n${'-'.repeat(72)}\n\n`)}`;
}

function rowText(v: RowView): string {
  const out = [`Line ${v.line}: ${v.verdict}`];
  if (v.reasons.length === 0) out.push('  No reason to reject: every check passed.');
  for (const r of v.reasons) out.push(`  ${r.code}  ${clean(r.title)}`, `    ${clean(r.detail)}`);
  out.push('', 'Row', ...pairs(v.data));
  out.push('', 'Phone number', ...(v.phone ? pairs(v.phone) : ['  Not read: the row could not be read as CSV.']));
  out.push('', 'Consent evidence', `  ${clean(v.consent.summary)}`);
  v.consent.records.forEach((r, i) => out.push(
    `  ${i + 1}. ${clean(r.id)}  ${clean(r.where)}${r.role ? `  [${r.role}]` : ''}`,
    `     given ${r.given}; withdrawn ${r.withdrawn}; expires ${r.expires}`,
    `     channels: ${clean(r.channels)}; purposes: ${clean(r.purposes)}`,
    `     evidence: ${clean(r.evidence)}`,
    `     fate: ${clean(r.fate)}`,
  ));
  out.push('', 'Notice');
  if (v.notice.fields.length === 0) out.push(`  ${v.notice.summary}`);
  else {
    out.push(`  ${v.notice.summary}`);
    out.push(...pairs(v.notice.fields.map((f) => ({ label: f.label, value: `${f.value}   (${f.found ? `from ${f.from}` : f.from})` }))));
    out.push(...pairs(v.notice.meta));
  }
  if (v.callWindow) out.push('', 'Calling window', `  ${clean(v.callWindow)}`);
  return `${out.join('\n')}\n`;
}
