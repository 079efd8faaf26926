/**
 * report.html: report.json as a page a person reads at a glance (issue 6). One self-contained file:
 * inline CSS and SVG, no script, no font, no image, nothing fetched, so it opens offline, in a
 * mail attachment or an archived CI artifact, and prints on A4. Every text taken from the report is
 * HTML-escaped: paths, column names and problems come from users' files.
 */
import { maskPhone as maskPhones } from './mask.js';
import { reasonFor, type ReasonCode } from '../reasons.js';
import { LAW } from '../law/references.js';
import { lawIn as lawText } from '../i18n/law.js';
import { isPresetName, type PresetName } from '../policy/preset-names.js';
import { formatRate } from '../core/gate.js';
import type { Report } from './report-json.js';
import { HTML_STYLE } from './html-style.js';
import { conditionText, gateState } from './gate-text.js';
import { fmtDate, fmtNumber, lang, t } from '../i18n/index.js';
import { legalBasisIn } from '../i18n/law.js';
import { evidenceRows, proofInputRows, warningsSection } from './html-proof.js';
import { emailColumnHtml, emailEvidenceRows, listEntriesText } from './html-email.js';

export interface HtmlOptions {
  /** Mask what could be personal data (phone numbers in invalid-record problems and values). */
  mask?: boolean;
}

type Text = string | number | boolean | null | undefined;

/**
 * Parts of report.json that came with policies (issue 4) and may still change shape: read through
 * this view so that the page shows them when present and does without when not.
 */
interface Extras {
  policy: {
    preset?: string | null;
    file?: { path: string; sha256: string } | null;
    legal_basis?: string[];
    /** The legal reference of each code that occurred, under the policy's preset. */
    references?: Record<string, string | null>;
  };
  campaign: { consent_required?: boolean; calling_window?: { from: string; to: string } | null };
  inputs: { suppress: { name?: string; date?: string; date_source?: string; delimiter?: string; kind?: string }[] };
  exemptions?: Record<string, number>;
  origins?: { subject: number; third_party: number; unrecognized: number };
  registry_overrides?: number;
  consent_unstated?: { separate_document: { records: number; rows: number }; kind: { records: number; rows: number } };
  run_findings?: { code: string; list?: string | null; detail: string }[];
}
const extras = (r: Report) => r as unknown as Extras;

/** Escapes text for HTML element content and quoted attribute values alike. */
export function escapeHtml(value: Text): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const e = escapeHtml;

// Thousands separators without ICU: the first toLocaleString call costs tens of milliseconds.
export const num = (n: number) => (lang() === 'ru' ? fmtNumber(n) : Number.isInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(n));
const yesNo = (b: boolean) => (b ? t('html.yes') : t('html.no'));

export function renderReportHtml(report: Report, opts: HtmlOptions = {}): string {
  const mask = opts.mask === true;
  const contacts = report.inputs.contacts;
  const title = t('html.title', { file: baseName(contacts.path) });
  return `<!DOCTYPE html>
<html lang="${lang()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${e(report.tool.name)} ${e(report.tool.version)}">
<title>${e(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header class="top">
  <div>
    <p class="eyebrow">${e(t('html.eyebrow', { tool: report.tool.name }))}</p>
    <h1 title="${e(contacts.path)}">${e(baseName(contacts.path))}</h1>
  </div>
  <dl class="meta">
    <div><dt>${e(t('html.label.policy'))}</dt><dd>${e(report.policy.name)}</dd></div>
    <div><dt>${e(t('sheet.asOf'))}</dt><dd><time datetime="${e(report.as_of)}">${e(humanInstant(report.as_of))}</time></dd></div>
    <div><dt>${e(t('html.tool'))}</dt><dd>${e(report.tool.name)} ${e(report.tool.version)}</dd></div>${mask ? `
    <div><dt>${e(t('sheet.personalData'))}</dt><dd>${e(t('html.masked'))}</dd></div>` : ''}
  </dl>
</header>
<main>
${totalsSection(report)}
${runFindingsSection(report)}
${warningsSection(report)}
<div class="columns">
${reasonsSection(report)}
<div class="side">
${policySection(report)}
${evidenceSection(report)}
</div>
</div>
${lawSection(report)}
${inputsSection(report, mask)}
${outputsSection(report)}
</main>
<footer>${e(t('html.footer', { tool: report.tool.name, version: report.tool.version, seconds: lang() === 'ru' ? String(report.timing.seconds).replace('.', ',') : String(report.timing.seconds), rate: num(report.timing.rows_per_second) }))}</footer>
</body>
</html>
`;
}

