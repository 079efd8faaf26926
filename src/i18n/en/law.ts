/** Legal references in words (src/i18n/law.ts). */
export const law = {
  'law.recital': 'Recital {recital} of {act}',
  'law.sentence': 'sentence {n} of',
  'law.regulation': 'reg. {place} of {act}',
  'law.practice': "the policy's practice or setting, no article of law",
} as const;
