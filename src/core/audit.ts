/**
 * The audit pipeline: load the evidence, then stream the contact list row by row through the rules
 * into clean.csv or rejects.csv, and write report.json. No argv, no terminal: the CLI calls
 * `audit(settings)` and decides what to print and which exit code to set.
 */
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { InputError } from '../errors.js';
import { PhoneNormalizer } from '../phone/normalize.js';
import { loadConsentIndex, type IndexOrigin } from '../evidence/index-cache.js';
import { loadSuppression } from '../evidence/suppression.js';
import { loadNoticeManifest } from '../evidence/notice-manifest.js';
import { EvidenceDir } from '../evidence/evidence-dir.js';
import { loadReassigned } from '../evidence/reassigned.js';
import { loadLineTypes } from '../evidence/line-types.js';
import { runWarnings } from '../report/run-notes.js';
import { personalColumns } from '../io/personal-columns.js';
import { NumberTable } from '../evidence/number-table.js';
import { TableReader } from '../io/table-reader.js';
import { CONTACTS_CHUNK_BYTES } from '../io/input-source.js';
import { findPhoneColumn, noticeColumns, noticeMetaColumns, type PhoneColumn } from '../io/columns.js';
import { OutputSet } from '../io/atomic-output.js';
import { mappedNotice } from '../io/column-map.js';
import { judgeRow, prefetchBatch, prefetchedKey } from '../rules/index.js';
import type { AuditContext, Campaign } from '../rules/context.js';
import { campaignFrom } from '../policy/campaign.js';
import type { Policy } from '../policy/schema.js';
import { RowRouter, cleanHeader, rejectsHeader } from './row-router.js';
import { XlsxSheetWriter } from '../io/xlsx-writer.js';
import { csvExcelDialect } from '../io/csv-dialect.js';
import { lang, t } from '../i18n/index.js';
import { LineBuffer } from '../io/line-buffer.js';
import { HeapKeeper, collectGarbage } from './heap.js';
import { CallWindowTagger } from './call-window-tagger.js';
import { evaluateGate } from './gate.js';
import { requiredListStates, rowListFindings, staleLists } from './lists.js';
import type { AuditSettings } from './settings.js';
import { buildReport, type Report } from '../report/report-json.js';
import { renderReportHtml } from '../report/html.js';
import { renderJunit } from '../report/junit.js';
import { trailEntry, trailHeader } from '../report/trail.js';
import { codesUsedBy } from '../policy/codes.js';
import { SIGNATURE_FILE, signBytes } from '../report/signature.js';
import { CERTIFICATE_FILE, renderCertificate } from '../report/certificate.js';
import { createHash } from 'node:crypto';
import { findHints, type Hint } from '../report/hints.js';
import { platform } from '../export/platforms.js';
import { writeExports } from '../export/write-exports.js';
import { exportColumns, exportKey, exportOutputs, exportRunWarnings } from '../export/export-plan.js';
import { EmailConsent } from '../email/email-consent.js';
import { EmailSuppression } from '../email/email-suppression.js';
import { NO_PHONE_COLUMN, emailColumnOf, emailReport, emailRequiredLists } from '../email/email-run.js';

export interface AuditResult {
  report: Report;
  phoneColumn: PhoneColumn;
  /** certificate.html, when written (report.json does not list it). */
  certificate?: string;
  /** Hints for the summary (issue #11): data, put into words by src/report/summary.ts. */
  hints: Hint[];
  /** Where the consent index came from, and a snapshot that could not be written (issue #16). */
  consentIndex: IndexOrigin;
}

export interface AuditHooks {
  signal?: AbortSignal;
  /** Called after each batch of rows. */
  onProgress?: (p: { rows: number; bytes: number; size: number | undefined }) => void;
}

/** Output gathered before it is written: several 64 KiB reads' worth (issue #16 item 2). */
const FLUSH_BYTES = 256 << 10;

/** A contact list at least this big is a long run (see the full collection in audit()). */
const LONG_RUN_BYTES = 16 << 20;

/** The region numbers normalize with, known before any file is read (`leadaudit index` uses it too). */
export function regionOf(settings: Pick<AuditSettings, 'region' | 'policy'>): Campaign['region'] {
  return settings.region ?? (settings.policy.policy.region as Campaign['region']) ?? undefined;
}

/**
 * About how many rows a contact list holds, from its size (a hundred bytes a row), for how its
 * consent snapshot is read (src/evidence/index-snapshot.ts, readsWhole()); 0 for standard input or
 * anything that is not a file. Only how fast the index is read depends on it.
 */
function rowsAbout(path: string): number {
  if (path === '-') return 0;
  try {
    const st = statSync(path);
    return st.isFile() ? Math.floor(st.size / 100) : 0;
  } catch {
    return 0;
  }
}

