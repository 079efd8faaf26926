/**
 * The four presets (issue #4). Settings not named in the table keep the contract's
 * defaults: purpose `marketing`, channel `call`, duplicates rejected, no maximum consent age, any
 * country, no blocked sources. Premium-rate and shared-cost numbers are blocked everywhere, and an
 * SMS needs a mobile number.
 */
import { RU_NOTICE_FIELDS } from '../notice-fields.js';
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
} satisfies Partial<Policy>;

export const PRESETS: Record<PresetName, Policy> = {
  'ru-152fz': {
    ...common,
    name: 'ru-152fz',
    date_order: 'dmy',
    description: 'Russia: 152-FZ "On Personal Data" and 38-FZ "On Advertising"',
    legal_basis: ['152-FZ Arts. 5, 6, 9, 15, 18', '38-FZ Art. 18'],
    region: 'RU',
    consent_required_for: ['call', 'sms', 'email'],
    unconsented_calls_screened_by: null,
    required_notice: [...RU_NOTICE_FIELDS],
    notice_exemptions: ['18.4.1', '18.4.2', '18.4.3', '18.4.4', '18.4.5'],
    required_lists: [],
  },
  'eu-gdpr': {
    ...common,
    name: 'eu-gdpr',
    date_order: 'dmy',
    description: 'European Union: GDPR (Regulation (EU) 2016/679)',
    legal_basis: ['GDPR Arts. 6, 7(1), 14, 21'],
    region: null,
    consent_required_for: ['call', 'sms', 'email'],
    unconsented_calls_screened_by: null,
    required_notice: [...RU_NOTICE_FIELDS, 'retention'],
    notice_exemptions: ['14.5.a', '14.5.b', '14.5.c', '14.5.d'],
    required_lists: [],
  },
  'uk-pecr': {
    ...common,
    name: 'uk-pecr',
    date_order: 'dmy',
    description: 'United Kingdom: UK GDPR and the Privacy and Electronic Communications Regulations 2003',
    legal_basis: ['UK GDPR Art. 14', 'PECR regs. 21, 22'],
    region: 'GB',
    consent_required_for: ['sms', 'email'],
    unconsented_calls_screened_by: 'tps',
    required_notice: [...RU_NOTICE_FIELDS, 'retention'],
    notice_exemptions: ['14.5.a', '14.5.b', '14.5.c', '14.5.d'],
    required_lists: [{ name: 'tps', max_age_days: 28 }],
  },
  'us-tcpa': {
    ...common,
    name: 'us-tcpa',
    date_order: 'mdy',
    description: 'United States: TCPA (47 CFR 64.1200) and the Telemarketing Sales Rule (16 CFR 310)',
    legal_basis: ['47 CFR 64.1200', '16 CFR 310.4'],
    region: 'US',
    consent_required_for: ['call', 'sms', 'email'],
    unconsented_calls_screened_by: null,
    required_notice: [],
    notice_exemptions: [],
    required_lists: [{ name: 'national-dnc', max_age_days: 31 }],
    calling_window: { from: '08:00', to: '21:00' },
  },
};