function totalsSection(r: Report): string {
  const { rows, clean, rejected } = r.totals;
  const cleanShare = rows === 0 ? 0 : clean / rows;
  return `<section id="totals" class="totals" aria-label="${e(t('html.totals'))}">
  <div class="kpi"><span class="kpi-label">${e(t('sheet.rowsAudited'))}</span>
    <span class="kpi-value" data-total="rows">${e(num(rows))}</span>
    <span class="kpi-note">${e(t('html.blankSkipped', { count: r.inputs.contacts.blank_lines }))}</span></div>
  <div class="kpi kpi-clean"><span class="kpi-label">${e(t('html.clean'))}</span>
    <span class="kpi-value" data-total="clean">${e(num(clean))}</span>
    <span class="kpi-note">${e(t('html.ofRows', { rate: formatRate(cleanShare), file: 'clean.csv' }))}</span></div>
  <div class="kpi kpi-rejected"><span class="kpi-label">${e(t('html.rejectedLabel'))}</span>
    <span class="kpi-value" data-total="rejected">${e(num(rejected))}</span>
    <span class="kpi-note">${e(t('html.ofRows', { rate: formatRate(r.gate.reject_rate), file: 'rejects.csv' }))}</span></div>
  <div class="kpi"><span class="kpi-label">${e(t('html.rejectRate'))}</span>
    <span class="kpi-value" data-total="reject-rate">${e(formatRate(r.gate.reject_rate))}</span>
    <span class="kpi-note">${e(t('html.rejectedPerRows'))}</span>
    <span class="split${rows === 0 ? ' split-empty' : ''}" role="img" aria-label="${e(t('html.cleanShare', { rate: formatRate(cleanShare) }))}"><span style="width:${(cleanShare * 100).toFixed(2)}%"></span></span></div>
${gateCard(r)}
</section>`;
}

function gateCard(r: Report): string {
  const g = r.gate;
  const state = gateState(g);
  // With no condition set the run is not "passed" by anything: say so, without that word (issue #14).
  const badge = e(t(`html.gate.${state}`));
  const ctx = { policy: r.policy.name, asOf: r.as_of };
  let why: string;
  if (state === 'failed') why = `<ul>${g.failures.map((f) => `<li>${e(f)}</li>`).join('')}</ul>`;
  else if (state === 'passed') why = `<ul>${g.conditions.map((c) => `<li>${e(conditionText(c, ctx))}</li>`).join('')}</ul>`;
  else why = `<p>${t('html.gate.noneWhy', { a: '<code>--max-reject-rate</code>', b: '<code>--fail-on-reject</code>', c: '<code>--fail-on</code>' })}</p>`;
  return `  <div id="gate" class="kpi gate gate-${state}" data-passed="${g.passed}" data-state="${state}">
    <span class="kpi-label">${e(t('html.importGate'))}</span>
    <span class="verdict">${badge}</span>
    ${why}
  </div>`;
}

/** Reasons that occurred, largest first; ties keep the contract's table order. */
function reasonEntries(r: Report): [string, number][] {
  return (Object.entries(r.reasons) as [string, number | undefined][])
    .filter((x): x is [string, number] => typeof x[1] === 'number' && x[1] > 0)
    .sort((a, b) => b[1] - a[1]);
}

/** A code's words on this report's channel (an email run's DUPLICATE speaks of the address, issue #15). */
function reasonInfo(code: string, r: Report) {
  return reasonFor(code, r.campaign.channel);
}

