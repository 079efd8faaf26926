/**
 * List sizes a platform does not take (issue #15 item 3): warnings, not errors. The file is still
 * written (the list may be merged with others before upload); report.json, the summary and
 * report.html say what the platform's limit is. Data here; the words are made by exportWarningText.
 */
import { t } from '../i18n/index.js';
import type { Platform, PlatformId } from './platforms.js';

export interface ExportWarning {
  code: 'export_below_minimum' | 'export_above_maximum' | 'export_file_too_big';
  platform: PlatformId;
  /** The platform's limit: rows, or bytes for export_file_too_big. */
  limit: number;
  /** The export's rows, or its bytes. */
  actual: number;
}

export function sizeWarnings(p: Platform, rows: number, bytes: number): ExportWarning[] {
  const out: ExportWarning[] = [];
  if (p.minRows !== undefined && rows < p.minRows) out.push({ code: 'export_below_minimum', platform: p.id, limit: p.minRows, actual: rows });
  if (p.maxRows !== undefined && rows > p.maxRows) out.push({ code: 'export_above_maximum', platform: p.id, limit: p.maxRows, actual: rows });
  if (p.maxBytes !== undefined && bytes > p.maxBytes) out.push({ code: 'export_file_too_big', platform: p.id, limit: p.maxBytes, actual: bytes });
  return out;
}

export function exportWarningText(w: ExportWarning): string {
  switch (w.code) {
    case 'export_below_minimum':
      return t('export.belowMinimum', { platform: w.platform, count: w.actual, limit: w.limit });
    case 'export_above_maximum':
      return t('export.aboveMaximum', { platform: w.platform, count: w.actual, limit: w.limit });
    case 'export_file_too_big':
      return t('export.fileTooBig', { platform: w.platform, mb: Math.ceil(w.actual / (1 << 20)), limit: w.limit / (1 << 20) });
  }
}
