/** The out-dir's lock and commit (issue #12): src/io/out-dir-lock.ts, src/io/commit.ts, src/io/atomic-output.ts. */
export const outdir = {
  'lock.held': '--out-dir {label}: another leadaudit run (pid {pid} on {host}, since {started}) is writing there; wait for it to end or choose another --out-dir (if no run is going, remove {path})',
  'lock.unreadable': "--out-dir {label}: {path} is there but can't be read as a lock; if no run is going, remove it",
  'lock.cannot': '--out-dir {label}: cannot lock it: {code}',
  'commit.failed': '--out-dir {label}: cannot put {file} in place ({code}); the out-dir was left as it was',
  'commit.stuck': '--out-dir {label}: cannot put {file} in place ({code}), and the previous files could not all be put back: they are at {aside}',
  'out.folderInPlace': '{path}: there is a folder in its place; move it away',
} as const;