function reasonsSection(r: Report): string {
  const entries = reasonEntries(r);
  const head = `<section class="card chart" aria-labelledby="reasons-h">
  <h2 id="reasons-h">${e(t('html.whyRejected'))}</h2>
  <p class="note">${e(t('html.whyRejectedNote', { n: num(r.totals.rejected) }))}</p>`;
  if (entries.length === 0) return `${head}\n  <figure id="reasons-chart" class="empty"><p>${e(t('html.noRejected'))}</p></figure>\n</section>`;
  const max = entries[0]![1];
  // The labels' column fits the longest title (Russian ones run longer): about 7.8 px a character at 12.5 px.
  const longest = Math.max(...entries.map(([code]) => (reasonInfo(code, r)?.title ?? code).length));
  const LABEL = Math.max(300, Math.ceil(longest * 7.8) + 16);
  const W = LABEL + 420, COUNT = 74, ROW = 24, BAR = 14;
  const span = W - LABEL - COUNT;
  const bars = entries.map(([code, count], i) => {
    const y = i * ROW;
    const w = Math.max(2, (count / max) * span);
    const share = r.totals.rows === 0 ? 0 : count / r.totals.rows;
    const label = reasonInfo(code, r)?.title ?? code;
    return `    <g transform="translate(0 ${y})"><title>${e(`${code}: ${t('html.rows', { count })} (${formatRate(share)})`)}</title>
      <text class="label" x="${LABEL - 10}" y="${ROW / 2}" text-anchor="end" dominant-baseline="central">${e(label)}</text>
      <rect class="bar" data-code="${e(code)}" data-count="${count}" x="${LABEL}" y="${(ROW - BAR) / 2}" width="${w.toFixed(1)}" height="${BAR}" rx="2"></rect>
      <text class="count" x="${(LABEL + w + 6).toFixed(1)}" y="${ROW / 2}" dominant-baseline="central">${e(num(count))}<tspan class="share" dx="5">${e(formatRate(share))}</tspan></text>
    </g>`;
  });
  const height = entries.length * ROW;
  return `${head}
  <figure id="reasons-chart">
   <svg viewBox="0 0 ${W} ${height}" width="100%" role="img" aria-label="${e(t('html.chartLabel'))}">
${bars.join('\n')}
   </svg>
  </figure>
</section>`;
}

