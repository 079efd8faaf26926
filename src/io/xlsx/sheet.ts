/**
 * One worksheet as CSV text, streamed (issue #11): the table reader then reads it like any CSV, so
 * every rule about headers, blank lines, field counts and line numbers holds for workbooks too.
 * Cells are read as values: shared and inline strings as text, numbers as Excel stored them (a
 * phone number stored as a number keeps every digit), date-formatted numbers as ISO dates,
 * booleans as TRUE/FALSE, formulas by their cached result. A missing row is a blank line, so a
 * CSV line number is the sheet's row number (unless a cell holds a line break: then, as in any
 * CSV, the lines after it count one more per break).
 */
import { InputError } from '../../errors.js';
import type { ZipFile } from './zip.js';
import { parseXmlPart } from './xml-part.js';
import { unescapeOoxml, type Workbook } from './workbook.js';
import { tooManyRows, type InputLimits, type UnpackedBudget } from './limits.js';
import { t } from '../../i18n/index.js';

const DAY_MS = 86_400_000;
/** Day 0 of the 1900 date system as JavaScript counts it (Excel's serial 1 is 1900-01-01). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** An Excel date serial as ISO 8601: a date, or a date and time when it has a time of day. */
export function serialToIso(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return undefined;
  // Serials below 61 predate Lotus 1-2-3's phantom 29 February 1900, which Excel keeps.
  const days = !date1904 && serial < 61 ? serial + 1 : serial;
  const ms = Math.round((date1904 ? EPOCH_1904 : EPOCH_1900) + days * DAY_MS);
  const iso = new Date(Math.round(ms / 1000) * 1000).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** Column index (0-based) of a cell reference such as `AB12`, or -1. */
export function columnOf(ref: string): number {
  let col = 0, i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return i === 0 ? -1 : col - 1;
}

function rowOf(ref: string): number {
  let i = 0;
  while (i < ref.length && !(ref.charCodeAt(i) >= 48 && ref.charCodeAt(i) <= 57)) i++;
  return Number(ref.slice(i));
}

const NEEDS_QUOTES = /[",;\t|\r\n]/;
function csvCell(v: string): string {
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export async function* sheetAsCsv(
  zip: ZipFile, wb: Workbook, sheet: { name: string; path: string }, budget: UnpackedBudget, label: string, limits: InputLimits,
): AsyncGenerator<Buffer> {
  const entry = zip.get(sheet.path);
  if (!entry) throw new InputError(t('xlsx.broken', { label, why: t('xlsx.noPart', { sheet: JSON.stringify(sheet.name), part: sheet.path }) }));
  let out = '';
  let lastRow = 0;
  /** The header's width: trailing empty header cells are not columns. */
  let width = -1;
  let cells: string[] = [];
  let col = -1, type = '', style = 0;
  let value = '', inValue = false, inInline = false, inPhonetic = false;
  const h = {
    open(name: string, a: Record<string, string>) {
      switch (name) {
        case 'row': {
          const r = a.r === undefined ? lastRow + 1 : Number(a.r);
          if (!(r > lastRow)) throw new InputError(t('xlsx.broken', { label, why: t('xlsx.rowOrder', { sheet: JSON.stringify(sheet.name), row: String(a.r) }) }));
          if (r > limits.maxRows) throw tooManyRows(label, sheet.name, limits);
          // Rows the sheet skips are empty: blank lines keep line numbers equal to row numbers.
          if (r - lastRow > 1) out += '\n'.repeat(r - lastRow - 1);
          lastRow = r;
          cells = [];
          col = -1;
          break;
        }
        case 'c':
          col = a.r === undefined ? col + 1 : columnOf(a.r);
          if (a.r !== undefined && rowOf(a.r) !== lastRow) col = columnOf(a.r);
          type = a.t ?? 'n';
          style = a.s === undefined ? 0 : Number(a.s);
          value = '';
          break;
        case 'v': inValue = true; break;
        case 'is': inInline = true; break;
        case 't': if (inInline && !inPhonetic) inValue = true; break;
        case 'rPh': inPhonetic = true; break;
      }
    },
    text(t: string) { if (inValue) value += t; },
    close(name: string) {
      switch (name) {
        case 'v': inValue = false; break;
        case 't': if (inInline) inValue = false; break;
        case 'rPh': inPhonetic = false; break;
        case 'is': inInline = false; break;
        case 'c':
          if (col >= 0 && col < 16_384) cells[col] = cellValue(type, style, value, wb);
          break;
        case 'row': {
          let last = cells.length - 1;
          while (last >= 0 && !cells[last]) last--;
          if (width < 0 && last >= 0) width = last + 1;
          const n = Math.max(last + 1, last >= 0 ? width : 0);
          let line = '';
          for (let i = 0; i < n; i++) line += (i ? ',' : '') + csvCell(cells[i] ?? '');
          out += `${line}\n`;
          break;
        }
      }
    },
  };
  for await (const _ of parseXmlPart(zip, entry, budget, label, h)) {
    if (out.length) {
      yield Buffer.from(out, 'utf8');
      out = '';
    }
  }
  if (out.length) yield Buffer.from(out, 'utf8');
}

function cellValue(type: string, style: number, v: string, wb: Workbook): string {
  switch (type) {
    case 's': {
      const i = Number(v);
      return Number.isInteger(i) ? wb.strings[i] ?? '' : '';
    }
    case 'inlineStr': case 'str': return unescapeOoxml(v);
    case 'b': return v === '1' || v === 'true' ? 'TRUE' : 'FALSE';
    case 'e': case 'd': return v;
    default: {
      if (v === '' || !wb.dateStyles[style]) return v;
      return serialToIso(Number(v), wb.date1904) ?? v;
    }
  }
}
