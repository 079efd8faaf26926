/**
 * What an email run (issue #15) changes in the audit pipeline (src/core/audit.ts): the email column,
 * the lists it requires, and what report.json says of it.
 */
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { PhoneColumn } from '../io/columns.js';
import type { Policy } from '../policy/schema.js';
import type { RowRouter } from '../core/row-router.js';
import { findEmailColumn, type EmailColumn } from './columns.js';
import type { EmailConsent } from './email-consent.js';
import type { EmailSuppression } from './email-suppression.js';

/** An email run's list may have no phone column: the phone is not judged. */
export const NO_PHONE_COLUMN: PhoneColumn = Object.freeze({ index: -1, name: '', indexes: [], matches: [] }) as unknown as PhoneColumn;

/** The email column (named, or found by name), or the one-line error that there is none. */
export function emailColumnOf(names: readonly string[], wanted: string | undefined, where: string): EmailColumn {
  const found = findEmailColumn(names, wanted);
  if (found) return found;
  throw new InputError(wanted === undefined
    ? t('audit.noEmailColumn', { where, columns: names.join(', ') })
    : t('audit.emailColumnMissing', { where, column: JSON.stringify(wanted), columns: names.join(', ') }));
}

/**
 * The lists an email run requires: registries (the TPS, the US National Do Not Call Registry) list
 * telephone numbers and screen no address, so they are not required of an email run; objection,
 * internal and refusal lists still are.
 */
export function emailRequiredLists(required: Policy['required_lists']): Policy['required_lists'] {
  return required.filter((l) => l.kind !== 'registry');
}

/** report.json `email`: what the run keyed on and what it did with the phone cells. */
export function emailReport(email: { consent: EmailConsent; suppression: EmailSuppression }, router: RowRouter) {
  return {
    key: 'email' as const,
    consent_records: email.consent.size,
    consent_addresses: email.consent.addresses,
    /** Email consent is kept in a map built by every run; the consent index snapshot holds phone records only. */
    consent_snapshot: false,
    /** Phone cells of clean rows are written empty to clean.csv and clean.xlsx: the run did not audit them. */
    phone_cells_blanked: true,
    soft_opt_in_rows: router.softOptIn,
  };
}

export type EmailReport = ReturnType<typeof emailReport>;
