/**
 * report.json: the machine-readable record of a run (SPEC "Outputs"). Paths are absolute; every
 * input and output carries its SHA-256, so a lawyer can show which files produced which verdicts.
 */
import { basename } from 'node:path';
import { lang } from '../i18n/index.js';
import { isoString } from '../dates.js';
import { REASON_CODES, explain, type Finding, type ReasonCode } from '../reasons.js';
import { lawIn as lawText } from '../i18n/law.js';
import type { Campaign } from '../rules/context.js';
import { delimiterName } from '../io/table-reader.js';
import type { PhoneColumn } from '../io/columns.js';
import type { Encoding } from '../io/decode.js';
import type { ConsentFileStats } from '../evidence/consent-loader.js';
import type { IndexOrigin } from '../evidence/index-cache.js';
import type { SuppressionStats } from '../evidence/suppression.js';
import type { NoticeManifest } from '../evidence/notice-manifest.js';
import type { AuditSettings } from '../core/settings.js';
import type { GateVerdict } from '../core/gate.js';
import { gateFailures } from './gate-text.js';
import type { UnstatedCount } from '../core/row-router.js';
import { VERSION } from '../version.js';
import type { SignatureClaim } from './signature.js';
import type { EvidenceStats } from '../evidence/evidence-dir.js';
import type { ReassignedStats } from '../evidence/reassigned.js';
import type { LineTypeStats } from '../evidence/line-types.js';
import type { PersonalColumn } from '../io/personal-columns.js';
import { warningText, type RunWarning } from './run-notes.js';
import type { EmailColumn } from '../email/columns.js';
import type { EmailReport } from '../email/email-run.js';

export interface ReportInput {
  settings: AuditSettings;
  campaign: Campaign;
  manifest: NoticeManifest | undefined;
  consentFiles: ConsentFileStats[];
  /** Where the consent index came from (issue #16). */
  consentIndex: IndexOrigin;
  suppression: SuppressionStats[];
  /** --evidence-dir, --reassigned, --line-types (issue #14). */
  evidence: EvidenceStats | undefined;
  reassigned: ReassignedStats | undefined;
  lineTypes: LineTypeStats | undefined;
  warnings: RunWarning[];
  /** The --export files' size warnings (issue #15), already in words. */
  exportWarnings?: { code: 'export_below_minimum' | 'export_above_maximum' | 'export_file_too_big'; detail: string }[];
  contacts: {
    path: string; sha256: string; bytes: number; encoding: Encoding; encodingWarning: string | undefined; delimiter: string;
    phoneColumn: PhoneColumn; personalColumns: PersonalColumn[]; blankLines: number;
    /** An email run's email column (issue #15). */
    emailColumn?: EmailColumn | undefined;
    format: 'csv' | 'xlsx'; compression: 'gzip' | undefined; sheet: string | undefined;
  };
  outputs: {
    clean: { path: string; sha256: string; rows: number };
    rejects: { path: string; sha256: string; rows: number };
    trail?: { path: string; sha256: string; rows: number };
    report: { path: string };
  };
  totals: { rows: number; clean: number; rejected: number };
  /** An email run (issue #15). */
  email?: EmailReport | undefined;
  reasons: Map<ReasonCode, number>;
  numbers: { rows: number; audited: number; passed: number; removed: number; removedReasons: Map<ReasonCode, number> };
  exemptions: Map<string, number>;
  origins: { subject: number; third_party: number; unrecognized: number };
  unstated: { separate_document: UnstatedCount; kind: UnstatedCount };
  registryOverrides: number;
  /** Clean rows whose covering record is a soft opt-in (email and sms runs). */
  softOptIn: number;
  runFindings: Finding[];
  gate: GateVerdict;
  seconds: number;
  /** When the report was made (epoch ms). */
  createdAt: number;
  /** What report.json says about its signature: null when it is not signed. */
  signature: SignatureClaim | null;
}

export type Report = ReturnType<typeof buildReport>;

