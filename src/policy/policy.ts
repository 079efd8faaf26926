/**
 * A policy: the rule set an audit applies. Today one preset, `ru-152fz` (SPEC "The ru-152fz
 * preset"); policy files and the other jurisdictions come with issue #4.
 */
import type { CountryCode } from 'libphonenumber-js/max';
import { NOTICE_FIELDS, type NoticeField } from '../notice-fields.js';
import { InputError } from '../errors.js';

export const CHANNELS = ['call', 'sms', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface Policy {
  name: string;
  /** Region assumed for numbers written without a country code; undefined: they need one. */
  region: CountryCode | undefined;
  purpose: string;
  channel: Channel;
  /** Consent must carry an `evidence_ref` (152-FZ Art. 9 part 3). */
  proofRequired: boolean;
  /** Consent lapses this many days after it was given; undefined: no maximum age. */
  consentMaxAgeDays: number | undefined;
  requiredNotice: readonly NoticeField[];
  rejectDuplicates: boolean;
}

export const PRESETS: Record<string, Policy> = {
  'ru-152fz': {
    name: 'ru-152fz',
    region: 'RU',
    purpose: 'marketing',
    channel: 'call',
    proofRequired: true,
    consentMaxAgeDays: undefined,
    requiredNotice: NOTICE_FIELDS,
    rejectDuplicates: true,
  },
};

export function loadPolicy(nameOrFile: string): Policy {
  const preset = PRESETS[nameOrFile.trim().toLowerCase()];
  if (preset) return preset;
  throw new InputError(`--policy ${JSON.stringify(nameOrFile)}: unknown policy; the presets are ${Object.keys(PRESETS).join(', ')} (policy files come in a later version)`);
}
