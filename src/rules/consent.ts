/**
 * The consent checks, exactly as SPEC "How consent is judged" states them. Consent must be
 * provable (152-FZ Art. 9 part 3), can be withdrawn (Art. 9 part 2) and covers only the purposes
 * it names (Art. 5 part 2). Issue #10 adds two ways a counting record fails to cover: a consent
 * given since 1 September 2025 must be a separate document (152-FZ Art. 9 part 1, as amended by
 * 156-FZ of 24.06.2025), and an advertising campaign needs consent to receive advertising, which
 * consent to processing is not (38-FZ Art. 18 part 1). A record silent on either still counts; the
 * decision says so, and report.json counts such records. Runs per number (issue #11).
 */
import { NO_FINDINGS, type Finding, type ReasonCode } from '../reasons.js';
import type { ConsentRecord } from '../evidence/consent-record.js';
import type { EvidenceCheck, EvidenceDir } from '../evidence/evidence-dir.js';
import type { Disconnection } from '../evidence/reassigned.js';
import { isoString } from '../dates.js';
import { fold } from '../policy/campaign.js';
import { e164Key } from '../evidence/number-table.js';
import type { AuditContext, Campaign, RowFacts } from './context.js';

export type RecordFate =
  /** Rule 1: given after --as-of, so it does not exist yet (its withdrawal neither). */
  | { record: ConsentRecord; fate: 'not-yet-given' }
  /** Rule 2: given at or before the number was disconnected: the previous subscriber's (issue #14). */
  | { record: ConsentRecord; fate: 'reassigned'; disconnectedAt: number }
  /** Rule 2: given at or before the latest withdrawal. */
  | { record: ConsentRecord; fate: 'withdrawn'; withdrawnAt: number }
  /** Rule 3: counts and covers the campaign. */
  | { record: ConsentRecord; fate: 'covers'; evidence?: EvidenceCheck | undefined }
  /** Rule 3: counts but does not cover the campaign, for these reasons. */
  | { record: ConsentRecord; fate: 'does-not-cover'; reasons: ReasonCode[]; evidence?: EvidenceCheck | undefined };

/** What a number's consent is judged with besides its records (issue #14). */
export interface ConsentEvidence {
  /** --evidence-dir: where each counting record's evidence file must be. */
  evidence?: EvidenceDir | undefined;
  /** --reassigned: the number's latest disconnection at or before --as-of. */
  disconnected?: (Disconnection & { where: string }) | undefined;
}

export interface ConsentDecision {
  findings: readonly Finding[];
  /** Rule 4: the most recently given record that covers the campaign. */
  covering: ConsentRecord | undefined;
  /** The record whose reasons are reported when none covers. */
  reported: ConsentRecord | undefined;
  /**
   * Every record of the number, in read order, with what was decided about it: for the trail only,
   * so empty (NO_FATES) when judgeConsent was asked not to keep them (issue #16: an object a record
   * and an array a row that nothing read).
   */
  considered: readonly RecordFate[];
  /** Records of the number that failed the schema, `file:line: problem` (issue #11). */
  invalid: { first: readonly string[]; more: number } | undefined;
  /** What the covering record does not say: UNSTATED_SEPARATE, UNSTATED_KIND (bits); 0 when none covers. */
  unstated: number;
  /** Whether the number needs consent, where its line type decides it (a landline, issue #14); else the campaign's rule. */
  required: boolean | undefined;
  /** The number's latest disconnection at or before --as-of (--reassigned, issue #14). */
  disconnected: ConsentEvidence['disconnected'];
}

/** The covering record does not say whether it is a separate document, where that is checked. */
export const UNSTATED_SEPARATE = 1;
/** The covering record does not say what it is consent to, in an advertising campaign. */
export const UNSTATED_KIND = 2;

const DAY_MS = 86_400_000;
/** What uncovered() returns for a record that covers: shared, never written to. */
const NO_REASONS: Finding[] = Object.freeze([]) as unknown as Finding[];
/** `considered` when the fates are not kept. */
export const NO_FATES: readonly RecordFate[] = Object.freeze([]);

/**
 * Why a counting record does not cover the campaign (rule 3); empty when it covers. `evidence` is
 * what --evidence-dir found for its evidence_ref (issue #14): a file that is not there, not the
 * file the record's hash names, or out of the folder leaves the consent unproven.
 */