export function buildReport(r: ReportInput) {
  const { settings, contacts, campaign: c } = r;
  const loaded = settings.policy;
  const reasons: Partial<Record<ReasonCode, number>> = {};
  for (const code of REASON_CODES) {
    const n = r.reasons.get(code);
    if (n) reasons[code] = n;
  }
  const law = (code: ReasonCode) => lawText(code, loaded.preset) ?? null;
  return {
    tool: { name: 'leadaudit', version: VERSION },
    /** The language of what this run wrote for people (issue #13); nothing machines read depends on it. */
    lang: lang(),
    policy: {
      name: loaded.policy.name,
      preset: loaded.preset ?? null,
      file: loaded.file ?? null,
      legal_basis: loaded.policy.legal_basis,
      /** The legal reference of each code that occurred, under this policy's preset. */
      references: Object.fromEntries([...Object.keys(reasons), ...r.runFindings.map((f) => f.code)].map((code) => [code, law(code as ReasonCode)])),
    },
    as_of: isoString(c.asOf),
    /** When this report was made: the report's own word (a signature covers it, no one attests it). */
    created_at: isoString(r.createdAt),
    campaign: {
      purpose: c.purpose,
      channel: c.channel,
      region: c.region ?? null,
      consent_required: c.consentRequired,
      /** For a number a --line-types file gives as a landline (issue #14). */
      consent_required_landline: c.consentRequiredLandline,
      proof_required: c.proofRequired,
      consent_max_age_days: c.consentMaxAgeDays ?? null,
      required_notice: [...c.requiredNotice],
      reject_duplicates: c.rejectDuplicates,
      calling_window: c.callingWindow ?? null,
      date_order: c.dateOrder,
      dial_mode: c.dialMode,
      advertising: c.advertising,
      dial_mode_banned: c.dialModeBanned,
      separate_consent_from: c.separateConsentFrom === undefined ? null : isoString(c.separateConsentFrom),
      separate_consent_required: c.separateConsentRequired,
      consent_overrides_registry: c.consentOverridesRegistry,
      origin: c.origin,
      notice_from_subject: [...c.noticeFromSubject],
    },
    inputs: {
      contacts: {
        path: contacts.path,
        sha256: contacts.sha256,
        bytes: contacts.bytes,
        rows: r.totals.rows,
        blank_lines: contacts.blankLines,
        encoding: contacts.encoding,
        ...(contacts.encodingWarning === undefined ? {} : { encoding_warning: contacts.encodingWarning }),
        delimiter: delimiterName(contacts.delimiter),
        phone_column: contacts.phoneColumn.name,
        phone_columns_matched: contacts.phoneColumn.matches,
        phone_columns: contacts.phoneColumn.matches,
        ...(contacts.emailColumn ? { email_column: contacts.emailColumn.name, email_columns_matched: contacts.emailColumn.matches } : {}),
        /** Columns of personal data, masked by --mask in what is meant for people (issue #14). */
        personal_data_columns: contacts.personalColumns.map((p) => ({ column: p.column, index: p.index, kind: p.kind })),
        format: contacts.format,
        ...(contacts.compression ? { compression: contacts.compression } : {}),
        ...(contacts.sheet !== undefined ? { sheet: contacts.sheet } : {}),
      },
      consent: r.consentFiles.map((f) => ({
        path: f.path,
        sha256: f.sha256,
        format: f.format,
        encoding: f.encoding,
        ...(f.encodingWarning === undefined ? {} : { encoding_warning: f.encodingWarning }),
        ...(f.delimiter === undefined ? {} : { delimiter: f.delimiter }),
        ...(f.compression ? { compression: f.compression } : {}),
        ...(f.sheet !== undefined ? { sheet: f.sheet } : {}),
        records: f.records,
        valid: f.valid,
        // The first INVALID_KEPT with line and problem; every one counted, by field (issue #12 item 5).
        invalid: f.invalid,
        invalid_count: f.invalidCount,
        invalid_by_field: f.invalidByField,
      })),
      notice: r.manifest ? { path: r.manifest.path, sha256: r.manifest.sha256 } : null,
      suppress: r.suppression.map((s) => ({
        name: s.name,
        path: s.path,
        sha256: s.sha256,
        format: s.format,
        encoding: s.encoding,
        ...(s.encodingWarning === undefined ? {} : { encoding_warning: s.encodingWarning }),
        ...(s.delimiter === undefined ? {} : { delimiter: s.delimiter }),
        ...(s.compression ? { compression: s.compression } : {}),
        ...(s.sheet !== undefined ? { sheet: s.sheet } : {}),
        date: isoString(s.date),
        date_source: s.dateSource,
        numbers: s.numbers,
        invalid: s.invalid,
        invalid_count: s.invalidCount,
        kind: s.kind,
        kind_source: s.kindSource,
        key: s.key,
        ...(s.addresses === undefined ? {} : { addresses: s.addresses, domains: s.domains }),
      })),
      evidence: r.evidence === undefined ? null : {
        dir: r.evidence.dir,
        files: { found: r.evidence.found, missing: r.evidence.missing, mismatched: r.evidence.mismatched, outside: r.evidence.outside },
        hashed: { files: r.evidence.hashedFiles, bytes: r.evidence.hashedBytes },
      },
      reassigned: r.reassigned === undefined ? null : {
        ...tableFile(r.reassigned),
        date: isoString(r.reassigned.date),
        date_source: r.reassigned.dateSource,
        records: r.reassigned.records,
        numbers: r.reassigned.numbers,
        after_as_of: r.reassigned.afterAsOf,
        answered_no: r.reassigned.answeredNo,
        no_data: r.reassigned.noData,
        invalid: r.reassigned.invalid,
      },
      line_types: r.lineTypes === undefined ? null : {
        ...tableFile(r.lineTypes),
        records: r.lineTypes.records,
        numbers: r.lineTypes.numbers,
        types: { ...r.lineTypes.types },
        invalid: r.lineTypes.invalid,
      },
    },
    /**
     * Where the consent index came from (issue #16): its snapshot, or built from the files and why;
     * the snapshot by its file name (it sits in the run's cache folder, which may be anyone's).
     */
    consent_index: {
      source: r.consentIndex.source,
      snapshot: r.consentIndex.path === undefined ? null : basename(r.consentIndex.path),
      reason: r.consentIndex.reason ?? null,
      written: r.consentIndex.written,
    },
    outputs: r.outputs as ReportInput['outputs'] & { html?: { path: string; sha256: string }; junit?: { path: string; sha256: string } },
    totals: r.totals,
    ...(r.email ? { email: r.email } : {}),
    reasons,
    /** Rows with several numbers (several phone columns or numbers in a cell) and their numbers (issue #11). */
    numbers: {
      rows: r.numbers.rows,
      audited: r.numbers.audited,
      passed: r.numbers.passed,
      removed: r.numbers.removed,
      removed_reasons: Object.fromEntries(REASON_CODES.filter((c) => r.numbers.removedReasons.has(c)).map((c) => [c, r.numbers.removedReasons.get(c)!])),
    },
    exemptions: Object.fromEntries([...r.exemptions].sort(([a], [b]) => a.localeCompare(b))),
    /** Audited rows by where their data came from; data from the subject needs no 152-FZ Art. 18 part 3 notice. */
    origins: { ...r.origins },
    /** Clean rows whose registry hit (TPS, CTPS, National DNC) consent overrode. */
    registry_overrides: r.registryOverrides,
    /** Clean rows resting on a soft opt-in (existing customer) in place of consent, on any channel. */
    soft_opt_in_rows: r.softOptIn,
    /** Covering consent records (and the clean rows they covered) that do not say what the policy checks. */
    consent_unstated: { separate_document: { ...r.unstated.separate_document }, kind: { ...r.unstated.kind } },
    run_findings: r.runFindings.map((f) => ({ code: f.code, list: f.args?.list ?? null, detail: explain(f) })),
    /** Warnings about the run that reject no row (issue #14: a carrier lookup the policy advises). */
    warnings: [...r.warnings.map((w) => ({ code: w.code as string, detail: warningText(w) })), ...(r.exportWarnings ?? [])],
    gate: { ...r.gate, failures: gateFailures(r.gate, { policy: loaded.policy.name, asOf: isoString(c.asOf) }) },
    signature: r.signature,
    timing: {
      seconds: round(r.seconds, 3),
      rows_per_second: r.seconds > 0 ? Math.round(r.totals.rows / r.seconds) : 0,
    },
  };
}

/** Where a table input was read from and how (report.json's shape for every such input). */
function tableFile(f: ReassignedStats | LineTypeStats) {
  return {
    path: f.path, sha256: f.sha256, format: f.format, encoding: f.encoding,
    ...(f.delimiter === undefined ? {} : { delimiter: f.delimiter }),
    ...(f.compression ? { compression: f.compression } : {}),
    ...(f.sheet !== undefined ? { sheet: f.sheet } : {}),
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
