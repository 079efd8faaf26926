/**
 * "Nothing is lost" (SPEC "Outputs"; issue 3), end to end through audit() in-process.
 *
 * Well-formed lists: generated contact lists (header `id,name,phone,note` in any order and any of
 * the four delimiters; unique ids; cells full of quotes, delimiters, line breaks, Cyrillic and
 * emoji, quoted by this file's own writer; phones valid, invalid or empty; blank lines; mixed line
 * ends) in every supported encoding. Every generated row comes out exactly once, clean or
 * rejected, with its values as generated (rejects: formula cells neutralized as the spec says), on
 * its true line, and report.json names the encoding used.
 *
 * Corrupted lists: the same lists with random damage (a stray quote at a field start, an extra
 * delimiter, a deleted delimiter, an inserted line break). The run never throws; totals match the
 * two files and the reference reader (./reference-csv.ts); ROW_MALFORMED rows carry that code
 * alone, sit on the lines the reference reader finds malformed, and keep their leniently split
 * cells.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audit } from '../../src/core/audit.js';
import { toSettings } from '../../src/cli/audit-command.js';
import { countLineBreaks, referenceRead } from './reference-csv.js';

const RUNS_WELL_FORMED = Number(process.env.PROPERTY_RUNS_E2E ?? 60);
const RUNS_CORRUPTED = Number(process.env.PROPERTY_RUNS_E2E_CORRUPTED ?? 40);
const AS_OF = '2026-06-01';

// ---------------------------------------------------------------------------------------------
// Encodings

interface EncodingCase {
  label: string;
  /** What report.json must name. */
  reported: string;
  /** Windows-1251 can't encode emoji: generate from the narrower alphabet. */
  narrow: boolean;
  encode(text: string): Buffer;
}

const ENCODINGS: readonly EncodingCase[] = [
  { label: 'utf-8', reported: 'utf-8', narrow: false, encode: (t) => Buffer.from(t, 'utf8') },
  { label: 'utf-8 with BOM', reported: 'utf-8', narrow: false, encode: (t) => Buffer.from(`\uFEFF${t}`, 'utf8') },
  { label: 'utf-16le with BOM', reported: 'utf-16le', narrow: false, encode: (t) => iconv.encode(`\uFEFF${t}`, 'utf-16le') },
  { label: 'utf-16be with BOM', reported: 'utf-16be', narrow: false, encode: (t) => iconv.encode(`\uFEFF${t}`, 'utf-16be') },
  { label: 'windows-1251', reported: 'windows-1251', narrow: true, encode: (t) => iconv.encode(t, 'windows-1251') },
];

/**
 * Windows-1251 bytes that are also valid UTF-8 with some non-ASCII (`Жё` is C6 B8, UTF-8 for `Ƹ`)
 * can't be told from UTF-8 (the README says so, and `--encoding windows-1251` settles it): such
 * generated files are not Windows-1251 cases the reader can be held to.
 */
function ambiguous1251(enc: EncodingCase, bytes: Buffer): boolean {
  if (enc.reported !== 'windows-1251' || bytes.every((b) => b < 0x80)) return false;
  try { new TextDecoder('utf-8', { fatal: true }).decode(bytes); return true; } catch { return false; }
}

/** A Windows-1251 file of pure ASCII is byte for byte UTF-8: the reader can only call it that. */
function expectedEncoding(enc: EncodingCase, text: string): string {
  return enc.reported === 'windows-1251' && /^[\x00-\x7f]*$/.test(text) ? 'utf-8' : enc.reported;
}

// ---------------------------------------------------------------------------------------------
// Generated lists

const DELIMITERS = [',', ';', '\t', '|'] as const;
type Column = 'id' | 'name' | 'phone' | 'note';

interface GenRow {
  cells: Record<Column, string>;
  /** E.164 of a valid phone cell. */
  e164: string | undefined;
  consented: boolean;
}

interface GenList {
  delimiter: string;
  order: Column[];
  header: string[];
  rows: GenRow[];
  text: string;
  /** Physical line where each row starts. */
  rowLines: number[];
  blankLines: number;
  /** Offsets of the first character of each data cell, and of each delimiter in data rows. */
  fieldStarts: number[];
  delimiterOffsets: number[];
  /** Offset where the first data row (or blank line after the header) starts. */
  dataStart: number;
}

