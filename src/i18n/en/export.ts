/** --export, --hash, --export-columns (issue #15 item 3): src/cli/export-options.ts, src/export/. */
export const exporting = {
  'help.audit.export': 'also write export-PLATFORM.csv in the out-dir: the clean rows as the platform uploads them; PLATFORM: {platforms} (repeatable)',
  'help.audit.hash': 'how the exports write each key: sha256 or none, for every export, or PLATFORM=sha256|none for one (default: each platform\'s own, see the README)',
  'help.audit.exportColumns': 'input columns the dialer export carries after phone_e164, comma-separated (repeatable)',
  'export.noPlatform': 'names no platform: one of {list}',
  'export.needsExport': 'has nothing to act on without --export',
  'export.hashPlatform': 'is not PLATFORM=sha256|none with PLATFORM one of {list}',
  'export.hashNotExported': '{platform} is not exported: add --export {platform}',
  'export.hashRefused': '{platform} does not take {hashing} (it takes {allowed}); for the other platforms write --hash PLATFORM={hashing}',
  'export.columnsNeedDialer': 'only the dialer export carries columns: add --export dialer',
  'export.dialerOnEmail': '--export dialer: an email run (--channel email) audits the addresses, not the phone numbers, so no number on it is checked for calls; make the dialer list from a --channel call or sms run',
  'export.unknownColumn': '{where}: --export-columns {column} is not a column of the list (its columns: {columns})',
  'export.belowMinimum': {
    one: '{platform}: the export holds {count} row, fewer than the {limit} the platform takes in a list',
    other: '{platform}: the export holds {count} rows, fewer than the {limit} the platform takes in a list',
  },
  'export.aboveMaximum': '{platform}: the export holds {count} rows, more than the {limit} the platform takes in one list: split it before upload',
  'export.fileTooBig': '{platform}: the export is {mb} MB, over the {limit} MB the platform takes in one file: split it before upload',
  'summary.exports': 'Exports:',
  'summary.export': {
    one: '  {file}: {count} row for {platform}, {how}',
    other: '  {file}: {count} rows for {platform}, {how}',
  },
  'summary.exportSha256': 'SHA-256 of each {key}',
  'summary.exportPlain': '{key} not hashed',
  'summary.exportKey.phone': 'phone number',
  'summary.exportKey.email': 'email address',
} as const;
