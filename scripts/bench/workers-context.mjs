/**
 * The per-row work of an audit, as src/core/audit.ts sets it up, for scripts/bench/workers-probe.mjs
 * (issue #16 item 5): the evidence loaded, the rules' context and a RowRouter whose "files" gather
 * the output bytes of each batch instead of writing them. The probe runs it in the main thread or
 * in a worker, on the same batches, so that only where it runs differs.
 * Built modules only (dist/): run `npm run build` first.
 */
// The V8 setting the bin makes before any of its code runs (src/cli/v8-tuning.ts), here too.
import '../../dist/cli/v8-tuning.js';
import { AS_OF } from './generate.mjs';
import { toSettings } from '../../dist/cli/audit-command.js';
import { PhoneNormalizer } from '../../dist/phone/normalize.js';
import { loadConsent } from '../../dist/evidence/consent-loader.js';
import { loadSuppression } from '../../dist/evidence/suppression.js';
import { loadNoticeManifest } from '../../dist/evidence/notice-manifest.js';
import { NumberTable } from '../../dist/evidence/number-table.js';
import { findPhoneColumn, noticeColumns, noticeMetaColumns } from '../../dist/io/columns.js';
import { mappedNotice } from '../../dist/io/column-map.js';
import { campaignFrom } from '../../dist/policy/campaign.js';
import { requiredListStates, rowListFindings, staleLists } from '../../dist/core/lists.js';
import { RowRouter } from '../../dist/core/row-router.js';
import { judgeRow, prefetchBatch, prefetchedKey } from '../../dist/rules/index.js';

/** Stands in for an AtomicFile: keeps what the router writes, to be taken per batch. */
class Gather {
  parts = [];
  async write(text) { this.parts.push(Buffer.from(text, 'utf8')); }
  async writeLines(lines) {
    for (const view of lines.take()) {
      this.parts.push(Buffer.from(view));
      lines.recycle(view);
    }
  }
  async close() { return ''; }
  /** The bytes gathered since the last take, in a buffer of their own (it can be transferred). */
  take() {
    const size = this.parts.reduce((s, p) => s + p.length, 0);
    const out = Buffer.allocUnsafeSlow(size);
    let at = 0;
    for (const p of this.parts) { p.copy(out, at); at += p.length; }
    this.parts = [];
    return out;
  }
}

/**
 * Loads the evidence and makes the rules' context for a list with these column names. `opts`:
 * { list, consent, notice, suppress, asOf }. Resolves to { judge(records) -> { clean, rejects },
 * header() -> { clean, rejects }, counts() }.
 */
export async function rowWork(opts, names) {
  const settings = toSettings(opts.list, {
    consent: [opts.consent], notice: opts.notice, suppress: opts.suppress ? [opts.suppress] : [], asOf: AS_OF, outDir: 'unused', policy: 'ru-152fz',
  });
  const policy = settings.policy.policy;
  const phones = new PhoneNormalizer(settings.region ?? policy.region ?? undefined);
  const manifest = settings.notice === undefined ? undefined : await loadNoticeManifest(settings.notice, settings.dateOrder);
  const consent = await loadConsent(settings.consent, phones, { columns: settings.columns.consent, dateOrder: settings.dateOrder, input: { limits: settings.limits } });
  const suppression = await loadSuppression(settings.suppress, phones, { columns: settings.columns.suppress, input: { limits: settings.limits } });
  const runFindings = staleLists(policy.required_lists, suppression.lists, settings.asOf);
  requiredListStates(policy.required_lists, suppression.lists, settings.asOf);
  const screenedBy = policy.unconsented_calls_screened_by;
  const campaign = campaignFrom(policy, {
    asOf: settings.asOf, purpose: settings.purpose, channel: settings.channel, region: settings.region,
    manifestOperator: manifest?.operatorName, dialMode: settings.dialMode, origin: settings.origin,
    screened: screenedBy !== null && suppression.lists.some((l) => l.name === screenedBy) && !runFindings.some((f) => f.args?.list === screenedBy),
    dateOrder: settings.dateOrder,
  });
  if (campaign.callingWindow) throw new Error('workers-probe: a policy with a calling window is not covered by the probe');
  const phoneColumn = findPhoneColumn(names, undefined);
  if (!phoneColumn) throw new Error('workers-probe: no phone column');
  const where = 'workers-probe';
  const ctx = {
    campaign, phones, consent: consent.index, suppression, seen: new NumberTable(), manifest,
    invalidConsent: consent.invalid.size ? consent.invalid : undefined,
    columns: {
      phone: phoneColumn.index, phones: phoneColumn.indexes,
      notice: mappedNotice(noticeColumns(names), names, settings.columns.contacts, where),
      meta: mappedNotice(noticeMetaColumns(names), names, settings.columns.contacts, where),
    },
    noticeMemo: { byRecord: new Map(), size: 0 }, listStale: rowListFindings(runFindings), evidence: undefined, reassigned: undefined, lineTypes: undefined,
  };
  const clean = new Gather();
  const rejects = new Gather();
  const router = new RowRouter(names, clean, rejects, false, consent.index.size);
  await router.start();
  return {
    /** Judges and routes a batch of records; the output bytes of the batch. */
    async judge(records) {
      // As src/core/audit.ts judges a batch: read ahead, then each row.
      const readings = prefetchBatch(records, ctx);
      for (let k = 0; k < records.length; k++) {
        const record = records[k];
        router.route(record, readings ? judgeRow(record, ctx, readings[k], prefetchedKey(k)) : judgeRow(record, ctx), undefined);
      }
      await router.flush();
      return { clean: clean.take(), rejects: rejects.take() };
    },
    header: () => ({ clean: clean.take(), rejects: rejects.take() }),
    counts: () => ({ rows: router.rows, clean: router.clean, rejected: router.rejected }),
  };
}
