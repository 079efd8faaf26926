/**
 * The law behind each code under `us-tcpa`: the FCC's TCPA rules (47 CFR 64.1200) and the FTC's
 * Telemarketing Sales Rule (16 CFR 310.4). Checked with the search tool, paragraph numbering as of
 * the current eCFR (after the 2024 revocation order and the 2025 return of the (f)(9) text):
 * docs/legal-references.md.
 */
import { at, COUNTRY_SETTING, NUMBER_TYPE_PRACTICE, practice, type PresetLaw } from './helpers.js';

const cfr47 = at('47-CFR');
const cfr16 = at('16-CFR');
const usc15 = at('15-USC');
const emailHygiene = practice('data hygiene, no article: CAN-SPAM (15 U.S.C. 7704) needs no consent for commercial email, but an address that cannot be read cannot be checked against the opt-outs',
  'гигиена данных, без нормы закона: американский закон о коммерческих письмах не требует согласия, но адрес, который нельзя прочитать, невозможно сверить со списком отказов');

const screened = [cfr47('64.1200', { path: ['c', '2'] },
  'no telephone solicitation to a residential subscriber on the National Do Not Call Registry: a number that cannot be read cannot be screened against it',
  'телефонные предложения абонентам, внесённым в Национальный реестр запрета звонков США, не допускаются: номер, который нельзя прочитать, невозможно сверить с этим реестром')];

const autodialledToWireless = cfr47('64.1200', { path: ['a', '2'] },
  'autodialled or prerecorded telemarketing calls and texts to wireless numbers need prior express written consent',
  'рекламные звонки и сообщения с автоматическим набором или с искусственным либо записанным голосом на мобильные номера допускаются только с предварительного явно выраженного письменного согласия');
const writtenConsent = (gloss: string, glossRu: string) => cfr47('64.1200', { path: ['f', '9'] }, gloss, glossRu);

