/** Each number of a row with several (src/report/numbers-view.ts). */
export const numbers = {
  'numbers.notValid': ' (not a valid number)',
  'numbers.same': 'the same number as number {n}, judged once',
  'numbers.passed': 'passed{consent}',
  'numbers.consent': ' (consent {id})',
  'numbers.removed': 'taken out of the clean row: {details}',
  'numbers.failed': 'failed: {details}',
  'numbers.label': 'Number {n} ({column})',
} as const;
