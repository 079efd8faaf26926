/**
 * The GDPR's provisions as the EU and UK presets cite them, in one place (the UK GDPR keeps the
 * GDPR's numbering and words for these articles), and the law behind each code under `eu-gdpr`
 * (with the ePrivacy Directive). Checked with the search tool: docs/legal-references.md.
 */
import { at, COUNTRY_SETTING, NUMBER_TYPE_PRACTICE, practice, recital, type PresetLaw } from './helpers.js';
import type { Citation } from './cite.js';

/** GDPR Art. 13 and 14: what the controller tells the subject, by notice field. */
const NOTICE_ITEMS = {
  operator: ['the identity and contact details of the controller', 'наименование и контактные данные контролёра'],
  purpose: ['the purposes and the legal basis of the processing', 'цели и правовое основание обработки'],
  pdn_list: ['the categories of personal data concerned', 'категории персональных данных'],
  recipients: ['the recipients or categories of recipients', 'получатели или категории получателей персональных данных'],
  rights: ['the rights of access, rectification, erasure, restriction and objection, to withdraw consent and to lodge a complaint',
    'права на доступ, исправление, удаление, ограничение обработки и возражение, право отозвать согласие и подать жалобу'],
  source: ['the source the personal data originate from', 'источник получения персональных данных'],
  retention: ['the period for which the data will be stored', 'срок хранения персональных данных'],
} as const;
type NoticeItem = keyof typeof NOTICE_ITEMS;

/** The provisions of the GDPR (`'GDPR'`) or the UK GDPR (`'UK-GDPR'`) the presets cite, each with its glosses. */
export function gdprFamily(act: 'GDPR' | 'UK-GDPR') {
  const a = at(act);
  const informed = (from: 'not' | 'from', article: '13' | '14', path: string[], item: NoticeItem): Citation => {
    const [en, ru] = NOTICE_ITEMS[item];
    return a(article, { path }, from === 'not' ? `data not obtained from the subject: ${en}` : `data obtained from the subject: ${en}`,
      from === 'not' ? `данные получены не от субъекта: ${ru}` : `данные получены от субъекта: ${ru}`);
  };
  /** Art. 14 and, where the field applies to data from the subject too, Art. 13. */
  const notice = (item: NoticeItem, art14: string[], art13?: string[]): Citation[] =>
    [informed('not', '14', art14, item), ...(art13 ? [informed('from', '13', art13, item)] : [])];
  return {
    lawful: a('5', { path: ['1', 'a'] }, 'lawfulness, fairness and transparency', 'законность, добросовестность и прозрачность обработки'),
    purposeLimited: a('5', { path: ['1', 'b'] }, 'purpose limitation: no further processing incompatible with the purposes of collection',
      'ограничение цели: данные не обрабатываются способом, несовместимым с целями их сбора'),
    minimal: a('5', { path: ['1', 'c'] }, 'data minimisation: adequate, relevant and limited to what is necessary',
      'минимизация данных: данные адекватны, относимы и ограничены необходимым для целей обработки'),
    accurate: a('5', { path: ['1', 'd'] }, 'accuracy: inaccurate data are erased or rectified without delay',
      'точность: неточные данные без промедления удаляются или исправляются'),
    accountable: a('5', { path: ['2'] }, 'accountability: the controller must be able to demonstrate compliance',
      'подотчётность: контролёр должен быть способен доказать соблюдение принципов обработки'),
    basis: a('6', { path: ['1'] }, 'processing is lawful only on one of the bases listed', 'обработка законна, только если имеется одно из перечисленных оснований'),
    consent: a('6', { path: ['1', 'a'] }, 'the data subject has consented to processing for one or more specific purposes',
      'субъект данных дал согласие на обработку своих персональных данных для одной или нескольких конкретных целей'),
    consentDefined: a('4', { path: ['11'] }, "consent is a freely given, specific, informed and unambiguous indication of the data subject's wishes",
      'согласием является свободно данное, конкретное, информированное и однозначное волеизъявление субъекта данных'),
    demonstrable: a('7', { path: ['1'] }, 'the controller must be able to demonstrate that the data subject has consented',
      'контролёр должен быть способен доказать, что субъект данных дал согласие'),
    distinguishable: a('7', { path: ['2'] },
      'a consent request in a written declaration that also concerns other matters must be clearly distinguishable from them',
      'если согласие даётся в письменном заявлении, касающемся и других вопросов, просьба о согласии должна быть чётко отделена от них'),
    withdrawable: a('7', { path: ['3'] }, 'consent may be withdrawn at any time', 'субъект данных вправе отозвать согласие в любое время'),
    objection: a('21', { path: ['2'] }, 'the right to object at any time to processing for direct marketing',
      'право в любое время возразить против обработки персональных данных для целей прямого маркетинга'),
    noMoreMarketing: a('21', { path: ['3'] }, 'after an objection the data are no longer processed for direct marketing',
      'после возражения персональные данные больше не обрабатываются для целей прямого маркетинга'),
    notice,
    noticeLate: [
      a('14', { path: ['3'] },
        'within a reasonable period, at the latest one month after obtaining the data, or at the first communication with the subject or the first disclosure',
        'в разумный срок, но не позднее одного месяца после получения данных, либо при первом контакте с субъектом или при первом раскрытии данных'),
      a('13', { path: ['1'] }, 'data obtained from the subject: at the time they are obtained', 'данные получены от субъекта: в момент их получения'),
    ],
    retention: [
      a('14', { path: ['2', 'a'] }, `data not obtained from the subject: ${NOTICE_ITEMS.retention[0]}`, `данные получены не от субъекта: ${NOTICE_ITEMS.retention[1]}`),
      a('13', { path: ['2', 'a'] }, `data obtained from the subject: ${NOTICE_ITEMS.retention[0]}`, `данные получены от субъекта: ${NOTICE_ITEMS.retention[1]}`),
    ],
    noExpiry: practice('the GDPR sets no expiry: a maximum consent age (consent_max_age_days) is a term the policy sets',
      'срок действия согласия законом не установлен: предельный срок давности согласия устанавливается политикой проверки'),
  };
}

