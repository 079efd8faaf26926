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
import type { TrailEntry as StoredEntry, TrailHeader } from './trail.js';
import { jsonProblem, t } from '../i18n/index.js';

/** A trail row as read: its cells with the header's column names beside them. */
export interface TrailEntry extends StoredEntry {
  columns: readonly string[];
  /** Position of the phone column, when the trail says. */
  phoneColumn: number | undefined;
}

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

export interface TrailColumns {
  columns: readonly string[];
  phoneColumn: number | undefined;
  /** The header line exactly as stored; undefined in a trail written before it had one. */
  text: string | undefined;
}

export interface ScanResult {
  /** Trail objects read (rows; the header line is not one). */
  rows: number;
  /** SHA-256 of the whole file; undefined when the scan stopped early. */
  sha256: string | undefined;
  header: TrailColumns;
}

/**
 * Streams trail.jsonl and calls `visit` with each row in file order; `visit` returns false to stop
 * early. The header line, when there is one, names the columns of every row. A line that is not a
 * trail object is an InputError naming the file and line.
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
  let header: TrailColumns | undefined;
  try {
    for await (const text of lines) {
      lineNo++;
      if (text.trim() === '') continue;
      if (header === undefined) {
        header = parseHeader(text);
        if (header.text !== undefined) continue;
      }
      const entry = parseEntry(text, header, trailPath, lineNo);
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
  return { rows, sha256: complete ? hash.digest('hex') : undefined, header: header ?? { columns: [], phoneColumn: undefined, text: undefined } };
}

/** The header line; a trail from before it had one starts with a row (its columns are its keys). */
function parseHeader(text: string): TrailColumns {
  let v: Partial<TrailHeader> | null = null;
  try { v = JSON.parse(text) as Partial<TrailHeader>; } catch { /* parseEntry says what is wrong */ }
  if (v && typeof v === 'object' && v.leadaudit_trail !== undefined && Array.isArray(v.columns)) {
    return { columns: v.columns.map(String), phoneColumn: typeof v.phone_column === 'number' ? v.phone_column : undefined, text };
  }
  return { columns: [], phoneColumn: undefined, text: undefined };
}

/** A row as stored, with its columns beside it. Reads a row of the first trail format too. */
export function parseEntry(text: string, header: TrailColumns, trailPath: string, lineNo: number): TrailEntry {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError(t('trail.damaged', { where: at(trailPath, lineNo) }));
  }
  const v = value as (Partial<StoredEntry> & { row?: Record<string, string> }) | null;
  const old = v !== null && typeof v === 'object' && v.cells === undefined && v.row !== null && typeof v.row === 'object';
  if (v === null || typeof v !== 'object' || typeof v.line !== 'number' || (v.verdict !== 'clean' && v.verdict !== 'rejected')
    || !(old || Array.isArray(v.cells)) || !Array.isArray(v.reasons)) {
    throw new InputError(t('trail.notRecord', { where: at(trailPath, lineNo) }));
  }
  if (old) {
    // The first trail format keyed cells by column name, one object per row.
    const { row, ...rest } = v;
    return { ...(rest as StoredEntry), cells: Object.values(row!).map(String), columns: Object.keys(row!), phoneColumn: undefined };
  }
  return { ...(v as StoredEntry), columns: header.columns, phoneColumn: header.phoneColumn };
}