function policySection(r: Report): string {
  const c = r.campaign;
  const x = extras(r);
  const p = x.policy;
  const origin = p.file ? e(t('html.policyFile', { file: baseName(p.file.path), extends: p.preset ? t('html.policyExtends', { preset: p.preset }) : '' }))
    : p.preset && p.preset !== r.policy.name ? e(t('html.preset', { preset: p.preset })) : p.preset ? e(t('html.builtIn')) : '';
  const rows: [string, string][] = [
    [e(t('html.label.policy')), `${e(r.policy.name)}${origin ? ` <span class="muted">(${origin})</span>` : ''}`],
  ];
  if (p.legal_basis?.length) rows.push([e(t('html.label.legalBasis')), legalBasisIn(p.legal_basis, p.preset).map(e).join('; ')]);
  rows.push(
    [e(t('html.label.purpose')), e(c.purpose)],
    [e(t('html.label.channel')), e(c.channel)],
    [e(t('html.label.region')), c.region === null ? e(t('html.noRegion')) : e(c.region)],
    [e(t('html.label.proof')), c.proof_required ? e(t('html.proofRequired')) : e(t('html.notRequired'))],
    [e(t('html.label.maxAge')), c.consent_max_age_days === null ? e(t('html.noLimit')) : e(t('html.days', { count: c.consent_max_age_days }))],
    [e(t('html.label.duplicates')), c.reject_duplicates ? e(t('html.rejected')) : e(t('html.allowed'))],
    [e(t('html.label.requiredNotice')), tags(c.required_notice)],
  );
  if (x.campaign.consent_required !== undefined) rows.push([e(t('html.label.consent')), e(t(x.campaign.consent_required ? 'html.requiredFor' : 'html.notRequiredFor', { channel: c.channel }))]);
  // Issue #14: a dial mode the policy frees for landlines, where a --line-types file says so.
  if (c.consent_required_landline !== undefined && c.consent_required_landline !== c.consent_required) {
    rows.push([e(t('html.label.consentLandline')), e(c.consent_required_landline ? t('cert.required') : t('html.notRequiredLandline'))]);
  }
  const issue10 = r.campaign as Partial<Report['campaign']>;
  if (issue10.dial_mode !== undefined) {
    rows.push([e(t('html.label.dialMode')), `${e(issue10.dial_mode)}${issue10.dial_mode_banned ? ` <strong class="warn">${e(t('html.dialBanned'))}</strong>` : ''}`]);
  }
  if (issue10.advertising !== undefined) rows.push([e(t('html.label.advertising')), issue10.advertising ? e(t('html.advertisingYes')) : e(t('html.no'))]);
  if (issue10.separate_consent_from !== undefined) {
    rows.push([e(t('html.label.separate')), issue10.separate_consent_from === null ? e(t('html.notChecked'))
      : e(t('html.separateSince', { date: fmtDate(issue10.separate_consent_from.slice(0, 10)), rule: t(issue10.separate_consent_required ? 'html.silentNotSeparate' : 'html.silentCounts') }))]);
  }
  if (issue10.consent_overrides_registry !== undefined) rows.push([e(t('html.label.registryHits')), e(t(issue10.consent_overrides_registry ? 'html.overriddenByConsent' : 'html.neverOverridden'))]);
  if (issue10.origin !== undefined) rows.push([e(t('html.label.origin')), e(issue10.origin === 'subject' ? t('sheet.origin.subject') : t('sheet.origin.thirdParty'))]);
  if (x.campaign.calling_window !== undefined) {
    const w = x.campaign.calling_window;
    rows.push([e(t('html.label.callingWindow')), w ? e(t('html.window', { from: w.from, to: w.to })) : e(t('html.none'))]);
  }
  const dateOrder = (c as { date_order?: string }).date_order;
  if (dateOrder !== undefined) rows.push([e(t('html.label.dateOrder')), e(dateOrder === 'mdy' ? t('html.mdy') : dateOrder === 'dmy' ? t('html.dmy') : dateOrder)]);
  // Settings added to report.json after this page was written still show, as plain values.
  for (const [key, value] of Object.entries(c)) {
    if (!KNOWN_CAMPAIGN_KEYS.has(key)) rows.push([e(sentence(key)), plainValue(value)]);
  }
  rows.push([e(t('html.label.gate')), gateSettings(r.gate)]);
  return `<section class="card policy" aria-labelledby="policy-h">
  <h2 id="policy-h">${e(t('html.policyAndCampaign'))}</h2>
  <dl class="pairs">
${rows.map(([k, v]) => `    <div><dt>${k}</dt><dd>${v}</dd></div>`).join('\n')}
  </dl>
</section>`;
}

const KNOWN_CAMPAIGN_KEYS = new Set(['purpose', 'channel', 'region', 'proof_required', 'consent_max_age_days', 'required_notice',
  'reject_duplicates', 'consent_required', 'calling_window', 'dial_mode', 'advertising', 'dial_mode_banned', 'separate_consent_from',
  'separate_consent_required', 'consent_overrides_registry', 'origin', 'notice_from_subject', 'date_order', 'consent_required_landline']);

/** `consent_max_age_days` -> `Consent max age days`. */
const sentence = (key: string) => key.charAt(0).toUpperCase() + key.slice(1).replace(/_/g, ' ');

const tags = (list: readonly unknown[]) => (list.length === 0 ? e(t('html.none')) : list.map((f) => `<span class="tag">${e(String(f))}</span>`).join(' '));

function plainValue(value: unknown): string {
  if (value === null || value === undefined) return e(t('html.none'));
  if (typeof value === 'boolean') return yesNo(value);
  if (Array.isArray(value)) return tags(value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))));
  if (typeof value === 'object') return `<code>${e(JSON.stringify(value))}</code>`;
  return e(String(value));
}