const WIDE = ['a', 'Z', '0', '7', ' ', 'Ж', 'я', 'ё', 'Ё', '«', '»', '№', '😀', '👍🏽', '\u00a0'];
const NARROW = WIDE.filter((c) => /^[\u0000-\u00ff\u0400-\u045f«»№]$/.test(c));
const SPECIAL = ['"', '""', ',', ';', '\t', '|', '\r', '\n', '\r\n', '=', '+', '-', '@', '(', ')', '.'];
/** Full-width formula starters (issue #12 item 11); Windows-1251 can't encode them. */
const WIDE_SPECIAL = [...SPECIAL, '＝', '＋', '－', '＠', '﹦'];

function cellText(narrow: boolean, maxLength: number): fc.Arbitrary<string> {
  return fc.array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...(narrow ? NARROW : WIDE)) },
      { weight: 2, arbitrary: fc.constantFrom(...(narrow ? SPECIAL : WIDE_SPECIAL)) },
    ),
    { maxLength },
  ).map((t) => t.join(''));
}

const digits7 = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 }).map((d) => d.join(''));

const phoneCell: fc.Arbitrary<{ cell: string; e164: string | undefined }> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.tuple(digits7, fc.integer({ min: 0, max: 3 })).map(([d, style]) => {
      const [a, b, c] = [d.slice(0, 3), d.slice(3, 5), d.slice(5)];
      const cell = [`+7 916 ${a} ${b} ${c}`, `8 (916) ${a}-${b}-${c}`, `+7916${d}`, ` +7 916 ${a}${b}${c} `][style]!;
      return { cell, e164: `+7916${d}` };
    }),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom('123', 'abc', '+7 000 000', '=1+2', '-x', '@home', '7.91612E+10', 'тел. нет', '+7 916 12')
      .map((cell) => ({ cell, e164: undefined })),
  },
  { weight: 1, arbitrary: fc.constantFrom('', ' ').map((cell) => ({ cell, e164: undefined })) },
);

const NAME_HEADERS = ['name', 'ФИО', 'Имя'];
const PHONE_HEADERS = ['phone', 'Телефон', 'tel', 'Mobile'];

function blankContent(delimiter: string): fc.Arbitrary<string> {
  return fc.constantFrom('', ' ', '  ', '\u00a0', ...(delimiter === '\t' ? [] : ['\t', ' \t ']));
}

const lineEnd = fc.constantFrom('\n', '\r\n', '\r');

interface Draft {
  delimiter: string;
  order: Column[];
  nameHeader: string;
  phoneHeader: string;
  blanksBeforeHeader: string[];
  headerEnd: string;
  rows: { suffix: string; name: string; note: string; phone: { cell: string; e164: string | undefined }; consented: boolean; quote: boolean[]; end: string; blankAfter: string[]; blankEnds: string[] }[];
  finalEnd: boolean;
}

function draft(narrow: boolean): fc.Arbitrary<Draft> {
  return fc.constantFrom(...DELIMITERS).chain((delimiter) => fc.record({
    delimiter: fc.constant(delimiter),
    order: fc.shuffledSubarray<Column>(['id', 'name', 'phone', 'note'], { minLength: 4, maxLength: 4 }),
    nameHeader: fc.constantFrom(...NAME_HEADERS),
    phoneHeader: fc.constantFrom(...PHONE_HEADERS),
    blanksBeforeHeader: fc.array(blankContent(delimiter), { maxLength: 2 }),
    headerEnd: lineEnd,
    rows: fc.array(fc.record({
      suffix: cellText(narrow, 4),
      name: cellText(narrow, 8),
      note: cellText(narrow, 12),
      phone: phoneCell,
      consented: fc.boolean(),
      quote: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      end: lineEnd,
      blankAfter: fc.oneof({ weight: 4, arbitrary: fc.constant([] as string[]) }, { weight: 1, arbitrary: fc.array(blankContent(delimiter), { minLength: 1, maxLength: 2 }) }),
      blankEnds: fc.array(lineEnd, { minLength: 2, maxLength: 2 }),
    }), { maxLength: 12 }),
    finalEnd: fc.boolean(),
  }));
}