export function uncovered(r: ConsentRecord, c: Campaign, evidence?: EvidenceCheck): Finding[] {
  // Nothing allocated for a record that covers (most): the array and the consent id (decoded from
  // the index's text on each read) only with a finding.
  let out: Finding[] | undefined;
  if (r.expiresAt !== undefined && r.expiresAt <= c.asOf) {
    (out ??= []).push({ code: 'CONSENT_EXPIRED', args: { consentId: r.consentId, why: 'expired', at: isoString(r.expiresAt) } });
  } else if (c.consentMaxAgeDays !== undefined && r.givenAt + c.consentMaxAgeDays * DAY_MS <= c.asOf) {
    (out ??= []).push({ code: 'CONSENT_EXPIRED', args: { consentId: r.consentId, why: 'age', givenAt: isoString(r.givenAt), days: c.consentMaxAgeDays, asOf: isoString(c.asOf) } });
  }
  if (!r.purposes.includes(c.purpose)) {
    (out ??= []).push({ code: 'CONSENT_PURPOSE_MISMATCH', args: { consentId: r.consentId, purposes: r.purposes.join('|'), purpose: c.purpose } });
  }
  if (r.channels.length > 0 && !r.channels.includes(c.channel)) {
    (out ??= []).push({ code: 'CONSENT_CHANNEL_MISMATCH', args: { consentId: r.consentId, channels: r.channels.join('|'), channel: c.channel } });
  }
  if (c.proofRequired && r.evidenceRef === '') (out ??= []).push({ code: 'CONSENT_UNPROVEN', args: { consentId: r.consentId } });
  else if (c.proofRequired && evidence !== undefined && evidence.state !== 'found') {
    (out ??= []).push({ code: 'CONSENT_UNPROVEN', args: {
      consentId: r.consentId, ref: r.evidenceRef, evidence: evidence.state, why: evidence.why, file: evidence.file, sha256: evidence.sha256, expected: evidence.expected,
    } });
  }
  // 152-FZ Art. 9 part 1 (from 1 September 2025): a document of its own, not a clause of another.
  const from = c.separateConsentFrom;
  if (from !== undefined && r.givenAt >= from && (r.separateDocument === false || (r.separateDocument === undefined && c.separateConsentRequired))) {
    (out ??= []).push({ code: 'CONSENT_NOT_SEPARATE', args: { consentId: r.consentId, givenAt: isoString(r.givenAt), from: isoString(from), why: r.separateDocument === false ? 'no' : 'unstated' } });
  }
  // 38-FZ Art. 18 part 1: consent to receive advertising; a record that says it is only consent to
  // processing of personal data does not give it.
  if (c.advertising && r.kinds !== undefined && !r.kinds.includes('advertising')) {
    // Issue #15: an existing customer's address or mobile number stands in for consent to email or
    // SMS marketing where the policy accepts it and its conditions hold (ePrivacy Art. 13(2), PECR
    // reg. 22(3); both read "electronic mail" to include SMS).
    const soft = r.kinds.includes('soft_opt_in') ? softOptInProblem(r, c) : 'not-soft';
    if (soft === 'not-soft') (out ??= []).push({ code: 'CONSENT_KIND_MISMATCH', args: { consentId: r.consentId, kinds: r.kinds.join('|'), purpose: c.purpose } });
    else if (soft !== undefined) {
      (out ??= []).push({ code: 'CONSENT_KIND_MISMATCH', args: { consentId: r.consentId, kinds: r.kinds.join('|'), purpose: c.purpose, why: soft, channel: c.channel, channels: c.softOptInChannels.join(', ') } });
    }
  }
  const operator = r.notice.operator;
  if (operator !== undefined && c.operatorNames.length > 0 && !namesOperator(operator, c.operatorNames)
    && !(r.notice.recipients !== undefined && r.notice.recipients.split(/[;|\n]/).some((item) => namesOperator(item, c.operatorNames)))) {
    (out ??= []).push({ code: 'CONSENT_OPERATOR_MISMATCH', args: { consentId: r.consentId, operator: JSON.stringify(operator), ours: JSON.stringify(c.operatorLabel ?? c.operatorNames[0]) } });
  }
  return out ?? NO_REASONS;
}

/**
 * Why a soft opt-in record does not stand in for consent, or undefined when it does: the policy
 * accepts it for the channel (ePrivacy Art. 13(2) and PECR reg. 22(3) speak of electronic mail, SMS
 * included), the address or number was obtained from the customer (not a third party), and a simple
 * way to refuse was offered when it was collected. That the products are the sender's own similar
 * ones, and that each message offers a way out, are the sender's to keep: the summary and
 * report.json say so.
 */
