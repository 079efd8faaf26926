/**
 * The scrub certificate (issue #14): one A4 page that says what was audited (every input with its
 * SHA-256), under which policy and lists (with their dates), by whom (the signing key's
 * fingerprint, when the report says it was made), the counts, and how to check all of it (the
 * exact commands). Made from report.json alone, and from its bytes' SHA-256, which it names: so
 * `leadaudit verify` can make it again and compare, and a report can't hold the hash of the page
 * that holds the report's own hash, so report.json never lists it. Self-contained like report.html.
 */
import { reasonFor, type ReasonCode } from '../reasons.js';
import { formatRate } from '../core/gate.js';
import type { Report } from './report-json.js';
import { escapeHtml as e } from './html.js';
import { certEmailWhat, listEntriesText } from './html-email.js';
import { humanInstant } from './sheet.js';
import { conditionText, gateState } from './gate-text.js';
import { CERTIFICATE_STYLE } from './certificate-style.js';
import { PUBLIC_KEY_FILE, SIGNATURE_FILE } from './signature.js';
import { fmtNumber, lang, t } from '../i18n/index.js';
import { legalBasisIn } from '../i18n/law.js';

export const CERTIFICATE_FILE = 'certificate.html';

/** The most files of one role, and reasons, the page lists; the rest are counted (one page, always). */
const MAX_FILES = 3;
const MAX_REASONS = 8;
const MAX_CONDITIONS = 3;
const DENSE_ABOVE = 10;

const num = (n: number) => (lang() === 'ru' ? fmtNumber(n) : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ','));
const base = (path: string) => path.split(/[\\/]/).pop() || path;
const folder = (path: string) => path.slice(0, path.length - base(path).length);
const when = (iso: string | null | undefined) => (iso ? humanInstant(iso) : t('sheet.notice.notRecorded'));
/**
 * Texts from users' files and policies are cut to a length the page has room for, so that no name
 * can push it onto a second page; report.json has them whole.
 */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

interface FileRow { role: string; path: string; what: string; sha256: string | undefined }

/** Parts of report.json that an older report may lack: read defensively. */
type Loose = Report & { created_at?: string; signature?: Report['signature'] | undefined };

/** The parts every certificate shows: a report.json without them was not written by leadaudit audit. */
export function isAuditReport(r: Record<string, any>): boolean {
  return r.tool?.name === 'leadaudit' && typeof r.as_of === 'string' && typeof r.totals?.rows === 'number'
    && typeof r.inputs?.contacts?.sha256 === 'string' && Array.isArray(r.inputs?.consent) && Array.isArray(r.inputs?.suppress)
    && typeof r.outputs?.report?.path === 'string' && typeof r.gate?.reject_rate === 'number' && typeof r.campaign === 'object'
    && typeof r.policy?.name === 'string' && typeof r.reasons === 'object';
}

export function renderCertificate(report: Report, reportSha256: string): string {
  const r = report as Loose;
  const contacts = r.inputs.contacts;
  const listName = contacts.path === '-' ? t('summary.stdin') : clip(base(contacts.path), 60);
  const outDir = folder(r.outputs.report.path).replace(/[\\/]$/, '') || '.';
  const dense = weight(r) > DENSE_ABOVE;
  return `<!DOCTYPE html>
<html lang="${lang()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${e(r.tool.name)} ${e(r.tool.version)}">
<meta name="leadaudit-report-sha256" content="${e(reportSha256)}">
<title>${e(t('cert.title', { list: listName }))}</title>
<style>${CERTIFICATE_STYLE}</style>
</head>
<body>
<main class="sheet${dense ? ' dense' : ''}">
<header class="head">
  <div>
    <p class="eyebrow">${e(r.tool.name)} · ${e(t('cert.eyebrow'))}</p>
    <h1>${e(t('cert.h1', { list: listName }))}</h1>
    <p class="lead">${t('cert.lead', { asOf: `<time datetime="${e(r.as_of)}">${e(when(r.as_of))}</time>`, policy: `<strong>${e(clip(r.policy.name, 50))}</strong>`, made: e(when(r.created_at)) })} · ${e(r.tool.name)} ${e(r.tool.version)}</p>
  </div>
  <p class="number">${e(t('cert.number'))}<code id="certificate-number">${e(reportSha256.slice(0, 16))}</code>${e(t('cert.numberNote'))}</p>
</header>
${resultSection(r)}
${auditedSection(r)}
<div class="two">
${policySection(r)}
${reasonsSection(r)}
</div>
${outputsSection(r, reportSha256)}
${signatureSection(r)}
${verifySection(r, outDir, reportSha256)}
</main>
</body>
</html>
`;
}

/**
 * How full the page will be, in table rows and lines that wrap: past DENSE_ABOVE the page is set a
 * size smaller, so that a run with many files, conditions and laws still prints on one page
 * (test/browser/certificate.test.ts prints the fullest page the caps allow).
 */
