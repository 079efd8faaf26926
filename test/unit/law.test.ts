/**
 * The law behind each code under each preset (issue #10). The tables below are written by hand
 * from the texts of the laws (docs/legal-references.md says where and when each was checked): a
 * change to src/law that moves an article fails here and must be argued for. The Russian rendering
 * of the same tables is pinned in test/unit/law-ru.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { LAW, lawFor, lawText } from '../../src/law/references.js';
import { citationsShortEn, citeEn, placeEn, type Provision } from '../../src/law/cite.js';
import { REASON_CODES, type ReasonCode } from '../../src/reasons.js';
import { PRESET_NAMES, type PresetName } from '../../src/policy/preset-names.js';

/** Every code a preset cites, in the short form of the README's table; a code absent here has no entry. */
const PINNED: Record<PresetName, Partial<Record<ReasonCode, string>>> = {
  'ru-152fz': {
    ROW_MALFORMED: '152-FZ Art. 9 part 3',
    PHONE_MISSING: '152-FZ Art. 5 part 6',
    PHONE_INVALID: '152-FZ Art. 5 part 6',
    EMAIL_MISSING: '152-FZ Art. 5 part 6',
    EMAIL_INVALID: '152-FZ Art. 5 part 6',
    PHONE_TYPE_BLOCKED: 'practice',
    PHONE_COUNTRY_BLOCKED: 'practice',
    DUPLICATE: '152-FZ Art. 5 part 5',
    SUPPRESSED: '152-FZ Art. 15 part 2; 38-FZ Art. 18 part 1, third sentence; 126-FZ Art. 44.1 item 1.1; 41-FZ of 01.04.2025; practice',
    SOURCE_BLOCKED: '152-FZ Art. 5 part 1, Art. 10.1 part 2; Criminal Code Art. 272.1',
    DIAL_MODE_BANNED: '38-FZ Art. 18 part 2; practice',
    CONSENT_MISSING: '152-FZ Art. 6 part 1 item 1, Art. 9 part 3, Art. 15 part 1; 38-FZ Art. 18 part 1; 126-FZ Art. 44.1 item 1',
    CONSENT_WITHDRAWN: '152-FZ Art. 9 part 2, Art. 15 part 2; 38-FZ Art. 18 part 1, third sentence',
    CONSENT_NUMBER_REASSIGNED: '152-FZ Art. 9 part 1; 38-FZ Art. 18 part 1',
    // Part 4 lists what a written consent holds; the item on its term could not be confirmed in a numbered text.
    CONSENT_EXPIRED: '152-FZ Art. 9 part 4; practice',
    CONSENT_PURPOSE_MISMATCH: '152-FZ Art. 5 part 2',
    CONSENT_CHANNEL_MISMATCH: '152-FZ Art. 9 part 1; 38-FZ Art. 18 part 1',
    // 152-FZ Art. 15 part 1 confirmed, its second sentence (the operator proves consent) not in a text found.
    CONSENT_UNPROVEN: '152-FZ Art. 9 part 3, Art. 15 part 1; 38-FZ Art. 18 part 1, second sentence; 126-FZ Art. 44.1 item 1, second sentence',
    CONSENT_OPERATOR_MISMATCH: '152-FZ Art. 9 part 4 item 3, Art. 9 part 4 item 6, Art. 6 part 3; 38-FZ Art. 18 part 1',
    CONSENT_NOT_SEPARATE: '152-FZ Art. 9 part 1',
    CONSENT_KIND_MISMATCH: '38-FZ Art. 18 part 1; 126-FZ Art. 44.1 item 1',
    NOTICE_OPERATOR_MISSING: '152-FZ Art. 18 part 3 item 1',
    NOTICE_PURPOSE_MISSING: '152-FZ Art. 18 part 3 item 2',
    NOTICE_LEGAL_BASIS_MISSING: '152-FZ Art. 18 part 3 item 2',
    NOTICE_PDN_LIST_MISSING: '152-FZ Art. 18 part 3 item 3',
    NOTICE_RECIPIENTS_MISSING: '152-FZ Art. 18 part 3 item 4',
    NOTICE_RIGHTS_MISSING: '152-FZ Art. 18 part 3 item 5',
    NOTICE_SOURCE_MISSING: '152-FZ Art. 18 part 3 item 6',
    NOTICE_LATE: '152-FZ Art. 18 part 3',
  },
  'eu-gdpr': {
    ROW_MALFORMED: 'GDPR Art. 5(2)',
    PHONE_MISSING: 'GDPR Art. 5(1)(d)',
    PHONE_INVALID: 'GDPR Art. 5(1)(d)',
    EMAIL_MISSING: 'GDPR Art. 5(1)(d)',
    EMAIL_INVALID: 'GDPR Art. 5(1)(d)',
    PHONE_TYPE_BLOCKED: 'practice',
    PHONE_COUNTRY_BLOCKED: 'practice',
    DUPLICATE: 'GDPR Art. 5(1)(c)',
    SUPPRESSED: 'GDPR Art. 21(2), Art. 21(3); ePrivacy Directive 2002/58/EC Art. 13(3); practice',
    SOURCE_BLOCKED: 'GDPR Art. 5(1)(a), Art. 6(1)',
    CONSENT_MISSING: 'GDPR Art. 6(1)(a), Art. 7(1); ePrivacy Directive 2002/58/EC Art. 13(1), Art. 13(3); GDPR Art. 6(1)(f), Recital 47',
    CONSENT_WITHDRAWN: 'GDPR Art. 7(3), Art. 21(3)',
    CONSENT_NUMBER_REASSIGNED: 'GDPR Art. 4(11); ePrivacy Directive 2002/58/EC Art. 13(1)',
    CONSENT_EXPIRED: 'GDPR Art. 7(1); practice',
    CONSENT_PURPOSE_MISMATCH: 'GDPR Art. 5(1)(b), Art. 6(1)(a)',
    // Art. 6(1)(a) speaks of purposes, not channels; Art. 4(11) makes consent specific.
    CONSENT_CHANNEL_MISMATCH: 'GDPR Art. 4(11); ePrivacy Directive 2002/58/EC Art. 13(1)',
    CONSENT_UNPROVEN: 'GDPR Art. 7(1)',
    // Art. 6(1)(a) names no controller; Recital 42: informed consent knows the controller's identity.
    CONSENT_OPERATOR_MISMATCH: 'GDPR Art. 4(11), Recital 42, Art. 7(1)',
    CONSENT_NOT_SEPARATE: 'GDPR Art. 7(2)',
    CONSENT_KIND_MISMATCH: 'ePrivacy Directive 2002/58/EC Art. 13(1), Art. 13(2)',
    NOTICE_OPERATOR_MISSING: 'GDPR Art. 14(1)(a), Art. 13(1)(a)',
    NOTICE_PURPOSE_MISSING: 'GDPR Art. 14(1)(c), Art. 13(1)(c)',
    NOTICE_LEGAL_BASIS_MISSING: 'GDPR Art. 14(1)(c), Art. 13(1)(c)',
    NOTICE_PDN_LIST_MISSING: 'GDPR Art. 14(1)(d)',
    NOTICE_RECIPIENTS_MISSING: 'GDPR Art. 14(1)(e), Art. 13(1)(e)',
    NOTICE_RIGHTS_MISSING: 'GDPR Art. 14(2)(c)-(e), Art. 13(2)(b)-(d)',
    NOTICE_SOURCE_MISSING: 'GDPR Art. 14(2)(f)',
    NOTICE_RETENTION_MISSING: 'GDPR Art. 14(2)(a), Art. 13(2)(a)',
    NOTICE_LATE: 'GDPR Art. 14(3), Art. 13(1)',
  },
  'uk-pecr': {
    ROW_MALFORMED: 'UK GDPR Art. 5(2)',
    PHONE_MISSING: 'UK GDPR Art. 5(1)(d)',
    PHONE_INVALID: 'UK GDPR Art. 5(1)(d)',
    EMAIL_MISSING: 'UK GDPR Art. 5(1)(d)',
    EMAIL_INVALID: 'UK GDPR Art. 5(1)(d)',
    PHONE_TYPE_BLOCKED: 'practice',
    PHONE_COUNTRY_BLOCKED: 'practice',
    DUPLICATE: 'UK GDPR Art. 5(1)(c)',
    SUPPRESSED: 'PECR reg. 21(1)(a), reg. 21(1)(b), reg. 21(4); UK GDPR Art. 21(3)',
    SOURCE_BLOCKED: 'UK GDPR Art. 5(1)(a), Art. 6(1)',
    CONSENT_MISSING: 'PECR reg. 21(1)(b), reg. 21(4), reg. 19, reg. 22(2)',
    CONSENT_WITHDRAWN: 'PECR reg. 21(1)(a), reg. 21(5); UK GDPR Art. 7(3)',
    CONSENT_NUMBER_REASSIGNED: 'UK GDPR Art. 4(11); PECR reg. 19, reg. 22(2)',
    CONSENT_EXPIRED: 'UK GDPR Art. 7(1); practice',
    CONSENT_PURPOSE_MISMATCH: 'UK GDPR Art. 5(1)(b), Art. 6(1)(a)',
    CONSENT_CHANNEL_MISMATCH: 'PECR reg. 21(4), reg. 22(2)',
    CONSENT_UNPROVEN: 'UK GDPR Art. 7(1)',
    CONSENT_OPERATOR_MISMATCH: 'PECR reg. 21(4), reg. 22(2); UK GDPR Art. 4(11), Art. 7(1)',
    CONSENT_NOT_SEPARATE: 'UK GDPR Art. 7(2)',
    CONSENT_KIND_MISMATCH: 'PECR reg. 21(4), reg. 22(2), reg. 22(3)',
    NOTICE_OPERATOR_MISSING: 'UK GDPR Art. 14(1)(a), Art. 13(1)(a)',
    NOTICE_PURPOSE_MISSING: 'UK GDPR Art. 14(1)(c), Art. 13(1)(c)',
    NOTICE_LEGAL_BASIS_MISSING: 'UK GDPR Art. 14(1)(c), Art. 13(1)(c)',
    NOTICE_PDN_LIST_MISSING: 'UK GDPR Art. 14(1)(d)',
    NOTICE_RECIPIENTS_MISSING: 'UK GDPR Art. 14(1)(e), Art. 13(1)(e)',
    NOTICE_RIGHTS_MISSING: 'UK GDPR Art. 14(2)(c)-(e), Art. 13(2)(b)-(d)',
    NOTICE_SOURCE_MISSING: 'UK GDPR Art. 14(2)(f)',
    NOTICE_RETENTION_MISSING: 'UK GDPR Art. 14(2)(a), Art. 13(2)(a)',
    NOTICE_LATE: 'UK GDPR Art. 14(3), Art. 13(1)',
    LIST_STALE: 'PECR reg. 21(1)(b), reg. 21(3)',
  },
  'us-tcpa': {
    ROW_MALFORMED: '47 CFR 64.1200(c)(2)',
    PHONE_MISSING: '47 CFR 64.1200(c)(2)',
    PHONE_INVALID: '47 CFR 64.1200(c)(2)',
    EMAIL_MISSING: 'practice',
    EMAIL_INVALID: 'practice',
    PHONE_TYPE_BLOCKED: 'practice; 47 CFR 64.1200(a)(1)(iii)',
    PHONE_COUNTRY_BLOCKED: 'practice',
    DUPLICATE: 'practice',
    SUPPRESSED: '47 CFR 64.1200(c)(2), 64.1200(c)(2)(ii); 16 CFR 310.4(b)(1)(iii)(B); 47 CFR 64.1200(d)(3); 15 U.S.C. 7704(a)(4); 47 CFR 64.3100(a)',
    SOURCE_BLOCKED: 'practice',
    CONSENT_MISSING: '47 CFR 64.1200(a)(2), 64.1200(a)(3); 16 CFR 310.4(b)(1)(v); practice',
    CONSENT_WITHDRAWN: '47 CFR 64.1200(a)(10); 15 U.S.C. 7704(a)(4)',
    CONSENT_NUMBER_REASSIGNED: '47 CFR 64.1200(a)(2), 64.1200(m)',
    CONSENT_EXPIRED: 'practice',
    CONSENT_PURPOSE_MISMATCH: '47 CFR 64.1200(f)(9)',
    CONSENT_CHANNEL_MISMATCH: '47 CFR 64.1200(a)(2), 64.1200(f)(9)',
    CONSENT_UNPROVEN: '47 CFR 64.1200(f)(9)',
    CONSENT_OPERATOR_MISMATCH: '47 CFR 64.1200(f)(9)',
    CONSENT_KIND_MISMATCH: '47 CFR 64.1200(f)(9)',
    LIST_STALE: '16 CFR 310.4(b)(3)(iv); 47 CFR 64.1200(c)(2)(i)(D)',
  },
};