/** What the EU and UK presets share for the notice fields and the data-quality codes. */
export function gdprShared(g: ReturnType<typeof gdprFamily>): PresetLaw {
  return {
    ROW_MALFORMED: [g.accountable],
    PHONE_MISSING: [g.accurate],
    PHONE_INVALID: [g.accurate],
    EMAIL_MISSING: [g.accurate],
    EMAIL_INVALID: [g.accurate],
    PHONE_TYPE_BLOCKED: [NUMBER_TYPE_PRACTICE],
    PHONE_COUNTRY_BLOCKED: [COUNTRY_SETTING],
    DUPLICATE: [g.minimal],
    SOURCE_BLOCKED: [g.lawful, g.basis],
    CONSENT_EXPIRED: [g.demonstrable, g.noExpiry],
    CONSENT_PURPOSE_MISMATCH: [g.purposeLimited, g.consent],
    CONSENT_UNPROVEN: [g.demonstrable],
    CONSENT_NOT_SEPARATE: [g.distinguishable],
    NOTICE_OPERATOR_MISSING: g.notice('operator', ['1', 'a'], ['1', 'a']),
    NOTICE_PURPOSE_MISSING: g.notice('purpose', ['1', 'c'], ['1', 'c']),
    NOTICE_LEGAL_BASIS_MISSING: g.notice('purpose', ['1', 'c'], ['1', 'c']),
    NOTICE_PDN_LIST_MISSING: g.notice('pdn_list', ['1', 'd']),
    NOTICE_RECIPIENTS_MISSING: g.notice('recipients', ['1', 'e'], ['1', 'e']),
    NOTICE_RIGHTS_MISSING: g.notice('rights', ['2', 'c-e'], ['2', 'b-d']),
    NOTICE_SOURCE_MISSING: g.notice('source', ['2', 'f']),
    NOTICE_RETENTION_MISSING: g.retention,
    NOTICE_LATE: g.noticeLate,
  };
}

