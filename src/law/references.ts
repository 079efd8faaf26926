/**
 * The law behind each reason code, under each preset (issue #10: every reference checked against
 * the text of the law; the closing note of #10 says where each was found). A code a preset does not
 * apply has no entry for it. `leadaudit reasons`, report.json, report.html and the README's table
 * all come from here; test/unit/law.test.ts pins the table.
 */
import type { ReasonCode } from '../reasons.js';
import type { PresetName } from '../policy/preset-names.js';
import { citationsEn, type Act, type Citation, type Practice, type Provision } from './cite.js';

type Place = Partial<Omit<Provision, 'act' | 'article'>>;
const at = (act: Act) => (article: string, place: Place = {}): Provision => ({ act, article, ...place });
const pd = at('152-FZ');
const adv = at('38-FZ');
const comms = at('126-FZ');
const gdpr = at('GDPR');
const ukGdpr = at('UK-GDPR');
const eprivacy = at('EPRIVACY');
const pecr = at('PECR');
const cfr47 = at('47-CFR');
const cfr16 = at('16-CFR');
const practice = (gloss: string): Practice => ({ act: 'practice', gloss });

/** Notice item under 152-FZ Art. 18 part 3, GDPR Art. 14 and, for data from the subject, Art. 13. */
function notice(item: string, art14: string[], art13: string[] | undefined): Partial<Record<PresetName, Citation[]>> {
  const from = (a: typeof gdpr) => [
    a('14', { path: art14, gloss: 'data not obtained from the subject' }),
    ...(art13 ? [a('13', { path: art13, gloss: 'data obtained from the subject' })] : []),
  ];
  return {
    'ru-152fz': [pd('18', { part: '3', item, gloss: 'before processing data not received from the subject' })],
    'eu-gdpr': from(gdpr),
    'uk-pecr': from(ukGdpr),
  };
}

const accuracy: Partial<Record<PresetName, Citation[]>> = {
  'ru-152fz': [pd('5', { part: '6', gloss: 'data must be accurate and sufficient' })],
  'eu-gdpr': [gdpr('5', { path: ['1', 'd'], gloss: 'accuracy' })],
  'uk-pecr': [ukGdpr('5', { path: ['1', 'd'], gloss: 'accuracy' })],
  'us-tcpa': [cfr47('64.1200', { path: ['c', '2'], gloss: 'a number that cannot be read cannot be screened against the National Do Not Call Registry' })],
};

const numberTypePractice = practice("the policy's practice, no article: premium-rate and shared-cost numbers charge the caller or share the cost with the person called, and an SMS to a number that is not mobile is not delivered");

