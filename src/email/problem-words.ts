/** The email parser's error codes in the run's language (src/i18n, `email.problem.*`); a code the catalogue lacks is shown as it is. */
import { t } from '../i18n/index.js';

/** The codes of @hapi/address's `analyzeEmail` that the catalogue words, and `DOMAIN_IDNA` (src/email/normalize.ts). */
export const EMAIL_PROBLEMS = [
  'MISSING_AT_CHAR', 'MULTIPLE_AT_CHAR', 'EMPTY_LOCAL', 'ADDRESS_TOO_LONG', 'LOCAL_TOO_LONG', 'EMPTY_LOCAL_SEGMENT',
  'INVALID_LOCAL_CHARS', 'DOMAIN_NON_EMPTY_STRING', 'DOMAIN_TOO_LONG', 'DOMAIN_INVALID_UNICODE_CHARS', 'DOMAIN_INVALID_CHARS',
  'DOMAIN_INVALID_TLDS_CHARS', 'DOMAIN_SEGMENTS_COUNT', 'DOMAIN_EMPTY_SEGMENT', 'DOMAIN_LONG_SEGMENT', 'DOMAIN_IDNA',
] as const;

export function emailProblemWords(code: string): string {
  return (EMAIL_PROBLEMS as readonly string[]).includes(code) ? t(`email.problem.${code as (typeof EMAIL_PROBLEMS)[number]}`) : code;
}
