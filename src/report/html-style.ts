/** report.html's style sheet: system fonts only (nothing to fetch); red and green only for verdicts; A4 when printed. */
export const HTML_STYLE = `
:root { color-scheme: light; --ink: #1d2733; --muted: #5f6b7a; --line: #dde2e8; --page: #f4f6f8; --card: #fff;
  --bar: #4a6583; --ok: #1b7a4a; --ok-bg: #e8f5ee; --bad: #b42318; --bad-bg: #fdeceb; --neutral-bg: #eef1f4;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; }
* { box-sizing: border-box; }
html { background: var(--page); }
body { margin: 0 auto; max-width: 1320px; padding: 20px 24px 28px; font: 14px/1.45 var(--sans); color: var(--ink);
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 22px; margin: 0; font-weight: 650; overflow-wrap: anywhere; }
h2 { font-size: 15px; margin: 0 0 4px; font-weight: 650; }
p { margin: 0; }
code, .hash { font-family: var(--mono); font-size: 12px; }
.muted, .note, .dir { color: var(--muted); }
.note { font-size: 12.5px; margin-bottom: 10px; }
.top { display: flex; justify-content: space-between; align-items: flex-end; gap: 24px; flex-wrap: wrap;
  border-bottom: 2px solid var(--ink); padding-bottom: 12px; margin-bottom: 16px; }
.eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: 11.5px; color: var(--muted); font-weight: 600; }
.meta { display: flex; gap: 28px; margin: 0; flex-wrap: wrap; }
.meta dt { font-size: 11.5px; color: var(--muted); text-transform: uppercase; letter-spacing: .06em; }
.meta dd { margin: 0; font-weight: 600; }
.totals { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)) minmax(0, 1.5fr); gap: 12px; margin-bottom: 16px; }
.kpi, .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
.kpi { padding: 12px 16px; display: flex; flex-direction: column; gap: 2px; min-width: 0; }
.kpi-label { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .06em; font-weight: 600; }
.kpi-value { font-size: 34px; font-weight: 650; line-height: 1.15; font-variant-numeric: tabular-nums; }
.kpi-note { font-size: 12.5px; color: var(--muted); }
.kpi-clean { border-top: 4px solid var(--ok); }
.kpi-clean .kpi-value { color: var(--ok); }
.kpi-rejected { border-top: 4px solid var(--bad); }
.kpi-rejected .kpi-value { color: var(--bad); }
.split { display: block; height: 8px; margin-top: 8px; border-radius: 4px; background: var(--bad); overflow: hidden; }
.split > span { display: block; height: 100%; background: var(--ok); }
.split-empty { background: var(--line); }
.gate { border-width: 1px 1px 1px 6px; }
.gate p, .gate ul { font-size: 13px; margin: 2px 0 0; overflow-wrap: anywhere; }
.gate ul { padding-left: 18px; }
.verdict { font-size: 24px; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; }
.verdict small { font-size: 13px; font-weight: 600; text-transform: none; letter-spacing: 0; color: var(--muted); margin-left: 6px; }
.gate-passed { border-left-color: var(--ok); background: var(--ok-bg); }
.gate-passed .verdict { color: var(--ok); }
.gate-failed { border-left-color: var(--bad); background: var(--bad-bg); }
.gate-failed .verdict { color: var(--bad); }
.gate-none { border-left-color: #9aa5b1; background: var(--neutral-bg); }
.gate-none .verdict { color: #3e4c59; text-transform: none; letter-spacing: 0; }
.columns { display: grid; grid-template-columns: minmax(0, 1.75fr) minmax(0, 1fr); gap: 12px; margin-bottom: 16px; }
.card { padding: 14px 18px; margin-bottom: 16px; }
.columns > .card, .side > .card:last-child { margin-bottom: 0; }
.side > .card { margin-bottom: 12px; }
.gate code { font-size: 12px; white-space: nowrap; }
figure { margin: 0; }
svg { display: block; font-family: var(--sans); }
svg .label { font-size: 12.5px; fill: var(--ink); }
svg .bar { fill: var(--bar); }
svg .count { font-size: 12.5px; font-weight: 650; fill: var(--ink); font-variant-numeric: tabular-nums; }
svg .share { font-weight: 400; fill: var(--muted); }
.pairs { margin: 8px 0 0; }
.pairs > div { display: grid; grid-template-columns: 11em minmax(0, 1fr); gap: 8px; padding: 6px 0; border-top: 1px solid var(--line); }
.pairs > div:first-child { border-top: 0; }
.pairs dt { color: var(--muted); }
.pairs dd { margin: 0; font-weight: 500; overflow-wrap: anywhere; }
.tag { display: inline-block; font-size: 12px; padding: 0 6px; margin: 1px 0; border-radius: 4px; background: var(--neutral-bg); border: 1px solid var(--line); }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin-top: 8px; font-size: 13px; }
th, td { text-align: left; vertical-align: top; padding: 7px 10px 7px 0; border-top: 1px solid var(--line); overflow-wrap: anywhere; }
thead th { font-size: 11.5px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); font-weight: 600; border-top: 0; }
tbody th { font-weight: 600; }
.n { text-align: right; font-variant-numeric: tabular-nums; padding-right: 18px; }
.file { display: block; font-weight: 600; }
.dir { display: block; font-size: 12px; }
.hash { word-break: break-all; color: #3e4c59; }
.warn { color: #8a4b00; font-weight: 600; }
.notice-card { border-left: 6px solid #c98a1b; background: #fff8eb; }
.notice-card ul { margin: 4px 0 0; padding-left: 18px; }
.notice-card li + li { margin-top: 4px; }
tr.invalid td { border-top: 0; padding-top: 0; }
tr.invalid p { font-size: 12px; color: var(--muted); }
tr.invalid ul { margin: 2px 0 0; padding-left: 18px; font-size: 12.5px; }
.line { font-family: var(--mono); font-size: 12px; color: var(--muted); }
col.c-reason { width: 30%; } col.c-n { width: 6em; } col.c-law { width: 30%; }
.law .title { display: block; font-weight: 600; }
.law .code { display: block; font-size: 11.5px; color: var(--muted); }
tbody th { overflow-wrap: normal; }
col.c-role { width: 8.5em; } col.c-path { width: 22%; } col.c-fmt { width: 10em; } col.c-counts { width: 21%; }
col.c-out { width: 14%; } col.c-hash { width: 40%; }
.hash { font-size: 11.5px; }
footer { font-size: 12px; color: var(--muted); margin-top: 4px; }
@media (max-width: 1000px) {
  .totals { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .gate { grid-column: 1 / -1; }
  .columns { grid-template-columns: minmax(0, 1fr); }
}
@page { size: A4; margin: 15mm; }
@media print {
  html, .kpi, .card { background: #fff; }
  /* 1px borders at the page's edge are clipped by the printable area: keep them inside. */
  body { max-width: none; padding: 0 2px; font-size: 11.5px; }
  h1 { font-size: 19px; }
  .totals { grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 8px; }
  .gate { grid-column: 1 / -1; }
  .gate-passed { background: var(--ok-bg); } .gate-failed { background: var(--bad-bg); } .gate-none { background: var(--neutral-bg); }
  .kpi-value { font-size: 26px; }
  .columns { grid-template-columns: minmax(0, 1fr); gap: 10px; }
  .side > .card { margin-bottom: 10px; }
  .card, .kpi { border-radius: 0; padding: 10px 12px; }
  section, .kpi, figure, tr, tbody.group, .pairs > div { break-inside: avoid; page-break-inside: avoid; }
  #law, #inputs, #outputs { break-inside: auto; page-break-inside: auto; }
  h2 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  table { font-size: 10.5px; }
  code, .hash, .line { font-size: 10px; }
  col.c-reason { width: 32%; } col.c-n { width: 5em; } col.c-law { width: 30%; }
  .n { padding-right: 10px; }
  .law .code { font-size: 9.5px; }
  col.c-role { width: 8.5em; } col.c-fmt { width: 8em; } col.c-hash { width: 36%; }
  tr.invalid ul { font-size: 10.5px; } tr.invalid p, .dir { font-size: 10px; }
}
`;
