/**
 * The upload formats of `--export PLATFORM` (issue #15 item 3), each from the platform's own
 * documentation, checked 2026-12-02 (the README's table gives the same facts and the sources).
 * A platform is data: the file's header, how a phone (from clean.csv's `phone_e164`) and an email
 * (from `email_normalized`) are written for it, which forms of upload it takes, and its list
 * sizes. src/export/write-exports.ts turns it into a file; nothing here writes.
 */

export const PLATFORMS = ['yandex-audiences', 'vk-ads', 'google-customer-match', 'meta', 'dialer'] as const;
export type PlatformId = (typeof PLATFORMS)[number];

export const HASHINGS = ['sha256', 'none'] as const;
export type Hashing = (typeof HASHINGS)[number];

/** The key a run audited: phones on a call/sms run, emails on an email run. */
export type KeyKind = 'phone' | 'email';

export interface Platform {
  id: PlatformId;
  /** The file in the out-dir. */
  file: string;
  /** The key column's header, per key kind; `null`: the file has no header line. */
  header: Record<KeyKind, string | null>;
  /** A phone in E.164 (`+79161112233`) as the platform wants it, before any hashing. */
  phone: (e164: string) => string;
  /** The forms the platform takes, and the one used when --hash does not name one. */
  hashings: readonly Hashing[];
  defaultHashing: Hashing;
  /** Which keys the platform takes. */
  keys: readonly KeyKind[];
  /** Fewer clean rows than this: the platform refuses the list or can't serve it (a warning). */
  minRows: number | undefined;
  /** More rows, or a bigger file, than the platform takes in one upload (a warning). */
  maxRows: number | undefined;
  maxBytes: number | undefined;
  /** Whether a key seen already is left out (a list of unique items); the dialer keeps every row. */
  unique: boolean;
}

const MB = 1024 * 1024;
const digits = (e164: string) => e164.replace(/^\+/, '');

const PLATFORM_LIST: readonly Platform[] = [
  {
    // https://yandex.ru/support/audience/en/file.md (CRM data): CSV, UTF-8, comma; fields `phone`,
    // `email`; phone "a string of numbers that contains the mobile phone number and country code"
    // (79995551111); email without uppercase letters; values may be hashed with SHA-256 (MD5 no
    // longer taken for new data since January 2025) or left plain; at least 100 entries; up to 1 GB.
    id: 'yandex-audiences', file: 'export-yandex-audiences.csv',
    header: { phone: 'phone', email: 'email' }, phone: digits,
    hashings: ['sha256', 'none'], defaultHashing: 'sha256', keys: ['phone', 'email'],
    minRows: 100, maxRows: undefined, maxBytes: 1024 * MB, unique: true,
  },
  {
    // https://target.my.com/help/advertisers/sourceuserlists/en (VK Ads user lists, the myTarget
    // help they come from): txt or csv, one item per line, UTF-8; a csv's header is "id"; phone
    // "[country code][region code][number] without spaces": 79011234567; plain values (encrypted on
    // upload) or MD5 hashes, SHA-256 is not named; 2,000 to 5,000,000 unique items; up to 128 MB.
    id: 'vk-ads', file: 'export-vk-ads.csv',
    header: { phone: 'id', email: 'id' }, phone: digits,
    hashings: ['none'], defaultHashing: 'none', keys: ['phone', 'email'],
    minRows: 2000, maxRows: 5_000_000, maxBytes: 128 * MB, unique: true,
  },
  {
    // https://support.google.com/google-ads/answer/7476159 (hashed) and 7475964 (plain text): CSV,
    // ASCII or UTF-8, English headers `Email`, `Phone`; hashed: SHA-256 of the email lowercased
    // without spaces, of the phone in E.164 (with `+`); plain text is hashed by Google Ads. Lists
    // serve from 100 active members (support.google.com/ads-data-hub/answer/9935747); files up to
    // 5 GB (support.google.com/adwords/answer/6276125).
    id: 'google-customer-match', file: 'export-google-customer-match.csv',
    header: { phone: 'Phone', email: 'Email' }, phone: (e164) => e164,
    hashings: ['sha256', 'none'], defaultHashing: 'sha256', keys: ['phone', 'email'],
    minRows: 100, maxRows: undefined, maxBytes: 5 * 1024 * MB, unique: true,
  },
  {
    // https://www.facebook.com/business/help/2082575038703844 (customer list format): headers
    // `email`, `phone`; phones with the country code; "avoid lists of fewer than 100 people".
    // https://developers.facebook.com/docs/marketing-api/audiences/guides/custom-audiences
    // (hashing and normalizing): SHA-256; phone: digits only, no symbols, letters or leading zeros,
    // with the country code (a leading `+` matches nothing once hashed); email: trimmed, lowercase.
    // Ads Manager also takes a plain-text list and hashes it before upload.
    id: 'meta', file: 'export-meta.csv',
    header: { phone: 'phone', email: 'email' }, phone: digits,
    hashings: ['sha256', 'none'], defaultHashing: 'sha256', keys: ['phone', 'email'],
    minRows: 100, maxRows: undefined, maxBytes: undefined, unique: true,
  },
  {
    // Ours (issue #15): a dialer dials the number, so it is never hashed; `phone_e164` per row
    // plus the --export-columns, every clean row in order.
    id: 'dialer', file: 'export-dialer.csv',
    header: { phone: 'phone_e164', email: null }, phone: (e164) => e164,
    hashings: ['none'], defaultHashing: 'none', keys: ['phone'],
    minRows: undefined, maxRows: undefined, maxBytes: undefined, unique: false,
  },
];

export function platform(id: PlatformId): Platform {
  return PLATFORM_LIST.find((p) => p.id === id)!;
}

/** Every export file name: a previous run's export this run does not write is taken away at commit. */
export const EXPORT_FILES: readonly string[] = PLATFORM_LIST.map((p) => p.file);