/** Findings about the whole run (a required suppression list missing or stale, ...). */
function runFindingsSection(r: Report): string {
  const findings = extras(r).run_findings ?? [];
  if (findings.length === 0) return '';
  const preset = presetOf(r);
  const items = findings.map((f) => {
    const law = lawOf(r, f.code, preset);
    const detail = f.detail.startsWith(`${f.code}: `) ? f.detail.slice(f.code.length + 2) : f.detail;
    const info = reasonInfo(f.code, r);
    return `<li><strong>${e(info?.title ?? f.code)}</strong> <code>${e(f.code)}</code>: ${e(detail)}${law ? ` <span class="muted">(${e(law)})</span>` : ''}${info ? `<br><span class="muted">${e(info.remedy)}</span>` : ''}</li>`;
  });
  return `<section id="run-findings" class="card notice-card" aria-labelledby="run-h">
  <h2 id="run-h">${e(t('html.wholeRun'))}</h2>
  <ul>${items.join('')}</ul>
</section>`;
}

function evidenceSection(r: Report): string {
  const i = r.inputs;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const records = sum(i.consent.map((f) => f.records));
  const valid = sum(i.consent.map((f) => f.valid));
  const badConsent = records - valid;
  const badSuppress = sum(i.suppress.map((s) => s.invalid_count));
  const files = (n: number) => t('html.files', { count: n });
  const rows: [string, string][] = [
    [e(t('html.label.consentRecords')), `${e(t('html.usedOf', { valid: num(valid), records: num(records), files: files(i.consent.length) }))}${badConsent ? `, <strong class="warn">${e(t('html.invalid', { n: num(badConsent) }))}</strong>` : ''}`],
    [e(t('html.label.notice')), i.notice ? `<span title="${e(i.notice.path)}">${e(baseName(i.notice.path))}</span>` : e(t('html.none'))],
    [e(t('html.label.suppression')), i.suppress.length === 0 ? e(t('html.none'))
      : `${e(r.email ? t('html.email.listsIn', { addresses: num(sum(i.suppress.map((s) => s.addresses ?? 0))), domains: num(sum(i.suppress.map((s) => s.domains ?? 0))), files: files(i.suppress.length) })
        : t('html.numbersIn', { n: num(sum(i.suppress.map((s) => s.numbers))), files: files(i.suppress.length) }))}${badSuppress ? `, <strong class="warn">${e(t('html.invalid', { n: num(badSuppress) }))}</strong>` : ''}`],
  ];
  rows.push(...evidenceRows(r), ...emailEvidenceRows(r));
  // Clean rows resting on a soft opt-in (an email or sms run), with what the sender must still keep.
  const softOptIn = r.soft_opt_in_rows;
  if (softOptIn) rows.push([e(t('html.email.label.softOptIn')), `<strong class="warn" id="soft-opt-in">${e(t('html.cleanRowsN', { n: num(softOptIn), count: softOptIn }))}</strong> <span class="muted">(${e(t('html.email.softOptInKeep'))})</span>`]);
  const exemptions = Object.entries(extras(r).exemptions ?? {});
  if (exemptions.length) rows.push([e(t('html.label.exemptions')), exemptions.map(([name, n]) => `${e(name)} <span class="muted">(${e(t('html.rows', { count: n }))})</span>`).join('<br>')]);
  const origins = extras(r).origins;
  if (origins?.subject) rows.push([e(t('html.label.fromSubject')), `${e(t('html.rowsN', { n: num(origins.subject) }))} <span class="muted">(${e(t('html.noticePerSubject'))})</span>`]);
  if (origins?.unrecognized) rows.push([e(t('html.label.originUnknown')), `<strong class="warn">${e(t('html.rowsN', { n: num(origins.unrecognized) }))}</strong> <span class="muted">(${e(t('html.takenThirdParty'))})</span>`]);
  const overrides = extras(r).registry_overrides;
  if (overrides) rows.push([e(t('html.label.overrides')), `${e(t('html.cleanRowsN', { n: num(overrides), count: overrides }))} <span class="muted">(${e(t('html.consentInTrail'))})</span>`]);
  const unstated = extras(r).consent_unstated;
  if (unstated?.separate_document.records) rows.push([e(t('html.label.silentSeparate')), e(t('html.recordsRows', { records: num(unstated.separate_document.records), rows: num(unstated.separate_document.rows) }))]);
  if (unstated?.kind.records) rows.push([e(t('html.label.silentKind')), e(t('html.recordsRows', { records: num(unstated.kind.records), rows: num(unstated.kind.rows) }))]);
  return `<section class="card evidence" aria-labelledby="evidence-h">
  <h2 id="evidence-h">${e(t('html.evidence'))}</h2>
  <dl class="pairs">
${rows.map(([k, v]) => `    <div><dt>${k}</dt><dd>${v}</dd></div>`).join('\n')}
  </dl>
</section>`;
}

