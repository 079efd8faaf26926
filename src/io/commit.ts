/**
 * The commit of a run's outputs (issue #12 item 7: a rename failing half way left the new
 * rejects.csv beside the old report.json, and a stack trace). In three steps:
 *
 * 1. every file in a target's place (the previous run's output, and its outputs this run does not
 *    write) is set aside under a temporary name;
 * 2. every new file is renamed into its place, report.json last;
 * 3. what was set aside is removed.
 *
 * A failure in step 1 or 2 undoes what was done, in reverse, so the out-dir is wholly the old run;
 * once step 2 is through it is wholly the new one (a failure to remove a set-aside file in step 3
 * only leaves that file, under its temporary name, for the next run to remove). The file system is
 * passed in, so that a test can make every single step fail.
 */
import { renameSync, unlinkSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';

export interface OutputFs {
  rename(from: string, to: string): void;
  unlink(path: string): void;
}

export const realFs: OutputFs = { rename: renameSync, unlink: unlinkSync };

/** The messages of this module, from the catalogue (src/i18n, outdir part). */
const say = {
  failed: (label: string, path: string, code: string) => t('commit.failed', { label, file: basename(path), code }),
  stuck: (label: string, path: string, code: string, aside: readonly string[]) => t('commit.stuck', { label, file: basename(path), code, aside: aside.join(', ') }),
};

const codeOf = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

export function commitFiles(
  files: readonly { temp: string; target: string }[],
  stale: readonly string[],
  fs: OutputFs,
  label: string,
  asideName: (name: string, dir: string) => string,
): void {
  const setAside: { target: string; aside: string }[] = [];
  const placed: { temp: string; target: string }[] = [];
  let current = '';
  try {
    for (const target of [...files.map((f) => f.target), ...stale]) {
      current = target;
      const aside = asideName(basename(target), dirname(target));
      try {
        fs.rename(target, aside);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue; // nothing there yet
        throw e;
      }
      setAside.push({ target, aside });
    }
    for (const f of files) {
      current = f.target;
      fs.rename(f.temp, f.target);
      placed.push(f);
    }
  } catch (e) {
    const stuck = rollBack(placed, setAside, fs);
    throw new InputError(stuck.length ? say.stuck(label, current, codeOf(e), stuck) : say.failed(label, current, codeOf(e)));
  }
  for (const { aside } of setAside) {
    try { fs.unlink(aside); } catch { /* left for the next run to remove (src/io/out-dir-lock.ts) */ }
  }
}

/** Undoes a commit half done; returns where the previous files are that could not be put back. */
function rollBack(placed: { temp: string; target: string }[], setAside: { target: string; aside: string }[], fs: OutputFs): string[] {
  for (const f of [...placed].reverse()) {
    // Back under its temporary name, which the abort removes.
    try { fs.rename(f.target, f.temp); } catch { try { fs.unlink(f.target); } catch { /* see below */ } }
  }
  const stuck: string[] = [];
  for (const { target, aside } of [...setAside].reverse()) {
    try { fs.rename(aside, target); } catch { stuck.push(aside); }
  }
  return stuck;
}
