import { describe, expect, it } from 'vitest';
import { maskPhones, renderReportHtml } from '../../src/report/html.js';
import { lawText } from '../../src/law/references.js';
import { REASONS, REASON_CODES } from '../../src/reasons.js';
import type { Report } from '../../src/report/report-json.js';

const HOSTILE = '<script>alert(1)</script>';
const SHA = 'ab'.repeat(32);

/** A report shaped like report.json; tests change copies of it. */
function sampleReport(): Report {
  const report = {
    tool: { name: 'leadaudit', version: '0.1.0' },
    policy: { name: 'ru-152fz' },
    as_of: '2026-11-01T00:00:00.000Z',
    campaign: {
      purpose: 'marketing', channel: 'call', region: 'RU', proof_required: true, consent_max_age_days: null,
      required_notice: ['operator', 'purpose', 'legal_basis', 'pdn_list', 'recipients', 'rights', 'source'], reject_duplicates: true,
    },
    inputs: {
      contacts: {
        path: '/data/contacts.csv', sha256: SHA, bytes: 2412, rows: 31, blank_lines: 0, encoding: 'utf-8', delimiter: ';',
        phone_column: 'Телефон', phone_columns_matched: ['Телефон'], phone_columns: ['Телефон'], format: 'csv',
      },
      consent: [{
        path: '/data/consent.csv', sha256: SHA, format: 'csv', encoding: 'utf-8', delimiter: ',', records: 15, valid: 13,
        invalid: [
          { line: 8, field: 'given_at', problem: 'given_at "yesterday" is not an ISO 8601 date' },
          { line: 16, field: 'phone', problem: 'phone "+7 916 123-45-67 ext" is not a valid phone number' },
        ],
        invalid_count: 2, invalid_by_field: { given_at: 1, phone: 1 },
      }],
      notice: { path: '/data/notice.json', sha256: SHA },
      suppress: [{
        path: '/data/suppress.txt', sha256: SHA, format: 'lines', encoding: 'utf-8', numbers: 2,
        invalid: [{ line: 3, value: '8 (495) 123-45-67 вечером', problem: 'not a valid phone number' }],
        invalid_count: 1,
      }],
    },
    outputs: {
      clean: { path: '/out/clean.csv', sha256: SHA, rows: 9 },
      rejects: { path: '/out/rejects.csv', sha256: SHA, rows: 22 },
      report: { path: '/out/report.json' },
    },
    totals: { rows: 31, clean: 9, rejected: 22 },
    reasons: { PHONE_MISSING: 2, SUPPRESSED: 2, CONSENT_MISSING: 5, NOTICE_SOURCE_MISSING: 9 },
    numbers: { rows: 0, audited: 0, passed: 0, removed: 0, removed_reasons: {} },
    gate: { passed: true, reject_rate: 22 / 31, conditions: [], failures: [] },
    timing: { seconds: 0.04, rows_per_second: 775 },
  };
  // Not checked against the type on purpose: report.json gains fields as issues land.
  return report as unknown as Report;
}

/** The chart's bars in document order: [code, count]. */
function bars(html: string): [string, number][] {
  const chart = html.slice(html.indexOf('id="reasons-chart"'));
  return [...chart.matchAll(/<rect class="bar" data-code="([^"]+)" data-count="(\d+)"/g)].map((m) => [m[1]!, Number(m[2])]);
}

