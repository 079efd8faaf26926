/** The consent index cache (issue #16): `leadaudit index`, --index-cache, --no-cache (src/cli/index-command.ts). */
export const indexcache = {
  'help.index': 'build the consent index snapshot ahead of audits (a CI job\'s first step): an audit of the same consent files with the same options loads it instead of reading them',
  'help.index.consent': 'consent files, CSV or JSON Lines, in the order the audit names them with --consent',
  'help.index.trail': 'build the index an audit with --trail loads (it keeps the evidence_ref texts)',
  'help.index.evidenceDir': 'build the index an audit with --evidence-dir loads (here the same as --trail; the folder is not read)',
  'help.index.more': '\nPrints the snapshot\'s path on stdout and one line on stderr. Exit 0 when the snapshot is written\nor already up to date; 2 on a usage or input error, or when the cache folder cannot be written.',
  'help.audit.indexCache': 'the folder of consent index snapshots (default: $XDG_CACHE_HOME/leadaudit, else ~/.cache/leadaudit)',
  'help.audit.noCache': 'neither load nor write a consent index snapshot: build the index from the consent files',
  'index.built': {
    one: '{files}: {count} consent record indexed in {seconds} s; snapshot written: {path}',
    other: '{files}: {count} consent records indexed in {seconds} s; snapshot written: {path}',
  },
  'index.loaded': {
    one: '{files}: {count} consent record; the snapshot is up to date: {path}',
    other: '{files}: {count} consent records; the snapshot is up to date: {path}',
  },
  'index.cannotWrite': 'warning: cannot write the consent index snapshot in {dir} ({why}); the audit goes on without it',
  'index.changed': '{path}: the consent index snapshot changed while this run read it; run the audit again (the snapshot will be rebuilt if it is damaged)',
  'index.cannotWriteError': '{dir}: cannot write the consent index snapshot ({why})',
} as const;
