/** The spot-audit sheet's style sheet: self-contained, one sampled row a page when printed on A4. */
export const SHEET_STYLE = `
:root { --ink: #1d2733; --muted: #5f6b7a; --line: #d5dbe1; --ok: #1b7a4a; --bad: #b42318;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
  --mono: ui-monospace, Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 960px; padding: 20px 24px; font: 13.5px/1.45 var(--sans); color: var(--ink); }
h1 { font-size: 21px; margin: 0 0 12px; }
h2 { font-size: 16px; margin: 0 0 8px; }
h3 { font-size: 13px; margin: 12px 0 4px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.eyebrow { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: 11px; color: var(--muted); font-weight: 600; }
.card, .row { border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; margin-bottom: 14px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 3px 8px 3px 0; border-top: 1px solid var(--line); overflow-wrap: break-word; }
thead th { border-top: 0; font-size: 12px; color: var(--muted); }
.kv th, .notice tbody th { width: 12.5em; font-weight: 500; color: var(--muted); }
.files, .records, .notice { table-layout: fixed; margin-top: 8px; }
.records col.c-id { width: 18%; } .records col.c-dates { width: 19%; } .records col.c-scope { width: 19%; }
.records col.c-ev { width: 16%; } .notice col.c-from { width: 24%; }
.nowrap { white-space: nowrap; }
.files th { width: 10em; font-weight: 500; }
.path, .hash, code { font-family: var(--mono); font-size: 11.5px; }
.path, .hash { word-break: break-all; }
.note { color: var(--muted); font-size: 12px; margin: 0 0 4px; }
.badge { font-size: 13px; padding: 1px 8px; border-radius: 4px; color: #fff; margin-left: 6px; vertical-align: 2px; }
.clean .badge { background: var(--ok); }
.rejected .badge { background: var(--bad); }
.row.clean { border-left: 5px solid var(--ok); }
.row.rejected { border-left: 5px solid var(--bad); }
.count { font-weight: 400; color: var(--muted); margin-right: 8px; font-size: 13px; }
.reasons { margin: 0; padding-left: 18px; }
.covering td { background: #eef7f1; }
.missing td { color: var(--bad); }
.missing td:nth-child(2) { font-weight: 650; }
.review, .boxes { display: grid; grid-template-columns: 2fr 1fr; gap: 0; margin-top: 14px; border: 1.5px solid var(--ink); }
.review > div, .boxes > div { min-height: 34px; padding: 3px 6px; font-size: 11.5px; color: var(--muted); border: .5px solid var(--ink); }
.review .finding, .review .notes { grid-column: 1 / -1; }
.review .notes { min-height: 64px; }
.tick { font-size: 15px; color: var(--ink); margin-left: 10px; }
.boxes { grid-template-columns: 2fr 1fr 2fr; }
footer { color: var(--muted); font-size: 11.5px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  /* One row to a page, so each can be checked, signed and filed on its own. */
  body { max-width: none; padding: 0; font-size: 10px; line-height: 1.35; }
  h3 { margin: 7px 0 2px; font-size: 10px; }
  th, td { padding: 1.5px 6px 1.5px 0; }
  .path, .hash, code, .note, thead th { font-size: 9.5px; }
  .card, .row { padding: 8px 12px; }
  .review > div, .boxes > div { min-height: 26px; font-size: 9.5px; }
  .review .notes { min-height: 44px; }
  .review { margin-top: 10px; }
  h3, thead { break-after: avoid; }
  .row { break-before: page; border-radius: 0; }
  .review, .signoff, tr { break-inside: avoid; }
  .badge, .covering td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
