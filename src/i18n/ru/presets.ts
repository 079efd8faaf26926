/** Правовое основание встроенных политик словами (src/i18n/law.ts). */
import type { Messages } from '../message.js';
import type { presets as en } from '../en/presets.js';

export const presets: Messages<typeof en> = {
  'preset.legalBasis.ru-152fz': 'ст. 5, 6, 9, 10.1, 15, 18 Федерального закона № 152-ФЗ; ст. 18 Федерального закона № 38-ФЗ; ст. 44.1 Федерального закона № 126-ФЗ; ст. 272.1 УК РФ',
  'preset.legalBasis.eu-gdpr': 'ст. 5, 6, 7, 13, 14, 21 GDPR; ст. 13 Директивы 2002/58/EC',
  'preset.legalBasis.uk-pecr': 'ст. 5, 6, 7, 13, 14, 21 UK GDPR; правила 19, 21, 22 PECR',
  'preset.legalBasis.us-tcpa': '§ 64.1200 раздела 47 CFR; § 310.4 раздела 16 CFR',
};