function softOptInProblem(r: ConsentRecord, c: Campaign): 'channel' | 'none' | 'origin' | 'optOut' | undefined {
  if (!c.softOptInChannels.includes(c.channel)) return c.softOptInChannels.length ? 'channel' : 'none';
  if (r.origin === 'third_party') return 'origin';
  if (r.optOutOffered !== true) return 'optOut';
  return undefined;
}

/**
 * Whether a text names one of our operator names (folded): the whole text, or the text starting
 * with the name followed by a separator (`ООО «Ромашка», 125009, Москва` names `ооо ромашка`).
 */
export function namesOperator(text: string, ours: readonly string[]): boolean {
  const t = fold(text);
  return ours.some((n) => t === n || (t.startsWith(n) && /^[\s,;(]/.test(t.slice(n.length))));
}

/**
 * Judges one number's records (in read order) against the campaign. Rule 2 has two parts: a
 * disconnection of the number (--reassigned, at or before --as-of) ends every consent given at or
 * before it, which was the previous subscriber's; a withdrawal ends every consent given at or
 * before it. A withdrawal made at or before the disconnection was the previous subscriber's too.
 */
export function judgeConsent(records: readonly ConsentRecord[], c: Campaign, e164: string, extra?: ConsentEvidence, fates = true): ConsentDecision {
  const disconnected = extra?.disconnected;
  const evidenceDir = extra?.evidence;
  const cut = disconnected?.at;
  // Rule 1: records given after --as-of do not exist yet.
  // Rule 2: the latest withdrawal at or before --as-of ends every consent given at or before it.
  let withdrawal: number | undefined;
  let withdrawnBy: ConsentRecord | undefined;
  // Indexed loops: a for-of here allocated an iterator a row whenever V8 did not optimize it away.
  const n = records.length;
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    if (r.givenAt > c.asOf) continue;
    if (r.withdrawnAt !== undefined && r.withdrawnAt <= c.asOf && (withdrawal === undefined || r.withdrawnAt >= withdrawal)) {
      withdrawal = r.withdrawnAt;
      withdrawnBy = r;
    }
  }
  // The current subscriber's withdrawal is one made after the number changed hands.
  const ownWithdrawal = withdrawal !== undefined && (cut === undefined || withdrawal > cut);
  const considered: RecordFate[] | undefined = fates ? [] : undefined;
  let covering: ConsentRecord | undefined;
  // The latest counting record and its reasons (two variables, not an object a record).
  let latestCounting: ConsentRecord | undefined;
  let latestReasons: Finding[] = NO_REASONS;
  let latestReassigned: ConsentRecord | undefined;
  let ended = 0;
  let reassigned = 0;
  for (let i = 0; i < n; i++) {
    const record = records[i]!;
    if (record.givenAt > c.asOf) {
      considered?.push({ record, fate: 'not-yet-given' });
      continue;
    }
    if (cut !== undefined && record.givenAt <= cut) {
      considered?.push({ record, fate: 'reassigned', disconnectedAt: cut });
      reassigned++;
      if (!latestReassigned || record.givenAt >= latestReassigned.givenAt) latestReassigned = record;
      if (ownWithdrawal) ended++;
      continue;
    }
    if (withdrawal !== undefined && record.givenAt <= withdrawal) {
      considered?.push({ record, fate: 'withdrawn', withdrawnAt: withdrawal });
      ended++;
      continue;
    }
    // Rule 3: does this counting record cover the campaign?
    const evidence = evidenceDir !== undefined && record.evidenceRef !== '' ? evidenceDir.check(record.evidenceRef, record.evidenceSha256) : undefined;
    const reasons = uncovered(record, c, evidence);
    if (reasons.length === 0) {
      considered?.push(evidence ? { record, fate: 'covers', evidence } : { record, fate: 'covers' });
      // Rule 4: the most recently given; ties go to the record read last.
      if (!covering || record.givenAt >= covering.givenAt) covering = record;
    } else if (considered) {
      const codes = reasons.map((f) => f.code);
      considered.push(evidence ? { record, fate: 'does-not-cover', reasons: codes, evidence } : { record, fate: 'does-not-cover', reasons: codes });
    }
    if (!latestCounting || record.givenAt >= latestCounting.givenAt) {
      latestCounting = record;
      latestReasons = reasons;
    }
  }
  const fatesOut = considered ?? NO_FATES;
  if (covering) return newDecision(NO_FINDINGS, covering, undefined, fatesOut);
  if (latestCounting) return newDecision(latestReasons, undefined, latestCounting, fatesOut);
  if (ended > 0 && ownWithdrawal) {
    return newDecision([{ code: 'CONSENT_WITHDRAWN', args: { consentId: withdrawnBy!.consentId, at: isoString(withdrawal!) } }], undefined, undefined, fatesOut);
  }
  if (reassigned > 0) {
    // Not CONSENT_MISSING: there is consent on record, given by the number's previous subscriber.
    return newDecision([{ code: 'CONSENT_NUMBER_REASSIGNED', args: {
      e164, consentId: latestReassigned!.consentId, givenAt: isoString(latestReassigned!.givenAt), records: reassigned,
      at: isoString(cut!), where: disconnected!.where, source: disconnected!.source, answer: disconnected!.onOrAfter ? 'yes' : undefined,
    } }], undefined, undefined, fatesOut);
  }
  return newDecision([{ code: 'CONSENT_MISSING', args: { e164 } }], undefined, undefined, fatesOut);
}

