/**
 * Limits against hostile archives (issue #11): a few kilobytes of .xlsx or .gz can unpack to
 * gigabytes (a "ZIP bomb"), declare millions of rows, or a shared-string table that fills memory
 * before the first row is read. Each limit has a flag and a message that names it; the defaults
 * are far above any real contact list (Excel's own sheet holds at most 1,048,576 rows).
 */
import { InputError } from '../../errors.js';
import { t } from '../../i18n/index.js';

export interface InputLimits {
  /** Bytes an .xlsx or .gz input may unpack to, all its parts together. */
  maxUnpackedBytes: number;
  /** Rows a sheet may have (its last row number). */
  maxRows: number;
  /** Entries of a workbook's shared-string table. */
  maxSharedStrings: number;
}

export const MIB = 1024 * 1024;

export const DEFAULT_LIMITS: InputLimits = {
  maxUnpackedBytes: 4096 * MIB,
  maxRows: 10_000_000,
  maxSharedStrings: 10_000_000,
};

/** Text between two XML tags longer than this is no cell of a contact list. */
export const MAX_XML_TEXT = 16 * MIB;

/** Counts unpacked bytes against the limit, across every part of one input. */
export class UnpackedBudget {
  used = 0;
  constructor(private readonly label: string, private readonly limits: InputLimits) {}

  add(bytes: number): void {
    this.used += bytes;
    if (this.used > this.limits.maxUnpackedBytes) {
      throw new InputError(t('xlsx.unpacked', { label: this.label, mb: String(Math.round(this.limits.maxUnpackedBytes / MIB)) }));
    }
  }
}

export function tooManyRows(label: string, sheet: string, limits: InputLimits): InputError {
  return new InputError(t('xlsx.tooManyRows', { label, sheet: JSON.stringify(sheet), max: String(limits.maxRows) }));
}

export function tooManyStrings(label: string, limits: InputLimits): InputError {
  return new InputError(t('xlsx.tooManyStrings', { label, max: String(limits.maxSharedStrings) }));
}

export function textTooLong(label: string, part: string): InputError {
  return new InputError(t('xlsx.textTooLong', { label, part, mb: String(MAX_XML_TEXT / MIB) }));
}