const gdpr = gdprFamily('GDPR');
const eprivacy = at('EPRIVACY');

export const EU_GDPR: PresetLaw = {
  ...gdprShared(gdpr),
  SUPPRESSED: [
    { ...gdpr.objection, gloss: `objection lists: ${gdpr.objection.gloss}`, glossRu: `возражения: ${gdpr.objection.glossRu}` },
    gdpr.noMoreMarketing,
    eprivacy('13', { path: ['3'] },
      'registry lists: where a member state chose opt-out, no calls to subscribers who do not wish to receive them',
      'реестры: если государство-член ЕС выбрало модель отказа, звонки абонентам, которые не желают их получать, не допускаются'),
    practice("internal lists: the controller's own do-not-contact list, honoured as the policy's practice",
      'внутренние стоп-листы: собственный список контролёра, который соблюдается как практика политики проверки'),
  ],
  CONSENT_MISSING: [
    gdpr.consent,
    gdpr.demonstrable,
    eprivacy('13', { path: ['1'] },
      'automated calling systems, fax and electronic mail, SMS included, used for direct marketing need the subscriber\'s prior consent',
      'автоматические системы вызова без участия человека, факс и электронная почта, включая СМС, используются для прямого маркетинга только с предварительного согласия абонента'),
    eprivacy('13', { path: ['3'] }, 'other calls: each member state chooses consent or opt-out',
      'иные звонки: каждое государство-член ЕС выбирает между обязательным согласием и правом абонента отказаться'),
    at('GDPR')('6', { path: ['1', 'f'] }, 'legitimate interests: the alternative basis for the processing, not for the communication',
      'законные интересы: альтернативное основание для обработки данных, но не для самого направления сообщений'),
    recital('GDPR', '47', 'direct marketing may be regarded as a legitimate interest',
      'обработка персональных данных для целей прямого маркетинга может рассматриваться как осуществляемая в законных интересах'),
  ],
  CONSENT_WITHDRAWN: [gdpr.withdrawable, gdpr.noMoreMarketing],
  // Issue #14: consent is the data subject's own indication; a number's previous subscriber is another person.
  CONSENT_NUMBER_REASSIGNED: [
    gdpr.consentDefined,
    eprivacy('13', { path: ['1'] }, 'direct marketing by automated calls, fax or electronic mail needs the prior consent of the subscribers or users reached',
      'прямой маркетинг с помощью автоматических вызовов, факса или электронной почты допускается только с предварительного согласия тех абонентов или пользователей, к которым он обращён'),
  ],
  CONSENT_CHANNEL_MISMATCH: [
    gdpr.consentDefined,
    eprivacy('13', { path: ['1'] }, 'consent to direct marketing by this means of communication', 'согласие на прямой маркетинг именно этим средством связи'),
  ],
  CONSENT_OPERATOR_MISMATCH: [
    gdpr.consentDefined,
    recital('GDPR', '42', 'for consent to be informed, the data subject should know at least the identity of the controller',
      'чтобы согласие было информированным, субъект данных должен знать как минимум, кто является контролёром'),
    gdpr.demonstrable,
  ],
  CONSENT_KIND_MISMATCH: [eprivacy('13', { path: ['1'] }, 'consent to receive the communications, not only to the processing of data',
    'согласие на получение сообщений прямого маркетинга, а не только на обработку данных'),
  // Issue #15: the soft opt-in and its conditions.
  eprivacy('13', { path: ['2'] },
    "soft opt-in: email contact details obtained from the sender's own customers in the context of a sale, for its own similar products, with a free and easy chance to object at collection and in each message",
    'исключение для существующих клиентов: адрес электронной почты получен от собственного клиента в связи с продажей, рассылка касается собственных аналогичных товаров или услуг, и при получении адреса и в каждом сообщении клиенту дана бесплатная и простая возможность отказаться')],
};
