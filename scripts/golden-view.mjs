// The part of report.json a fixture's golden totals.json pins down: everything that does not depend
// on the machine, the clock or absolute paths.
export function goldenView(report) {
  const base = (p) => (p === '-' ? '-' : p.split('/').pop());
  return {
    totals: report.totals,
    reasons: report.reasons,
    gate: { passed: report.gate.passed, failures: report.gate.failures },
    inputs: {
      contacts: {
        path: base(report.inputs.contacts.path),
        rows: report.inputs.contacts.rows,
        blank_lines: report.inputs.contacts.blank_lines,
        encoding: report.inputs.contacts.encoding,
        delimiter: report.inputs.contacts.delimiter,
        phone_column: report.inputs.contacts.phone_column,
      },
      consent: report.inputs.consent.map((c) => ({
        path: base(c.path), format: c.format, encoding: c.encoding, delimiter: c.delimiter,
        records: c.records, valid: c.valid, invalid: c.invalid,
      })),
      suppress: report.inputs.suppress.map((s) => ({ path: base(s.path), format: s.format, encoding: s.encoding, numbers: s.numbers, invalid: s.invalid, kind: s.kind })),
      // Issue #14's inputs, where a case has them (so the other cases' goldens stay as they were).
      ...(report.inputs.evidence ? { evidence: { files: report.inputs.evidence.files, hashed: report.inputs.evidence.hashed } } : {}),
      ...(report.inputs.reassigned ? { reassigned: (({ path, sha256, ...r }) => ({ path: base(path), ...r }))(report.inputs.reassigned) } : {}),
      ...(report.inputs.line_types ? { line_types: (({ path, sha256, ...r }) => ({ path: base(path), ...r }))(report.inputs.line_types) } : {}),
    },
    ...(report.warnings?.length ? { warnings: report.warnings } : {}),
    // --export files (issue #15), where a case asks for them: all but their paths.
    ...exportsOf(report),
  };
}

function exportsOf(report) {
  const entries = Object.entries(report.outputs).filter(([name]) => name.startsWith('export_'));
  if (!entries.length) return {};
  return { exports: Object.fromEntries(entries.map(([name, { path, ...rest }]) => [name, { file: path.split('/').pop(), ...rest }])) };
}
