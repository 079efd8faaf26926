/**
 * `--junit FILE`: the audit as JUnit XML, so CI dashboards show it: one test case per reason code
 * the policy applies, failing with the number of rows and the first lines it was found on.
 * LIST_STALE fails with what is wrong with the list (a run finding) and the rows it rejected.
 */
import { REASON_CODES, reasonFor, type ReasonCode } from '../reasons.js';
import type { Report } from './report-json.js';
import { gateState } from './gate-text.js';
import { t, tIn } from '../i18n/index.js';

const ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };
/** Characters XML 1.0 can't hold at all, lone surrogates included. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text for an attribute value (issue #12 item 12: a policy named `R&D <calls>` made malformed
 * XML). TAB, LF and CR are written as character references: a parser would turn them into spaces.
 */
const xml = (s: string) => s.replace(NOT_XML, '\ufffd').replace(/[<>&"'\t\n\r]/g, (c) => ESCAPES[c]!);
/** Text for element content: line breaks stay readable, but a raw CR would be read back as LF. */
const xmlText = (s: string) => s.replace(NOT_XML, '\ufffd').replace(/[<>&\r]/g, (c) => ESCAPES[c]!);

export function renderJunit(report: Report, used: ReadonlySet<ReasonCode>, firstLines: ReadonlyMap<ReasonCode, readonly number[]>): string {
  const codes = REASON_CODES.filter((c) => used.has(c));
  const contacts = report.inputs.contacts.path;
  let failures = 0;
  const cases = codes.map((code) => {
    const info = reasonFor(code, (report.campaign as Report['campaign'] | undefined)?.channel)!;
    // The test name is what CI tools track from run to run: English whatever the run's language (issue #13).
    const name = `${code}: ${tIn('en', `reason.${code}.title`)}`;
    const findings = report.run_findings.filter((f) => f.code === code);
    const rows = report.reasons[code] ?? 0;
    if (findings.length === 0 && rows === 0) return `    <testcase classname="${xml(`leadaudit.${report.policy.name}`)}" name="${xml(name)}" time="0"/>`;
    failures++;
    const lines = firstLines.get(code) ?? [];
    const message = [
      ...findings.map((f) => f.detail),
      ...(rows ? [t('junit.rows', { count: rows, first: t('junit.first', { count: lines.length, lines: `${lines.join(', ')}${rows > lines.length ? ', ...' : ''}` }) })] : []),
    ].join('; ');
    const body = [message, t('junit.whatToDo', { remedy: info.remedy }), ...(report.policy.references[code] ? [t('junit.law', { law: String(report.policy.references[code]) })] : []), t('junit.input', { path: contacts })].join('\n');
    return `    <testcase classname="${xml(`leadaudit.${report.policy.name}`)}" name="${xml(name)}" time="0">\n      <failure message="${xml(message)}" type="${xml(code)}">${xmlText(body)}</failure>\n    </testcase>`;
  });
  const totals = report.totals;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="leadaudit" tests="${codes.length}" failures="${failures}" errors="0" time="${report.timing.seconds}">`,
    `  <testsuite name="${xml(`leadaudit audit ${contacts}`)}" tests="${codes.length}" failures="${failures}" errors="0" skipped="0" time="${report.timing.seconds}" timestamp="${xml(report.as_of.replace(/\.\d+Z$/, ''))}">`,
    '    <properties>',
    `      <property name="policy" value="${xml(report.policy.name)}"/>`,
    `      <property name="rows" value="${totals.rows}"/>`,
    `      <property name="clean" value="${totals.clean}"/>`,
    `      <property name="rejected" value="${totals.rejected}"/>`,
    `      <property name="gate" value="${xml(gateState(report.gate))}"/>`,
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
