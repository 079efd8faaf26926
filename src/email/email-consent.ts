/**
 * Consent records keyed by email address (issue #15). On an email run (`--channel email`) each
 * consent record needs an `email` (its phone, if any, is not judged), and is kept here, not in the
 * phone ConsentIndex: a Map from the normalized address to the address's records in read order
 * (the later `--consent` file, then the later line, comes last, as rule 4's tie-break needs). It is
 * built anew by every run and is not part of the consent index snapshot (report.json says so).
 */
import type { ConsentRecord, RawValue } from '../evidence/consent-record.js';
import { SchemaProblem, consentFields } from '../evidence/consent-record.js';
import type { DateOrder } from '../dates.js';
import { t } from '../i18n/index.js';
import { normalizeEmail } from './normalize.js';
import { emailProblemWords } from './problem-words.js';

const NONE: readonly ConsentRecord[] = Object.freeze([]);

export class EmailConsent {
  private readonly byAddress = new Map<string, ConsentRecord[]>();
  /** Records kept. */
  size = 0;

  add(address: string, record: ConsentRecord): void {
    const list = this.byAddress.get(address);
    if (list) list.push(record);
    else this.byAddress.set(address, [record]);
    this.size++;
  }

  /** The address's records, in read order. */
  lookup(address: string): readonly ConsentRecord[] {
    return this.byAddress.get(address) ?? NONE;
  }

  /** Distinct addresses with a record. */
  get addresses(): number {
    return this.byAddress.size;
  }
}

/**
 * Checks one raw record of an email run: its `email`, then the fields every record has. Throws
 * SchemaProblem (with the address, when it is valid, as `e164`: the key invalid records are
 * remembered by) when it fails the schema.
 */
export function toEmailConsentRecord(
  get: (field: string) => RawValue,
  where: { file: string; line: number },
  order: DateOrder,
): { address: string; record: ConsentRecord } {
  const raw = get('email');
  const text = typeof raw === 'string' ? raw.trim() : raw === null || raw === undefined ? '' : String(raw);
  if (text === '') throw new SchemaProblem('email', t('consent.empty', { field: 'email' }));
  const r = normalizeEmail(text);
  if (r.kind !== 'valid') {
    throw new SchemaProblem('email', t('consent.badEmail', { value: JSON.stringify(text.slice(0, 80)), problem: r.kind === 'invalid' ? emailProblemWords(r.problem) : '' }));
  }
  try {
    // The address stands where a phone record has its number: CONSENT_MISSING and the trail name it.
    return { address: r.address, record: consentFields(get, where, r.address, order) };
  } catch (e) {
    if (e instanceof SchemaProblem) e.e164 = r.address;
    throw e;
  }
}
