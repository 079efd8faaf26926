/** What every rule may read: the row being judged and the audit's evidence and settings. */
import type { CountryCode } from 'libphonenumber-js/max';
import type { Finding } from '../reasons.js';
import type { CsvRecord } from '../io/csv-tokenizer.js';
import type { PhoneNormalizer, PhoneResult } from '../phone/normalize.js';
import type { ConsentIndex } from '../evidence/consent-index.js';
import type { SuppressionLists } from '../evidence/suppression.js';
import type { NoticeManifest } from '../evidence/notice-manifest.js';
import type { NumberTable } from '../evidence/number-table.js';
import type { NoticeField, NoticeMeta } from '../notice-fields.js';
import type { Channel, DialMode } from '../policy/schema.js';
import type { DateOrder } from '../dates.js';
import type { InvalidEvidence } from '../evidence/invalid-evidence.js';
import type { Origin } from '../policy/campaign.js';
import type { ListSet } from '../evidence/suppression.js';
import type { ConsentDecision } from './consent.js';
import type { ConsentRecord } from '../evidence/consent-record.js';
import type { ResolvedNotice } from './notice.js';
import type { Finding as RuleFinding } from '../reasons.js';
import type { EvidenceDir } from '../evidence/evidence-dir.js';
import type { ReassignedNumbers } from '../evidence/reassigned.js';
import type { LineType, LineTypes } from '../evidence/line-types.js';
import type { EmailConsent } from '../email/email-consent.js';
import type { EmailSuppression } from '../email/email-suppression.js';

/**
 * The campaign the list is audited for: the policy with the command line's overrides applied, in
 * the form the rules read it (see src/policy/campaign.ts).
 */
export interface Campaign {
  asOf: number;
  purpose: string;
  channel: Channel;
  region: CountryCode | undefined;
  proofRequired: boolean;
  consentMaxAgeDays: number | undefined;
  requiredNotice: readonly NoticeField[];
  rejectDuplicates: boolean;
  /** Whether rows need consent for this channel (false only for screened live calls, PECR reg. 21). */
  consentRequired: boolean;
  /**
   * The same for a number a --line-types file gives as a landline (issue #14): the policy's
   * landline_exempt_dial_modes need no consent there (47 CFR 64.1200(a)(2) is about wireless numbers).
   */
  consentRequiredLandline: boolean;
  /** Countries numbers may belong to; undefined: any. */
  allowedCountries: readonly string[] | undefined;
  blockedNumberTypes: readonly string[];
  /** Number types an SMS may go to. */
  smsNumberTypes: readonly string[];
  /** Blocked sources, folded (see fold()). */
  blockedSources: readonly string[];
  /** Names that count as the operator consent must be given to, folded; empty: not checked. */
  operatorNames: readonly string[];
  /** That operator's name as written, for people. */
  operatorLabel: string | undefined;
  /** Notice exemption grounds the policy allows (lower case). */
  noticeExemptions: readonly string[];
  /** Local calling hours; tags clean rows with time zones and the UTC window. */
  callingWindow: { from: string; to: string } | undefined;
  /** How slashed dates read in the inputs (issue #11). */
  dateOrder: DateOrder;
  /** How calls are placed (--dial-mode, policy dial_mode). */
  dialMode: DialMode;
  /** Whether the purpose is advertising: consent must then be consent to receive advertising (38-FZ Art. 18 part 1). */
  advertising: boolean;
  /** Whether every row is DIAL_MODE_BANNED (38-FZ Art. 18 part 2). */
  dialModeBanned: boolean;
  /** Consent given at or after this instant must be a separate document (152-FZ Art. 9 part 1); undefined: not checked. */
  separateConsentFrom: number | undefined;
  /** Whether a record silent on separate_document counts as not separate. */
  separateConsentRequired: boolean;
  /** Whether covering consent overrides a registry hit (PECR reg. 21(4), 47 CFR 64.1200(c)(2)(ii)). */
  consentOverridesRegistry: boolean;
  /** Notice fields required when the data came from the subject. */
  noticeFromSubject: readonly NoticeField[];
  /** Where the data came from when the row, its consent record and the manifest do not say (--origin). */
  origin: Origin;
  /** Channels on which a soft opt-in record (an existing customer's address) stands in for consent (issue #15). */
  softOptInChannels: readonly Channel[];
}

/** One remembered notice verdict. */
export interface NoticeMemoHit { notice: ResolvedNotice; findings: readonly RuleFinding[] }
/** Texts a level of the notice memo compares one by one before it takes a Map. */
const SMALL_NODE = 8;

/**
 * A level of the notice memo: a cell's text -> the next level; the verdict at the last level. A
 * bought list repeats a handful of notice texts, so a level holds a few, compared in turn: a Map
 * hashed each row's cell anew (a cell is a new string every row), 0.14 s of a 1M-row audit's CPU
 * profile with two notice columns (issue #16); comparing strings of other lengths costs nothing.
 * Past SMALL_NODE texts, a Map.
 */
export class NoticeMemoNode {
  private texts: string[] = [];
  private next: NoticeMemoNode[] = [];
  private map: Map<string, NoticeMemoNode> | undefined;
  hit: NoticeMemoHit | undefined;

