/**
 * The policy file: one zod schema, the single source of truth for what a policy may set. Presets
 * are values of this schema; `leadaudit schema policy` prints it as JSON Schema.
 */
import { z } from 'zod';
import { isSupportedCountry } from 'libphonenumber-js/max';
import { NOTICE_FIELDS } from '../notice-fields.js';
import { lazy } from '../lazy.js';
import { REASON_CODES } from '../reasons.js';
import { DATE_ORDERS, parseIsoInstant } from '../dates.js';
import { t } from '../i18n/index.js';

export const CHANNELS = ['call', 'sms', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

/** How calls are placed (issue #10): a person dials and speaks, automatic dialling, or a prerecorded or artificial voice. */
export const DIAL_MODES = ['live', 'auto', 'prerecorded'] as const;
export type DialMode = (typeof DIAL_MODES)[number];

/**
 * What a suppression list is (issue #10): `objection` (the person objected to this operator),
 * `internal` (the company's own do-not-contact list), `registry` (a national register: TPS, CTPS,
 * the US National Do Not Call Registry) and `refusal` (Russian subscribers' refusals through their
 * operator). Only a registry hit may be overridden by consent, where the policy allows it.
 */
export const LIST_KINDS = ['objection', 'internal', 'registry', 'refusal'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export const NUMBER_TYPES = [
  'MOBILE', 'FIXED_LINE', 'FIXED_LINE_OR_MOBILE', 'TOLL_FREE', 'PREMIUM_RATE', 'SHARED_COST',
  'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL', 'UNKNOWN',
] as const;
export type NumberTypeName = (typeof NUMBER_TYPES)[number];

function buildPolicySchema() {
  const country = z.string().refine((c) => /^[A-Z]{2}$/.test(c) && isSupportedCountry(c), {
    error: () => t('schema.region'),
  });
  const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: () => t('schema.clock') });
  const listName = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/i, { error: () => t('schema.listName') });
  const listKind = z.enum(LIST_KINDS).describe('objection, internal, registry or refusal');
  const dialMode = z.enum(DIAL_MODES);
  const isoDate = z.string().refine((d) => parseIsoInstant(d) !== undefined, { error: () => t('schema.isoDate') });

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
      required_lists: z.array(z.object({ name: listName, kind: listKind.default('objection'), max_age_days: z.number().int().positive() }).strict())
        .describe('Suppression lists every run needs, with their kind and maximum age'),
      known_lists: z.array(z.object({ name: listName, kind: listKind }).strict()).default([])
        .describe('Optional suppression lists the policy knows by name: a --suppress list of that name takes its kind (UK CTPS)'),
      consent_overrides_registry: z.boolean().default(false)
        .describe('Whether consent that covers the campaign overrides a hit on a registry list (PECR reg. 21(4); 47 CFR 64.1200(c)(2)(ii))'),
      dial_mode: dialMode.default('live').describe('How calls are placed: live (a person dials and speaks), auto (automatic dialling), prerecorded (a prerecorded or artificial voice)'),
      consent_required_for_dial_modes: z.array(dialMode).default([])
        .describe('Dial modes of calls that need consent whatever consent_required_for says (PECR reg. 19; 47 CFR 64.1200(a)(2), (a)(3))'),
      landline_exempt_dial_modes: z.array(dialMode).default([])
        .describe('Dial modes of calls that need no consent on account of the dial mode to a number a --line-types file gives as a landline (47 CFR 64.1200(a)(2) asks consent of autodialled calls to wireless numbers, not to residential lines)'),
      advise_line_types: z.boolean().default(false)
        .describe('Warn when an SMS run, or a run in one of landline_exempt_dial_modes, has no --line-types: libphonenumber cannot tell this region\'s mobiles from landlines'),
      banned_dial_modes: z.array(dialMode).default([])
        .describe('Dial modes banned for advertising purposes: every row is DIAL_MODE_BANNED (38-FZ Art. 18 part 2)'),
      advertising_purposes: z.array(z.string().min(1)).default(['marketing'])
        .describe('Campaign purposes that are advertising: consent must be consent to receive advertising (kind), and banned_dial_modes apply'),
      separate_consent_from: isoDate.nullable().default(null)
        .describe('Consent given on or after this date must be a separate document (152-FZ Art. 9 part 1 from 1 September 2025); null: not checked'),
      separate_consent_required: z.boolean().default(false)
        .describe('Whether a consent record that does not say whether it is a separate document counts as not separate'),
      notice_from_subject: z.array(z.enum(NOTICE_FIELDS)).nullable().default(null)
        .describe('Notice fields required when the data came from the subject (origin subject); null: the same as required_notice'),
      soft_opt_in_channels: z.array(z.enum(CHANNELS)).default([])
        .describe('Channels on which a consent record of kind soft_opt_in (an existing customer, ePrivacy Art. 13(2), PECR reg. 22(3)) stands in for consent (issue #15)'),
      duplicates: z.enum(['reject', 'allow']).describe('Whether a number seen on an earlier row is rejected'),
      calling_window: z.object({ from: clock, to: clock }).strict().nullable()
        .describe('Local hours calls may be made in; tags clean.csv with time zones and the UTC window'),
      date_order: z.enum(DATE_ORDERS).optional()
        .describe('How slashed dates in the inputs read: dmy (03/04/2026 is 3 April) or mdy (4 March); --date-order overrides; default dmy'),
      columns: z.object({
        contacts: z.record(z.string(), z.union([z.string().min(1), z.array(z.string().min(1)).min(1)])).optional(),
        consent: z.record(z.string(), z.string().min(1)).optional(),
        suppress: z.record(z.string(), z.string().min(1)).optional(),
        reassigned: z.record(z.string(), z.string().min(1)).optional(),
        line_types: z.record(z.string(), z.string().min(1)).optional(),
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