function weight(r: Loose): number {
  const i = r.inputs;
  const files = 1 + Math.min(i.consent.length, MAX_FILES) + (i.notice ? 1 : 0) + (r.policy.file ? 1 : 0)
    + Math.min(i.suppress.length + proofRows(r).length, MAX_FILES) + 3 + (r.outputs.trail ? 1 : 0);
  const conditions = Math.min((r.gate.conditions ?? []).length, MAX_CONDITIONS);
  const long = (text: string, chars: number) => (text.length > chars ? 1 : 0);
  return files + conditions + long(r.policy.legal_basis.join('; '), 90) + long(base(i.contacts.path), 40) + long(r.policy.name, 30);
}

function resultSection(r: Loose): string {
  const totals = r.totals;
  const state = gateState(r.gate);
  const ctx = { policy: r.policy.name, asOf: r.as_of };
  // Failed conditions first: they are what a reader must see; past MAX_CONDITIONS, a count.
  const all = [...(r.gate.conditions ?? [])].sort((a, b) => Number(a.passed) - Number(b.passed));
  const shown = all.length > MAX_CONDITIONS ? all.slice(0, MAX_CONDITIONS - 1) : all;
  const conditions = shown.map((c) => `<li>${e(clip(conditionText(c, ctx), 120))}</li>`).join('')
    + (shown.length < all.length ? `<li class="muted">${e(t('cert.moreConditions', { n: String(all.length - shown.length) }))}</li>` : '');
  const verdict = e(t(`html.gate.${state}`));
  return `<section id="result" class="result" aria-label="${e(t('cert.result'))}">
  <div><span class="label">${e(t('sheet.rowsAudited'))}</span><span class="value" data-total="rows">${e(num(totals.rows))}</span></div>
  <div class="clean"><span class="label">${e(t('html.clean'))}</span><span class="value" data-total="clean">${e(num(totals.clean))}</span></div>
  <div class="rejected"><span class="label">${e(t('html.rejectedLabel'))} · ${e(formatRate(r.gate.reject_rate))}</span><span class="value" data-total="rejected">${e(num(totals.rejected))}</span></div>
  <div id="gate" class="gate gate-${state}" data-state="${state}"><span class="label">${e(t('html.importGate'))}</span><span class="value">${verdict}</span></div>
  ${conditions ? `<ul class="conditions">${conditions}</ul>` : ''}
</section>`;
}

/**
 * One row a file: its role, its name with what it holds under it, and its SHA-256 (two lines).
 * Folders are left to report.json (and the name's tooltip): a long one would cost a line a file.
 */
function fileTable(rows: FileRow[], head: [string, string, string]): string {
  const body = rows.map((f) => {
    const name = f.path === '-' ? t('summary.stdin') : clip(base(f.path), 48);
    const hash = f.sha256 ? `<code class="hash" data-sha256="${e(f.sha256)}">${e(f.sha256)}</code>` : '<span class="muted">—</span>';
    return `    <tr><th scope="row">${f.role}</th><td><span class="file" title="${e(f.path)}">${e(name)}</span><span class="what">${f.what}</span></td><td>${hash}</td></tr>`;
  });
  return `<table>
    <colgroup><col class="c-role"><col class="c-file"><col class="c-hash"></colgroup>
    <thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead>
    <tbody>
${body.join('\n')}
    </tbody>
  </table>`;
}

/** At most MAX_FILES rows of one role; a last row counts the rest. */
function capped(rows: FileRow[], role: string): FileRow[] {
  if (rows.length <= MAX_FILES) return rows;
  const rest = rows.length - (MAX_FILES - 1);
  return [...rows.slice(0, MAX_FILES - 1), { role, path: t('cert.moreFiles', { n: String(rest), role: role.toLowerCase() }), what: e(t('cert.inReport')), sha256: undefined }];
}

function auditedSection(r: Loose): string {
  const i = r.inputs;
  const rows: FileRow[] = [{
    role: e(t('sheet.file.contacts')), path: i.contacts.path, sha256: i.contacts.sha256,
    // An email run's key is its email column; its phones were not audited (issue #15).
    what: certEmailWhat(i.contacts.rows, i.contacts, clip) ?? `${e(t('cert.rowsPhone', { rows: num(i.contacts.rows) }))} <q>${e(clip(i.contacts.phone_column, 40))}</q>`,
  }];
  rows.push(...capped(i.consent.map((c) => ({ role: e(t('html.label.consent')), path: c.path, sha256: c.sha256, what: e(t('cert.recordsUsed', { records: num(c.records), valid: num(c.valid) })) })), e(t('html.label.consent'))));
  if (i.notice) rows.push({ role: e(t('sheet.notice')), path: i.notice.path, sha256: i.notice.sha256, what: e(t('cert.noticeManifest')) });
  if (r.policy.file) rows.push({ role: e(t('html.label.policy')), path: r.policy.file.path, sha256: r.policy.file.sha256, what: e(t('cert.policyFile')) });
  // The lists a run checks numbers against (suppression, reassigned numbers, line types) and the
  // evidence folder share one cap: the page stays one page whatever the run was given (issue #14).
  rows.push(...capped([...i.suppress.map((s) => ({
    role: e(t('html.label.suppression')), path: s.path, sha256: s.sha256,
    what: listWhat(s),
  })), ...proofRows(r)], e(t('cert.role.list'))));
  return `<section id="audited" aria-labelledby="audited-h">
  <h2 id="audited-h">${e(t('cert.audited'))}</h2>
  ${fileTable(rows, [e(t('cert.input')), e(t('sheet.col.file')), 'SHA-256'])}
</section>`;
}

