/**
 * The law behind each code under `uk-pecr`: the UK GDPR (its provisions shared with the EU preset,
 * src/law/law-gdpr.ts) and PECR regs. 19, 21 and 22. Checked with the search tool:
 * docs/legal-references.md.
 */
import { at, type PresetLaw } from './helpers.js';
import { gdprFamily, gdprShared } from './law-gdpr.js';

const ukGdpr = gdprFamily('UK-GDPR');
const pecr = at('PECR');

const objected = (lists: boolean) => pecr('21', { path: ['1', 'a'] },
  `${lists ? 'objection lists: ' : ''}the subscriber told this caller not to call that line`,
  `${lists ? 'возражения: ' : ''}абонент ранее сообщил звонящему, что такие звонки на эту линию не должны совершаться`);
const registered = (gloss: string, glossRu: string) => pecr('21', { path: ['1', 'b'] }, gloss, glossRu);
const notifiedCaller = (gloss: string, glossRu: string) => pecr('21', { path: ['4'] }, gloss, glossRu);
const emailConsent = (gloss: string, glossRu: string) => pecr('22', { path: ['2'] }, gloss, glossRu);

export const UK_PECR: PresetLaw = {
  ...gdprShared(ukGdpr),
  SUPPRESSED: [
    objected(true),
    registered('registry lists: no marketing calls to a number listed in the register kept under reg. 26, the TPS and, for corporate subscribers, the CTPS',
      'реестры: не допускаются маркетинговые звонки на номер, внесённый в реестр, который ведётся по правилу 26, в том числе для абонентов-организаций'),
    notifiedCaller('a listed number may be called by a caller the subscriber told they do not object to its calls',
      'на номер из реестра может звонить тот, кому абонент сообщил, что не возражает против его звонков'),
    ukGdpr.noMoreMarketing,
  ],
  CONSENT_MISSING: [
    registered('live calls: not to numbers listed in the register kept under reg. 26', 'живые звонки: не на номера, внесённые в реестр, который ведётся по правилу 26'),
    notifiedCaller('unless the subscriber told this caller they do not object', 'кроме случаев, когда абонент сообщил этому звонящему, что не возражает против его звонков'),
    pecr('19', {}, 'calls by an automated calling system that plays recorded matter need the subscriber\'s prior consent',
      'звонки автоматической системой вызова с воспроизведением записанных сообщений допускаются только с предварительного согласия абонента'),
    emailConsent('email and SMS marketing to individual subscribers needs their prior consent to messages from this sender',
      'маркетинговые сообщения по электронной почте и СМС абонентам, являющимся физическими лицами, допускаются только с их предварительного согласия на сообщения от этого отправителя'),
  ],
  CONSENT_WITHDRAWN: [
    objected(false),
    pecr('21', { path: ['5'] }, 'the subscriber may withdraw at any time the notification that let a listed number be called, and the calls must then stop',
      'абонент вправе в любое время отозвать сообщение, разрешавшее звонки на номер из реестра, и тогда звонки должны прекратиться'),
    ukGdpr.withdrawable,
  ],
  // Issue #14: the consent of the subscriber of the line called, or of the recipient, now.
  CONSENT_NUMBER_REASSIGNED: [
    ukGdpr.consentDefined,
    pecr('19', {}, 'recorded calls need the prior consent of the subscriber of the called line', 'звонки с записанными сообщениями допускаются только с предварительного согласия абонента вызываемой линии'),
    emailConsent('SMS and email need the prior consent of the recipient', 'СМС и электронная почта допускаются только с предварительного согласия получателя'),
  ],
  CONSENT_CHANNEL_MISMATCH: [
    notifiedCaller('calls: the subscriber\'s notification to this caller covers calls on that line', 'звонки: сообщение абонента этому звонящему касается звонков на эту линию'),
    emailConsent('SMS and email: consent to such communications from this sender', 'СМС и электронная почта: согласие на такие сообщения от этого отправителя'),
  ],
  CONSENT_OPERATOR_MISMATCH: [
    notifiedCaller('the notification was given to this caller', 'сообщение было адресовано именно этому звонящему'),
    emailConsent('the consent was given to this sender', 'согласие дано именно этому отправителю'),
    ukGdpr.consentDefined,
    ukGdpr.demonstrable,
  ],
  CONSENT_KIND_MISMATCH: [
    notifiedCaller('calls: the subscriber does not object to marketing calls from this caller', 'звонки: абонент не возражает против маркетинговых звонков этого звонящего'),
    emailConsent('consent to receive such communications', 'согласие на получение таких сообщений'),
    // Issue #15: the soft opt-in and its conditions.
    pecr('22', { path: ['3'] },
      "soft opt-in: contact details obtained in the course of a sale or negotiations for a sale, marketing of the sender's similar products and services only, a simple free means of refusing at collection and in each later message",
      'исключение для существующих клиентов: контактные данные получены при продаже или переговорах о продаже, рассылка касается только аналогичных товаров и услуг отправителя, и при получении данных и в каждом следующем сообщении предоставлен простой бесплатный способ отказаться'),
  ],
  LIST_STALE: [
    registered('numbers listed in the register kept under reg. 26, the TPS and the CTPS', 'номера, внесённые в реестр, который ведётся по правилу 26'),
    pecr('21', { path: ['3'] }, 'a caller is not in breach for a number listed less than 28 days before the call',
      'звонящий не считается нарушителем, если номер внесён в реестр менее чем за 28 дней до звонка'),
  ],
};
