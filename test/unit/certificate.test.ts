/** The certificate's text (issue #14): escaped, made from report.json alone, signed or not. */
import { describe, expect, it } from 'vitest';
import { renderCertificate } from '../../src/report/certificate.js';
import type { Report } from '../../src/report/report-json.js';

const SHA = 'a'.repeat(64);
const HOSTILE = '<script>alert(1)</script>\'"&';

function report(): Report {
  return {
    tool: { name: 'leadaudit', version: '0.1.0' },
    policy: { name: 'ru-152fz', preset: 'ru-152fz', file: null, legal_basis: ['152-FZ Arts. 5, 6, 9, 15, 18'], references: {} },
    as_of: '2026-11-01T00:00:00.000Z',
    created_at: '2026-11-02T10:20:30.000Z',
    campaign: { purpose: 'marketing', channel: 'call', region: 'RU', consent_required: true, proof_required: true, consent_max_age_days: null, required_notice: [], reject_duplicates: true, calling_window: null },
    inputs: {
      contacts: { path: "/data/o'brien list.csv", sha256: SHA, bytes: 10, rows: 3, blank_lines: 0, encoding: 'utf-8', delimiter: ',', phone_column: 'phone', phone_columns_matched: ['phone'] },
      consent: [{ path: '/data/consent.csv', sha256: 'b'.repeat(64), format: 'csv', encoding: 'utf-8', records: 2, valid: 2, invalid: [] }],
      notice: null,
      suppress: [],
    },
    outputs: {
      clean: { path: "/out/o'brien/clean.csv", sha256: 'c'.repeat(64), rows: 1 },
      rejects: { path: "/out/o'brien/rejects.csv", sha256: 'd'.repeat(64), rows: 2 },
      report: { path: "/out/o'brien/report.json" },
    },
    totals: { rows: 3, clean: 1, rejected: 2 },
    reasons: { CONSENT_MISSING: 2 },
    exemptions: {},
    run_findings: [],
    gate: { passed: true, reject_rate: 2 / 3, conditions: [], failures: [] },
    signature: null,
    timing: { seconds: 0.01, rows_per_second: 300 },
  } as unknown as Report;
}

describe('renderCertificate', () => {
  it('is the same text for the same report and hash, and names both', () => {
    const a = renderCertificate(report(), SHA);
    expect(renderCertificate(report(), SHA)).toBe(a);
    expect(renderCertificate(report(), 'e'.repeat(64))).not.toBe(a);
    expect(a).toContain(`content="${SHA}"`);
    expect(a).toContain('Certificate no.<code id="certificate-number">aaaaaaaaaaaaaaaa</code>');
  });

  it('escapes every text from the report', () => {
    const r = report();
    r.inputs.contacts.path = `/data/${HOSTILE}.csv`;
    r.inputs.contacts.phone_column = HOSTILE;
    r.policy.name = HOSTILE;
    r.policy.legal_basis = [HOSTILE];
    const html = renderCertificate(r, SHA);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&#39;&quot;&amp;');
  });

  it('says when the report is not signed, and gives no key to the commands', () => {
    const html = renderCertificate(report(), SHA);
    expect(html).toContain('data-signed="false"');
    expect(html).toContain('<strong>Not signed.</strong>');
    expect(html).not.toContain('--key');
    expect(html).not.toContain('openssl');
  });

  it('names the signer and gives the commands that check the signature, the folder quoted for the shell', () => {
    const r = report() as Report & { signature: unknown };
    r.signature = { algorithm: 'ed25519', key_fingerprint: 'f'.repeat(64), file: 'report.sig' };
    const html = renderCertificate(r, SHA);
    expect(html).toContain(`<span class="fp" id="fingerprint">${'f'.repeat(64)}</span>`);
    expect(html).toContain('made 2026-11-02 10:20:30 UTC');
    // The out-dir /out/o'brien, single-quoted with its quote escaped: A='/out/o'\''brien'
    expect(html).toContain('A=&#39;/out/o&#39;\\&#39;&#39;brien&#39;');
    expect(html).toContain('leadaudit verify &quot;$A&quot; --key leadaudit-key.pub.pem');
    expect(html).toContain('openssl pkeyutl -verify -pubin -inkey leadaudit-key.pub.pem -rawin -in &quot;$A/report.json&quot; -sigfile &quot;$A/report.sig&quot;');
  });

  it('asks for a copy of a list read from standard input, and shows a gate that was not set as such', () => {
    const r = report();
    r.inputs.contacts.path = '-';
    const html = renderCertificate(r, SHA);
    expect(html).toContain('Contact list audit: standard input');
    expect(html).toContain('--input contacts=COPY-OF-THE-LIST.csv');
    expect(html).toContain('data-state="none"');
    expect(html).toContain('No gate set');
  });
});
