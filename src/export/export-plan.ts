/**
 * What an audit's --export needs from the run (issue #15 item 3), checked before any output is
 * opened: the key the run audited (emails on an email run, phones otherwise), and the input
 * columns the dialer file carries. And what report.json says of the files once written.
 */
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Channel } from '../policy/schema.js';
import type { KeyKind, PlatformId } from './platforms.js';
import { exportWarningText } from './export-warnings.js';
import type { ExportEntry } from './write-exports.js';

export interface ExportPlan {
  key: KeyKind;
  carry: { index: number; name: string }[];
}

/** The run's key: on an email run the phones are not audited, so nothing keyed by phone may go out. */
export function exportKey(platforms: readonly PlatformId[], channel: Channel): KeyKind {
  const key: KeyKind = channel === 'email' ? 'email' : 'phone';
  if (key === 'email' && platforms.includes('dialer')) throw new InputError(t('export.dialerOnEmail'));
  return key;
}

/** --export-columns as indexes into the contacts header (names compare trimmed, case-insensitively). */
export function exportColumns(wanted: readonly string[], names: readonly string[], where: string): ExportPlan['carry'] {
  const norm = (s: string) => s.trim().toLowerCase();
  return wanted.map((w) => {
    const index = names.findIndex((n) => norm(n) === norm(w));
    if (index < 0) throw new InputError(t('export.unknownColumn', { where, column: JSON.stringify(w), columns: names.join(', ') }));
    return { index, name: names[index]! };
  });
}

/** report.json's `outputs.export_<platform>` (dashes become underscores, as its other keys). */
export function exportOutputs(entries: readonly ExportEntry[]) {
  return Object.fromEntries(entries.map((e) => [`export_${e.platform.replace(/-/g, '_')}`, {
    path: e.path, sha256: e.sha256, rows: e.rows, platform: e.platform, key: e.key, hashing: e.hashing,
    columns: e.columns, duplicates: e.duplicates,
    warnings: e.warnings.map((w) => ({ code: w.code, limit: w.limit, actual: w.actual })),
  }]));
}

/** The exports' size warnings, as report.json's run warnings (the summary and report.html show them). */
export function exportRunWarnings(entries: readonly ExportEntry[]): { code: ExportEntry['warnings'][number]['code']; detail: string }[] {
  return entries.flatMap((e) => e.warnings.map((w) => ({ code: w.code, detail: exportWarningText(w) })));
}
