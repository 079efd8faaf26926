/**
 * The parts of a workbook read before its sheet (ECMA-376 Part 1): which sheet is where
 * (workbook.xml and its relationships), which cell styles are dates (styles.xml), the
 * shared-string table (sharedStrings.xml), and the 1904 date system flag.
 */
import { posix } from 'node:path';
import { InputError } from '../../errors.js';
import type { ZipFile } from './zip.js';
import { readXmlPart } from './xml-part.js';
import { tooManyStrings, type InputLimits, type UnpackedBudget } from './limits.js';
import { t } from '../../i18n/index.js';

export interface Workbook {
  sheets: { name: string; path: string; hidden: boolean }[];
  /** Cell style index -> whether its number format shows a date or time. */
  dateStyles: boolean[];
  date1904: boolean;
  strings: string[];
}

/** Built-in number formats that show dates or times (ECMA-376 Part 1, 18.8.30). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a custom format code shows a date: a d, m, y, h or s outside quotes, escapes and [colours]. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '');
  if (/^general$/i.test(bare.trim())) return false;
  return /[dmyhs]/i.test(bare.replace(/[eE][+-]/g, ''));
}

async function rels(zip: ZipFile, path: string, budget: UnpackedBudget, label: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const entry = zip.get(path);
  if (!entry) return out;
  await readXmlPart(zip, entry, budget, label, {
    open: (name, a) => { if (name === 'Relationship' && a.Id && a.Target) out.set(a.Id, a.Target); },
    close: () => {},
  });
  return out;
}

/** A relationship target, relative to the part that names it, as a path in the archive. */
function resolveTarget(fromPart: string, target: string): string {
  return target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(posix.dirname(fromPart), target));
}

export async function readWorkbook(zip: ZipFile, budget: UnpackedBudget, label: string, limits: InputLimits): Promise<Workbook> {
  const notWorkbook = () => new InputError(t('xlsx.notWorkbook', { label }));
  const rootRels = await rels(zip, '_rels/.rels', budget, label);
  const officeDoc = [...rootRels.values()].find((t) => /workbook\.xml$/i.test(t));
  const wbPath = officeDoc ? resolveTarget('', officeDoc) : 'xl/workbook.xml';
  const wbEntry = zip.get(wbPath);
  if (!wbEntry) throw notWorkbook();
  const wb: Workbook = { sheets: [], dateStyles: [], date1904: false, strings: [] };
  const sheetRefs: { name: string; id: string; hidden: boolean }[] = [];
  await readXmlPart(zip, wbEntry, budget, label, {
    open: (name, a) => {
      if (name === 'workbookPr') wb.date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name === 'sheet') {
        const id = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
        sheetRefs.push({ name: a.name ?? '', id, hidden: a.state === 'hidden' || a.state === 'veryHidden' });
      }
    },
    close: () => {},
  });
  const wbRels = await rels(zip, posix.join(posix.dirname(wbPath), '_rels', `${posix.basename(wbPath)}.rels`), budget, label);
  for (const s of sheetRefs) {
    const target = wbRels.get(s.id);
    if (target) wb.sheets.push({ name: s.name, path: resolveTarget(wbPath, target), hidden: s.hidden });
  }
  const targets = [...wbRels.values()];
  const stylesTarget = targets.find((t) => /styles\.xml$/i.test(t));
  const stringsTarget = targets.find((t) => /sharedStrings\.xml$/i.test(t));
  const stylesEntry = zip.get(stylesTarget ? resolveTarget(wbPath, stylesTarget) : 'xl/styles.xml');
  if (stylesEntry) await readStyles(zip, stylesEntry, budget, label, wb);
  const stringsEntry = zip.get(stringsTarget ? resolveTarget(wbPath, stringsTarget) : 'xl/sharedStrings.xml');
  if (stringsEntry) await readStrings(zip, stringsEntry, budget, label, limits, wb);
  return wb;
}

async function readStyles(zip: ZipFile, entry: Parameters<ZipFile['stream']>[0], budget: UnpackedBudget, label: string, wb: Workbook): Promise<void> {
  const custom = new Map<number, boolean>();
  let inCellXfs = false;
  await readXmlPart(zip, entry, budget, label, {
    open: (name, a) => {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), isDateFormat(a.formatCode ?? ''));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        wb.dateStyles.push(custom.get(id) ?? BUILTIN_DATE_FORMATS.has(id));
      }
    },
    close: (name) => { if (name === 'cellXfs') inCellXfs = false; },
  });
}

async function readStrings(zip: ZipFile, entry: Parameters<ZipFile['stream']>[0], budget: UnpackedBudget, label: string, limits: InputLimits, wb: Workbook): Promise<void> {
  let current = '';
  let inT = false, inPhonetic = false;
  await readXmlPart(zip, entry, budget, label, {
    open: (name) => {
      if (name === 't') inT = !inPhonetic;
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 'si') current = '';
    },
    text: (t) => { if (inT) current += t; },
    close: (name) => {
      if (name === 't') inT = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') {
        if (wb.strings.length >= limits.maxSharedStrings) throw tooManyStrings(label, limits);
        wb.strings.push(unescapeOoxml(current));
      }
    },
  });
}

/** OOXML's `_xHHHH_` escapes (a carriage return is `_x000D_`); `_x005F_` escapes the underscore. */
export function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