describe('renderReportHtml', () => {
  it('is one self-contained page with the elements tests and people look for', () => {
    const html = renderReportHtml(sampleReport());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    for (const id of ['totals', 'reasons-chart', 'gate', 'inputs', 'outputs']) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('data-total="rows">31<');
    expect(html).toContain('data-total="clean">9<');
    expect(html).toContain('data-total="rejected">22<');
    expect(html).toContain('data-total="reject-rate">71.0%<');
    expect(html).toContain('@page { size: A4; margin: 15mm; }');
    expect(html).toContain('@media print');
  });

  it('loads nothing from anywhere: no script, stylesheet link, import, external url or image', () => {
    const html = renderReportHtml(sampleReport());
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/<img|<iframe|<object|<embed/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/\ssrc=|\shref=/i);
    expect(html).not.toMatch(/https?:\/\//i);
  });

  it('escapes every text from the report, in content and in attributes', () => {
    const r = sampleReport();
    r.inputs.contacts.path = `/tmp/${HOSTILE}/a"b'c&d <x>.csv`;
    r.inputs.contacts.phone_column = HOSTILE;
    r.inputs.consent[0]!.path = `/tmp/${HOSTILE}.csv`;
    r.inputs.consent[0]!.invalid.push({ line: 40, problem: HOSTILE });
    r.inputs.suppress[0]!.invalid.push({ line: 5, value: HOSTILE, problem: '"><img src=x onerror=alert(1)>' });
    r.outputs.clean.path = `/out/${HOSTILE}/clean.csv`;
    r.policy.name = HOSTILE;
    r.gate = { passed: false, reject_rate: 0.7, conditions: [], failures: [HOSTILE] };
    const html = renderReportHtml(r);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<x>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a&quot;b&#39;c&amp;d &lt;x&gt;.csv');
    // Attribute values can't be closed early either.
    expect(html).toContain(`title="/tmp/&lt;script&gt;alert(1)&lt;/script&gt;/a&quot;b&#39;c&amp;d &lt;x&gt;.csv"`);
  });

  it('draws one bar per reason that occurred, largest first, titled from the registry', () => {
    const html = renderReportHtml(sampleReport());
    expect(bars(html)).toEqual([['NOTICE_SOURCE_MISSING', 9], ['CONSENT_MISSING', 5], ['PHONE_MISSING', 2], ['SUPPRESSED', 2]]);
    for (const code of ['NOTICE_SOURCE_MISSING', 'CONSENT_MISSING', 'PHONE_MISSING', 'SUPPRESSED'] as const) {
      expect(html).toContain(`>${REASONS[code].title.replace(/'/g, '&#39;')}</text>`);
    }
  });

  it('draws every reason code of the registry when all occurred', () => {
    const r = sampleReport();
    r.reasons = Object.fromEntries(REASON_CODES.map((code, i) => [code, i + 1]));
    const drawn = bars(renderReportHtml(r));
    expect(drawn).toHaveLength(REASON_CODES.length);
    expect(new Map(drawn)).toEqual(new Map(REASON_CODES.map((code, i) => [code, i + 1])));
    expect(drawn.map(([, n]) => n)).toEqual([...drawn.map(([, n]) => n)].sort((a, b) => b - a));
  });

  it('gives the legal reference of each reason that occurred, for the policy applied', () => {
    const html = renderReportHtml(sampleReport());
    const law = (code: keyof typeof REASONS) => lawText(code, 'ru-152fz')!.replace(/'/g, '&#39;');
    for (const code of ['NOTICE_SOURCE_MISSING', 'CONSENT_MISSING', 'PHONE_MISSING', 'SUPPRESSED'] as const) {
      expect(html).toContain(`<code class="code">${code}</code>`);
      expect(html).toContain(law(code));
    }
    expect(html).not.toContain('<code class="code">DUPLICATE</code>');
  });

  it('shows the numbers of rows with several, and why numbers were taken out (issue #11); nothing when there were none', () => {
    expect(renderReportHtml(sampleReport())).not.toContain('id="numbers"');
    const r = sampleReport();
    r.numbers = { rows: 2, audited: 5, passed: 3, removed: 1, removed_reasons: { CONSENT_MISSING: 1 } };
    expect(renderReportHtml(r)).toContain('<span id="numbers">2 rows with several numbers: 5 numbers audited, 3 passed, 1 taken out of clean rows (CONSENT_MISSING 1); each number\'s verdict is in the trail</span>');
  });

  it('takes legal references, the policy file, run findings and exemptions from report.json when it has them', () => {
    const r = sampleReport() as unknown as Record<string, unknown> & Report;
    Object.assign(r.policy, {
      name: 'romashka', preset: 'ru-152fz', file: { path: '/policies/romashka.json', sha256: 'ef'.repeat(32) },
      legal_basis: ['152-FZ Arts. 5, 6, 9'], references: { CONSENT_MISSING: `own reference ${HOSTILE}`, PHONE_MISSING: null },
    });
    r.run_findings = [{ code: 'LIST_STALE', list: 'dnc', detail: `LIST_STALE: the list dnc is stale ${HOSTILE}` }];
    r.exemptions = { 'existing-customer': 4 };
    Object.assign(r.inputs.suppress[0]!, { name: 'dnc', date: '2026-10-01T00:00:00.000Z', date_source: 'list-date' });
    const html = renderReportHtml(r);
    const law = html.slice(html.indexOf('id="law"'), html.indexOf('id="inputs"'));
    expect(law).toContain('own reference &lt;script&gt;');
    expect(law).toMatch(/PHONE_MISSING<\/code><\/td><td class="n">2<\/td><td><span class="muted">none recorded/);
    expect(law).toContain('(ru-152fz)');
    const run = html.slice(html.indexOf('id="run-findings"'), html.indexOf('</section>', html.indexOf('id="run-findings"')));
    expect(run).toContain('<code>LIST_STALE</code>: the list dnc is stale &lt;script&gt;');
    expect(html).toContain('romashka.json');
    expect(html).toContain('ef'.repeat(32));
    expect(html).toContain('extends ru-152fz');
    expect(html).toContain('152-FZ Arts. 5, 6, 9');
    expect(html).toContain('existing-customer');
    expect(html).toContain('list of 2026-10-01 00:00 UTC');
    expect(html).not.toMatch(/<script/i);
  });

  it('says no row was rejected when none was, and an empty list has a 0% reject rate', () => {
    const r = sampleReport();
    r.totals = { rows: 0, clean: 0, rejected: 0 };
    r.reasons = {};
    r.gate = { passed: true, reject_rate: 0, conditions: [], failures: [] };
    const html = renderReportHtml(r);
    expect(bars(html)).toEqual([]);
    expect(html).toContain('No row was rejected.');
    expect(html).toContain('data-total="reject-rate">0%<');
  });

  describe('the gate', () => {
    const gateOf = (html: string) => html.slice(html.indexOf('id="gate"'), html.indexOf('</section>', html.indexOf('id="gate"')));

    it('failed: says so and why', () => {
      const r = sampleReport();
      r.gate = {
        passed: false, reject_rate: 22 / 31, max_reject_rate: 0.05, failures: ['71.0% rejected > 5% (--max-reject-rate)'],
        conditions: [{ condition: 'max_reject_rate', set_by: '--max-reject-rate', limit: 0.05, reject_rate: 22 / 31, passed: false }],
      };
      const gate = gateOf(renderReportHtml(r));
      expect(gate).toContain('data-passed="false"');
      expect(gate).toContain('data-state="failed"');
      expect(gate).toContain('Failed');
      expect(gate).toContain('71.0% rejected &gt; 5% (--max-reject-rate)');
    });

    it('passed: names each condition it met, in words', () => {
      const r = sampleReport();
      r.gate = {
        passed: true, reject_rate: 0.01, max_reject_rate: 0.05, fail_on: ['SUPPRESSED'], failures: [],
        conditions: [
          { condition: 'max_reject_rate', set_by: 'policy', limit: 0.05, reject_rate: 0.01, passed: true },
          { condition: 'fail_on', set_by: '--fail-on', codes: ['SUPPRESSED'], rows: { SUPPRESSED: 0 }, passed: true },
        ],
      };
      const gate = gateOf(renderReportHtml(r));
      expect(gate).toContain('data-state="passed"');
      expect(gate).toContain('Passed');
      expect(gate).toContain('1.0% rejected &lt;= 5% (gate.max_reject_rate of policy ru-152fz)');
      expect(gate).toContain('no row with SUPPRESSED (--fail-on)');
    });

    it('none set: says that no gate was set, without the word passed (issue #14)', () => {
      const gate = gateOf(renderReportHtml(sampleReport()));
      expect(gate).toContain('data-state="none"');
      expect(gate).toContain('No gate set');
      // The words a person reads (attributes such as data-passed are for machines).
      expect(gate.slice(gate.indexOf('>') + 1).replace(/<[^>]*>/g, ' ')).not.toMatch(/passed/i);
    });
  });

  it('lists the inputs with paths, hashes, encodings, delimiters, counts and invalid records', () => {
    const html = renderReportHtml(sampleReport());
    const inputs = html.slice(html.indexOf('id="inputs"'), html.indexOf('id="outputs"')).replace(/<wbr>/g, '');
    for (const text of ['contacts.csv', '/data/', SHA, 'utf-8', 'delimiter ;', 'delimiter ,', '31 rows', '15 records', '13 valid', '2 invalid', 'Телефон', 'notice.json', 'suppress.txt', '2 numbers', 'line 8']) {
      expect(inputs).toContain(text);
    }
    expect(inputs).toContain('given_at &quot;yesterday&quot; is not an ISO 8601 date');
  });

  it('lists at most 20 invalid records per file, and says how many more there are (issue #12 item 5)', () => {
    const r = sampleReport();
    r.inputs.consent[0]!.invalid = Array.from({ length: 100 }, (_, i) => ({ line: i + 2, problem: `problem ${i}` }));
    r.inputs.consent[0]!.invalid_count = 123_456;
    const html = renderReportHtml(r);
    expect(html).toContain('problem 19');
    expect(html).not.toContain('problem 20');
    expect(html).toContain('and 123,436 more (report.json lists the first 100)');
    expect(html).toContain('123,456 invalid');
  });

  it('shows every output with its hash, including outputs it does not know by name', () => {
    const r = sampleReport();
    (r.outputs as Record<string, unknown>).trail = { path: '/out/trail.jsonl', sha256: 'cd'.repeat(32) };
    const html = renderReportHtml(r);
    const outputs = html.slice(html.indexOf('id="outputs"'));
    for (const text of ['clean.csv', 'rejects.csv', 'report.json', 'trail.jsonl', SHA, 'cd'.repeat(32), '9 rows', '22 rows']) {
      expect(outputs).toContain(text);
    }
  });

  it('masks phone numbers in invalid records only when asked', () => {
    const plain = renderReportHtml(sampleReport());
    expect(plain).toContain('+7 916 123-45-67');
    expect(plain).toContain('8 (495) 123-45-67');
    const masked = renderReportHtml(sampleReport(), { mask: true });
    expect(masked).not.toContain('123-45');
    expect(masked).toContain('phone &quot;+7 916 ***-**-67 ext&quot; is not a valid phone number');
    expect(masked).toContain('8 (495) ***-**-67 вечером');
    // What is not personal data stays readable.
    expect(masked).toContain('given_at &quot;yesterday&quot;');
    expect(masked).toContain(SHA);
  });
});

describe('maskPhones', () => {
  it.each([
    ['+7 916 123-45-67', '+7 916 ***-**-67'],
    ['+79161234567', '+7916*****67'],
    ['8 (495) 123-45-67', '8 (495) ***-**-67'],
    ['9161234567', '916*****67'],
    ['+44 20 7946 0958', '+44 20 7*** **58'],
    ['+380 44 123 4567', '+380 44 1** **67'],
    ['tel. +7 916 123-45-67, or 8-916-765-43-21', 'tel. +7 916 ***-**-67, or 8-916-***-**-21'],
    ['7.9161234567E+10', '7.916*****67E+10'],
  ])('%s -> %s', (text, masked) => {
    expect(maskPhones(text)).toBe(masked);
  });

  it('hides at least a third of the digits of a short number', () => {
    expect(maskPhones('+7 916 12')).toBe('+7 9** 12');
  });

  it.each(['line 8', 'given_at "2026-11-01" is after as-of', '2026-11-01T10:00:00Z', 'position 12345', 'no digits'])(
    'leaves %j alone',
    (text) => {
      expect(maskPhones(text)).toBe(text);
    },
  );
});

describe('renderReportHtml: the law as of 2026 (issue #10)', () => {
  it('shows the dial mode, advertising, separate-document consent, registry overrides, origins and list kinds', () => {
    const r = sampleReport() as unknown as Record<string, unknown> & Report;
    Object.assign(r.campaign, {
      dial_mode: 'auto', advertising: true, dial_mode_banned: true, separate_consent_from: '2025-09-01T00:00:00.000Z',
      separate_consent_required: false, consent_overrides_registry: true, origin: 'third_party', notice_from_subject: [],
    });
    Object.assign(r.inputs.suppress[0]!, { name: 'tps', kind: 'registry' });
    Object.assign(r, {
      origins: { subject: 3, third_party: 28, unrecognized: 2 }, registry_overrides: 4,
      consent_unstated: { separate_document: { records: 5, rows: 6 }, kind: { records: 0, rows: 0 } },
    });
    const html = renderReportHtml(r);
    expect(html).toContain('<dt>Dial mode</dt><dd>auto <strong class="warn">banned for advertising: every row is rejected</strong></dd>');
    expect(html).toContain('<dt>Advertising</dt><dd>yes: consent must be consent to receive advertising</dd>');
    expect(html).toContain('<dt>Separate-document consent</dt><dd>required of consent given since 2025-09-01; a record that does not say counts</dd>');
    expect(html).toContain('<dt>Registry hits</dt><dd>consent that covers the campaign overrides them</dd>');
    expect(html).toContain('<dt>Data from the subject</dt><dd>3 rows');
    expect(html).toContain('<dt>Origin not understood</dt><dd><strong class="warn">2 rows</strong>');
    expect(html).toContain('<dt>Registry hits overridden</dt><dd>4 clean rows');
    expect(html).toContain('<dt>Consent silent on separate document</dt><dd>5 records, 6 clean rows</dd>');
    expect(html).not.toContain('Consent silent on kind');
    expect(html).toContain('tps (registry)');
    // Every campaign key is shown by its own row, not again as a raw value.
    expect(html).not.toContain('<dt>Dial mode banned</dt>');
    // One clean row is a row; an sms run's soft opt-in rows are shown with what the sender must keep.
    Object.assign(r, { registry_overrides: 1, soft_opt_in_rows: 1 });
    const one = renderReportHtml(r);
    expect(one).toContain('<dt>Registry hits overridden</dt><dd>1 clean row <span');
    expect(one).toContain('<dt>Soft opt-in</dt><dd><strong class="warn" id="soft-opt-in">1 clean row</strong>');
  });
});
