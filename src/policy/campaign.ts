/**
 * Policy + command-line overrides -> the campaign the rules read. Kept apart from the CLI so tests
 * and library users build campaigns the same way.
 */
import type { CountryCode } from 'libphonenumber-js/max';
import type { Campaign } from '../rules/context.js';
import type { Channel, DialMode, Policy } from './schema.js';
import { parseIsoInstant, type DateOrder } from '../dates.js';

/** Where the data came from: from the subject, or from anyone else (a vendor, a list). */
export type Origin = 'subject' | 'third_party';

/** Case-insensitive comparison of names: white space runs and quote marks («», "", '') folded. */
export function fold(text: string): string {
  return text.toLowerCase().replace(/[«»"“”„'’`]/g, '').replace(/\s+/g, ' ').trim();
}

export interface CampaignOverrides {
  asOf: number;
  purpose?: string | undefined;
  channel?: Channel | undefined;
  region?: CountryCode | undefined;
  /** The notice manifest's operator name: the operator when the policy names none. */
  manifestOperator?: string | undefined;
  /** Whether the list named by `unconsented_calls_screened_by` was given and is fresh. */
  screened?: boolean | undefined;
  /** --date-order, over the policy's date_order. */
  dateOrder?: DateOrder | undefined;
  /** --dial-mode: how calls are placed. */
  dialMode?: DialMode | undefined;
  /** --origin: where the data came from, when the row, its consent record and the manifest do not say. */
  origin?: Origin | undefined;
}

export function campaignFrom(policy: Policy, o: CampaignOverrides): Campaign {
  const channel = o.channel ?? policy.channel;
  const dialMode = o.dialMode ?? policy.dial_mode;
  const purpose = (o.purpose ?? policy.purpose).trim().toLowerCase();
  // PECR reg. 21: a live call needs no consent when the number was screened against the TPS, so
  // only when that list was given and is fresh; otherwise consent is required after all.
  const needsScreening = channel === 'call' && policy.unconsented_calls_screened_by !== null;
  // PECR reg. 19, 47 CFR 64.1200(a)(2)-(3): these dial modes need consent whatever the lists say.
  const dialModeNeedsConsent = channel === 'call' && policy.consent_required_for_dial_modes.includes(dialMode);
  // 47 CFR 64.1200(a)(2): autodialled calls need consent to wireless numbers, not to a line a
  // carrier lookup says is a landline (issue #14); (a)(3) keeps prerecorded calls to residential lines.
  const dialModeNeedsConsentLandline = dialModeNeedsConsent && !policy.landline_exempt_dial_modes.includes(dialMode);
  const unscreened = needsScreening && o.screened !== true;
  const advertising = policy.advertising_purposes.some((p) => p.trim().toLowerCase() === purpose);
  const operatorNames = policy.operator
    ? [policy.operator.name, ...(policy.operator.aliases ?? [])]
    : o.manifestOperator ? [o.manifestOperator] : [];
  return {
    asOf: o.asOf,
    purpose,
    channel,
    region: o.region ?? (policy.region as CountryCode | null) ?? undefined,
    proofRequired: policy.proof_required,
    consentMaxAgeDays: policy.consent_max_age_days ?? undefined,
    requiredNotice: policy.required_notice,
    rejectDuplicates: policy.duplicates === 'reject',
    consentRequired: policy.consent_required_for.includes(channel) || dialModeNeedsConsent || unscreened,
    consentRequiredLandline: policy.consent_required_for.includes(channel) || dialModeNeedsConsentLandline || unscreened,
    allowedCountries: policy.allowed_countries ?? undefined,
    blockedNumberTypes: policy.blocked_number_types,
    smsNumberTypes: policy.sms_number_types,
    blockedSources: policy.blocked_sources.map(fold),
    operatorNames: operatorNames.map(fold).filter(Boolean),
    operatorLabel: operatorNames[0],
    noticeExemptions: policy.notice_exemptions.map((g) => g.trim().toLowerCase()),
    // Calling hours are for calls and texts; an email is read when the person opens it.
    callingWindow: channel === 'email' ? undefined : policy.calling_window ?? undefined,
    dateOrder: o.dateOrder ?? policy.date_order ?? 'dmy',
    dialMode,
    advertising,
    // 38-FZ Art. 18 part 2: selecting or dialling a subscriber's number without a person bans
    // advertising outright; it speaks of telephone numbers, so calls and SMS, not email.
    dialModeBanned: advertising && channel !== 'email' && policy.banned_dial_modes.includes(dialMode),
    separateConsentFrom: policy.separate_consent_from === null ? undefined : parseIsoInstant(policy.separate_consent_from),
    separateConsentRequired: policy.separate_consent_required,
    consentOverridesRegistry: policy.consent_overrides_registry,
    noticeFromSubject: policy.notice_from_subject ?? policy.required_notice,
    origin: o.origin ?? 'third_party',
    softOptInChannels: policy.soft_opt_in_channels,
  };
}