/**
 * A decision with every field there from the start, in one order: one object shape for every
 * decision, where fields added later (unstated, required, disconnected) made new shapes and the
 * optimized code that read them was thrown away and compiled again several times a run (issue #16:
 * V8's `--trace-deopt` showed "wrong map" at `row.consent?.covering` in the router, the notice
 * rule and the consent rule).
 */
function newDecision(findings: readonly Finding[], covering: ConsentRecord | undefined, reported: ConsentRecord | undefined, considered: readonly RecordFate[]): ConsentDecision {
  return { findings, covering, reported, considered, invalid: undefined, unstated: 0, required: undefined, disconnected: undefined };
}

/** What the covering record leaves unsaid that the campaign checks (UNSTATED_* bits). */
export function unstatedOf(r: ConsentRecord, c: Campaign): number {
  let bits = 0;
  if (c.separateConsentFrom !== undefined && r.givenAt >= c.separateConsentFrom && r.separateDocument === undefined) bits |= UNSTATED_SEPARATE;
  if (c.advertising && r.kinds === undefined) bits |= UNSTATED_KIND;
  return bits;
}

export function checkConsent(row: RowFacts, ctx: AuditContext): readonly Finding[] {
  if (!row.e164) return NO_FINDINGS;
  const found = ctx.reassigned?.list.find(row.key ?? e164Key(row.e164));
  const extra = ctx.evidence === undefined && found === undefined ? undefined
    : { evidence: ctx.evidence, disconnected: found && { ...found, where: `${ctx.reassigned!.label}:${found.line}` } };
  row.consent = judgeConsent(ctx.consent.lookup(row.e164, row.key), ctx.campaign, row.e164, extra, ctx.fates !== false);
  if (extra?.disconnected) row.consent.disconnected = extra.disconnected;
  return consentFindings(row, row.consent, ctx, row.e164);
}

/**
 * The consent rule's findings once a key's records are judged: a number's, or an email address's
 * (issue #15), `key` being what invalid records are remembered by.
 */
export function consentFindings(row: RowFacts, decision: ConsentDecision, ctx: AuditContext, key: string): readonly Finding[] {
  // Unusable evidence is shown, not silently dropped (issue #11): CONSENT_MISSING names it.
  const invalid = ctx.invalidConsent?.for(key, key === row.e164 ? row.key : undefined);
  const d = invalid ? withInvalidRecords(decision, invalid) : decision;
  row.consent = d;
  if (d.covering) d.unstated = unstatedOf(d.covering, ctx.campaign);
  // Where the policy needs no consent (a live call to a TPS-screened number, PECR reg. 21; an
  // autodialled call to a known landline, 47 CFR 64.1200(a)(2); commercial email under CAN-SPAM,
  // 15 U.S.C. 7704), the records are still judged for the trail, but only a withdrawal (an
  // objection, an opt-out) rejects the row.
  let required = ctx.campaign.consentRequired;
  if (row.lineType === 'landline') {
    required = ctx.campaign.consentRequiredLandline;
    d.required = required;
  }
  if (!required) return d.findings.filter((f) => f.code === 'CONSENT_WITHDRAWN');
  return d.findings;
}

/** The decision with the number's invalid records attached, and named in CONSENT_MISSING. */
function withInvalidRecords(d: ConsentDecision, invalid: NonNullable<ConsentDecision['invalid']>): ConsentDecision {
  const more = invalid.more || undefined;
  const findings = d.findings.map((f) => (f.code === 'CONSENT_MISSING' ? { ...f, args: { ...f.args, invalid: invalid.first.join('; '), more } } : f));
  const out = newDecision(findings, d.covering, d.reported, d.considered);
  out.invalid = invalid;
  out.unstated = d.unstated;
  out.required = d.required;
  out.disconnected = d.disconnected;
  return out;
}