describe('the code-to-reference table of each preset', () => {
  it.each(PRESET_NAMES)('%s cites exactly the pinned provisions', (preset) => {
    const got = Object.fromEntries(REASON_CODES.flatMap((code) => {
      const refs = lawFor(code, preset);
      return refs ? [[code, citationsShortEn(refs)]] : [];
    }));
    expect(got).toEqual(PINNED[preset]);
  });

  it('corrects what the legal review of issue #10 found wrong', () => {
    // The operator is item 3 of 152-FZ Art. 9 part 4 (item 2 is the representative, item 4 the purpose).
    expect(lawText('CONSENT_OPERATOR_MISMATCH', 'ru-152fz')).not.toMatch(/item 2|item 4/);
    // Calling a number abroad is not a cross-border transfer (152-FZ Art. 12, GDPR Art. 44).
    for (const p of PRESET_NAMES) expect(lawText('PHONE_COUNTRY_BLOCKED', p)).toMatch(/^a policy setting \(allowed_countries\), no article/);
    // No law speaks of number types, except the TCPA's called-party-charged numbers.
    for (const p of ['ru-152fz', 'eu-gdpr', 'uk-pecr'] as const) expect(lawText('PHONE_TYPE_BLOCKED', p)).toMatch(/^the policy's practice, no article/);
    // 64.1200(d) is about company do-not-call procedures, not duplicates.
    expect(lawText('DUPLICATE', 'us-tcpa')).not.toContain('64.1200');
    // 38-FZ Art. 18 part 1: the advertising distributor (рекламораспространитель) proves consent.
    expect(lawText('CONSENT_UNPROVEN', 'ru-152fz')).toContain('unless the advertising distributor proves it');
    // 9(4) is about written consent, and the TCPA sets no expiry.
    expect(lawText('CONSENT_EXPIRED', 'ru-152fz')).toContain('a written consent, where a federal law requires one, states among other things the term');
    expect(lawText('CONSENT_EXPIRED', 'us-tcpa')).toMatch(/^the TCPA sets no expiry/);
    // GDPR Art. 6(1)(f) and Recital 47 are the alternative basis, said as such.
    expect(lawText('CONSENT_MISSING', 'eu-gdpr')).toContain('legitimate interests: the alternative basis for the processing');
    // 126-FZ Art. 44.1 is divided into items (пункты), not parts.
    expect(lawText('SUPPRESSED', 'ru-152fz')).toContain('126-FZ Art. 44.1 item 1.1');
  });

  it('says what each provision says, as the verification of the references found (docs/legal-references.md)', () => {
    // GDPR Art. 6(1)(a) is consent for specific purposes: it names no controller and no channel.
    for (const code of ['CONSENT_OPERATOR_MISMATCH', 'CONSENT_CHANNEL_MISMATCH'] as const) {
      for (const p of ['eu-gdpr', 'uk-pecr'] as const) expect(lawText(code, p), `${code} ${p}`).not.toContain('Art. 6(1)(a)');
    }
    expect(lawText('CONSENT_OPERATOR_MISMATCH', 'eu-gdpr')).toContain('Recital 42 (for consent to be informed, the data subject should know at least the identity of the controller)');
    // 152-FZ Art. 6 part 3 lets the operator entrust processing with the subject's consent.
    expect(lawText('CONSENT_OPERATOR_MISMATCH', 'ru-152fz')).toContain("152-FZ Art. 6 part 3 (the operator may entrust processing to another person only with the subject's consent");
    // 126-FZ Art. 44.1 item 1.1 is a refusal of mailings (рассылка) sent to the mobile operator.
    expect(lawText('SUPPRESSED', 'ru-152fz')).toContain('126-FZ Art. 44.1 item 1.1 (refusal lists: a subscriber may send the mobile operator a refusal of mailings');
    // 47 CFR 64.1200(c)(2)(ii): the permission is a signed, written agreement with the seller naming the number.
    expect(lawText('SUPPRESSED', 'us-tcpa')).toContain('64.1200(c)(2)(ii) (unless the subscriber\'s permission is evidenced by a signed, written agreement with the seller that names the number)');
    // PECR reg. 21(3): a number listed for less than 28 days does not make the caller liable.
    expect(lawText('LIST_STALE', 'uk-pecr')).toContain('reg. 21(3) (a caller is not in breach for a number listed less than 28 days before the call)');
  });

  it('gives every citation of every preset an English gloss, so a lawyer reads why', () => {
    let n = 0;
    for (const code of REASON_CODES) {
      for (const p of PRESET_NAMES) {
        for (const c of LAW[code][p] ?? []) {
          expect(c.gloss, `${code} ${p} ${citeEn(c)}`).toMatch(/[a-z]{3}/);
          if (c.act !== 'practice') {
            expect(citeEn(c)).toBe(`${placeEn(c)} (${c.gloss})`);
            // The gloss is in brackets already: none nested inside it.
            expect(c.gloss, `${code} ${p}`).not.toMatch(/[()]/);
          }
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(150);
  });
});

describe('the English renderer', () => {
  const place = (p: Provision) => placeEn(p);

  it('writes Russian acts by article, part, item and sentence', () => {
    expect(place({ act: '152-FZ', article: '9', part: '4', item: '3' })).toBe('152-FZ Art. 9 part 4 item 3');
    expect(place({ act: '38-FZ', article: '18', part: '1', sentence: 2 })).toBe('38-FZ Art. 18 part 1, second sentence');
    expect(place({ act: '126-FZ', article: '44.1', item: '1.1' })).toBe('126-FZ Art. 44.1 item 1.1');
    expect(place({ act: '41-FZ' })).toBe('41-FZ of 01.04.2025');
    expect(place({ act: 'RU-CC', article: '272.1' })).toBe('Criminal Code Art. 272.1');
  });

  it('writes EU, UK and US acts by article and paragraphs, and recitals', () => {
    expect(place({ act: 'GDPR', article: '6', path: ['1', 'f'] })).toBe('GDPR Art. 6(1)(f)');
    expect(place({ act: 'GDPR', recital: '47' })).toBe('GDPR Recital 47');
    expect(place({ act: 'UK-GDPR', article: '14', path: ['2', 'c-e'] })).toBe('UK GDPR Art. 14(2)(c)-(e)');
    expect(place({ act: 'PECR', article: '21', path: ['4'] })).toBe('PECR reg. 21(4)');
    expect(place({ act: '47-CFR', article: '64.1200', path: ['c', '2', 'i', 'D'] })).toBe('47 CFR 64.1200(c)(2)(i)(D)');
    expect(place({ act: 'EPRIVACY', article: '13', path: ['3'] })).toBe('ePrivacy Directive 2002/58/EC Art. 13(3)');
  });

  it('adds the gloss in brackets, and a practice is its words', () => {
    expect(citeEn({ act: '38-FZ', article: '18', part: '2', gloss: 'no automatic dialling' })).toBe('38-FZ Art. 18 part 2 (no automatic dialling)');
    expect(citeEn({ act: 'practice', gloss: 'data hygiene', glossRu: 'гигиена данных' })).toBe('data hygiene');
    expect(citeEn({ act: '47-CFR', article: '64.1200', path: ['a', '2'] })).toBe('47 CFR 64.1200(a)(2)');
  });

  it('joins consecutive places of one act in the short form', () => {
    expect(citationsShortEn([
      { act: '152-FZ', article: '6', part: '1', item: '1' }, { act: '152-FZ', article: '9', part: '3' },
      { act: '38-FZ', article: '18', part: '1' }, { act: 'practice', gloss: 'x' }, { act: 'practice', gloss: 'y' },
      { act: '152-FZ', article: '15', part: '2' },
    ])).toBe('152-FZ Art. 6 part 1 item 1, Art. 9 part 3; 38-FZ Art. 18 part 1; practice; 152-FZ Art. 15 part 2');
  });
});
