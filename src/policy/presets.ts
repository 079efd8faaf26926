/**
 * The four presets (issue #4, the law as of 2026 in issue #10). Settings not named in the issue's
 * table keep the contract's defaults: purpose `marketing`, channel `call`, duplicates rejected, no
 * maximum consent age, any country, no blocked sources. Premium-rate and shared-cost numbers are
 * blocked everywhere, and an SMS needs a mobile number. Calls are `live` unless --dial-mode says
 * otherwise.
 */
import { RU_NOTICE_FIELDS, type NoticeField } from '../notice-fields.js';
import type { PresetName } from './preset-names.js';
import type { Policy } from './schema.js';

const common = {
  purpose: 'marketing',
  channel: 'call',
  proof_required: true,
  consent_max_age_days: null,
  allowed_countries: null,
  blocked_number_types: ['PREMIUM_RATE', 'SHARED_COST'],
  sms_number_types: ['MOBILE', 'FIXED_LINE_OR_MOBILE'],
  blocked_sources: [],
  operator: null,
  duplicates: 'reject',
  calling_window: null,
  gate: { max_reject_rate: null, fail_on_reject: false },
  dial_mode: 'live',
  advertising_purposes: ['marketing'],
  known_lists: [],
  consent_overrides_registry: false,
  consent_required_for_dial_modes: [],
  banned_dial_modes: [],
  landline_exempt_dial_modes: [],
  advise_line_types: false,
  separate_consent_from: null,
  separate_consent_required: false,
  soft_opt_in_channels: [],
} satisfies Partial<Policy>;

/** What GDPR Art. 13 asks when the data came from the subject: Art. 14 without the data list and the source. */
const ART_13_FIELDS: NoticeField[] = ['operator', 'purpose', 'legal_basis', 'recipients', 'rights', 'retention'];

export const PRESETS: Record<PresetName, Policy> = {
  'ru-152fz': {
    ...common,
    name: 'ru-152fz',
    date_order: 'dmy',
    description: 'Russia: 152-FZ "On Personal Data" and 38-FZ "On Advertising"',
    legal_basis: ['152-FZ Arts. 5, 6, 9, 10.1, 15, 18', '38-FZ Art. 18', '126-FZ Art. 44.1', 'Criminal Code Art. 272.1'],
    region: 'RU',
    consent_required_for: ['call', 'sms', 'email'],
    unconsented_calls_screened_by: null,
    required_notice: [...RU_NOTICE_FIELDS],
    notice_exemptions: ['18.4.1', '18.4.2', '18.4.3', '18.4.4', '18.4.5'],
    required_lists: [],
    // Subscribers' refusals through their operator (126-FZ Art. 44.1 item 1.1; 41-FZ of 01.04.2025).
    known_lists: [{ name: 'refusals', kind: 'refusal' }],
    // 38-FZ Art. 18 part 2: no advertising by automatic dialling or mailing without a person.
    banned_dial_modes: ['auto', 'prerecorded'],
    // 152-FZ Art. 9 part 1 as amended by 156-FZ of 24.06.2025, in force 1 September 2025.
    separate_consent_from: '2025-09-01',
    // 152-FZ Art. 18 part 3 applies only to data not received from the subject.
    notice_from_subject: [],
  },
  'eu-gdpr': {
    ...common,
    name: 'eu-gdpr',
    date_order: 'dmy',
    description: 'European Union: GDPR (Regulation (EU) 2016/679)',
    legal_basis: ['GDPR Arts. 5, 6, 7, 13, 14, 21', 'ePrivacy Directive 2002/58/EC Art. 13'],
    region: null,
    consent_required_for: ['call', 'sms', 'email'],
    unconsented_calls_screened_by: null,
    required_notice: [...RU_NOTICE_FIELDS, 'retention'],
    notice_exemptions: ['14.5.a', '14.5.b', '14.5.c', '14.5.d'],
    required_lists: [],
    notice_from_subject: ART_13_FIELDS,
    // ePrivacy Art. 13(2): an existing customer's electronic contact details for electronic mail, for
    // the sender's own similar products (issue #15); "electronic mail" includes SMS (Art. 2(h), recital 40).
    soft_opt_in_channels: ['email', 'sms'],
  },
  'uk-pecr': {
    ...common,
    name: 'uk-pecr',
    date_order: 'dmy',
    description: 'United Kingdom: UK GDPR and the Privacy and Electronic Communications Regulations 2003',
    legal_basis: ['UK GDPR Arts. 5, 6, 7, 13, 14, 21', 'PECR regs. 19, 21, 22'],
    region: 'GB',
    consent_required_for: ['sms', 'email'],
    unconsented_calls_screened_by: 'tps',
    required_notice: [...RU_NOTICE_FIELDS, 'retention'],
    notice_exemptions: ['14.5.a', '14.5.b', '14.5.c', '14.5.d'],
    required_lists: [{ name: 'tps', kind: 'registry', max_age_days: 28 }],
    // The register kept under reg. 26 holds corporate subscribers' numbers too (CTPS).
    known_lists: [{ name: 'ctps', kind: 'registry' }],
    // Reg. 21(4): a subscriber who told this caller they do not object may be called though listed.
    consent_overrides_registry: true,
    // Reg. 19: automated calls playing recorded sound need consent; automatic dialling of live calls is reg. 21.
    consent_required_for_dial_modes: ['prerecorded'],
    notice_from_subject: ART_13_FIELDS,
    // Reg. 22(3): the soft opt-in for an existing customer's contact details for electronic mail
    // (issue #15), which reg. 2(1) defines to include "messages sent using a short message service".
    soft_opt_in_channels: ['email', 'sms'],
  },
  'us-tcpa': {
    ...common,
    name: 'us-tcpa',
    date_order: 'mdy',
    description: 'United States: TCPA (47 CFR 64.1200) and the Telemarketing Sales Rule (16 CFR 310)',
    legal_basis: ['47 CFR 64.1200', '16 CFR 310.4'],
    region: 'US',
    // 47 CFR 64.1200(a)(2), (a)(3): consent for autodialled or prerecorded calls and for texts; live
    // calls need none (the registry protects people), and the TCPA does not cover email: commercial
    // email needs no prior consent under CAN-SPAM, only the opt-outs honoured (15 U.S.C. 7704(a)(4)).
    consent_required_for: ['sms'],
    consent_required_for_dial_modes: ['auto', 'prerecorded'],
    // (a)(2) asks consent of autodialled calls to wireless numbers (and the services of (a)(1)(i)-(iii)),
    // (a)(3) of prerecorded calls to residential lines too: an autodialled call a person speaks on
    // needs none to a line a carrier lookup (--line-types) says is a landline. libphonenumber can't
    // tell US mobiles from landlines (FIXED_LINE_OR_MOBILE), hence the warning without one.
    landline_exempt_dial_modes: ['auto'],
    advise_line_types: true,
    // Live calls without consent only to numbers screened against a fresh registry, as with the UK TPS.
    unconsented_calls_screened_by: 'national-dnc',
    required_notice: [],
    notice_exemptions: [],
    required_lists: [{ name: 'national-dnc', kind: 'registry', max_age_days: 31 }],
    // 64.1200(c)(2)(ii): a signed written agreement with the seller overrides the registry.
    consent_overrides_registry: true,
    notice_from_subject: [],
    calling_window: { from: '08:00', to: '21:00' },
  },
};
