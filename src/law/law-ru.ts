/**
 * The law behind each code under `ru-152fz`: 152-FZ «О персональных данных», 38-FZ «О рекламе»,
 * 126-FZ «О связи», 41-FZ of 01.04.2025 and the Criminal Code. Every place was checked with the
 * search tool (docs/legal-references.md: what it says, where, when); where only the article or the
 * part could be confirmed, that is the level cited.
 */
import { at, COUNTRY_SETTING, NUMBER_TYPE_PRACTICE, practice, wholeAct, type PresetLaw } from './helpers.js';
import type { Citation } from './cite.js';

const pd = at('152-FZ');
const adv = at('38-FZ');
const comms = at('126-FZ');

/** 152-FZ Art. 18 part 3: what the operator tells the subject before processing data not received from them. */
const NOTICE_ITEMS: Record<1 | 2 | 3 | 4 | 5 | 6, [string, string]> = {
  1: ['the name and address of the operator or its representative', 'наименование либо фамилию, имя, отчество и адрес оператора или его представителя'],
  2: ['the purpose of processing and its legal basis', 'цель обработки персональных данных и её правовое основание'],
  3: ['the list of personal data', 'перечень персональных данных'],
  4: ['the intended users of the data', 'предполагаемых пользователей персональных данных'],
  5: ["the subject's rights under the law", 'установленные законом права субъекта персональных данных'],
  6: ['the source of the data', 'источник получения персональных данных'],
};
const notice = (item: keyof typeof NOTICE_ITEMS): Citation[] => {
  const [en, ru] = NOTICE_ITEMS[item];
  return [pd('18', { part: '3', item: String(item) },
    `before processing data not received from the subject, the operator gives the subject ${en}`,
    `если данные получены не от субъекта персональных данных, оператор до начала обработки сообщает ему ${ru}`)];
};

const accuracy = [pd('5', { part: '6' },
  'data must be accurate and sufficient; incomplete or inaccurate data are deleted or corrected',
  'должны быть обеспечены точность и достаточность персональных данных, а неполные или неточные данные удаляются или уточняются')];

const operatorProves = pd('9', { part: '3' }, 'the operator must prove it obtained consent', 'обязанность доказать получение согласия субъекта персональных данных возлагается на оператора');
const marketingConsent = pd('15', { part: '1' },
  'marketing by direct contact through means of communication needs the prior consent of the subject',
  'обработка персональных данных в целях продвижения товаров, работ, услуг путём прямых контактов с помощью средств связи допускается только при условии предварительного согласия субъекта');
const advertisingConsent = adv('18', { part: '1' },
  'advertising over telecommunication networks, telephone, fax and mobile included, needs the prior consent of the subscriber or addressee to receive it',
  'распространение рекламы по сетям электросвязи допускается только при условии предварительного согласия абонента или адресата на получение рекламы');
const mailingConsent = comms('44.1', { item: '1' },
  "mailings over the mobile network need the subscriber's prior consent",
  'рассылка по сети подвижной радиотелефонной связи осуществляется только при условии предварительного согласия абонента');
const stopMarketing = (lists: boolean) => pd('15', { part: '2' },
  `${lists ? 'objection lists: ' : ''}the operator stops marketing processing at once on the subject's demand`,
  `${lists ? 'возражения: ' : ''}оператор обязан немедленно прекратить по требованию субъекта обработку его персональных данных в целях продвижения товаров, работ, услуг`);
const stopAdvertising = (lists: boolean) => adv('18', { part: '1', sentence: 3 },
  `${lists ? 'objection lists: ' : ''}the advertising distributor stops at once on the demand of the person addressed`,
  `${lists ? 'возражения: ' : ''}рекламораспространитель обязан немедленно прекратить распространение рекламы в адрес лица, обратившегося к нему с таким требованием`);

