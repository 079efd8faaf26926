/** Reading an audit's out-dir and trail (src/report/trail-reader.ts); JSON syntax errors. */
export const trail = {
  'trail.cannotReadDir': '{outDir}: cannot read the out-dir ({why})',
  'trail.notDir': '{outDir}: not a directory; name the out-dir of an audit',
  'trail.noReport': '{path}: cannot read it ({why}); is {outDir} the out-dir of an audit?',
  'trail.badJson': '{path}: not valid JSON ({why})',
  'trail.noTrail': '{outDir}: no trail.jsonl; re-run the audit with --trail',
  'trail.cannotRead': '{path}: cannot read it ({why})',
  'trail.damaged': '{where}: not valid JSON; the trail is damaged, re-run the audit with --trail',
  'trail.notRecord': '{where}: not a trail record (it needs line, verdict, cells and reasons); re-run the audit with --trail',
  'json.syntax': 'a syntax error at position {position}',
  'json.syntaxAt': 'a syntax error at line {line}, column {column}',
  'json.syntaxEnd': 'the text ends before the JSON does',
  'json.unexpected': 'a syntax error: {token} where a value is due',
} as const;
