/** Reading the inputs (issue #12 hardening, issue #14's tables): encodings, lines, JSON depth, sizes. */
export const reading = {
  'json.tooDeep': '{path}: nested more than {max} levels deep',
  'notice.tooDeep': '{where}: {problem}; a notice manifest holds texts and lists of texts',
  'policy.tooDeep': '{where}: {problem}; a policy file is at most a few levels deep',
  'policy.notRegular': '{label}: not a regular file; a policy file is read whole, from a file',
  'small.tooLarge': '{path}: larger than {max} bytes: not {what}',
  'small.notice': 'a notice manifest',
  'small.policy': 'a policy file',
  'suppress.longValue': '{value}… ({length} characters)',
  'input.mixedEncodings': '{label}: not UTF-8 at byte {switchedAt}, so read as Windows-1251 from there, but it holds UTF-8 text from byte {utf8At}: the file mixes encodings; fix the byte at {switchedAt}, or pass --encoding utf-8 or --encoding windows-1251',
  'input.notUtf16': '{label}: not valid {encoding} near byte {at} (a character cut off or broken); fix the file, or pass --encoding if it is in another encoding',
  'input.unlikeRussian': 'read as windows-1251, but it looks unlike Russian ({cyrillic} of {high} non-ASCII characters are Cyrillic letters in Cyrillic words); if it is Latin-1 or Windows-1252, pass --encoding windows-1252',
  'input.headerTooLong': '{where}: the header line is longer than {max} characters: this is not a table (or not in this encoding; see --encoding)',
  'jsonl.tooLong': 'the line is longer than {max} characters ({length}): not read',
} as const;