function gateSettings(g: Report['gate']): string {
  const parts: string[] = [];
  if (g.max_reject_rate !== undefined) parts.push(e(t('html.gate.maxRate', { rate: String(g.max_reject_rate) })));
  if (g.fail_on_reject) parts.push(e(t('html.gate.anyReject')));
  if (g.fail_on?.length) parts.push(`${e(t('html.gate.failOn'))} ${g.fail_on.map((c) => `<code>${e(c)}</code>`).join(', ')}`);
  for (const c of g.conditions) if (c.condition === 'required_list') parts.push(e(t('html.gate.listAge', { list: c.list, days: String(c.max_age_days) })));
  return parts.length ? parts.join('; ') : e(t('html.none'));
}

/** The preset whose legal references apply: the policy's own `preset` when the report has one, else its name. */
function presetOf(r: Report): string | undefined {
  const preset = extras(r).policy.preset;
  if (typeof preset === 'string') return preset;
  return preset === undefined ? r.policy.name : undefined;
}

/**
 * The legal reference of a code: as report.json records it for the policy, else the one in
 * src/law/references.ts for the preset.
 */
function lawOf(r: Report, code: string, preset: string | undefined): string | undefined {
  const references = extras(r).policy.references;
  if (references && code in references) return references[code] ?? undefined;
  return isPresetName(preset ?? '') && code in LAW ? lawText(code as ReasonCode, preset as PresetName) : undefined;
}

function lawSection(r: Report): string {
  const entries = reasonEntries(r);
  if (entries.length === 0) return '';
  const preset = presetOf(r);
  const body = entries.map(([code, count]) => {
    const info = reasonInfo(code, r);
    const law = lawOf(r, code, preset);
    return `    <tr><td><span class="title">${e(info?.title ?? code)}</span><code class="code">${e(code)}</code></td><td class="n">${e(num(count))}</td><td>${law === undefined ? `<span class="muted">${e(t('html.noLaw'))}</span>` : e(law)}</td><td>${e(info?.remedy ?? '')}</td></tr>`;
  });
  return `<section id="law" class="card" aria-labelledby="law-h">
  <h2 id="law-h">${e(t('html.lawTitle'))}</h2>
  <table class="law">
    <colgroup><col class="c-reason"><col class="c-n"><col class="c-law"><col></colgroup>
    <thead><tr><th>${e(t('html.col.reason'))}</th><th class="n">${e(t('html.col.rows'))}</th><th>${e(t('html.col.law'))}${preset === undefined ? '' : ` (${e(preset)})`}</th><th>${e(t('html.col.whatToDo'))}</th></tr></thead>
    <tbody>
${body.join('\n')}
    </tbody>
  </table>
</section>`;
}

function fileCell(path: string): string {
  const base = baseName(path);
  const dir = path.slice(0, path.length - base.length);
  // Long folders wrap after a slash rather than inside a name.
  return `<span class="file">${e(base)}</span>${dir ? `<span class="dir">${e(dir).replace(/[\\/]/g, '$&<wbr>')}</span>` : ''}`;
}