export const US_TCPA: PresetLaw = {
  ROW_MALFORMED: screened,
  PHONE_MISSING: screened,
  PHONE_INVALID: screened,
  // Issue #15: CAN-SPAM has no rule on unreadable addresses; an opt-out list can't be checked against one.
  EMAIL_MISSING: [emailHygiene],
  EMAIL_INVALID: [emailHygiene],
  PHONE_TYPE_BLOCKED: [NUMBER_TYPE_PRACTICE, cfr47('64.1200', { path: ['a', '1', 'iii'] },
    "autodialled or prerecorded calls to wireless numbers and to any service for which the called party is charged need the called party's prior express consent",
    'звонки с автоматическим набором или с искусственным либо записанным голосом на мобильные номера и на номера, звонок на которые оплачивает вызываемый абонент, допускаются только с его предварительного явно выраженного согласия')],
  PHONE_COUNTRY_BLOCKED: [COUNTRY_SETTING],
  DUPLICATE: [practice('data hygiene, no article: the earlier row with the number is the one audited',
    'гигиена данных, без нормы закона: проверяется более ранняя строка с этим номером')],
  SUPPRESSED: [
    cfr47('64.1200', { path: ['c', '2'] }, 'registry lists: no telephone solicitation to a residential subscriber on the National Do Not Call Registry',
      'реестры: телефонные предложения абоненту, внесённому в Национальный реестр запрета звонков США, не допускаются'),
    cfr47('64.1200', { path: ['c', '2', 'ii'] },
      "unless the subscriber's permission is evidenced by a signed, written agreement with the seller that names the number",
      'кроме случаев, когда разрешение абонента подтверждено подписанным письменным соглашением с продавцом, в котором указан номер'),
    cfr16('310.4', { path: ['b', '1', 'iii', 'B'] },
      "registry lists under the Telemarketing Sales Rule: no calls to a number on the FTC's do-not-call registry without the person's express written agreement or an established business relationship",
      'реестры по Правилу о телемаркетинге: звонки на номер из реестра Федеральной торговой комиссии допускаются только с явно выраженного письменного согласия лица или при сложившихся деловых отношениях'),
    cfr47('64.1200', { path: ['d', '3'] },
      "internal and objection lists: a do-not-call request is recorded when made and honoured within ten business days of receipt, from 11 April 2025",
      'внутренние стоп-листы и возражения: просьба не звонить фиксируется в момент её поступления и исполняется не позднее десяти рабочих дней с её получения, с 11 апреля 2025 г.'),
    usc15('7704', { path: ['a', '4'] },
      'email: no commercial email to a recipient more than 10 business days after the recipient asked not to receive it',
      'электронная почта: коммерческие письма получателю не направляются позднее 10 рабочих дней после получения его просьбы их не присылать'),
    cfr47('64.3100', { path: ['a'] },
      "email to a domain on the FCC's wireless domain names list, a mobile service commercial message, needs the addressee's express prior authorization",
      'письмо на домен из перечня доменов беспроводной связи Федеральной комиссии связи США допускается только с предварительного явно выраженного разрешения адресата'),
  ],
  SOURCE_BLOCKED: [practice("the policy's practice, no article: data from a blocked source (a leak, scraping) is not used",
    'собственная практика политики проверки, без нормы закона: данные из запрещённого источника, например утечки или парсинга, не используются')],
  CONSENT_MISSING: [
    autodialledToWireless,
    cfr47('64.1200', { path: ['a', '3'] }, 'prerecorded or artificial-voice telemarketing calls to residential lines need prior express written consent',
      'рекламные звонки с искусственным или записанным голосом на домашние номера допускаются только с предварительного явно выраженного письменного согласия'),
    cfr16('310.4', { path: ['b', '1', 'v'] },
      "an outbound telemarketing call delivering a prerecorded message needs the recipient's express written agreement to receive such calls from the seller",
      'исходящий звонок с записанным сообщением допускается только с явно выраженного письменного согласия получателя на такие звонки от продавца'),
    practice('live calls need no consent, but the preset requires it when the National Do Not Call list was not given or is stale; the TCPA does not cover email',
      'живые звонки согласия не требуют, но настройка требует его, если национальный реестр запрета звонков не передан или устарел, а электронная почта этими правилами не регулируется'),
  ],
  CONSENT_WITHDRAWN: [cfr47('64.1200', { path: ['a', '10'] },
    'revocation of consent in any reasonable manner, honoured within ten business days, from 11 April 2025',
    'согласие может быть отозвано любым разумным способом, а отзыв исполняется не позднее десяти рабочих дней, с 11 апреля 2025 г.'),
  usc15('7704', { path: ['a', '4'] }, 'email: an opt-out is honoured within 10 business days of its receipt',
    'электронная почта: отказ получателя исполняется не позднее 10 рабочих дней с его получения')],
  // Issue #14: the safe harbour of the Reassigned Numbers Database rules (FCC 18-177, 84 FR 11226 of
  // 26 March 2019), cited as (m) in providers' compliance policies: docs/legal-references.md.
  CONSENT_NUMBER_REASSIGNED: [
    cfr47('64.1200', { path: ['a', '2'] }, 'autodialled or prerecorded telemarketing needs the prior express written consent of the called party',
      'рекламные звонки с автоматическим набором или с искусственным либо записанным голосом допускаются только с предварительного явно выраженного письменного согласия вызываемого абонента'),
    cfr47('64.1200', { path: ['m'] },
      'a caller is protected for a call to a number reassigned since the consent only where the Reassigned Numbers Database wrongly answered that it had not been permanently disconnected, so a number known to be disconnected since then is not covered',
      'звонящий освобождается от ответственности за звонок на номер, переданный другому абоненту после получения согласия, только если база переназначенных номеров ошибочно ответила, что номер не отключался, а номер, о котором известно, что он отключался после согласия, не защищён'),
  ],
  CONSENT_EXPIRED: [practice("the TCPA sets no expiry: the consent's own end date, or a maximum age the policy sets",
    'американское законодательство не устанавливает срок действия согласия: действует срок, указанный в самом согласии, или предельный срок, установленный политикой проверки')],
  CONSENT_PURPOSE_MISMATCH: [writtenConsent('the written agreement authorizes the seller to deliver advertisements or telemarketing messages',
    'письменное соглашение уполномочивает продавца направлять рекламу или телемаркетинговые сообщения')],
  CONSENT_CHANNEL_MISMATCH: [
    autodialledToWireless,
    writtenConsent('the agreement names the telephone number and authorizes calls by autodialer or artificial or prerecorded voice',
      'в соглашении указан номер телефона и разрешены звонки с автоматическим набором или с искусственным либо записанным голосом'),
  ],
  CONSENT_UNPROVEN: [writtenConsent('a written agreement bearing the signature of the person called', 'письменное соглашение, подписанное вызываемым лицом')],
  CONSENT_OPERATOR_MISMATCH: [writtenConsent('the agreement clearly authorizes the seller', 'соглашение явно уполномочивает именно этого продавца')],
  CONSENT_KIND_MISMATCH: [writtenConsent('an agreement authorizing advertisements or telemarketing messages',
    'соглашение, разрешающее направлять рекламу или телемаркетинговые сообщения')],
  LIST_STALE: [
    cfr16('310.4', { path: ['b', '3', 'iv'] }, 'the registry obtained no more than 31 days before the call',
      'используемая версия реестра запрета звонков получена не ранее чем за 31 день до звонка'),
    cfr47('64.1200', { path: ['c', '2', 'i', 'D'] }, "the same, in the FCC's safe harbour",
      'то же условие в правилах Федеральной комиссии связи США об освобождении от ответственности'),
  ],
};
