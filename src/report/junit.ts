/**
 * `--junit FILE`: the audit as JUnit XML, so CI dashboards show it: one test case per reason code
 * the policy applies, failing with the number of rows and the first lines it was found on.
 * LIST_STALE, about the whole run, is a test case too.
 */
import { REASONS, REASON_CODES, RUN_CODES, type ReasonCode } from '../reasons.js';
import type { Report } from './report-json.js';

const xml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
  // Characters XML 1.0 can't hold at all.
  .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');

export function renderJunit(report: Report, used: ReadonlySet<ReasonCode>, firstLines: ReadonlyMap<ReasonCode, readonly number[]>): string {
  const codes = REASON_CODES.filter((c) => used.has(c));
  const contacts = report.inputs.contacts.path;
  let failures = 0;
  const cases = codes.map((code) => {
    const info = REASONS[code];
    const name = `${code}: ${info.title}`;
    const run = RUN_CODES.includes(code);
    const findings = run ? report.run_findings.filter((f) => f.code === code) : [];
    const rows = run ? 0 : report.reasons[code] ?? 0;
    const failed = run ? findings.length > 0 : rows > 0;
    if (!failed) return `    <testcase classname="leadaudit.${report.policy.name}" name="${xml(name)}" time="0"/>`;
    failures++;
    const lines = firstLines.get(code) ?? [];
    const message = run
      ? findings.map((f) => f.detail).join('; ')
      : `${rows} row${rows === 1 ? '' : 's'} rejected; first on line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}${rows > lines.length ? ', ...' : ''}`;
    const body = [message, `What to do: ${info.remedy}`, ...(report.policy.references[code] ? [`Law: ${report.policy.references[code]}`] : []), `Input: ${contacts}`].join('\n');
    return `    <testcase classname="leadaudit.${report.policy.name}" name="${xml(name)}" time="0">\n      <failure message="${xml(message)}" type="${code}">${xml(body)}</failure>\n    </testcase>`;
  });
  const t = report.totals;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="leadaudit" tests="${codes.length}" failures="${failures}" errors="0" time="${report.timing.seconds}">`,
    `  <testsuite name="${xml(`leadaudit audit ${contacts}`)}" tests="${codes.length}" failures="${failures}" errors="0" skipped="0" time="${report.timing.seconds}" timestamp="${report.as_of.replace(/\.\d+Z$/, '')}">`,
    '    <properties>',
    `      <property name="policy" value="${xml(report.policy.name)}"/>`,
    `      <property name="rows" value="${t.rows}"/>`,
    `      <property name="clean" value="${t.clean}"/>`,
    `      <property name="rejected" value="${t.rejected}"/>`,
    `      <property name="gate" value="${report.gate.passed ? 'passed' : 'failed'}"/>`,
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