  child(text: string): NoticeMemoNode | undefined {
    if (this.map !== undefined) return this.map.get(text);
    const texts = this.texts;
    for (let i = 0; i < texts.length; i++) if (texts[i] === text) return this.next[i];
    return undefined;
  }

  /** `text` must not be here yet. */
  add(text: string, node: NoticeMemoNode): void {
    if (this.map !== undefined) {
      this.map.set(text, node);
      return;
    }
    this.texts.push(text);
    this.next.push(node);
    if (this.texts.length > SMALL_NODE) {
      this.map = new Map(this.texts.map((t, i) => [t, this.next[i]!]));
      this.texts = [];
      this.next = [];
    }
  }
}
/**
 * Notice verdicts by the consent record's (interned) notice values, then by the cells of the row's
 * own notice columns, one level a column; `size`: the verdicts it holds (it stops at a limit).
 */
export interface NoticeMemo { byRecord: Map<object, NoticeMemoNode>; size: number }

export interface AuditContext {
  campaign: Campaign;
  phones: PhoneNormalizer;
  consent: ConsentIndex;
  suppression: SuppressionLists;
  /** Numbers seen so far -> the line they were first seen on. */
  seen: NumberTable;
  manifest: NoticeManifest | undefined;
  /** Numbers whose consent records failed the schema (issue #11: named in CONSENT_MISSING). */
  invalidConsent?: InvalidEvidence | undefined;
  /** `phone`: the first phone column; `phones`: every phone column, audited number by number (issue #11). */
  columns: { phone: number; phones: readonly number[]; notice: Record<NoticeField, number[]>; meta: Record<NoticeMeta, number[]> };
  /** Rows with the same record notice values and the same own notice cells resolve alike. */
  noticeMemo?: NoticeMemo;
  /** LIST_STALE for every row when a required suppression list is missing or stale (issue #14). */
  listStale?: readonly Finding[];
  /** --evidence-dir: where consent evidence files must be (issue #14). */
  evidence?: EvidenceDir | undefined;
  /** --reassigned: numbers that changed hands, and the file's name for findings (issue #14). */
  reassigned?: { list: ReassignedNumbers; label: string } | undefined;
  /** --line-types: a carrier lookup's line types, over libphonenumber's (issue #14). */
  lineTypes?: LineTypes | undefined;
  /** An email run (issue #15): the address is the contact key; see src/email/judge-email.ts. */
  email?: EmailContext | undefined;
  /**
   * Whether each consent record's fate is kept (ConsentDecision.considered): the trail shows them;
   * nothing else reads them. Kept unless false.
   */
  fates?: boolean;
}

/** What an email run's rows are judged with (issue #15). */
export interface EmailContext {
  /** The email column. */
  column: number;
  consent: EmailConsent;
  suppression: EmailSuppression;
  /** Normalized addresses seen so far -> the line they were first seen on. */
  seen: Map<string, number>;
}

/** One row as the rules see it, and what they found out about it. */
export interface RowFacts {
  line: number;
  cells: readonly string[];
  findings: Finding[];
  phone?: PhoneResult;
  /** Set when the phone is a valid number. */
  e164?: string;
  /** The number as a numeric key (e164Key), computed once for the rules that look it up. */
  key?: number;
  /** The number's line type from --line-types, when the file lists it (issue #14). */
  lineType?: LineType;
  consent?: ConsentDecision;
  /** The suppression lists the number is on, and the consent that overrode them where it could. */
  suppression?: { lists: ListSet; overriddenBy: ConsentRecord | undefined };
  notice?: ResolvedNotice;
  /** An email run's address (issue #15): as written, and as compared (clean.csv `email_normalized`). */
  email?: { raw: string; address: string };
  /**
   * Every contact key of a row with more than one phone column or number (issue #11); undefined
   * on the common path (one column, one number), where the fields above are that number's.
   */
  numbers?: KeyVerdict[];
}

/**
 * A row's facts with every field there from the start: one object of one shape, where fields
 * added rule by rule made the object again (and its property store grew) several times a row,
 * and each rule saw rows of several shapes (issue #16, fewer short-lived objects).
 */
export function newRow(record: CsvRecord): RowFacts {
  return {
    line: record.line, cells: record.fields, findings: [], phone: undefined, e164: undefined, key: undefined,
    lineType: undefined, consent: undefined, suppression: undefined, notice: undefined, email: undefined, numbers: undefined,
  };
}

/**
 * One contact key of a row and its own verdict (issue #11, item 4). A key is a phone number
 * today; #15 adds email addresses as keys of their own kind.
 */
export interface KeyVerdict {
  kind: 'phone';
  /** The input column it was read from. */
  column: number;
  /** As written in the cell (the whole cell, or its part). */
  raw: string;
  phone: PhoneResult;
  e164: string | undefined;
  /** Its own findings (phone, type, country, duplicate, suppression, consent); empty: it passed. */
  findings: Finding[];
  consent: ConsentDecision | undefined;
  /** The suppression lists it is on, and the consent that overrode them (issue #10). */
  suppression: RowFacts['suppression'];
  /** Its line type from --line-types (issue #14). */
  lineType?: LineType | undefined;
  /** Index of an earlier key of the same row with the same number, whose verdict it shares. */
  sameAs: number | undefined;
}
