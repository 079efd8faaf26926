/**
 * The consent record as a schema, for `leadaudit schema consent` and editors. The loader checks
 * records with a hand-written fast path (src/evidence/consent-record.ts: millions of records); a
 * test holds the two to the same verdicts on a corpus of records.
 */
import { z } from 'zod';
import { lazy } from '../lazy.js';

/** The consent record schema, built on first use (src/lazy.ts). */
export const consentRecordSchema = lazy(() => {
  const text = z.union([z.string(), z.number()]);
  const list = z.union([z.string(), z.array(text)]);
  const date = z.string().describe('ISO 8601 (YYYY-MM-DD, optionally THH:MM[:SS[.fff]] and Z or ±HH:MM; a space may stand for the T), DD.MM.YYYY, or DD/MM/YYYY or MM/DD/YYYY by the date order, each with an optional HH:MM[:SS]');
  const noticeText = z.union([text, z.array(text)]).nullable().optional();

  return z
    .object({
      phone: text.describe('The consenting number, in any format'),
      consent_id: text.nullable().optional().describe('The record\'s identifier; when absent, <file name>:<line> stands for it'),
      given_at: date.describe('When the consent was given'),
      withdrawn_at: date.nullable().optional().describe('When it was withdrawn'),
      expires_at: date.nullable().optional().describe('When it lapses'),
      channels: list.nullable().optional().describe('call, sms, email: a list, or text separated by | or ;; empty means any channel'),
      purposes: list.describe('Purposes consented to: a list, or text separated by | or ;'),
      evidence_ref: text.nullable().optional().describe('Where the proof is: form log id, signed scan, call recording, URL; with --evidence-dir, a file\'s path under that folder or sha256:<hex>'),
      evidence_sha256: z.string().regex(/^(sha256:)?[0-9a-fA-F]{64}$/).nullable().optional()
        .describe('The SHA-256 the evidence file must have (64 hexadecimal digits), checked with --evidence-dir'),
      operator: noticeText.describe('Notice item 1 recorded with the consent: the operator\'s name and address'),
      purpose: noticeText,
      legal_basis: noticeText,
      pdn_list: noticeText,
      recipients: noticeText,
      rights: noticeText,
      source: noticeText,
      retention: noticeText,
      notice_given_at: date.nullable().optional().describe('When the notice was given'),
      notice_exempt: text.nullable().optional().describe('The ground on which no notice was needed (e.g. 18.4.3, 14.5.b)'),
      separate_document: z.union([z.boolean(), text]).nullable().optional()
        .describe('Whether the consent is a document of its own (152-FZ Art. 9 part 1 since 1 September 2025): true/false, yes/no, да/нет; Russian column name "отдельный документ"'),
      kind: list.nullable().optional()
        .describe('What the consent is to: advertising (38-FZ Art. 18 part 1), processing (of personal data), or both; Russian "реклама", "обработка"; column name "вид"'),
      origin: text.nullable().optional()
        .describe('Where the data came from: subject or third_party (Russian "субъект", "третье лицо"); column name "происхождение"'),
    })
    .catchall(z.unknown())
    .describe('One consent event: a JSON Lines record, or a CSV row with these column names');
});
