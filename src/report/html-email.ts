/**
 * The parts of report.html and the certificate about an email run (issue #15): the email column
 * (the contact key) and the phone columns left empty, the email consent and suppression counts of
 * report.json's `email` block and lists, and the clean rows resting on a soft opt-in with what the
 * sender must still keep. A phone run has none of these: each function returns nothing for it.
 */
import type { Report } from './report-json.js';
import { escapeHtml as e, num } from './html.js';
import { t } from '../i18n/index.js';

type Contacts = Pick<Report['inputs']['contacts'], 'phone_columns' | 'email_column'>;
type ListCounts = { key?: 'phone' | 'email'; numbers: number; addresses?: number | undefined; domains?: number | undefined };

/** The contact list's key column: on an email run the email column, and the phone columns blanked. */
export function emailColumnHtml(c: Contacts): string | undefined {
  if (c.email_column === undefined) return undefined;
  const phones = c.phone_columns.length
    ? `<br><span id="phone-blanked">${e(t('html.email.phoneBlanked'))} ${c.phone_columns.map((m) => `<q>${e(m)}</q>`).join(', ')}</span>`
    : `<br><span id="phone-blanked">${e(t('html.email.noPhone'))}</span>`;
  return `<span id="email-column">${e(t('html.email.column'))} <q>${e(c.email_column)}</q></span>${phones}`;
}

/** A suppression list's entries: addresses and domains on an email run, numbers otherwise. */
export function listEntriesText(s: ListCounts): string {
  return s.key === 'email' ? t('html.email.listEntries', { addresses: num(s.addresses ?? 0), domains: num(s.domains ?? 0) }) : t('html.numbersN', { n: num(s.numbers) });
}

/** Rows of the evidence card of an email run: the email consent read, the phones (the soft opt-in row is html.ts's, for any run). */
export function emailEvidenceRows(r: Report): [string, string][] {
  const m = r.email;
  if (!m) return [];
  return [
    [e(t('html.email.label.consent')), `${e(t('html.email.consent', { records: num(m.consent_records), addresses: num(m.consent_addresses) }))} <span class="muted">(${e(t('html.email.noSnapshot'))})</span>`],
    [e(t('html.email.label.phones')), e(t('html.email.phonesNotAudited'))],
  ];
}

/** The certificate's line for the contact list: the email column of an email run, else undefined. */
export function certEmailWhat(rows: number, c: Contacts, clip: (s: string, n: number) => string): string | undefined {
  if (c.email_column === undefined) return undefined;
  return `${e(t('cert.rowsEmail', { rows: num(rows) }))} <q>${e(clip(c.email_column, 40))}</q> <span class="muted">(${e(t('cert.phonesNotAudited'))})</span>`;
}
