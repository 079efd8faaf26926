/**
 * report.json as a zod schema: `leadaudit schema report` prints it, and the tests parse every
 * report the fixtures produce with it, so the two cannot drift apart.
 */
import { z } from 'zod';
import { lazy } from '../lazy.js';
import { LANGS } from '../i18n/lang.js';
import { REASON_CODES } from '../reasons.js';
import { NOTICE_FIELDS } from '../notice-fields.js';
import { CHANNELS, DIAL_MODES, LIST_KINDS } from '../policy/schema.js';
import { PERSONAL_KINDS } from '../io/personal-columns.js';
import { INVALID_KEPT } from '../evidence/invalid-records.js';
import { HASHINGS, PLATFORMS } from '../export/platforms.js';

/** The report.json schema, built on first use (src/lazy.ts). */
export const reportSchema = lazy(() => {
  const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
  const file = z.object({ path: z.string(), sha256 }).strict();
  const invalidRecord = z.object({ line: z.number().int(), field: z.string().optional(), problem: z.string() }).strict();
  const count = z.number().int().nonnegative();
  const tableInput = z.object({
    path: z.string(), sha256, format: z.enum(['csv', 'xlsx']), encoding: z.string(), delimiter: z.string().optional(),
    compression: z.literal('gzip').optional(), sheet: z.string().optional(),
  });
  const keyedInvalid = z.object({ line: z.number().int(), field: z.string().optional(), value: z.string(), problem: z.string() }).strict();
  const setBy = z.enum(['--max-reject-rate', '--fail-on-reject', '--fail-on', 'policy']);
  const gateCondition = z.discriminatedUnion('condition', [
    z.object({ condition: z.literal('max_reject_rate'), set_by: setBy, limit: z.number(), reject_rate: z.number(), passed: z.boolean() }).strict(),
    z.object({ condition: z.literal('fail_on_reject'), set_by: setBy, rejected: count, passed: z.boolean() }).strict(),
    z.object({ condition: z.literal('fail_on'), set_by: setBy, codes: z.array(z.enum(REASON_CODES)), rows: z.partialRecord(z.enum(REASON_CODES), count), passed: z.boolean() }).strict(),
    z.object({
      condition: z.literal('required_list'), set_by: z.literal('policy'), list: z.string(), max_age_days: count,
      date: z.string().nullable(), state: z.enum(['fresh', 'stale', 'missing']), passed: z.boolean(),
    }).strict(),
  ]);
  const exportWarningCodes = ['export_below_minimum', 'export_above_maximum', 'export_file_too_big'] as const;
  const exportFile = z.object({
    path: z.string(), sha256, rows: count.describe('Lines after the header: one per clean row, less repeated keys where the platform takes unique items'),
    platform: z.enum(PLATFORMS), key: z.enum(['phone', 'email']).describe('The audited key the file holds: emails on an email run, else phones'),
    hashing: z.enum(HASHINGS), columns: z.array(z.string()).describe('The header line, as written'),
    duplicates: count.describe('Clean rows whose key was in the file already (left out)'),
    warnings: z.array(z.object({ code: z.enum(exportWarningCodes), limit: count, actual: count }).strict())
      .describe('The list is smaller or bigger than the platform takes (rows; bytes for export_file_too_big)'),
  }).strict();
  const exportOutputs = Object.fromEntries(PLATFORMS.map((p) => [`export_${p.replace(/-/g, '_')}`, exportFile.optional().describe(`With --export ${p}: export-${p}.csv (issue #15)`)]));
  const encodingWarning = z.string().optional().describe('Present when the encoding was sniffed as windows-1251 but the text looks unlike Russian: name the encoding with --encoding');

  return z
    .object({
      tool: z.object({ name: z.literal('leadaudit'), version: z.string() }).strict(),
      lang: z.enum(LANGS).describe('The language of what the run wrote for people: summary, audit_details, report.html (issue #13)'),
      policy: z.object({
        name: z.string(),
        preset: z.string().nullable(),
        file: file.nullable(),
        legal_basis: z.array(z.string()),
        references: z.record(z.string(), z.string().nullable()).describe('Legal reference of each code that occurred'),
      }).strict(),
      as_of: z.string().describe('ISO 8601 instant at which consent and notice were judged'),
      created_at: z.string().describe('ISO 8601 instant at which this report was made (the report\'s own word)'),
      campaign: z.object({
        purpose: z.string(),
        channel: z.enum(CHANNELS),
        region: z.string().nullable(),
        consent_required: z.boolean(),
        consent_required_landline: z.boolean().describe('Whether a number a --line-types file gives as a landline needs consent (the policy\'s landline_exempt_dial_modes, issue #14)'),
        proof_required: z.boolean(),
        consent_max_age_days: z.number().nullable(),
        required_notice: z.array(z.enum(NOTICE_FIELDS)),
        reject_duplicates: z.boolean(),
        calling_window: z.object({ from: z.string(), to: z.string() }).nullable(),
        date_order: z.enum(['dmy', 'mdy']).describe('How slashed dates in the inputs were read (issue #11)'),
        dial_mode: z.enum(DIAL_MODES),
        advertising: z.boolean().describe('Whether the purpose is advertising: consent must be consent to receive advertising'),
        dial_mode_banned: z.boolean().describe('Whether the dial mode is banned for advertising (every row DIAL_MODE_BANNED)'),
        separate_consent_from: z.string().nullable(),
        separate_consent_required: z.boolean(),
        consent_overrides_registry: z.boolean(),
        origin: z.enum(['subject', 'third_party']).describe('The origin of rows whose row, consent record and manifest say nothing (--origin)'),
        notice_from_subject: z.array(z.enum(NOTICE_FIELDS)),
      }).strict(),
      inputs: z.object({
        contacts: z.object({
          path: z.string().describe('Absolute path, or - for standard input'),
          sha256,
          bytes: count,
          rows: count,
          blank_lines: count,
          encoding: z.string(),
          encoding_warning: encodingWarning,
          delimiter: z.string(),
          phone_column: z.string(),
          phone_columns_matched: z.array(z.string()),
          phone_columns: z.array(z.string()).describe('Every phone column audited, in header order (issue #11)'),
          email_column: z.string().optional().describe('An email run (--channel email): the column holding the contact key (issue #15)'),
          email_columns_matched: z.array(z.string()).optional(),
          personal_data_columns: z.array(z.object({ column: z.string(), index: count.describe('Its place in the header, from 0'), kind: z.enum(PERSONAL_KINDS) }).strict())
            .describe('Columns of personal data, found by name or named with --mask-column; --mask masks them (issue #14)'),
          format: z.enum(['csv', 'xlsx']),
          compression: z.literal('gzip').optional(),
          sheet: z.string().optional(),
        }).strict(),
        consent: z.array(z.object({
          path: z.string(), sha256, format: z.enum(['csv', 'jsonl', 'xlsx']), encoding: z.string(), encoding_warning: encodingWarning, delimiter: z.string().optional(),
          compression: z.literal('gzip').optional(), sheet: z.string().optional(),
          records: count, valid: count,
          invalid: z.array(invalidRecord).describe(`The first ${INVALID_KEPT} invalid records, with line and problem`),
          invalid_count: count.describe('Every invalid record'),
          invalid_by_field: z.record(z.string(), count).describe('Every invalid record by the field that failed ("record": the record as a whole)'),
        }).strict()),
        notice: file.nullable(),
        suppress: z.array(z.object({
          name: z.string(), path: z.string(), sha256, format: z.enum(['csv', 'lines']), encoding: z.string(), encoding_warning: encodingWarning, delimiter: z.string().optional(),
          compression: z.literal('gzip').optional(), sheet: z.string().optional(),
          date: z.string(), date_source: z.enum(['list-date', 'file-mtime']), numbers: count,
          invalid: z.array(z.object({ line: z.number().int(), value: z.string(), problem: z.string() }).strict())
            .describe(`The first ${INVALID_KEPT} lines that are not a valid number`),
          invalid_count: count.describe('Every line that is not a valid number'),
          kind: z.enum(LIST_KINDS), kind_source: z.enum(['flag', 'policy', 'default']),
          key: z.enum(['phone', 'email']).describe('What the entries were read as: a phone run reads numbers, an email run addresses (issue #15); a list with only the other column gives the run nothing'),
          addresses: count.optional().describe('An email run: distinct addresses on the list'),
          domains: count.optional().describe('An email run: whole domains (@example.ru) on the list'),
        }).strict()),
        evidence: z.object({
          dir: z.string().describe('The --evidence-dir folder, its real path'),
          files: z.object({ found: count, missing: count, mismatched: count, outside: count }).strict()
            .describe('Distinct evidence files that proved a record (found) or whose SHA-256 differed from evidence_sha256 (mismatched); distinct references that named no file (missing) or would have left the folder (outside)'),
          hashed: z.object({ files: count, bytes: count }).strict().describe('Files hashed, each once'),
        }).strict().nullable().describe('--evidence-dir (issue #14); null without it'),
        reassigned: tableInput.extend({
          date: z.string(), date_source: z.enum(['list-date', 'file-mtime']), records: count,
          numbers: count.describe('Distinct numbers disconnected at or before --as-of'),
          after_as_of: count.describe('Disconnections after --as-of, ignored'),
          answered_no: count.describe('Rows of a Reassigned Numbers Database result answering no'),
          no_data: count.describe('Rows answering no data: nothing is known, and no safe harbour attaches'),
          invalid: z.array(keyedInvalid),
        }).strict().nullable().describe('--reassigned (issue #14); null without it'),
        line_types: tableInput.extend({
          records: count, numbers: count,
          types: z.object({ mobile: count, landline: count, voip: count, toll_free: count, premium: count }).strict(),
          invalid: z.array(keyedInvalid),
        }).strict().nullable().describe('--line-types (issue #14); null without it'),
      }).strict(),
      consent_index: z.object({
        source: z.enum(['snapshot', 'built']).describe('Whether the consent index was loaded from its snapshot or built from the consent files'),
        snapshot: z.string().nullable().describe('The snapshot\'s file name in the index cache: the one loaded, or the one this run wrote; null when neither'),
        reason: z.enum(['disabled', 'email', 'missing', 'corrupt', 'other-version', 'other-input', 'not-a-file', 'unreadable']).nullable()
          .describe('Why it was built: --no-cache, an email run (its consent is keyed by address, not snapshotted), no snapshot yet, a damaged one, one from another program version, one of other inputs or settings, a consent input that is not a regular file, a cache that cannot be read; null when loaded'),
        written: z.boolean().describe('Whether this run wrote the snapshot (audits do for consent files of 1 MiB or more)'),
      }).strict().describe('The consent index cache (issue #16)'),
      outputs: z.object({
        clean: z.object({
          path: z.string(), sha256, rows: count,
          dialect: z.object({ name: z.enum(['excel-ru', 'excel-en']), delimiter: z.enum([';', ',']), bom: z.boolean() }).strict().optional()
            .describe('With --csv-excel: the spreadsheet dialect clean.csv was written in (issue #13)'),
        }).strict(),
        rejects: z.object({ path: z.string(), sha256, rows: count }).strict(),
        report: z.object({ path: z.string() }).strict(),
        clean_xlsx: z.object({ path: z.string(), sha256, rows: count }).strict().optional().describe('With --xlsx: clean.xlsx (issue #13)'),
        rejects_xlsx: z.object({ path: z.string(), sha256, rows: count }).strict().optional().describe('With --xlsx: rejects.xlsx (issue #13)'),
        ...exportOutputs,
      }).catchall(z.object({ path: z.string(), sha256: sha256.optional() })),
      totals: z.object({ rows: count, clean: count, rejected: count }).strict(),
      email: z.object({
        key: z.literal('email'),
        consent_records: count, consent_addresses: count,
        consent_snapshot: z.literal(false).describe('Email consent is read by every run; the consent index snapshot holds phone records only'),
        phone_cells_blanked: z.literal(true).describe('Phone cells of clean rows are written empty: the run did not audit them'),
        soft_opt_in_rows: count.describe('Clean rows resting on a soft opt-in (ePrivacy Art. 13(2), PECR reg. 22(3))'),
      }).strict().optional().describe('An email run (--channel email, issue #15)'),
      reasons: z.partialRecord(z.enum(REASON_CODES), count),
      numbers: z.object({
        rows: count, audited: count, passed: count, removed: count, removed_reasons: z.partialRecord(z.enum(REASON_CODES), count),
      }).strict().describe('Rows with several numbers and their numbers: audited, passed, taken out of clean rows (with their codes)'),
      exemptions: z.record(z.string(), count).describe('Rows whose notice checks an allowed exemption waived, by ground'),
      origins: z.object({ subject: count, third_party: count, unrecognized: count }).strict()
        .describe('Audited rows by where their data came from; unrecognized row values count as third_party too'),
      registry_overrides: count.describe('Clean rows whose registry hit consent overrode'),
      soft_opt_in_rows: count.describe('Clean rows resting on a soft opt-in (an existing customer, ePrivacy Art. 13(2), PECR reg. 22(3)) in place of consent: email and sms runs; on an email run the same as email.soft_opt_in_rows'),
      consent_unstated: z.object({
        separate_document: z.object({ records: count, rows: count }).strict(),
        kind: z.object({ records: count, rows: count }).strict(),
      }).strict().describe('Covering consent records, and the clean rows they covered, that do not say what the policy checks'),
      warnings: z.array(z.object({ code: z.enum(['line_types_missing', 'email_column_unused', ...exportWarningCodes]), detail: z.string() }).strict())
        .describe('Warnings about the run that reject no row (issue #14)'),
      run_findings: z.array(z.object({ code: z.enum(REASON_CODES), list: z.union([z.string(), z.number()]).nullable(), detail: z.string() }).strict()),
      gate: z.object({
        passed: z.boolean(),
        reject_rate: z.number().min(0).max(1),
        max_reject_rate: z.number().optional(),
        fail_on_reject: z.boolean().optional(),
        fail_on: z.array(z.enum(REASON_CODES)).optional(),
        conditions: z.array(gateCondition).describe('Every gate condition that was set, with its result; empty: no gate was set'),
        failures: z.array(z.string()).describe('Why the gate failed: one sentence per failed condition'),
      }).strict(),
      signature: z.object({
        algorithm: z.literal('ed25519'),
        key_fingerprint: sha256.describe('SHA-256 of the signing key\'s public key (DER SubjectPublicKeyInfo), hex'),
        file: z.literal('report.sig'),
      }).strict().nullable().describe('The signature of this file\'s bytes, in report.sig next to it; null: not signed'),
      timing: z.object({ seconds: z.number().nonnegative(), rows_per_second: z.number().nonnegative() }).strict(),
    })
    .catchall(z.unknown())
    .describe('report.json: what leadaudit checked, against which files, and the result');
});
