/** What every rule may read: the row being judged and the audit's evidence and settings. */
import type { CountryCode } from 'libphonenumber-js/max';
import type { Finding } from '../reasons.js';
import type { PhoneNormalizer, PhoneResult } from '../phone/normalize.js';
import type { ConsentIndex } from '../evidence/consent-index.js';
import type { SuppressionLists } from '../evidence/suppression.js';
import type { NoticeManifest } from '../evidence/notice-manifest.js';
import type { NumberTable } from '../evidence/number-table.js';
import type { NoticeField } from '../notice-fields.js';
import type { Channel } from '../policy/policy.js';
import type { ConsentDecision } from './consent.js';
import type { ResolvedNotice } from './notice.js';

/** The campaign the list is audited for: the policy with the command line's overrides applied. */
export interface Campaign {
  asOf: number;
  purpose: string;
  channel: Channel;
  region: CountryCode | undefined;
  proofRequired: boolean;
  consentMaxAgeDays: number | undefined;
  requiredNotice: readonly NoticeField[];
  rejectDuplicates: boolean;
}

export interface AuditContext {
  campaign: Campaign;
  phones: PhoneNormalizer;
  consent: ConsentIndex;
  suppression: SuppressionLists;
  /** Numbers seen so far -> the line they were first seen on. */
  seen: NumberTable;
  manifest: NoticeManifest | undefined;
  columns: { phone: number; notice: Record<NoticeField, number[]> };
}

/** One row as the rules see it, and what they found out about it. */
export interface RowFacts {
  line: number;
  cells: readonly string[];
  findings: Finding[];
  phone?: PhoneResult;
  /** Set when the phone is a valid number. */
  e164?: string;
  consent?: ConsentDecision;
  notice?: ResolvedNotice;
}