export async function audit(settings: AuditSettings, hooks: AuditHooks = {}): Promise<AuditResult> {
  const started = performance.now();
  const { signal } = hooks;
  const policy: Policy = settings.policy.policy;
  const phones = new PhoneNormalizer(regionOf(settings));

  // Every input is read and checked before the first output is opened; each read stops at once on
  // an interruption (issue #12 item 4).
  signal?.throwIfAborted();
  const manifest = settings.notice === undefined ? undefined : await loadNoticeManifest(settings.notice, settings.dateOrder, signal);
  const input = { limits: settings.limits };
  const evidence = settings.evidenceDir === undefined ? undefined : new EvidenceDir(settings.evidenceDir);
  // Evidence texts are kept only for the trail and --evidence-dir; the verdicts need just whether there is one.
  // Issue #15: on an email run the address is the contact key of consent, suppression and rows.
  const email = (settings.channel ?? policy.channel) === 'email' ? { consent: new EmailConsent(), suppression: new EmailSuppression() } : undefined;
  // From its snapshot when one was made from exactly these files and settings (issue #16).
  const consent = await loadConsentIndex(settings.consent, phones, {
    encoding: settings.encoding, signal, keepText: settings.trail || evidence !== undefined, columns: settings.columns.consent, dateOrder: settings.dateOrder, input,
    emails: email?.consent,
  }, settings.indexCache, rowsAbout(settings.contacts));
  const suppression = await loadSuppression(settings.suppress, phones, { encoding: settings.encoding, signal, columns: settings.columns.suppress, input, emails: email?.suppression });
  const reassigned = settings.reassigned === undefined ? undefined
    : await loadReassigned(settings.reassigned, phones, settings.asOf, settings.dateOrder, { encoding: settings.encoding, signal, columns: settings.columns.reassigned, input });
  const lineTypes = settings.lineTypes === undefined ? undefined
    : await loadLineTypes(settings.lineTypes, phones, { encoding: settings.encoding, signal, columns: settings.columns.line_types, input });
  const requiredLists = email ? emailRequiredLists(policy.required_lists) : policy.required_lists;
  const listStates = requiredListStates(requiredLists, suppression.lists, settings.asOf);
  const runFindings = staleLists(requiredLists, suppression.lists, settings.asOf);
  const screenedBy = policy.unconsented_calls_screened_by;
  const campaign = campaignFrom(policy, {
    asOf: settings.asOf,
    purpose: settings.purpose,
    channel: settings.channel,
    region: settings.region,
    manifestOperator: manifest?.operatorName,
    dialMode: settings.dialMode,
    origin: settings.origin,
    screened: screenedBy !== null && suppression.lists.some((l) => l.name === screenedBy)
      && !runFindings.some((f) => f.args?.list === screenedBy),
    dateOrder: settings.dateOrder,
  });

  // --export (issue #15): an email run's exports are keyed by email; a dialer file is refused there.
  const exportsKey = settings.exports && exportKey(settings.exports.jobs.map((j) => j.platform), campaign.channel);

  const label = settings.contacts === '-' ? t('summary.stdin') : settings.contacts;
  const reader = await TableReader.open({ path: settings.contacts, label, encoding: settings.encoding, input: { limits: settings.limits, sheet: settings.sheet }, signal, lines: true, chunkSize: CONTACTS_CHUNK_BYTES });
  const abort = () => reader.destroy();
  signal?.addEventListener('abort', abort, { once: true });
  try {
    const names = reader.header.names;
    const wanted = settings.columns.contacts.phone ?? (settings.phoneColumn === undefined ? undefined : [settings.phoneColumn]);
    // An email run needs no phone column: the phone is not judged (issue #15).
    const phoneColumn = findPhoneColumn(names, wanted) ?? (email && wanted === undefined ? NO_PHONE_COLUMN : undefined);
    if (!phoneColumn) {
      const missing = wanted?.find((w) => !names.some((n) => n.trim().toLowerCase() === w.trim().toLowerCase()));
      throw new InputError(wanted === undefined
        ? t('audit.noPhoneColumn', { where: `${label}:${reader.header.line}`, columns: names.join(', ') })
        : t('audit.phoneColumnMissing', { where: `${label}:${reader.header.line}`, column: String(JSON.stringify(missing)), columns: names.join(', ') }));
    }
    const emailColumn = email ? emailColumnOf(names, settings.columns.contacts.email?.[0], `${label}:${reader.header.line}`) : undefined;
    // Columns of personal data (issue #14): found by name, and --mask-column, which must be there.
    const personal = personalColumns(names, phoneColumn.indexes, settings.maskColumns ?? [], `${label}:${reader.header.line}`);
    const carry = settings.exports ? exportColumns(settings.exports.columns, names, `${label}:${reader.header.line}`) : [];
    signal?.throwIfAborted();

    const ctx: AuditContext = {
      campaign,
      phones,
      consent: consent.index,
      suppression,
      seen: new NumberTable(),
      manifest,
      invalidConsent: consent.invalid.size ? consent.invalid : undefined,
      columns: { phone: phoneColumn.index, phones: phoneColumn.indexes, notice: mappedNotice(noticeColumns(names), names, settings.columns.contacts, `${label}:${reader.header.line}`), meta: mappedNotice(noticeMetaColumns(names), names, settings.columns.contacts, `${label}:${reader.header.line}`) },
      noticeMemo: { byRecord: new Map(), size: 0 },
      listStale: rowListFindings(runFindings),
      evidence,
      reassigned: reassigned && { list: reassigned, label: basename(settings.reassigned!.path) },
      lineTypes,
      email: email && { column: emailColumn!.index, consent: email.consent, suppression: email.suppression, seen: new Map() },
      fates: settings.trail,
    };
    const tagger = campaign.callingWindow ? new CallWindowTagger(campaign.callingWindow, campaign.asOf) : undefined;
    const out = new OutputSet(settings.outDir, settings.outDir);
    try {
      // --xlsx: the same rows as spreadsheets (issue #13); --csv-excel: clean.csv as the run's language's spreadsheet opens it.
      const xlsx = settings.xlsx ? {
        clean: new XlsxSheetWriter(out.file('clean.xlsx'), 'clean', cleanHeader(names, tagger !== undefined, email !== undefined)),
        rejects: new XlsxSheetWriter(out.file('rejects.xlsx'), 'rejects', rejectsHeader(names)),
      } : undefined;
      const dialect = settings.csvExcel ? csvExcelDialect(lang()) : undefined;
      const cleanFile = out.file('clean.csv');
      const router = new RowRouter(names, cleanFile, out.file('rejects.csv'), tagger !== undefined, consent.index.size, xlsx, dialect,
        email && { phoneColumns: phoneColumn.indexes.filter((i) => i !== emailColumn!.index) });
      const exportJobs = settings.exports?.jobs.map((j) => ({ ...j, file: out.file(platform(j.platform).file) }));
      router.copyLines(reader.delimiter);
      const trailFile = settings.trail ? out.file('trail.jsonl') : undefined;
      const htmlFile = out.file('report.html');
      const junitFile = settings.junit === undefined ? undefined : out.external(settings.junit, '--junit');
      // Opened before report.json, so that they are in place before it is (commit order).
      const sigFile = settings.sign ? out.file(SIGNATURE_FILE) : undefined;
      const certificateFile = settings.certificate ? out.file(CERTIFICATE_FILE) : undefined;
      const reportFile = out.file('report.json');
      await router.start();
      if (trailFile) await trailFile.write(trailHeader(names, phoneColumn.indexes));
      let collected = false;
      const heap = new HeapKeeper();
      const trailLines = trailFile ? new LineBuffer() : undefined;
      for await (const batch of reader.batches()) {
        signal?.throwIfAborted();
        if (!collected && batch.length > 0) {
          // A full collection now, with the consent index in place: after tens of MiB of array
          // buffers arrive at once, V8 otherwise keeps collecting the old generation several times
          // a second for the rest of the run (4M rows: 37 s -> 31 s). Short lists skip it: it would
          // only add to their start-up. (The duplicate set is not sized ahead: it grows a 64th at a
          // time with the distinct numbers, NumberTable.)
          collected = true;
          if ((reader.size ?? 0) >= LONG_RUN_BYTES) collectGarbage();
        }
        const readings = prefetchBatch(batch, ctx);
        for (let k = 0; k < batch.length; k++) {
          const record = batch[k]!;
          const facts = readings ? judgeRow(record, ctx, readings[k], prefetchedKey(k)) : judgeRow(record, ctx);
          const window = tagger && facts.findings.length === 0 ? tagger.tag(facts.e164!) : undefined;
          router.route(record, facts, window);
          trailLines?.append(`${JSON.stringify(trailEntry(record, facts, names, phoneColumn.index, campaign.consentRequired, window))}\n`);
        }
        await router.flush(FLUSH_BYTES);
        if (trailFile && trailLines && trailLines.size >= FLUSH_BYTES) await trailFile.writeLines(trailLines);
        heap.tick(reader.bytesRead);
        hooks.onProgress?.({ rows: router.rows, bytes: reader.bytesRead, size: reader.size });
      }
      signal?.throwIfAborted();
      const [cleanSha, rejectsSha] = await router.close();
      const xlsxSha = await router.closeXlsx();
      const contactsSha = await reader.sha256();
      if (trailFile && trailLines) await trailFile.writeLines(trailLines);
      const trailSha = trailFile ? await trailFile.close() : undefined;
      // Made from the complete clean.csv, read back (src/export/write-exports.ts).
      const exports = exportJobs && exportsKey
        ? await writeExports({ path: cleanFile.tempPath, delimiter: dialect?.delimiter ?? ',', inputColumns: names.length }, exportJobs, exportsKey, carry, { keysUnique: campaign.rejectDuplicates, signal })
        : [];
      const seconds = (performance.now() - started) / 1000;
      const gate = evaluateGate({ rows: router.rows, rejected: router.rejected, reasons: router.reasons }, settings.gate, listStates);
      const report = buildReport({
        settings,
        campaign,
        manifest,
        consentFiles: consent.files,
        consentIndex: consent.origin,
        suppression: suppression.lists,
        evidence: evidence?.stats(),
        reassigned: reassigned?.stats,
        lineTypes: lineTypes?.stats,
        warnings: runWarnings(policy, campaign, { lineTypes: lineTypes !== undefined, emailColumn: settings.columns.contacts.email?.[0] }),
        exportWarnings: exportRunWarnings(exports),
        contacts: {
          path: settings.contacts === '-' ? '-' : resolve(settings.contacts),
          sha256: contactsSha,
          bytes: reader.fileBytes,
          format: reader.input.format === 'xlsx' ? 'xlsx' : 'csv',
          compression: reader.input.compression,
          sheet: reader.input.sheet,
          encoding: reader.encoding,
          encodingWarning: reader.encodingWarning,
          delimiter: reader.delimiter,
          phoneColumn,
          personalColumns: personal,
          emailColumn,
          blankLines: reader.blankLines,
        },
        outputs: {
          clean: { path: resolve(out.dir, 'clean.csv'), sha256: cleanSha, rows: router.clean, ...(dialect ? { dialect } : {}) },
          rejects: { path: resolve(out.dir, 'rejects.csv'), sha256: rejectsSha, rows: router.rejected },
          ...(xlsxSha ? {
            clean_xlsx: { path: resolve(out.dir, 'clean.xlsx'), sha256: xlsxSha[0], rows: router.clean },
            rejects_xlsx: { path: resolve(out.dir, 'rejects.xlsx'), sha256: xlsxSha[1], rows: router.rejected },
          } : {}),
          ...(trailFile ? { trail: { path: trailFile.path, sha256: trailSha!, rows: router.rows } } : {}),
          ...exportOutputs(exports),
          report: { path: resolve(out.dir, 'report.json') },
        },
        totals: { rows: router.rows, clean: router.clean, rejected: router.rejected },
        email: email && emailReport(email, router),
        reasons: router.reasons,
        numbers: router.numbers,
        exemptions: router.exemptions,
        origins: router.origins,
        unstated: router.unstated,
        registryOverrides: router.registryOverrides,
        softOptIn: router.softOptIn,
        runFindings,
        gate,
        seconds,
        createdAt: Date.now(),
        signature: settings.sign ? { algorithm: 'ed25519', key_fingerprint: settings.sign.fingerprint, file: SIGNATURE_FILE } : null,
      });
      // report.html and the JUnit file are made from the report; their hashes then go into it.
      await htmlFile.write(renderReportHtml(report, { mask: settings.mask }));
      report.outputs.html = { path: htmlFile.path, sha256: await htmlFile.close() };
      if (junitFile) {
        await junitFile.write(renderJunit(report, codesUsedBy(policy), router.firstLines));
        report.outputs.junit = { path: junitFile.path, sha256: await junitFile.close() };
      }
      // The signature is of these exact bytes: the file is written from them, not re-serialized.
      const reportBytes = Buffer.from(`${JSON.stringify(report, null, 2)}\n`, 'utf8');
      if (sigFile) {
        await sigFile.write(signBytes(reportBytes, settings.sign!.key));
        await sigFile.close();
      }
      if (certificateFile) {
        // It names report.json's hash, so report.json can't name its own: it is not in outputs.
        await certificateFile.write(renderCertificate(report, createHash('sha256').update(reportBytes).digest('hex')));
        await certificateFile.close();
      }
      await reportFile.write(reportBytes);
      await reportFile.close();
      signal?.throwIfAborted();
      // Also takes away a report.sig or certificate.html of the run replaced that this run did not
      // write: they match nothing once report.json is replaced (src/io/atomic-output.ts).
      out.commit();
      const hints = findHints({ rows: router.rows, rejected: router.rejected, combos: router.combos, noticeGiven: manifest !== undefined });
      return { report, phoneColumn, hints, consentIndex: consent.origin, ...(certificateFile ? { certificate: certificateFile.path } : {}) };
    } catch (e) {
      out.abort();
      // A stream destroyed by an interruption fails with a read error: report the interruption.
      throw signal?.aborted ? signal.reason : e;
    }
  } finally {
    signal?.removeEventListener('abort', abort);
    reader.destroy();
  }
}