export const RU_152FZ: PresetLaw = {
  ROW_MALFORMED: [pd('9', { part: '3' },
    'the operator must prove consent, which it cannot for a row it cannot read',
    'обязанность доказать получение согласия лежит на операторе, а для строки, которую нельзя прочитать, это невозможно')],
  PHONE_MISSING: accuracy,
  PHONE_INVALID: accuracy,
  // Issue #15: an address that cannot be read is not accurate data either.
  EMAIL_MISSING: accuracy,
  EMAIL_INVALID: accuracy,
  PHONE_TYPE_BLOCKED: [NUMBER_TYPE_PRACTICE],
  PHONE_COUNTRY_BLOCKED: [COUNTRY_SETTING],
  DUPLICATE: [pd('5', { part: '5' },
    'the content and volume of the data must match the declared purposes and not be excessive',
    'содержание и объём обрабатываемых персональных данных должны соответствовать заявленным целям обработки и не быть избыточными')],
  SUPPRESSED: [
    stopMarketing(true),
    stopAdvertising(true),
    comms('44.1', { item: '1.1' },
      'refusal lists: a subscriber may send the mobile operator a refusal of mailings, and the operator must stop them; added by 41-FZ of 01.04.2025',
      'отказы: абонент вправе направить оператору подвижной радиотелефонной связи отказ от получения рассылки, и оператор обязан прекратить рассылку (пункт введён Федеральным законом от 01.04.2025 № 41-ФЗ)'),
    // The article of 41-FZ on refusing mass calls could not be found: the act is cited as a whole.
    wholeAct('41-FZ',
      'refusal lists: from 1 September 2025 subscribers may refuse mass calls through their operator',
      'отказы: с 1 сентября 2025 г. абонент вправе отказаться от массовых вызовов через своего оператора связи'),
    practice("internal lists: the operator's own do-not-contact list, honoured as the policy's practice",
      'внутренние стоп-листы: собственный список оператора, который соблюдается как практика политики проверки'),
  ],
  SOURCE_BLOCKED: [
    pd('5', { part: '1' }, 'processing must be lawful and fair', 'обработка персональных данных должна осуществляться на законной и справедливой основе'),
    pd('10.1', { part: '2' },
      'whoever processes data a person made public without consent to their distribution must prove the processing lawful',
      'если субъект сам раскрыл персональные данные неопределённому кругу лиц без согласия на распространение, доказать законность их обработки обязан каждый, кто их обрабатывает'),
    at('RU-CC')('272.1', {},
      'unlawful use, transfer, collection or storage of computer information containing personal data obtained unlawfully is a crime',
      'незаконные использование, передача, сбор и хранение компьютерной информации, содержащей персональные данные, полученной незаконным путём, являются преступлением'),
  ],
  DIAL_MODE_BANNED: [
    adv('18', { part: '2' },
      'advertising by means that select or dial the number without a person, such as automatic dialling or automatic mailing, is banned',
      'не допускается использование сетей электросвязи для распространения рекламы с применением средств выбора и набора абонентского номера без участия человека, то есть автоматического дозванивания и автоматической рассылки'),
    practice("prerecorded: the preset's practice, which treats a prerecorded advertising call as placed without a person",
      'записанное сообщение: практика настройки, по которой рекламный звонок с записанным сообщением приравнивается к звонку без участия человека'),
  ],
  CONSENT_MISSING: [
    pd('6', { part: '1', item: '1' }, 'consent as the basis of processing', 'обработка персональных данных с согласия субъекта персональных данных'),
    operatorProves,
    marketingConsent,
    advertisingConsent,
    mailingConsent,
  ],
  CONSENT_WITHDRAWN: [
    pd('9', { part: '2' }, 'consent may be withdrawn', 'согласие на обработку персональных данных может быть отозвано субъектом'),
    stopMarketing(false),
    stopAdvertising(false),
  ],
  // Issue #14: consent is the person's, not the number's (Art. 9 part 1, checked on legalacts.ru);
  // 38-FZ Art. 18 part 1 asks the consent of the subscriber, who is whoever holds the number now.
  CONSENT_NUMBER_REASSIGNED: [
    pd('9', { part: '1' },
      "the subject decides to give their data and consents freely, of their own will and in their own interest: a previous subscriber's consent is not the current subscriber's",
      'субъект персональных данных принимает решение о предоставлении его персональных данных и даёт согласие свободно, своей волей и в своём интересе: согласие прежнего абонента номера не является согласием нынешнего'),
    adv('18', { part: '1' },
      'advertising over telecommunication networks needs the prior consent of the subscriber or addressee, who is whoever holds the number now',
      'распространение рекламы по сетям электросвязи допускается только при условии предварительного согласия абонента или адресата, то есть того, кому номер принадлежит сейчас'),
  ],
  CONSENT_EXPIRED: [
    // The item of part 4 on the term (item 8 from memory) could not be confirmed in a numbered text: part 4 is cited.
    pd('9', { part: '4' },
      'a written consent, where a federal law requires one, states among other things the term it is valid for and how it is withdrawn',
      'согласие в письменной форме, когда оно требуется федеральным законом, включает в том числе срок его действия и способ его отзыва'),
    practice('a maximum consent age (consent_max_age_days) is a term the policy sets',
      'предельный срок давности согласия устанавливается политикой проверки'),
  ],
  CONSENT_PURPOSE_MISMATCH: [pd('5', { part: '2' },
    'processing is limited to specific, predefined and lawful purposes; none incompatible with the purposes of collection',
    'обработка ограничивается достижением конкретных, заранее определённых и законных целей, а обработка, несовместимая с целями сбора, не допускается')],
  CONSENT_CHANNEL_MISMATCH: [
    pd('9', { part: '1' }, 'consent must be specific, informed, conscious and unambiguous', 'согласие должно быть конкретным, предметным, информированным, сознательным и однозначным'),
    advertisingConsent,
  ],
  CONSENT_UNPROVEN: [
    operatorProves,
    marketingConsent,
    adv('18', { part: '1', sentence: 2 },
      'advertising counts as sent without consent unless the advertising distributor proves it was obtained',
      'реклама признаётся распространённой без предварительного согласия абонента или адресата, если рекламораспространитель не докажет, что такое согласие было получено'),
    comms('44.1', { item: '1', sentence: 2 },
      'a mailing counts as sent without consent unless its customer proves it was obtained',
      'рассылка признаётся осуществлённой без предварительного согласия абонента, если заказчик рассылки не докажет, что такое согласие было получено'),
  ],
  CONSENT_OPERATOR_MISMATCH: [
    pd('9', { part: '4', item: '3' },
      'a written consent names the operator receiving it',
      'согласие в письменной форме включает наименование или фамилию, имя, отчество и адрес оператора, получающего согласие'),
    pd('9', { part: '4', item: '6' },
      "and whoever is to process the data on the operator's instruction",
      'а также наименование или фамилию, имя, отчество и адрес лица, осуществляющего обработку по поручению оператора, если обработка будет поручена такому лицу'),
    pd('6', { part: '3' },
      "the operator may entrust processing to another person only with the subject's consent, unless a federal law provides otherwise",
      'оператор вправе поручить обработку персональных данных другому лицу с согласия субъекта персональных данных, если иное не предусмотрено федеральным законом'),
    adv('18', { part: '1' }, "the subscriber's consent to receive advertising", 'согласие абонента или адресата на получение рекламы'),
  ],
  CONSENT_NOT_SEPARATE: [pd('9', { part: '1' },
    'from 1 September 2025, under 156-FZ of 24.06.2025, consent is given separately from other information and documents the subject confirms or signs',
    'с 1 сентября 2025 г. согласие оформляется отдельно от иных информации и документов, которые подтверждает или подписывает субъект персональных данных (норма введена Федеральным законом от 24.06.2025 № 156-ФЗ)')],
  CONSENT_KIND_MISMATCH: [
    adv('18', { part: '1' },
      "the subscriber's consent to receive advertising, which consent to processing of personal data is not",
      'согласие абонента на получение рекламы, которым согласие на обработку персональных данных не является'),
    comms('44.1', { item: '1' }, 'consent to receive mailings', 'согласие абонента на получение рассылки'),
  ],
  NOTICE_OPERATOR_MISSING: notice(1),
  NOTICE_PURPOSE_MISSING: notice(2),
  NOTICE_LEGAL_BASIS_MISSING: notice(2),
  NOTICE_PDN_LIST_MISSING: notice(3),
  NOTICE_RECIPIENTS_MISSING: notice(4),
  NOTICE_RIGHTS_MISSING: notice(5),
  NOTICE_SOURCE_MISSING: notice(6),
  NOTICE_LATE: [pd('18', { part: '3' }, 'notice before processing starts', 'сведения предоставляются субъекту до начала обработки')],
};
