/**
 * `--csv-excel` (issue #13): clean.csv as a spreadsheet of the run's language opens it with a
 * double click. Excel splits a CSV file on the list separator of the system's regional settings
 * and reads it as UTF-8 only when it starts with a BOM: in a Russian locale the separator is `;`
 * (the decimal separator is the comma), in English locales it is `,`. So `ru` gets `;` and a BOM,
 * `en` a `,` and a BOM. Without the flag clean.csv stays as the contract says (comma, no BOM).
 */
import type { Lang } from '../i18n/index.js';

export interface CsvDialect {
  /** The name report.json records (`outputs.clean.dialect.name`). */
  name: 'excel-ru' | 'excel-en';
  delimiter: ';' | ',';
  bom: boolean;
}

export function csvExcelDialect(l: Lang): CsvDialect {
  return l === 'ru' ? { name: 'excel-ru', delimiter: ';', bom: true } : { name: 'excel-en', delimiter: ',', bom: true };
}
