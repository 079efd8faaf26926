/** The presets' legal basis in words (src/i18n/law.ts); English is the presets' own text. */
export const presets = {
  'preset.legalBasis.ru-152fz': '152-FZ Arts. 5, 6, 9, 10.1, 15, 18; 38-FZ Art. 18; 126-FZ Art. 44.1; Criminal Code Art. 272.1',
  'preset.legalBasis.eu-gdpr': 'GDPR Arts. 5, 6, 7, 13, 14, 21; ePrivacy Directive 2002/58/EC Art. 13',
  'preset.legalBasis.uk-pecr': 'UK GDPR Arts. 5, 6, 7, 13, 14, 21; PECR regs. 19, 21, 22',
  'preset.legalBasis.us-tcpa': '47 CFR 64.1200; 16 CFR 310.4',
} as const;