/** A suppression list: its date, and its numbers, or on an email run its addresses and domains (issue #15). */
function listWhat(s: Loose['inputs']['suppress'][number]): string {
  const head = { name: `<strong>${e(clip(s.name, 30))}</strong>`, date: e(when(s.date)), mtime: s.date_source === 'file-mtime' ? e(t('cert.fileTime')) : '' };
  return s.key === 'email' ? t('cert.list.email', { ...head, entries: e(listEntriesText(s)) }) : t('cert.list', { ...head, n: e(num(s.numbers)) });
}

/** Issue #14's inputs (an older report has none): the reassigned-numbers list, the line types, the evidence folder. */
function proofRows(r: Loose): FileRow[] {
  const i = r.inputs as Partial<Report['inputs']>;
  const rows: FileRow[] = [];
  if (i.reassigned) {
    rows.push({ role: e(t('cert.role.reassigned')), path: i.reassigned.path, sha256: i.reassigned.sha256,
      what: e(t('cert.reassigned', { date: when(i.reassigned.date), mtime: i.reassigned.date_source === 'file-mtime' ? t('cert.fileTime') : '', n: num(i.reassigned.numbers) })) });
  }
  if (i.line_types) rows.push({ role: e(t('cert.role.lineTypes')), path: i.line_types.path, sha256: i.line_types.sha256, what: e(t('cert.lineTypes', { n: num(i.line_types.numbers) })) });
  if (i.evidence) {
    const f = i.evidence.files;
    rows.push({ role: e(t('cert.role.evidence')), path: i.evidence.dir, sha256: undefined,
      what: e(t('cert.evidence', { found: num(f.found), missing: num(f.missing), mismatched: num(f.mismatched), outside: num(f.outside) })) });
  }
  return rows;
}

function policySection(r: Loose): string {
  const c = r.campaign;
  const p = r.policy;
  const origin = p.file ? e(t('html.policyFile', { file: clip(base(p.file.path), 40), extends: p.preset ? t('html.policyExtends', { preset: p.preset }) : '' })) : p.preset ? e(t('html.builtIn')) : '';
  const lists = (r.gate.conditions ?? []).filter((x) => x.condition === 'required_list');
  const pairs: [string, string][] = [
    [e(t('html.label.policy')), `${e(clip(p.name, 50))}${origin ? ` <span class="muted">(${origin})</span>` : ''}`],
    [e(t('html.label.legalBasis')), p.legal_basis.length ? e(clip(legalBasisIn(p.legal_basis, p.preset).join('; '), 150)) : e(t('cert.noneStated'))],
    [e(t('sheet.campaign')), e(t('cert.campaign', { channel: c.channel, purpose: c.purpose, region: c.region === null ? t('html.none') : c.region }))],
    [e(t('cert.consentProof')), e(c.proof_required ? t('cert.required') : t('html.notRequired'))],
    [e(t('cert.requiredLists')), lists.length === 0 ? e(t('html.none'))
      : lists.slice(0, MAX_FILES).map((l) => `${e(clip(l.list, 30))} <span class="muted">(${e(t('html.days', { count: l.max_age_days }))})</span>: ${l.state === 'fresh' ? e(t('cert.state.fresh')) : `<strong>${e(t(`cert.state.${l.state}`))}</strong>`}`).join(', ')
        + (lists.length > MAX_FILES ? e(t('cert.andMore', { n: String(lists.length - MAX_FILES) })) : '')],
  ];
  return `<section id="policy" aria-labelledby="policy-h">
  <h2 id="policy-h">${e(t('cert.underPolicy'))}</h2>
  <dl class="pairs">
${pairs.map(([k, v]) => `    <div><dt>${k}</dt><dd>${v}</dd></div>`).join('\n')}
  </dl>
</section>`;
}

