/**
 * The notice manifest (SPEC "Notice manifest"): list-wide values of the notice fields, as JSON.
 * Validated with zod; every error names the file, the line where there is one, and the JSON path.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import { lazy } from '../lazy.js';
import { InputError } from '../errors.js';
import { readSmallFile } from '../io/small-file.js';
import type { NoticeField } from '../notice-fields.js';
import { parseDate, type DateOrder } from '../dates.js';
import type { Origin } from '../policy/campaign.js';
import { formatZodIssue } from '../zod-messages.js';
import { lineOfPath } from '../io/json-locate.js';
import { t, jsonProblem } from '../i18n/index.js';
import { tooDeep, tooDeepProblem } from '../io/json-depth.js';

/** The notice manifest schema, built on first use (src/lazy.ts). */
export const noticeManifestSchema = lazy(() => {
  const text = z.string({ error: () => t('schema.text') }).nullable().optional();
  const textOrList = z.union([z.string(), z.array(z.string())], { error: () => t('schema.textOrList') }).nullable().optional();

  return z
    .object({
      $schema: z.string().optional(),
      operator: z
        .object({ name: z.string().nullable().optional(), address: z.string().nullable().optional() })
        .strict()
        .nullable()
        .optional()
        .describe('Notice item 1: the operator (or its representative), both name and address'),
      purpose: textOrList.describe('Notice item 2: the purpose of processing'),
      legal_basis: textOrList.describe('Notice item 2: the legal basis of processing'),
      pdn_list: textOrList.describe('Notice item 3: the list of personal data processed'),
      recipients: textOrList.describe('Notice item 4: the intended users (recipients) of the data'),
      rights: textOrList.describe("Notice item 5: the subject's rights"),
      source: textOrList.describe('Notice item 6: where the data was obtained'),
      retention: textOrList.describe('How long the data is kept (GDPR Art. 14(2)(a))'),
      notice_given_at: text.describe('When the notice was given (ISO 8601, or DD.MM.YYYY and the other forms consent dates take)'),
      origin: z.enum(['subject', 'third_party'], { error: () => t('schema.origin') }).nullable().optional()
        .describe('Where the data came from: subject (152-FZ Art. 18 part 3 notice not needed) or third_party'),
    })
    .strict();
});

export interface NoticeManifest {
  path: string;
  sha256: string;
  /** Found values (non-empty after trimming), by field. */
  values: Partial<Record<NoticeField, string>>;
  /** Why the manifest's operator does not count, when it has only a name or only an address. */
  operatorProblem: string | undefined;
  /** The operator's name alone, even without an address: whom consent must be given to. */
  operatorName: string | undefined;
  /** When the notice was given, if the manifest says. */
  noticeGivenAt: number | undefined;
  /** Where the list's data came from, if the manifest says. */
  origin: Origin | undefined;
}

/** Trimmed text, or a list's non-empty items joined by `; `; undefined when nothing is there. */
export function foundValue(v: string | readonly string[] | null | undefined): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v.trim() || undefined;
  const items = v.map((s) => s.trim()).filter(Boolean);
  return items.length ? items.join('; ') : undefined;
}

export async function loadNoticeManifest(path: string, order: DateOrder = 'dmy', signal?: AbortSignal): Promise<NoticeManifest> {
  const label = path;
  const buf = await readSmallFile(path, t('small.notice'), signal);
  const text = buf.toString('utf8').replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(t('json.invalid', { where: `${label}:${jsonErrorLine(text, e as Error)}`, why: jsonProblem(e as Error) }));
  }
  const deep = tooDeep(json);
  if (deep) throw new InputError(t('notice.tooDeep', { where: `${label}:${lineOfPath(text, deep.slice(0, 1)) ?? 1}`, problem: tooDeepProblem(deep) }));
  const parsed = noticeManifestSchema().safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const line = lineOfPath(text, issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path);
    throw new InputError(`${label}${line === undefined ? '' : `:${line}`}: ${formatZodIssue(issue, json)}`);
  }
  const m = parsed.data;
  if (m.notice_given_at && parseDate(m.notice_given_at, order) === undefined) {
    throw new InputError(t('notice.givenAtNotDate', { where: `${label}:${lineOfPath(text, ['notice_given_at']) ?? 1}`, value: JSON.stringify(m.notice_given_at) }));
  }
  const values: Partial<Record<NoticeField, string>> = {};
  for (const f of ['purpose', 'legal_basis', 'pdn_list', 'recipients', 'rights', 'source', 'retention'] as const) {
    const v = foundValue(m[f]);
    if (v !== undefined) values[f] = v;
  }
  let operatorProblem: string | undefined;
  const name = foundValue(m.operator?.name), address = foundValue(m.operator?.address);
  if (name && address) values.operator = `${name}, ${address}`;
  else if (name || address) operatorProblem = name ? t('notice.operatorNoAddress') : t('notice.operatorNoName');
  return {
    path: resolve(path), sha256: createHash('sha256').update(buf).digest('hex'), values, operatorProblem,
    operatorName: name, noticeGivenAt: m.notice_given_at ? parseDate(m.notice_given_at, order) : undefined,
    origin: m.origin ?? undefined,
  };
}

/** The line of a JSON.parse error, from the position V8 reports. */
function jsonErrorLine(text: string, e: Error): number {
  const m = /position (\d+)/.exec(e.message);
  const pos = m ? Number(m[1]) : text.length;
  return text.slice(0, pos).split('\n').length;
}

