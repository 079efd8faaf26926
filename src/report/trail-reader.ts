/**
 * Reading an audit's out-dir back (issue 6): report.json (what was audited, under which policy, as
 * of when) and trail.jsonl (one object per input row). The trail is streamed line by line, never
 * loaded whole: lists run to millions of rows. Used by `leadaudit explain` and `leadaudit sample`.
 */
import { createHash } from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { lazy } from '../lazy.js';
import { InputError, at } from '../errors.js';
import { formatZodIssue } from '../zod-messages.js';
import type { TrailEntry } from './trail.js';
import { jsonProblem, t } from '../i18n/index.js';

export type { TrailEntry } from './trail.js';

function buildReportView() {
  const file = z.looseObject({ path: z.string(), sha256: z.string() });

  /** The parts of report.json that explain and sample use; the rest is carried but not checked. */
  return z.looseObject({
    tool: z.looseObject({ name: z.string(), version: z.string() }),
    policy: z.looseObject({ name: z.string(), preset: z.string().nullish(), file: file.nullish(), legal_basis: z.array(z.string()).optional() }),
    as_of: z.string(),
    campaign: z.looseObject({
      purpose: z.string(),
      channel: z.string(),
      region: z.string().nullable(),
      required_notice: z.array(z.string()).optional(),
      notice_from_subject: z.array(z.string()).optional(),
      calling_window: z.object({ from: z.string(), to: z.string() }).nullish(),
    }).optional(),
    inputs: z.looseObject({
      contacts: file.extend({ rows: z.number(), phone_column: z.string().optional() }),
      consent: z.array(file),
      notice: file.nullish(),
      suppress: z.array(file.extend({ name: z.string().optional() })).optional(),
    }),
    outputs: z.looseObject({ trail: file.extend({ rows: z.number().optional() }).optional() }),
    totals: z.looseObject({ rows: z.number(), clean: z.number(), rejected: z.number() }),
  });
}
/** Built on first use (src/lazy.ts). */
const reportView = lazy(buildReportView);
export type AuditReport = z.infer<ReturnType<typeof buildReportView>>;

export interface AuditDir {
  /** The out-dir, absolute. */
  dir: string;
  report: AuditReport;
  trailPath: string;
}

const why = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/**
 * Opens an audit's out-dir: it must be a readable directory holding report.json and trail.jsonl.
 * Every failure is an InputError (exit 2) that names the path.
 */
export async function openAuditDir(outDir: string): Promise<AuditDir> {
  const dir = resolve(outDir);
  const st = await stat(dir).catch((e: unknown) => {
    throw new InputError(t('trail.cannotReadDir', { outDir, why: why(e) }));
  });
  if (!st.isDirectory()) throw new InputError(t('trail.notDir', { outDir }));
  const reportPath = join(dir, 'report.json');
  const text = await readFile(reportPath, 'utf8').catch((e: unknown) => {
    throw new InputError(t('trail.noReport', { path: join(outDir, 'report.json'), why: why(e), outDir }));
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(t('trail.badJson', { path: join(outDir, 'report.json'), why: jsonProblem(e as Error) }));
  }
  const parsed = reportView().safeParse(json);
  if (!parsed.success) throw new InputError(`${join(outDir, 'report.json')}: ${formatZodIssue(parsed.error.issues[0]!, json)}`);
  const trailPath = join(dir, 'trail.jsonl');
  const trail = await stat(trailPath).catch(() => undefined);
  if (!trail?.isFile()) throw new InputError(t('trail.noTrail', { outDir }));
  return { dir, report: parsed.data, trailPath };
}

export interface TrailLine {
  entry: TrailEntry;
  /** The line exactly as stored in trail.jsonl. */
  text: string;
}

export interface ScanResult {
  /** Trail objects read. */
  rows: number;
  /** SHA-256 of the whole file; undefined when the scan stopped early. */
  sha256: string | undefined;
}

/**
 * Streams trail.jsonl and calls `visit` with each object in file order; `visit` returns false to
 * stop early. A line that is not a trail object is an InputError naming the file and line.
 */
export async function scanTrail(trailPath: string, visit: (row: TrailLine) => boolean | void): Promise<ScanResult> {
  const handle = await open(trailPath, 'r').catch((e: unknown) => {
    throw new InputError(t('trail.cannotRead', { path: trailPath, why: why(e) }));
  });
  const hash = createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const input = handle.createReadStream();
  input.on('error', (e) => hashing.destroy(new InputError(t('trail.cannotRead', { path: trailPath, why: why(e) }))));
  const lines = createInterface({ input: input.pipe(hashing), crlfDelay: Infinity });
  let rows = 0;
  let lineNo = 0;
  let complete = true;
  try {
    for await (const text of lines) {
      lineNo++;
      if (text.trim() === '') continue;
      const entry = parseEntry(text, trailPath, lineNo);
      rows++;
      if (visit({ entry, text }) === false) {
        complete = false;
        break;
      }
    }
  } finally {
    lines.close();
    input.destroy();
    await handle.close().catch(() => undefined);
  }
  return { rows, sha256: complete ? hash.digest('hex') : undefined };
}

function parseEntry(text: string, trailPath: string, lineNo: number): TrailEntry {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError(t('trail.damaged', { where: at(trailPath, lineNo) }));
  }
  const v = value as Partial<TrailEntry> | null;
  if (v === null || typeof v !== 'object' || typeof v.line !== 'number' || (v.verdict !== 'clean' && v.verdict !== 'rejected')
    || typeof v.row !== 'object' || !Array.isArray(v.reasons)) {
    throw new InputError(t('trail.notRecord', { where: at(trailPath, lineNo) }));
  }
  return v as TrailEntry;
}