function reasonsSection(r: Loose): string {
  const entries = (Object.entries(r.reasons) as [ReasonCode, number][]).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  const shown = entries.length > MAX_REASONS ? entries.slice(0, MAX_REASONS - 1) : entries;
  const items = shown.map(([code, n]) => `<li data-code="${e(code)}" data-count="${n}"><code title="${e(reasonFor(code, r.campaign?.channel)?.title ?? code)}">${e(code)}</code><span class="n">${e(num(n))}</span></li>`);
  if (shown.length < entries.length) items.push(`<li class="more"><span class="muted">${e(t('cert.moreCodes', { n: String(entries.length - shown.length) }))}</span></li>`);
  return `<section id="reasons" aria-labelledby="reasons-h">
  <h2 id="reasons-h">${e(t('html.whyRejected'))}</h2>
  ${items.length ? `<ul class="reasons">${items.join('')}</ul>` : `<p>${e(t('html.noRejected'))}</p>`}
  <p class="muted small">${e(t('cert.perCode'))}</p>
</section>`;
}

function outputsSection(r: Loose, reportSha256: string): string {
  const o = r.outputs;
  const rows: FileRow[] = [
    { role: e(t('cert.cleanList')), path: o.clean.path, sha256: o.clean.sha256, what: e(t('cert.readyToLoad', { n: num(o.clean.rows) })) },
    { role: e(t('cert.rejects')), path: o.rejects.path, sha256: o.rejects.sha256, what: e(t('cert.withReasons', { n: num(o.rejects.rows) })) },
  ];
  if (o.trail) rows.push({ role: e(t('cert.trail')), path: o.trail.path, sha256: o.trail.sha256, what: e(t('cert.trailWhat')) });
  rows.push({ role: e(t('cert.report')), path: o.report.path, sha256: reportSha256, what: e(t('cert.reportWhat')) });
  return `<section id="outputs" aria-labelledby="outputs-h">
  <h2 id="outputs-h">${e(t('cert.produced'))}</h2>
  ${fileTable(rows, [e(t('html.col.output')), e(t('sheet.col.file')), 'SHA-256'])}
</section>`;
}

function signatureSection(r: Loose): string {
  const s = r.signature;
  if (!s) {
    return `<section id="signature" class="unsigned" data-signed="false" aria-labelledby="signature-h">
  <h2 id="signature-h">${e(t('cert.byWhom'))}</h2>
  <p><strong>${e(t('cert.notSigned'))}</strong> ${t('cert.notSignedText', { code: '<code>leadaudit audit ... --sign leadaudit-key.pem</code>' })}</p>
</section>`;
  }
  return `<section id="signature" class="signed" data-signed="true" aria-labelledby="signature-h">
  <h2 id="signature-h">${e(t('cert.byWhom'))}</h2>
  <p>${e(t('cert.signedBy', { algorithm: s.algorithm, file: s.file }))} <span class="fp" id="fingerprint">${e(s.key_fingerprint)}</span>
  <span class="muted">${e(t('cert.signedNote', { made: when(r.created_at) }))}</span></p>
</section>`;
}

function verifySection(r: Loose, outDir: string, reportSha256: string): string {
  // Single quotes keep any folder name one word for the shell.
  const quoted = `'${outDir.replace(/'/g, `'\\''`)}'`;
  const signed = Boolean(r.signature);
  const fromStdin = r.inputs.contacts.path === '-';
  const key = PUBLIC_KEY_FILE;
  const lines = [
    `A=${quoted}`,
    `leadaudit verify "$A"${signed ? ` --key ${key}` : ''}${fromStdin ? ' --input contacts=COPY-OF-THE-LIST.csv' : ''}`,
    'sha256sum "$A/report.json"',
    ...(signed ? [
      `openssl pkeyutl -verify -pubin -inkey ${key} -rawin -in "$A/report.json" -sigfile "$A/${SIGNATURE_FILE}"`,
      `openssl pkey -pubin -in ${key} -outform DER | sha256sum`,
    ] : []),
  ];
  const notes = [
    t('cert.note.verify', { verify: '<code>leadaudit verify</code>', signature: signed ? e(t('cert.note.andSignature')) : '', input: '<code>--input NAME=PATH</code>', stdin: fromStdin ? e(t('cert.note.stdin')) : '' }),
    t('cert.note.sha', { sha: '<code>sha256sum</code>', hash: `<code class="hash">${e(reportSha256)}</code>` }),
    ...(signed ? [t('cert.note.openssl', { openssl: '<code>openssl</code>', key: e(key) })] : []),
    t('cert.note.restates', { verify: '<code>leadaudit verify</code>' }),
  ];
  return `<section id="verify" class="verify" aria-labelledby="verify-h">
  <h2 id="verify-h">${e(t('cert.howToCheck'))}</h2>
<pre>${lines.map(e).join('\n')}</pre>
  <ul>${notes.map((n) => `<li>${n}</li>`).join('')}</ul>
</section>`;
}