const hashCell = (sha: string | undefined) => (sha ? `<code class="hash">${e(sha)}</code>` : `<span class="muted">${e(t('html.na'))}</span>`);

function inputsSection(r: Report, mask: boolean): string {
  const i = r.inputs;
  const c = i.contacts;
  const rows: string[] = [];
  // One row group per file, so that a file and its invalid records print on one page.
  const row = (role: string, path: string, format: string, counts: string, sha: string | undefined, extra = '') =>
    `    <tbody class="group"><tr><th scope="row">${role}</th><td>${fileCell(path)}</td><td>${format}</td><td>${counts}</td><td>${hashCell(sha)}</td></tr>${extra}</tbody>`;
  rows.push(row(e(t('sheet.file.contacts')), c.path, fmt(['csv', c.encoding, delim(c.delimiter)]),
    `${e(t('html.contactsCounts', { rows: num(c.rows), blank: num(c.blank_lines), bytes: bytes(c.bytes) }))}<br>${emailColumnHtml(c) ?? `${e(t('html.phoneColumns', { count: c.phone_columns.length }))} ${c.phone_columns.map((m) => `<q>${e(m)}</q>`).join(', ')}`}${numbersLine(r)}`,
    c.sha256));
  for (const f of i.consent) {
    rows.push(row(e(t('html.label.consent')), f.path, fmt([f.format, f.encoding, f.delimiter === undefined ? undefined : delim(f.delimiter)]),
      `${e(t('html.recordsValid', { records: num(f.records), valid: num(f.valid) }))}, ${invalidCount(f.invalid_count)}`, f.sha256,
      invalidRows(f.invalid.map((x) => ({ line: x.line, text: withField('field' in x ? x.field : undefined, x.problem) })), mask, f.invalid_count)));
  }
  const policyFile = extras(r).policy.file;
  if (policyFile) rows.push(row(e(t('html.label.policy')), policyFile.path, 'json', '', policyFile.sha256));
  rows.push(i.notice
    ? row(e(t('sheet.notice')), i.notice.path, 'json', '', i.notice.sha256)
    : `    <tbody class="group"><tr><th scope="row">${e(t('sheet.notice'))}</th><td colspan="4" class="muted">${e(t('html.noNotice'))}</td></tr></tbody>`);
  extras(r).inputs.suppress.forEach((x, n) => {
    const s = i.suppress[n]!;
    const date = x.date ? `<br>${e(t('html.listOf', { date: humanInstant(x.date) }))}${x.date_source ? ` <span class="muted">(${e(x.date_source === 'file-mtime' || x.date_source === 'list-date' ? t(`html.dateSource.${x.date_source}`) : x.date_source.replace(/-/g, ' '))})</span>` : ''}` : '';
    rows.push(row(`${e(t('html.label.suppression'))}${x.name ? `<span class="dir">${e(x.name)}${x.kind ? ` (${e(x.kind)})` : ''}</span>` : ''}`, s.path, fmt([s.format, s.encoding, x.delimiter === undefined ? undefined : delim(x.delimiter)]),
      `${e(listEntriesText(s))}, ${invalidCount(s.invalid_count)}${date}`, s.sha256,
      invalidRows(s.invalid.map((v) => ({ line: v.line, text: `${v.value}: ${v.problem}` })), mask, s.invalid_count)));
  });
  rows.push(...proofInputRows(r, mask, row, invalidRows, fmt));
  return `<section id="inputs" class="card" aria-labelledby="inputs-h">
  <h2 id="inputs-h">${e(t('html.inputs'))}</h2>
  <table class="files">
    <colgroup><col class="c-role"><col class="c-path"><col class="c-fmt"><col class="c-counts"><col class="c-hash"></colgroup>
    <thead><tr><th>${e(t('html.col.role'))}</th><th>${e(t('sheet.col.file'))}</th><th>${e(t('html.col.format'))}</th><th>${e(t('html.col.contents'))}</th><th>SHA-256</th></tr></thead>
${rows.join('\n')}
  </table>
</section>`;
}

