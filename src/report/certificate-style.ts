/**
 * The certificate's style sheet: one A4 page, system fonts only (nothing to fetch). On screen it
 * shows as the sheet it prints as; printed, the sheet is the page.
 */
export const CERTIFICATE_STYLE = `
:root { color-scheme: light; --ink: #1b2430; --muted: #5a6675; --line: #d7dde4; --soft: #f3f5f7; --ok: #1b7a4a;
  --bad: #b42318; --warn: #8a4b00; --accent: #22405f;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; }
* { box-sizing: border-box; }
html { background: #e6e9ed; }
body { margin: 0; padding: 24px 0; font: 11px/1.36 var(--sans); color: var(--ink);
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sheet { width: 210mm; min-height: 297mm; margin: 0 auto; padding: 13mm 14mm 11mm; background: #fff;
  box-shadow: 0 2px 14px rgba(20, 30, 45, .18); display: flex; flex-direction: column; gap: 9px; }
h1 { font-size: 19px; margin: 2px 0 0; font-weight: 680; overflow-wrap: anywhere; }
h2 { font-size: 10.5px; margin: 0 0 4px; text-transform: uppercase; letter-spacing: .08em; color: var(--accent); font-weight: 700; }
p { margin: 0; }
code, .hash, pre { font-family: var(--mono); }
.muted { color: var(--muted); }
.head { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 16px; align-items: end;
  border-bottom: 2.5px solid var(--accent); padding-bottom: 8px; }
.eyebrow { text-transform: uppercase; letter-spacing: .12em; font-size: 10px; font-weight: 700; color: var(--accent); }
.lead { color: var(--muted); margin-top: 3px; }
.number { text-align: right; font-size: 10px; color: var(--muted); }
.number code { display: block; font-size: 12.5px; color: var(--ink); font-weight: 600; letter-spacing: .04em; }
.result { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)) minmax(0, 1.4fr); border: 1px solid var(--line); border-radius: 6px; }
.result > div { padding: 6px 11px; border-left: 1px solid var(--line); min-width: 0; }
.result > div:first-child { border-left: 0; }
.conditions { grid-column: 1 / -1; margin: 0; padding: 4px 11px 5px 24px; border-top: 1px solid var(--line); font-size: 10px; overflow-wrap: anywhere; }
.label { display: block; font-size: 9.5px; text-transform: uppercase; letter-spacing: .07em; color: var(--muted); font-weight: 650; }
.value { display: block; font-size: 22px; font-weight: 680; line-height: 1.2; font-variant-numeric: tabular-nums; }
.clean .value { color: var(--ok); } .rejected .value { color: var(--bad); }
.gate .value { font-size: 15px; }
.gate-failed .value { color: var(--bad); } .gate-passed .value { color: var(--ok); } .gate-none .value { color: var(--muted); }
table { width: 100%; border-collapse: collapse; table-layout: fixed; line-height: 1.25; }
th, td { text-align: left; vertical-align: top; padding: 2px 8px 2px 0; border-top: 1px solid var(--line); overflow-wrap: anywhere; }
thead th { border-top: 0; font-size: 9.5px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); font-weight: 650; }
tbody th { font-weight: 600; }
.hash { font-size: 9.5px; word-break: break-all; color: #2e3b4a; }
.file { font-weight: 600; }
.dir { display: block; font-size: 9px; color: var(--muted); }
col.c-role { width: 13%; } col.c-file { width: 47%; } col.c-hash { width: 40%; }
/* Russian roles (Уведомление, Отклонённые) are longer words: a wider column, so that none is broken. */
html[lang="ru"] col.c-role { width: 16%; } html[lang="ru"] col.c-file { width: 44%; }
.what { display: block; font-size: 9.5px; color: var(--muted); }
.two { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 14px; }
.pairs { margin: 0; }
.pairs > div { display: grid; grid-template-columns: 8.5em minmax(0, 1fr); gap: 6px; padding: 2px 0; border-top: 1px solid var(--line); }
.pairs > div:first-child { border-top: 0; }
.pairs dt { color: var(--muted); } .pairs dd { margin: 0; overflow-wrap: anywhere; }
.reasons { margin: 0; padding: 0; list-style: none; }
.reasons li { display: flex; gap: 6px; justify-content: space-between; border-top: 1px solid var(--line); padding: 1.5px 0; }
.reasons li:first-child { border-top: 0; }
.reasons code { font-size: 10px; overflow-wrap: anywhere; min-width: 0; }
.reasons .n { font-weight: 650; font-variant-numeric: tabular-nums; }
.small { font-size: 9.5px; margin-top: 2px; }
.signed { border: 1.5px solid var(--ok); border-radius: 6px; padding: 7px 11px; background: #f1f8f4; }
.unsigned { border: 1.5px solid var(--warn); border-radius: 6px; padding: 7px 11px; background: #fff7ea; }
.signed .fp { font-family: var(--mono); font-size: 10.5px; font-weight: 650; word-break: break-all; }
.signed, .unsigned { padding: 6px 11px; }
.verify ul { margin: 3px 0 0; padding-left: 14px; font-size: 9.5px; color: var(--muted); }
.verify .hash { color: var(--ink); }
pre { margin: 2px 0 0; padding: 4px 7px; background: var(--soft); border: 1px solid var(--line); border-radius: 4px;
  font-size: 9.5px; white-space: pre-wrap; word-break: break-all; }
/* A page with many files, conditions or long names is set a size smaller (see weight()). */
.dense { font-size: 10px; }
.dense h1 { font-size: 16px; } .dense .value { font-size: 17px; }
.dense table { line-height: 1.18; } .dense th, .dense td { padding: 1.5px 6px 1.5px 0; }
.dense .hash, .dense .what, .dense pre, .dense .dir { font-size: 8.5px; }
.dense .conditions, .dense .verify ul, .dense .small, .dense .reasons code { font-size: 9px; }
@page { size: A4; margin: 0; }
@media print {
  html, body { background: #fff; }
  body { padding: 0; }
  /* The sheet is the page, its padding the margins. Nothing is clipped: whatever did not fit would
     go onto a second page, and the browser test fails on that. */
  .sheet { box-shadow: none; margin: 0; width: auto; min-height: 0; height: 296mm; gap: 6px; padding: 10mm 12mm 8mm; }
  body { font-size: 10px; }
  h1 { font-size: 17px; }
  .value { font-size: 19px; }
  .dense { font-size: 9.2px; gap: 5px; }
  .dense h1 { font-size: 15px; } .dense .value { font-size: 16px; }
}
`;
