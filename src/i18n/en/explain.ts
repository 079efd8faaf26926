/** explain's text (src/cli/explain-command.ts). */
export const explain = {
  'explain.head': 'Audit of {file} under {policy}, as of {asOf}',
  'explain.headCampaign': ', {channel} for {purpose}',
  'explain.several.rows': { one: '{count} row matches {asked}: line {lines}', other: '{count} rows match {asked}: lines {lines}' },
  'explain.row': 'Row',
  'explain.from': 'from {from}',
} as const;