/** The problem, led by its field unless the problem already names it. */
function withField(field: string | undefined, problem: string): string {
  return field && !problem.startsWith(field) ? `${field}: ${problem}` : problem;
}

const invalidCount = (n: number) => (n === 0 ? e(t('html.invalid', { n: '0' })) : `<strong class="warn">${e(t('html.invalid', { n: num(n) }))}</strong>`);

/** How many invalid records are listed per file; report.json has the first 100, and counts them all. */
const INVALID_SHOWN = 20;

function invalidRows(list: { line: number; text: string }[], mask: boolean, total: number): string {
  if (list.length === 0) return '';
  const shown = list.slice(0, INVALID_SHOWN).map((x) =>
    `<li><span class="line">${e(t('html.line', { line: String(x.line) }))}</span> ${e(mask ? maskPhones(x.text) : x.text)}</li>`);
  const rest = total - Math.min(list.length, INVALID_SHOWN);
  const more = rest > 0 ? `<li class="muted">${e(t('html.moreInReport', { n: num(rest), listed: num(list.length) }))}</li>` : '';
  return `\n    <tr class="invalid"><td></td><td colspan="4"><p>${e(t('html.notUsed'))}</p><ul>${shown.join('')}${more}</ul></td></tr>`;
}

function outputsSection(r: Report): string {
  const rows = Object.entries(r.outputs as Record<string, { path: string; sha256?: string; rows?: number }>).map(([name, o]) =>
    `    <tr><th scope="row">${e(name)}</th><td>${fileCell(o.path)}</td><td>${o.rows === undefined ? '' : e(t('html.rowsPlain', { n: num(o.rows) }))}</td><td>${o.sha256 ? hashCell(o.sha256) : `<span class="muted">${e(t('html.thisReport'))}</span>`}</td></tr>`);
  return `<section id="outputs" class="card" aria-labelledby="outputs-h">
  <h2 id="outputs-h">${e(t('html.outputs'))}</h2>
  <table class="files">
    <colgroup><col class="c-role"><col class="c-path"><col class="c-out"><col class="c-hash"></colgroup>
    <thead><tr><th>${e(t('html.col.output'))}</th><th>${e(t('sheet.col.file'))}</th><th>${e(t('html.col.contents'))}</th><th>SHA-256</th></tr></thead>
    <tbody>
${rows.join('\n')}
    </tbody>
  </table>
</section>`;
}

function fmt(parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => p !== undefined).map(e).join(' · ');
}

function delim(d: string): string {
  return d === 'tab' ? t('html.tab') : t('html.delimiter', { d });
}

function bytes(n: number): string {
  const exact = t('html.bytes', { n: num(n) });
  if (n < 1_000_000) return exact;
  return t('html.mb', { mb: lang() === 'ru' ? (n / 1_000_000).toFixed(1).replace('.', ',') : (n / 1_000_000).toFixed(1), exact });
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** `2026-11-01T00:00:00.000Z` -> `2026-11-01 00:00 UTC`; seconds shown when not zero, fractions never. */
function humanInstant(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(?:\.\d+)?)?Z$/.exec(iso);
  if (!m) return iso;
  return `${fmtDate(m[1]!)} ${m[2]}${m[3] && m[3] !== '00' ? `:${m[3]}` : ''} UTC`;
}

// ---- masking ----------------------------------------------------------------------------------

/** Masking is shared with the spot-audit sheets and explain: see mask.ts. */
export { maskPhone as maskPhones } from './mask.js';


/** Issue #11: each number of a row with several has its own verdict; the counts, and why numbers were taken out. */
function numbersLine(report: Report): string {
  const n = report.numbers;
  if (!n.rows) return '';
  const why = Object.entries(n.removed_reasons).map(([code, k]) => `${e(code)} ${e(num(k))}`).join(', ');
  return `<br><span id="numbers">${t('html.numbersLine', { rows: e(num(n.rows)), audited: e(num(n.audited)), passed: e(num(n.passed)), removed: e(num(n.removed)), why: why ? ` (${why})` : '' })}</span>`;
}
