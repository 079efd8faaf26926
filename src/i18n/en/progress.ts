/** The progress line and the JUnit failure texts (src/cli/progress.ts, src/report/junit.ts). */
export const progress = {
  'junit.rows': { one: '{count} row rejected; {first}', other: '{count} rows rejected; {first}' },
  'junit.first': { one: 'first on line {lines}', other: 'first on lines {lines}' },
  'junit.whatToDo': 'What to do: {remedy}',
  'junit.law': 'Law: {law}',
  'junit.input': 'Input: {path}',
  'progress.rows': '  {rows} rows, {rate} rows/s',
  'progress.share': ', {share} of the file, {left} left',
  'progress.s': '{s} s',
  'progress.min': '{m} min {s} s',
} as const;