export const LAW: Record<ReasonCode, Partial<Record<PresetName, readonly Citation[]>>> = {
  ROW_MALFORMED: {
    'ru-152fz': [pd('9', { part: '3', gloss: 'the operator must prove consent, which it cannot for a row it cannot read' })],
    'eu-gdpr': [gdpr('5', { path: ['2'], gloss: 'accountability: compliance must be demonstrable' })],
    'uk-pecr': [ukGdpr('5', { path: ['2'], gloss: 'accountability' })],
    'us-tcpa': accuracy['us-tcpa']!,
  },
  PHONE_MISSING: accuracy,
  PHONE_INVALID: accuracy,
  PHONE_TYPE_BLOCKED: {
    'ru-152fz': [numberTypePractice],
    'eu-gdpr': [numberTypePractice],
    'uk-pecr': [numberTypePractice],
    'us-tcpa': [numberTypePractice, cfr47('64.1200', { path: ['a', '1', 'iii'], gloss: 'autodialled or prerecorded calls to wireless numbers and to any service for which the called party is charged need consent' })],
  },
  PHONE_COUNTRY_BLOCKED: Object.fromEntries((['ru-152fz', 'eu-gdpr', 'uk-pecr', 'us-tcpa'] as const).map((p) => [p, [
    practice('a policy setting (allowed_countries), no article: calling a number abroad is not a cross-border transfer of personal data'),
  ]])),
  DUPLICATE: {
    'ru-152fz': [pd('5', { part: '5', gloss: 'data must not be excessive' })],
    'eu-gdpr': [gdpr('5', { path: ['1', 'c'], gloss: 'data minimisation' })],
    'uk-pecr': [ukGdpr('5', { path: ['1', 'c'], gloss: 'data minimisation' })],
    'us-tcpa': [practice('data hygiene, no article: the earlier row with the number is the one audited')],
  },
  SUPPRESSED: {
    'ru-152fz': [
      pd('15', { part: '2', gloss: 'objection lists: the operator stops at once on the subject\'s demand' }),
      adv('18', { part: '1', sentence: 3, gloss: 'objection lists: the advertising distributor stops at once on the addressee\'s demand' }),
      comms('44.1', { item: '1.1', gloss: 'refusal lists: refusals of mailings sent to the subscriber\'s mobile operator, added by 41-FZ of 01.04.2025' }),
      { act: '41-FZ', gloss: 'refusal lists: subscribers may refuse mass calls through their operator from 1 September 2025' },
      practice('internal lists: the operator\'s own do-not-contact list, honoured as the policy\'s practice'),
    ],
    'eu-gdpr': [
      gdpr('21', { path: ['2'], gloss: 'objection lists: the right to object to direct marketing' }),
      gdpr('21', { path: ['3'], gloss: 'after an objection the data are no longer processed for direct marketing' }),
      eprivacy('13', { path: ['3'], gloss: 'registry lists: national opt-out registers where a member state chose opt-out' }),
      practice('internal lists: the controller\'s own do-not-contact list, honoured as the policy\'s practice'),
    ],
    'uk-pecr': [
      pecr('21', { path: ['1', 'a'], gloss: 'objection lists: the subscriber told this caller not to call' }),
      pecr('21', { path: ['1', 'b'], gloss: 'registry lists: the TPS and CTPS register kept under reg. 26' }),
      pecr('21', { path: ['4'], gloss: 'a listed number may be called by a caller the subscriber told they do not object' }),
      ukGdpr('21', { path: ['3'], gloss: 'after an objection the data are no longer processed for direct marketing' }),
    ],
    'us-tcpa': [
      cfr47('64.1200', { path: ['c', '2'], gloss: 'registry lists: the National Do Not Call Registry' }),
      cfr47('64.1200', { path: ['c', '2', 'ii'], gloss: 'a signed written agreement with the seller overrides the registry' }),
      cfr16('310.4', { path: ['b', '1', 'iii', 'B'], gloss: 'registry lists under the Telemarketing Sales Rule' }),
      cfr47('64.1200', { path: ['d', '3'], gloss: 'internal and objection lists: the company\'s own do-not-call list, honoured within ten business days from 11 April 2025' }),
    ],
  },
  SOURCE_BLOCKED: {
    'ru-152fz': [
      pd('5', { part: '1', gloss: 'processing must be lawful' }),
      pd('10.1', { part: '2', gloss: 'whoever processes data a person made public without consent to distribution must prove it lawful' }),
      { act: 'RU-CC', article: '272.1', gloss: 'use and transfer of personal data obtained unlawfully is a crime' },
    ],
    'eu-gdpr': [gdpr('5', { path: ['1', 'a'], gloss: 'lawful processing' }), gdpr('6', { path: ['1'], gloss: 'a lawful basis' })],
    'uk-pecr': [ukGdpr('5', { path: ['1', 'a'], gloss: 'lawful processing' }), ukGdpr('6', { path: ['1'], gloss: 'a lawful basis' })],
    'us-tcpa': [practice("the policy's practice, no article: data from a blocked source (a leak, scraping) is not used")],
  },
  DIAL_MODE_BANNED: {
    'ru-152fz': [
      adv('18', { part: '2', gloss: 'advertising by means that select or dial the number without a person, such as automatic dialling or automatic mailing, is banned' }),
      practice("prerecorded: the preset's practice, which treats a prerecorded advertising call as placed without a person"),
    ],
  },
  CONSENT_MISSING: {
    'ru-152fz': [
      pd('6', { part: '1', item: '1', gloss: 'consent as the basis of processing' }),
      pd('9', { part: '3', gloss: 'the operator proves consent' }),
      pd('15', { part: '1', gloss: 'marketing by direct contact needs prior consent' }),
      adv('18', { part: '1', gloss: 'advertising by telephone, SMS or email needs the subscriber\'s prior consent' }),
      comms('44.1', { item: '1', gloss: 'SMS mailings need the subscriber\'s prior consent' }),
    ],
    'eu-gdpr': [
      gdpr('6', { path: ['1', 'a'], gloss: 'consent' }),
      gdpr('7', { path: ['1'], gloss: 'demonstrable consent' }),
      eprivacy('13', { path: ['1'], gloss: 'automated calls, fax and electronic mail (email, SMS) need prior consent' }),
      eprivacy('13', { path: ['3'], gloss: 'other calls: each member state chooses consent or opt-out' }),
      gdpr('6', { path: ['1', 'f'], gloss: 'legitimate interests: the alternative basis for the processing, not for the communication' }),
      { act: 'GDPR', recital: '47', gloss: 'direct marketing may be a legitimate interest' },
    ],
    'uk-pecr': [
      pecr('21', { path: ['1', 'b'], gloss: 'live calls: not to numbers on the TPS or CTPS register' }),
      pecr('21', { path: ['4'], gloss: 'unless the subscriber told this caller they do not object' }),
      pecr('19', { gloss: 'automated (recorded) calls need consent' }),
      pecr('22', { path: ['2'], gloss: 'SMS and email need consent' }),
    ],
    'us-tcpa': [
      cfr47('64.1200', { path: ['a', '2'], gloss: 'autodialled or prerecorded telemarketing calls and texts to wireless numbers need prior express written consent' }),
      cfr47('64.1200', { path: ['a', '3'], gloss: 'prerecorded telemarketing calls to residential lines need prior express written consent' }),
      cfr16('310.4', { path: ['b', '1', 'v'], gloss: 'prerecorded telemarketing messages need the recipient\'s written agreement' }),
      practice('live calls need no consent, but the preset requires it when the National Do Not Call list was not given or is stale; the TCPA does not cover email'),
    ],
  },
  CONSENT_WITHDRAWN: {
    'ru-152fz': [
      pd('9', { part: '2', gloss: 'consent may be withdrawn' }),
      pd('15', { part: '2', gloss: 'marketing stops at once on the subject\'s demand' }),
      adv('18', { part: '1', sentence: 3, gloss: 'advertising stops at once on the addressee\'s demand' }),
    ],
    'eu-gdpr': [gdpr('7', { path: ['3'], gloss: 'consent may be withdrawn at any time' }), gdpr('21', { path: ['3'], gloss: 'objection to direct marketing' })],
    'uk-pecr': [
      pecr('21', { path: ['1', 'a'], gloss: 'the subscriber told this caller not to call' }),
      pecr('21', { path: ['5'], gloss: 'the subscriber may withdraw the notification that let a listed number be called' }),
      ukGdpr('7', { path: ['3'], gloss: 'consent may be withdrawn at any time' }),
    ],
    'us-tcpa': [cfr47('64.1200', { path: ['a', '10'], gloss: 'revocation of consent in any reasonable manner, honoured within ten business days (from 11 April 2025)' })],
  },
  CONSENT_EXPIRED: {
    'ru-152fz': [
      pd('9', { part: '4', item: '8', gloss: 'a written consent states the term it is given for' }),
      practice('a maximum consent age (consent_max_age_days) is a term the policy sets'),
    ],
    'eu-gdpr': [gdpr('7', { path: ['1'], gloss: 'consent must be shown to hold when relied on' }), practice('a maximum consent age is a term the policy sets')],
    'uk-pecr': [ukGdpr('7', { path: ['1'], gloss: 'consent must be shown to hold when relied on' }), practice('a maximum consent age is a term the policy sets')],
    'us-tcpa': [practice("the TCPA sets no expiry: the consent's own end date, or a maximum age the policy sets")],
  },
  CONSENT_PURPOSE_MISMATCH: {
    'ru-152fz': [pd('5', { part: '2', gloss: 'no processing incompatible with the purposes of collection' })],
    'eu-gdpr': [gdpr('5', { path: ['1', 'b'], gloss: 'purpose limitation' }), gdpr('6', { path: ['1', 'a'], gloss: 'consent for one or more specific purposes' })],
    'uk-pecr': [ukGdpr('5', { path: ['1', 'b'], gloss: 'purpose limitation' }), ukGdpr('6', { path: ['1', 'a'], gloss: 'consent for specific purposes' })],
    'us-tcpa': [cfr47('64.1200', { path: ['f', '9'], gloss: 'the written agreement authorizes advertisements or telemarketing messages' })],
  },
  CONSENT_CHANNEL_MISMATCH: {
    'ru-152fz': [pd('9', { part: '1', gloss: 'consent is specific' }), adv('18', { part: '1', gloss: 'consent to advertising by this means of communication' })],
    'eu-gdpr': [gdpr('6', { path: ['1', 'a'], gloss: 'specific consent' }), eprivacy('13', { path: ['1'], gloss: 'consent to communications by this means' })],
    'uk-pecr': [pecr('21', { path: ['4'], gloss: 'calls' }), pecr('22', { path: ['2'], gloss: 'SMS and email' })],
    'us-tcpa': [cfr47('64.1200', { path: ['a', '2'] }), cfr47('64.1200', { path: ['f', '9'], gloss: 'the agreement names the number and the kind of call' })],
  },
  CONSENT_UNPROVEN: {
    'ru-152fz': [
      pd('9', { part: '3', gloss: 'the operator proves consent' }),
      pd('15', { part: '1', sentence: 2, gloss: 'marketing counts as without consent unless the operator proves it' }),
      adv('18', { part: '1', sentence: 2, gloss: 'advertising counts as sent without consent unless the advertising distributor proves it' }),
      comms('44.1', { item: '1', sentence: 2, gloss: 'a mailing counts as sent without consent unless its customer proves it' }),
    ],
    'eu-gdpr': [gdpr('7', { path: ['1'], gloss: 'the controller shall be able to demonstrate consent' })],
    'uk-pecr': [ukGdpr('7', { path: ['1'], gloss: 'the controller shall be able to demonstrate consent' })],
    'us-tcpa': [cfr47('64.1200', { path: ['f', '9'], gloss: 'a written agreement bearing the signature of the person called' })],
  },
  CONSENT_OPERATOR_MISMATCH: {
    'ru-152fz': [
      pd('9', { part: '4', item: '3', gloss: 'a written consent names the operator receiving it' }),
      pd('9', { part: '4', item: '6', gloss: 'and whoever processes the data on the operator\'s instruction' }),
      pd('6', { part: '3', gloss: 'another person processes the data only on the operator\'s instruction' }),
      adv('18', { part: '1', gloss: 'consent to receive advertising' }),
    ],
    'eu-gdpr': [gdpr('6', { path: ['1', 'a'], gloss: 'consent to a named controller' }), gdpr('7', { path: ['1'] })],
    'uk-pecr': [pecr('21', { path: ['4'], gloss: 'notified to this caller' }), pecr('22', { path: ['2'], gloss: 'given to this sender' }), ukGdpr('7', { path: ['1'] })],
    'us-tcpa': [cfr47('64.1200', { path: ['f', '9'], gloss: 'the agreement authorizes the seller' })],
  },
  CONSENT_NOT_SEPARATE: {
    'ru-152fz': [pd('9', { part: '1', gloss: 'from 1 September 2025 (156-FZ of 24.06.2025) consent is given separately from other documents the subject signs' })],
    'eu-gdpr': [gdpr('7', { path: ['2'], gloss: 'a consent request in a declaration on other matters must be clearly distinguishable from them' })],
    'uk-pecr': [ukGdpr('7', { path: ['2'], gloss: 'a consent request in a declaration on other matters must be clearly distinguishable from them' })],
  },
  CONSENT_KIND_MISMATCH: {
    'ru-152fz': [
      adv('18', { part: '1', gloss: 'the subscriber\'s consent to receive advertising, which consent to processing of personal data is not' }),
      comms('44.1', { item: '1', gloss: 'consent to receive mailings' }),
    ],
    'eu-gdpr': [eprivacy('13', { path: ['1'], gloss: 'consent to receive the communications' })],
    'uk-pecr': [pecr('21', { path: ['4'], gloss: 'calls' }), pecr('22', { path: ['2'], gloss: 'consent to receive such communications' })],
    'us-tcpa': [cfr47('64.1200', { path: ['f', '9'], gloss: 'an agreement authorizing advertisements or telemarketing messages' })],
  },
  NOTICE_OPERATOR_MISSING: notice('1', ['1', 'a'], ['1', 'a']),
  NOTICE_PURPOSE_MISSING: notice('2', ['1', 'c'], ['1', 'c']),
  NOTICE_LEGAL_BASIS_MISSING: notice('2', ['1', 'c'], ['1', 'c']),
  NOTICE_PDN_LIST_MISSING: notice('3', ['1', 'd'], undefined),
  NOTICE_RECIPIENTS_MISSING: notice('4', ['1', 'e'], ['1', 'e']),
  NOTICE_RIGHTS_MISSING: notice('5', ['2', 'c-e'], ['2', 'b-d']),
  NOTICE_SOURCE_MISSING: notice('6', ['2', 'f'], undefined),
  NOTICE_RETENTION_MISSING: {
    'eu-gdpr': [gdpr('14', { path: ['2', 'a'] }), gdpr('13', { path: ['2', 'a'], gloss: 'data obtained from the subject' })],
    'uk-pecr': [ukGdpr('14', { path: ['2', 'a'] }), ukGdpr('13', { path: ['2', 'a'], gloss: 'data obtained from the subject' })],
  },
  NOTICE_LATE: {
    'ru-152fz': [pd('18', { part: '3', gloss: 'notice before processing starts' })],
    'eu-gdpr': [gdpr('14', { path: ['3'], gloss: 'at the latest at the first communication' }), gdpr('13', { path: ['1'], gloss: 'when the data are obtained from the subject' })],
    'uk-pecr': [ukGdpr('14', { path: ['3'], gloss: 'at the latest at the first communication' }), ukGdpr('13', { path: ['1'], gloss: 'when the data are obtained from the subject' })],
  },
  LIST_STALE: {
    'uk-pecr': [
      pecr('21', { path: ['1', 'b'], gloss: 'numbers on the TPS and CTPS register' }),
      pecr('21', { path: ['3'], gloss: 'a registration takes effect 28 days after listing' }),
    ],
    'us-tcpa': [
      cfr16('310.4', { path: ['b', '3', 'iv'], gloss: 'the registry obtained no more than 31 days before the call' }),
      cfr47('64.1200', { path: ['c', '2', 'i', 'D'], gloss: 'the same, in the FCC\'s safe harbour' }),
    ],
  },
};

/** The law behind a code under a preset, as data; undefined where the preset does not apply it. */
export function lawFor(code: ReasonCode, preset: PresetName | undefined): readonly Citation[] | undefined {
  return preset === undefined ? undefined : LAW[code][preset];
}

/** The same, in English with glosses (what `leadaudit reasons`, report.json and report.html show). */
export function lawText(code: ReasonCode, preset: PresetName | undefined): string | undefined {
  const refs = lawFor(code, preset);
  return refs === undefined ? undefined : citationsEn(refs);
}
