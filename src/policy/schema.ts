/**
 * The policy file: one zod schema, the single source of truth for what a policy may set. Presets
 * are values of this schema; `leadaudit schema policy` prints it as JSON Schema.
 */
import { z } from 'zod';
import { isSupportedCountry } from 'libphonenumber-js/max';
import { NOTICE_FIELDS } from '../notice-fields.js';
import { lazy } from '../lazy.js';
import { REASON_CODES } from '../reasons.js';
import { DATE_ORDERS } from '../dates.js';

export const CHANNELS = ['call', 'sms', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const NUMBER_TYPES = [
  'MOBILE', 'FIXED_LINE', 'FIXED_LINE_OR_MOBILE', 'TOLL_FREE', 'PREMIUM_RATE', 'SHARED_COST',
  'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL', 'UNKNOWN',
] as const;
export type NumberTypeName = (typeof NUMBER_TYPES)[number];

function buildPolicySchema() {
  const country = z.string().refine((c) => /^[A-Z]{2}$/.test(c) && isSupportedCountry(c), {
    error: 'expected an ISO 3166 alpha-2 region with a telephone numbering plan, upper case (e.g. "RU")',
  });
  const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time of day HH:MM' });
  const listName = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/i, { error: 'expected a list name of letters, digits, _ and -' });

  return z
    .object({
      $schema: z.string().optional(),
      name: z.string().min(1).describe('The policy\'s name, shown in the summary and report.json'),
      extends: z.string().optional().describe('A preset this file starts from; its fields override the preset\'s'),
      description: z.string().optional(),
      legal_basis: z.array(z.string()).describe('The laws the policy applies, for people'),
      region: country.nullable().describe('Region assumed for numbers written without a country code; null: numbers need one'),
      purpose: z.string().min(1).describe('The campaign purpose matched against consent purposes (lower case)'),
      channel: z.enum(CHANNELS).describe('The campaign channel matched against consent channels'),
      consent_required_for: z.array(z.enum(CHANNELS)).describe('Channels that need consent'),
      unconsented_calls_screened_by: listName.nullable()
        .describe('Live calls without consent are allowed to numbers screened against this required list (UK TPS); null: never'),
      proof_required: z.boolean().describe('Consent needs an evidence_ref'),
      consent_max_age_days: z.number().int().positive().nullable().describe('Consent lapses this many days after it was given; null: no maximum'),
      required_notice: z.array(z.enum(NOTICE_FIELDS)).describe('Notice fields every row needs'),
      allowed_countries: z.array(country).nullable().describe('Countries numbers may belong to; null: any'),
      blocked_number_types: z.array(z.enum(NUMBER_TYPES)).describe('Number types never called'),
      sms_number_types: z.array(z.enum(NUMBER_TYPES)).describe('Number types an SMS campaign may use'),
      blocked_sources: z.array(z.string().min(1)).describe('Sources of unlawfully obtained data: a row whose source contains one (case-insensitive) is rejected'),
      operator: z.object({ name: z.string().min(1), aliases: z.array(z.string().min(1)).optional() }).strict().nullable()
        .describe('The operator (buyer) consent must be given to; null: the notice manifest\'s operator name'),
      notice_exemptions: z.array(z.string().min(1)).describe('Grounds on which a row may be exempt from notice (notice_exempt)'),
      required_lists: z.array(z.object({ name: listName, max_age_days: z.number().int().positive() }).strict())
        .describe('Suppression lists every run needs, with their maximum age'),
      duplicates: z.enum(['reject', 'allow']).describe('Whether a number seen on an earlier row is rejected'),
      calling_window: z.object({ from: clock, to: clock }).strict().nullable()
        .describe('Local hours calls may be made in; tags clean.csv with time zones and the UTC window'),
      date_order: z.enum(DATE_ORDERS).optional()
        .describe('How slashed dates in the inputs read: dmy (03/04/2026 is 3 April) or mdy (4 March); --date-order overrides; default dmy'),
      columns: z.object({
        contacts: z.record(z.string(), z.union([z.string().min(1), z.array(z.string().min(1)).min(1)])).optional(),
        consent: z.record(z.string(), z.string().min(1)).optional(),
        suppress: z.record(z.string(), z.string().min(1)).optional(),
      }).strict().optional()
        .describe('Input columns by field, for names leadaudit does not know: {"consent": {"given_at": "Дата согласия"}}; --map overrides'),
      gate: z.object({
        max_reject_rate: z.number().min(0).max(1).nullable(),
        fail_on_reject: z.boolean(),
        fail_on: z.array(z.enum(REASON_CODES)).optional().describe('Fail when any row has one of these codes'),
      }).strict().describe('Default gate; --max-reject-rate, --fail-on-reject and --fail-on override it'),
    })
    .strict();
}

/** The policy schema, built on first use (src/lazy.ts). */
export const policySchema = lazy(buildPolicySchema);

export type Policy = z.infer<ReturnType<typeof buildPolicySchema>>;
