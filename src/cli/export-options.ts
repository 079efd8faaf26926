/**
 * `--export PLATFORM`, `--hash [PLATFORM=]sha256|none` and `--export-columns COL[,COL...]` (issue
 * #15 item 3) -> the exports to write, each with its hashing. Checked before any file is read: an
 * unknown platform, a hashing the platform does not take, or a flag that has no export to act on
 * is a usage error (exit 2) naming the flag and the value.
 */
import { t } from '../i18n/index.js';
import { HASHINGS, PLATFORMS, platform, type Hashing, type PlatformId } from '../export/platforms.js';
import { bad } from './list-options.js';

export interface ExportSettings {
  jobs: { platform: PlatformId; hashing: Hashing }[];
  /** --export-columns: input columns the dialer file carries after `phone_e164`. */
  columns: string[];
}

const isPlatform = (w: string): w is PlatformId => (PLATFORMS as readonly string[]).includes(w);
const isHashing = (w: string): w is Hashing => (HASHINGS as readonly string[]).includes(w);
const words = (v: string) => v.split(',').map((w) => w.trim()).filter((w) => w !== '');

export function exportSettings(exports: readonly string[] = [], hashes: readonly string[] = [], columns: readonly string[] = []): ExportSettings | undefined {
  const wanted: PlatformId[] = [];
  for (const value of exports) {
    if (words(value).length === 0) throw bad('--export', value, t('export.noPlatform', { list: PLATFORMS.join(', ') }));
    for (const w of words(value).map((x) => x.toLowerCase())) {
      if (!isPlatform(w)) throw bad('--export', w, t('value.notOneOf', { list: PLATFORMS.join(', ') }));
      if (!wanted.includes(w)) wanted.push(w);
    }
  }
  if (wanted.length === 0) {
    if (hashes.length) throw bad('--hash', hashes[0]!, t('export.needsExport'));
    if (columns.length) throw bad('--export-columns', columns[0]!, t('export.needsExport'));
    return undefined;
  }

  // A bare value is for every export; PLATFORM=VALUE for that one (the later flag wins).
  let all: { hashing: Hashing; given: string } | undefined;
  const named = new Map<PlatformId, { hashing: Hashing; given: string }>();
  for (const value of hashes) {
    const eq = value.indexOf('=');
    const name = eq < 0 ? undefined : value.slice(0, eq).trim().toLowerCase();
    const h = (eq < 0 ? value : value.slice(eq + 1)).trim().toLowerCase();
    if (!isHashing(h)) throw bad('--hash', value, t('value.notOneOf', { list: HASHINGS.join(', ') }));
    if (name === undefined) { all = { hashing: h, given: value }; continue; }
    if (!isPlatform(name)) throw bad('--hash', value, t('export.hashPlatform', { list: PLATFORMS.join(', ') }));
    if (!wanted.includes(name)) throw bad('--hash', value, t('export.hashNotExported', { platform: name }));
    named.set(name, { hashing: h, given: value });
  }
  const jobs = wanted.map((id) => {
    const p = platform(id);
    const chosen = named.get(id) ?? all;
    const hashing = chosen?.hashing ?? p.defaultHashing;
    if (!p.hashings.includes(hashing)) {
      throw bad('--hash', chosen!.given, t('export.hashRefused', { platform: id, hashing, allowed: p.hashings.join(', ') }));
    }
    return { platform: id, hashing };
  });

  const names = columns.flatMap((v) => {
    if (words(v).length === 0) throw bad('--export-columns', v, t('opt.empty'));
    return words(v);
  });
  if (names.length && !wanted.includes('dialer')) throw bad('--export-columns', columns[0]!, t('export.columnsNeedDialer'));
  return { jobs, columns: names };
}