/** This file's own CSV writer: quotes a cell that needs it (and, when asked, one that doesn't). */
function writeCell(value: string, delimiter: string, force: boolean): string {
  const needs = value.includes(delimiter) || /["\r\n]/.test(value);
  return needs || force ? `"${value.replace(/"/g, '""')}"` : value;
}

function build(d: Draft): GenList {
  const { delimiter, order } = d;
  const headerOf: Record<Column, string> = { id: 'id', name: d.nameHeader, phone: d.phoneHeader, note: 'note' };
  const header = order.map((c) => headerOf[c]);

  // Lines as [content, line end, kind]; the last line end is dropped unless finalEnd.
  type Line = { content: string; end: string; row?: number; cellOffsets?: number[]; delimOffsets?: number[] };
  const lines: Line[] = [];
  const blank = (content: string, end: string) => {
    // An empty line after a lone CR would merge with it into one CRLF: keep them two lines.
    const prev = lines.at(-1);
    if (content === '' && prev?.end === '\r' && end.startsWith('\n')) end = '\r';
    lines.push({ content, end });
  };
  for (const b of d.blanksBeforeHeader) blank(b, '\n');
  lines.push({ content: header.join(delimiter), end: d.headerEnd });
  const rows: GenRow[] = d.rows.map((r, i) => ({
    cells: { id: `${i + 1}#${r.suffix}`, name: r.name, phone: r.phone.cell, note: r.note },
    e164: r.phone.e164,
    consented: r.consented,
  }));
  d.rows.forEach((r, i) => {
    const written = order.map((c, k) => writeCell(rows[i]!.cells[c], delimiter, r.quote[k]!));
    const cellOffsets: number[] = [];
    const delimOffsets: number[] = [];
    let at = 0;
    written.forEach((w, k) => {
      if (k) { delimOffsets.push(at); at += delimiter.length; }
      cellOffsets.push(at);
      at += w.length;
    });
    lines.push({ content: written.join(delimiter), end: r.end, row: i, cellOffsets, delimOffsets });
    r.blankAfter.forEach((b, k) => blank(b, r.blankEnds[k]!));
  });
  const dropFinalEnd = !d.finalEnd;
  const headerIndex = d.blanksBeforeHeader.length;

  let text = '';
  let line = 1;
  let blankLines = 0;
  let dataStart = 0;
  const rowLines: number[] = [];
  const fieldStarts: number[] = [];
  const delimiterOffsets: number[] = [];
  lines.forEach((l, idx) => {
    const isLast = idx === lines.length - 1;
    const end = isLast && dropFinalEnd ? '' : l.end;
    if (l.row !== undefined) {
      rowLines[l.row] = line;
      for (const o of l.cellOffsets!) fieldStarts.push(text.length + o);
      for (const o of l.delimOffsets!) delimiterOffsets.push(text.length + o);
    } else if (idx !== headerIndex && (end !== '' || l.content !== '')) {
      // A blank line; a final one without a line end is only a line when it holds something.
      blankLines++;
    }
    text += l.content + end;
    line += countLineBreaks(l.content) + (end ? 1 : 0);
    if (idx === headerIndex) dataStart = text.length;
  });
  return { delimiter, order, header, rows, text, rowLines, blankLines, fieldStarts, delimiterOffsets, dataStart };
}

// ---------------------------------------------------------------------------------------------
// Running an audit

let base: string;
beforeAll(() => { base = mkdtempSync(join(tmpdir(), 'leadaudit-prop-')); });
afterAll(() => { rmSync(base, { recursive: true, force: true }); });

const NOTICE = {
  operator: { name: 'ООО «Ромашка»', address: '125009, Москва, ул. Тверская, 1' },
  purpose: 'Telephone offers',
  legal_basis: 'Consent of the subject, 152-FZ Art. 6 part 1 item 1',
  pdn_list: ['full name', 'phone number'],
  recipients: ['ООО «Ромашка»'],
  rights: 'https://romashka.example/privacy#rights',
  source: 'Lead vendor ООО «Лиды»',
};

type CsvRow = Record<string, string>;

interface Outcome {
  report: any;
  clean: CsvRow[];
  rejects: CsvRow[];
}

let runCounter = 0;

/** Writes the list and its evidence into a fresh folder, audits it, and reads the outputs back. */
async function runAudit(contacts: Buffer, consented: readonly string[]): Promise<Outcome> {
  const dir = join(base, `run-${++runCounter}`);
  mkdirSync(dir);
  try {
    const contactsPath = join(dir, 'contacts.csv');
    const consentPath = join(dir, 'consent.csv');
    const noticePath = join(dir, 'notice.json');
    const outDir = join(dir, 'out');
    writeFileSync(contactsPath, contacts);
    writeFileSync(consentPath, ['phone,consent_id,given_at,channels,purposes,evidence_ref',
      ...consented.map((e164, i) => `${e164},C-${i + 1},2025-01-01,call,marketing,form-${i + 1}`)].join('\n') + '\n');
    writeFileSync(noticePath, JSON.stringify(NOTICE));
    const settings = toSettings(contactsPath, { consent: [consentPath], notice: noticePath, outDir, policy: 'ru-152fz', asOf: AS_OF });
    const { report } = await audit(settings);
    const read = (f: string) => parse(readFileSync(join(outDir, f)), { columns: true, bom: true }) as CsvRow[];
    return { report, clean: read('clean.csv'), rejects: read('rejects.csv') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The spec's formula neutralization for rejects.csv, written from the spec, not imported: a cell
 * that begins with = + - @ TAB CR or ＝ ＋ － ＠ ﹦ gets a leading ', unless the whole cell is a
 * phone number or a plain number (a sign, then digits, spaces and ( ) - ., and an extension).
 */
function neutralized(cell: string): string {
  if (cell === '') return cell;
  const c = cell[0]!;
  if (!'=+-@\t\r＝＋－＠﹦'.includes(c)) return cell;
  const sign = '+-＋－'.includes(c);
  const body = cell.slice(1).replace(/\s*(доб\.?|ext\.?|x|#)\s*\d+$/i, '');
  const plain = sign && /\d/.test(body) && [...body].every((ch) => '0123456789 \u00a0().-'.includes(ch));
  return plain ? cell : `'${cell}`;
}

// ---------------------------------------------------------------------------------------------

describe('no row is lost: well-formed lists in every encoding', () => {
  for (const enc of ENCODINGS) {
    it(`${enc.label}`, async () => {
      await fc.assert(fc.asyncProperty(draft(enc.narrow), async (dr) => {
        const list = build(dr);
        const bytes = enc.encode(list.text);
        fc.pre(!ambiguous1251(enc, bytes));
        if (enc.narrow) expect(iconv.decode(bytes, 'windows-1251')).toBe(list.text); // the alphabet fits
        const consented = list.rows.flatMap((r) => (r.e164 && r.consented ? [r.e164] : []));
        const { report, clean, rejects } = await runAudit(bytes, consented);

        const n = list.rows.length;
        expect(report.totals.rows).toBe(n);
        expect(report.totals.clean + report.totals.rejected).toBe(report.totals.rows);
        expect(clean.length).toBe(report.totals.clean);
        expect(rejects.length).toBe(report.totals.rejected);
        expect(report.inputs.contacts.encoding).toBe(expectedEncoding(enc, list.text));
        expect(report.inputs.contacts.delimiter).toBe(list.delimiter === '\t' ? 'tab' : list.delimiter);
        expect(report.inputs.contacts.blank_lines).toBe(list.blankLines);

        // Every id exactly once across the two files.
        const ids = [...clean.map((r) => r.id), ...rejects.map((r) => r.id)];
        expect([...ids].sort()).toEqual(list.rows.map((r) => r.cells.id).sort());

        // Which rows are clean: a valid, consented number not seen on an earlier row.
        const seen = new Set<string>();
        const expectClean = list.rows.map((r) => {
          const first = r.e164 !== undefined && !seen.has(r.e164);
          if (r.e164) seen.add(r.e164);
          return first && r.consented;
        });

        const byId = new Map(list.rows.map((r, i) => [r.cells.id, i]));
        for (const row of clean) {
          const i = byId.get(row.id!)!;
          const gen = list.rows[i]!;
          expect(expectClean[i]).toBe(true);
          for (const [k, c] of list.order.entries()) expect(row[list.header[k]!]).toBe(gen.cells[c]);
          expect(row.phone_e164).toBe(gen.e164);
          expect(row.consent_id).toMatch(/^C-\d+$/);
        }
        for (const row of rejects) {
          const i = byId.get(row.id!)!;
          const gen = list.rows[i]!;
          expect(expectClean[i]).toBe(false);
          for (const [k, c] of list.order.entries()) expect(row[list.header[k]!]).toBe(neutralized(gen.cells[c]));
          expect(row.audit_line).toBe(String(list.rowLines[i]));
          expect(row.audit_reasons).not.toContain('ROW_MALFORMED');
        }
      }), { numRuns: RUNS_WELL_FORMED });
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Corruption

type Damage = { kind: 'quote' | 'extraDelimiter' | 'deleteDelimiter' | 'lineBreak'; pick: number; lineBreak: string };

const damage: fc.Arbitrary<Damage> = fc.record({
  kind: fc.constantFrom('quote', 'extraDelimiter', 'deleteDelimiter', 'lineBreak'),
  pick: fc.nat(),
  lineBreak: lineEnd,
});

/** Applies the damage, from the last offset back so that earlier offsets stay where they were. */
function corrupt(list: GenList, damages: readonly Damage[]): string {
  const edits = damages.flatMap((dm) => {
    const pickOf = (xs: readonly number[]) => (xs.length ? [xs[dm.pick % xs.length]!] : []);
    switch (dm.kind) {
      case 'quote': return pickOf(list.fieldStarts).map((at) => ({ at, remove: 0, insert: '"' }));
      case 'extraDelimiter': return pickOf([...list.fieldStarts, ...list.delimiterOffsets]).map((at) => ({ at, remove: 0, insert: list.delimiter }));
      case 'deleteDelimiter': return pickOf(list.delimiterOffsets).map((at) => ({ at, remove: list.delimiter.length, insert: '' }));
      case 'lineBreak': {
        const span = list.text.length - list.dataStart + 1;
        let at = list.dataStart + (dm.pick % span);
        // Never between the two halves of a surrogate pair (an emoji): that would not be text.
        if (at > 0 && /[\ud800-\udbff]/.test(list.text[at - 1]!)) at++;
        return [{ at, remove: 0, insert: dm.lineBreak }];
      }
    }
  });
  edits.sort((a, b) => b.at - a.at);
  let text = list.text;
  for (const e of edits) text = text.slice(0, e.at) + e.insert + text.slice(e.at + e.remove);
  // Two edits at one place can split a surrogate pair (the second deletes half of an emoji the
  // first brought next to it); a file holds what an encoder writes for the half left: U+FFFD.
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

describe('no row is lost: corrupted lists', () => {
  for (const enc of ENCODINGS) {
    it(`${enc.label}`, async () => {
      await fc.assert(fc.asyncProperty(draft(enc.narrow), fc.array(damage, { minLength: 1, maxLength: 3 }), async (dr, damages) => {
        const list = build(dr);
        const text = corrupt(list, damages);
        const bytes = enc.encode(text);
        // As for well-formed lists: Windows-1251 bytes that are also valid UTF-8 (a row's `Ж»`,
        // C6 BB, is UTF-8 for `ƻ`; seed 1150556652 drew one) are the documented limit, not a case.
        fc.pre(!ambiguous1251(enc, bytes));
        const consented = list.rows.flatMap((r) => (r.e164 && r.consented ? [r.e164] : []));
        const { report, clean, rejects } = await runAudit(bytes, consented);

        expect(report.totals.clean + report.totals.rejected).toBe(report.totals.rows);
        expect(clean.length + rejects.length).toBe(report.totals.rows);
        expect(clean.length).toBe(report.totals.clean);
        expect(rejects.length).toBe(report.totals.rejected);

        // The reference reader says how many rows there are, and which are malformed.
        const ref = referenceRead(text, list.delimiter);
        const data = ref.records.slice(1);
        expect(report.totals.rows).toBe(data.length);
        expect(report.inputs.contacts.blank_lines).toBe(ref.blankLines);
        const malformed = data.filter((r) => r.malformedRaw !== undefined);
        const malformedRejects = rejects.filter((r) => r.audit_reasons!.split('|').includes('ROW_MALFORMED'));
        for (const r of malformedRejects) expect(r.audit_reasons).toBe('ROW_MALFORMED');
        expect(malformedRejects.map((r) => Number(r.audit_line))).toEqual(malformed.map((r) => r.line));
        // A malformed row's cells are its first line, split leniently, as far as they go.
        malformedRejects.forEach((row, j) => {
          const fields = malformed[j]!.fields;
          list.header.forEach((name, k) => expect(row[name]).toBe(neutralized(fields[k] ?? '')));
        });
        // Rejected rows are in file order, each on a line where the reference reader starts a row.
        const refLines = new Set(data.map((r) => r.line));
        const rejectLines = rejects.map((r) => Number(r.audit_line));
        for (const l of rejectLines) expect(refLines.has(l)).toBe(true);
        expect(rejectLines).toEqual([...rejectLines].sort((a, b) => a - b));
      }), { numRuns: RUNS_CORRUPTED });
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Lists larger than one read (256 KiB): characters cut between two reads, and for Windows-1251 a
// pure-ASCII start longer than the 64 KiB the encoding is sniffed from.

const RUNS_LARGE = Number(process.env.PROPERTY_RUNS_E2E_LARGE ?? 3);
const LARGE_BYTES = 320 * 1024;

/** Replaces every non-ASCII character, so that a block of rows can be written in ASCII. */
const asciiOnly = (s: string) => s.replace(/[^\x00-\x7f]/gu, 'x');

describe('no row is lost: lists larger than one read', () => {
  for (const enc of ENCODINGS) {
    it(`${enc.label}`, async () => {
      await fc.assert(fc.asyncProperty(draft(enc.narrow).filter((d) => d.rows.length >= 4), async (d) => {
        const blockBytes = enc.encode(build(d).text).length;
        const copies = Math.ceil(LARGE_BYTES / Math.max(blockBytes, 64));
        // For Windows-1251, an ASCII header and about 100 KiB of ASCII rows come first.
        const asciiCopies = enc.narrow ? Math.ceil((100 * 1024) / Math.max(blockBytes, 64)) : 0;
        const asciiRows = d.rows.map((r) => ({ ...r, suffix: asciiOnly(r.suffix), name: asciiOnly(r.name), note: asciiOnly(r.note), phone: { ...r.phone, cell: asciiOnly(r.phone.cell) } }));
        const big: Draft = {
          ...d,
          ...(enc.narrow ? { nameHeader: 'name', phoneHeader: 'phone' } : {}),
          rows: [...Array.from({ length: asciiCopies }, () => asciiRows).flat(), ...Array.from({ length: copies }, () => d.rows).flat()],
        };
        const list = build(big);
        const bytes = enc.encode(list.text);
        fc.pre(!ambiguous1251(enc, bytes));
        const consented = list.rows.flatMap((r) => (r.e164 && r.consented ? [r.e164] : []));
        const { report, clean, rejects } = await runAudit(bytes, consented);

        expect(report.totals.rows).toBe(list.rows.length);
        expect(report.totals.clean + report.totals.rejected).toBe(report.totals.rows);
        expect(report.inputs.contacts.encoding).toBe(expectedEncoding(enc, list.text));
        expect(report.inputs.contacts.blank_lines).toBe(list.blankLines);
        const byId = new Map(list.rows.map((r, i) => [r.cells.id, i]));
        const seen = new Set<string>();
        for (const [file, row] of [...clean.map((r) => ['clean', r] as const), ...rejects.map((r) => ['rejects', r] as const)]) {
          const i = byId.get(row.id!);
          expect(i).toBeDefined();
          expect(seen.has(row.id!)).toBe(false);
          seen.add(row.id!);
          const gen = list.rows[i!]!;
          for (const [k, c] of list.order.entries()) {
            const want = file === 'clean' ? gen.cells[c] : neutralized(gen.cells[c]);
            if (row[list.header[k]!] !== want) expect({ id: row.id, column: list.header[k], value: row[list.header[k]!] }).toEqual({ id: row.id, column: list.header[k], value: want });
          }
          if (file === 'rejects' && row.audit_line !== String(list.rowLines[i!])) expect({ id: row.id, line: row.audit_line }).toEqual({ id: row.id, line: String(list.rowLines[i!]) });
        }
        expect(seen.size).toBe(list.rows.length);
      // No shrinking: every step would audit another 320 KiB list. The regressions below are minimal.
      }), { numRuns: RUNS_LARGE, endOnFailure: true });
    }, 120_000);
  }
});

// ---------------------------------------------------------------------------------------------
// Regressions: minimal cases of what the properties above found.

describe('no row is lost: regressions', () => {
  /** A list whose first 64 KiB (what the encoding is sniffed from) are ASCII, then one Cyrillic row. */
  function asciiThen(cyrillicName: string): { text: string; rows: number } {
    let text = 'id,name,phone\n';
    let rows = 0;
    while (text.length <= 70 * 1024) text += `${++rows},Anna,+7 916 ${String(1000000 + rows).slice(1)}\n`;
    text += `${++rows},${cyrillicName},+7 916 000 00 00\n`;
    return { text, rows };
  }

  // Bug C: after an ASCII start, the decoder falls back to Windows-1251 only when the first chunk
  // with a non-UTF-8 byte holds no valid multi-byte UTF-8 sequence at all; but Windows-1251 Russian
  // text often holds some by chance: an upper-case letter (0xC2-0xDF) followed by `»` (0xBB), `«`,
  // `ё` (0xB8), `Ё`, `№` or a no-break space is a valid 2-byte sequence. ООО «ЛИДЫ» has `Ы»`.
  // The run stops with exit 2 ("not valid UTF-8 near byte ..."), for a valid Windows-1251 export.
  it('reads a Windows-1251 list whose first 64 KiB are ASCII and whose Cyrillic holds ООО «ЛИДЫ»', async () => {
    const { text, rows } = asciiThen('ООО «ЛИДЫ»');
    const { report, clean, rejects } = await runAudit(iconv.encode(text, 'windows-1251'), []);
    expect(report.inputs.contacts.encoding).toBe('windows-1251');
    expect(report.totals.rows).toBe(rows);
    expect([...clean, ...rejects].find((r) => r.id === String(rows))?.name).toBe('ООО «ЛИДЫ»');
  });

  it('reads a Windows-1251 list whose first 64 KiB are ASCII and whose Cyrillic is Алёна (control: passes)', async () => {
    const { text, rows } = asciiThen('Алёна');
    const { report, clean, rejects } = await runAudit(iconv.encode(text, 'windows-1251'), []);
    expect(report.inputs.contacts.encoding).toBe('windows-1251');
    expect(report.totals.rows).toBe(rows);
    expect([...clean, ...rejects].find((r) => r.id === String(rows))?.name).toBe('Алёна');
  });

  // Bug D: TableReader.open() opens the file, and when it then throws (a decoding error, a header
  // with control characters, ...) before the stream has reached the end of the file, the file
  // handle is never closed: audit() only destroys readers that opened. Node closes it on garbage
  // collection with "Warning: Closing file descriptor N on garbage collection" (DEP0137: a future
  // Node throws there). Found through those warnings while the large-list property ran.
  it.skipIf(!existsSync('/proc/self/fd'))('a contact list that can\'t be read leaves no file open', async () => {
    const dir = join(base, 'fd-leak');
    mkdirSync(dir, { recursive: true });
    const contactsPath = join(dir, 'contacts.csv');
    const consentPath = join(dir, 'consent.csv');
    // A header with a control character, and enough rows that one read does not reach the end.
    writeFileSync(contactsPath, `id\u0001,phone\n${'1,+7 916 000 00 00\n'.repeat(40_000)}`);
    writeFileSync(consentPath, 'phone,given_at,purposes\n');
    const openFiles = () => readdirSync('/proc/self/fd').length;
    const before = openFiles();
    for (let k = 0; k < 3; k++) {
      const settings = toSettings(contactsPath, { consent: [consentPath], outDir: join(dir, 'out'), policy: 'ru-152fz', asOf: AS_OF });
      await expect(audit(settings)).rejects.toThrow(/control characters/);
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(openFiles()).toBe(before);
  });
});
