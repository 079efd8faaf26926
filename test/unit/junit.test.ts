/**
 * The JUnit XML is well-formed whatever the names in it (issue #12 item 12: a policy named
 * `R&D <calls>` made malformed XML): a property over random policy names, input paths and run
 * findings parses the XML back and finds every text as it was, with only the characters XML 1.0
 * can't hold replaced by U+FFFD.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderJunit } from '../../src/report/junit.js';
import type { Report } from '../../src/report/report-json.js';
import type { ReasonCode } from '../../src/reasons.js';

/** XML 1.0's Char production, written from the standard: everything else becomes U+FFFD. */
function xmlChars(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const ok = c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
    out += ok ? ch : '\ufffd';
  }
  return out;
}

/** Text that hurts: markup, quotes, white space attributes normalize, characters XML can't hold. */
const hostile = fc.array(fc.oneof(
  fc.constantFrom('&', '<', '>', '"', "'", ']]>', '\t', '\n', '\r', '\r\n', ' ', '\u0000', '\u0008', '\u001f', '\ufffe', '\uffff', '\ud800', '\udc00', '&amp;', '<!--', '</testcase>', 'Ж', '😀'),
  fc.string({ unit: 'binary', maxLength: 4 }),
), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));

function reportFor(policy: string, contacts: string, finding: string): Report {
  return {
    policy: { name: policy, references: { DUPLICATE: `law ${finding}` } },
    inputs: { contacts: { path: contacts } },
    reasons: { DUPLICATE: 2 },
    run_findings: [{ code: 'LIST_STALE', list: 'tps', detail: finding }],
    totals: { rows: 3, clean: 1, rejected: 2 },
    timing: { seconds: 0.5 },
    as_of: '2026-11-01T00:00:00.000Z',
    gate: { passed: false },
  } as unknown as Report;
}

/**
 * Well-formedness rules fast-xml-parser's validator lets through (it took `R&D <calls>` inside an
 * attribute): every `&` starts a reference, no `<` inside an attribute value, no character outside
 * XML 1.0's Char production, and no raw TAB, CR or LF in an attribute (a parser would turn them into
 * spaces) or raw CR in text (a parser would turn it into LF).
 */
function expectStrictXml(xml: string): void {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml.match(/&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g) ?? []).toEqual([]);
  for (const [, value] of xml.matchAll(/=\s*"([^"]*)"/g)) expect(value).not.toMatch(/[<\t\r\n]/);
  expect(xml).not.toMatch(/\r/);
  expect(xmlChars(xml)).toBe(xml);
}

const parser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false, parseAttributeValue: false,
  htmlEntities: true, processEntities: true,
});

describe('renderJunit', () => {
  it('a policy named `R&D <calls>` gives well-formed XML that says its name', () => {
    const xml = renderJunit(reportFor('R&D <calls>', '/lists/a.csv', 'x'), new Set<ReasonCode>(['DUPLICATE']), new Map([['DUPLICATE', [2, 3]]]));
    expectStrictXml(xml);
    const suite = parser.parse(xml).testsuites.testsuite;
    expect(suite.testcase.classname).toBe('leadaudit.R&D <calls>');
  });

  it('escapes every attribute and text: random names parse back as they were (property)', () => {
    fc.assert(fc.property(hostile, hostile, hostile, (policy, contacts, finding) => {
      const used = new Set<ReasonCode>(['DUPLICATE', 'LIST_STALE']);
      const xml = renderJunit(reportFor(policy, contacts, finding), used, new Map([['DUPLICATE', [2, 3]]]));
      expectStrictXml(xml);
      const doc = parser.parse(xml);
      const suite = doc.testsuites.testsuite;
      expect(suite.name).toBe(xmlChars(`leadaudit audit ${contacts}`));
      const props = Object.fromEntries((suite.properties.property as { name: string; value: string }[]).map((p) => [p.name, p.value]));
      expect(props.policy).toBe(xmlChars(policy));
      const cases = suite.testcase as { classname: string; name: string; failure: { message: string; type: string; '#text': string } }[];
      expect(cases.map((c) => c.classname)).toEqual([xmlChars(`leadaudit.${policy}`), xmlChars(`leadaudit.${policy}`)]);
      const stale = cases.find((c) => c.failure.type === 'LIST_STALE')!;
      expect(stale.failure.message).toBe(xmlChars(finding));
      expect(stale.failure['#text']).toContain(xmlChars(`Input: ${contacts}`));
      const dup = cases.find((c) => c.failure.type === 'DUPLICATE')!;
      expect(dup.failure['#text']).toContain(xmlChars(`Law: law ${finding}`));
    }), { numRuns: 500 });
  });
});
