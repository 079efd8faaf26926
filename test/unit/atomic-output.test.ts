/**
 * The out-dir's outputs (issue #12 items 6, 7, 8, 15): a commit that fails at any step leaves the
 * out-dir wholly as the previous run left it; temporaries are created exclusively, never through a
 * planted symlink; one run at a time holds the out-dir, a dead holder's lock is taken over; dead
 * runs' temporaries are removed; folders a failed run created are removed again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutputSet } from '../../src/io/atomic-output.js';
import type { OutputFs } from '../../src/io/commit.js';
import { InputError } from '../../src/errors.js';
import { LineBuffer } from '../../src/io/line-buffer.js';
import { createHash } from 'node:crypto';

let work: string;
beforeAll(() => { work = mkdtempSync(join(tmpdir(), 'leadaudit-out-')); });
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
const freshDir = () => join(work, `d${n++}`);
/** Every entry of a folder, hidden ones too, with its content. */
const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const OLD = { 'clean.csv': 'old clean\n', 'rejects.csv': 'old rejects\n', 'report.html': 'old html\n', 'report.json': 'old report\n', 'trail.jsonl': 'old trail\n' };
const NEW = ['clean.csv', 'rejects.csv', 'report.html', 'report.json'];

function oldRun(): string {
  const dir = freshDir();
  mkdirSync(dir);
  for (const [f, text] of Object.entries(OLD)) writeFileSync(join(dir, f), text);
  return dir;
}

async function newRun(dir: string, fs?: OutputFs, random?: () => string): Promise<OutputSet> {
  const out = new OutputSet(dir, dir, fs, random);
  for (const name of NEW) {
    const f = out.file(name);
    await f.write(`new ${name}\n`);
    await f.close();
  }
  return out;
}

/** The real file system, counting its steps, and failing the `fail`-th one (and those in `alsoFail`). */
function flakyFs(fail: number, alsoFail: number[] = []): OutputFs & { steps: number } {
  const fs = {
    steps: 0,
    step(op: () => void) {
      fs.steps++;
      if (fs.steps === fail || alsoFail.includes(fs.steps)) throw Object.assign(new Error('injected'), { code: 'EIO' });
      op();
    },
    rename(from: string, to: string) { fs.step(() => renameSync(from, to)); },
    unlink(path: string) { fs.step(() => unlinkSync(path)); },
  };
  return fs;
}

const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('the commit (item 7)', () => {
  it('fails at every single step and leaves the out-dir wholly the old run, or succeeds wholly new', async () => {
    const counting = flakyFs(0);
    const first = await newRun(oldRun(), counting);
    first.commit();
    const steps = counting.steps;
    // 5 set aside (the 4 outputs and the stale trail), 4 put in place, 5 set-aside files removed.
    expect(steps).toBe(14);
    for (let k = 1; k <= steps; k++) {
      const dir = oldRun();
      const out = await newRun(dir, flakyFs(k));
      let error: unknown;
      try { out.commit(); } catch (e) { error = e; }
      out.abort();
      if (k <= 9) {
        expect(error, `step ${k}`).toBeInstanceOf(InputError);
        expect((error as Error).message).toMatch(/^--out-dir .*: cannot put \S+ in place \(EIO\); the out-dir was left as it was$/);
        expect(snapshot(dir), `step ${k}`).toEqual(OLD);
      } else {
        // Removing a set-aside file failed: the outputs are all new, one leftover stays hidden.
        expect(error, `step ${k}`).toBeUndefined();
        const visible = Object.fromEntries(Object.entries(snapshot(dir)).filter(([f]) => !f.startsWith('.')));
        expect(visible).toEqual(Object.fromEntries(NEW.map((f) => [f, `new ${f}\n`])));
        expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toHaveLength(1);
      }
    }
  });

  it('says where the previous files are when they can not all be put back', async () => {
    const dir = oldRun();
    // Step 7 (the 2nd file into place) fails, and so does putting back the first file set aside.
    const out = await newRun(dir, flakyFs(7, [13]));
    expect(() => out.commit()).toThrow(/could not all be put back: they are at .*\.leadaudit-\d+-[0-9a-f]+\.clean\.csv\.old/);
    out.abort();
  });

  it('a folder where an output goes is an error before anything is written', () => {
    const dir = oldRun();
    mkdirSync(join(dir, 'report.html.d'));
    rmSync(join(dir, 'report.html'));
    mkdirSync(join(dir, 'report.html'));
    writeFileSync(join(dir, 'report.html', 'keep'), 'x');
    const out = new OutputSet(dir, dir);
    expect(() => out.file('report.html')).toThrow(/report\.html: there is a folder in its place; move it away/);
    out.abort();
    expect(readFileSync(join(dir, 'report.html', 'keep'), 'utf8')).toBe('x');
  });

  it("removes a previous run's output this run does not write (trail.jsonl without --trail)", async () => {
    const dir = oldRun();
    (await newRun(dir)).commit();
    expect(snapshot(dir)).toEqual(Object.fromEntries(NEW.map((f) => [f, `new ${f}\n`])));
  });
});

describe('temporaries (item 8)', () => {
  it('are never opened through a symlink planted at their name', async () => {
    const dir = freshDir();
    mkdirSync(dir);
    const victim = join(work, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    // The old predictable name, and the new name with its random part known to the attacker.
    symlinkSync(victim, join(dir, `.clean.csv.${process.pid}.tmp`));
    symlinkSync(victim, join(dir, `.leadaudit-${process.pid}-000000000000.rejects.csv.tmp`));
    const out = new OutputSet(dir, dir, undefined, () => '000000000000');
    const clean = out.file('clean.csv');
    await clean.write('new clean\n');
    await clean.close();
    expect(() => out.file('rejects.csv')).toThrow(/rejects\.csv: cannot write: EEXIST/);
    out.abort();
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
  });

  it('have random names: two runs never share one', () => {
    const a = new OutputSet(freshDir(), 'a');
    const b = new OutputSet(freshDir(), 'b');
    expect(a.file('clean.csv').tempPath.split('/').pop()).not.toBe(b.file('clean.csv').tempPath.split('/').pop());
    a.abort();
    b.abort();
  });
});

describe('the out-dir lock (item 6)', () => {
  it('one run at a time: the second is refused, saying whose the lock is', async () => {
    const dir = freshDir();
    const first = new OutputSet(dir, 'out');
    expect(() => new OutputSet(dir, 'out')).toThrow(new RegExp(`^--out-dir out: another leadaudit run \\(pid ${process.pid} on .*\\) is writing there; wait for it to end or choose another --out-dir \\(if no run is going, remove .*\\.leadaudit\\.lock\\)$`));
    first.abort();
    const again = await newRun(dir);
    again.commit();
    expect(readdirSync(dir).sort()).toEqual(NEW.slice().sort());
  });

  it("a dead holder's lock is taken over; another machine's is not", async () => {
    const dir = freshDir();
    mkdirSync(dir);
    writeFileSync(join(dir, '.leadaudit.lock'), JSON.stringify({ pid: deadPid(), host: hostname(), started: '2026-01-01T00:00:00.000Z', token: 'dead' }));
    (await newRun(dir)).commit();
    expect(existsSync(join(dir, '.leadaudit.lock'))).toBe(false);
    writeFileSync(join(dir, '.leadaudit.lock'), JSON.stringify({ pid: deadPid(), host: 'elsewhere', started: '2026-01-01T00:00:00.000Z', token: 'far' }));
    expect(() => new OutputSet(dir, 'out')).toThrow(/another leadaudit run \(pid \d+ on elsewhere/);
  });
});

describe('what failed and dead runs leave (item 15)', () => {
  it("a later run removes dead runs' temporaries, old and new names, and leaves a live one's", () => {
    const dir = freshDir();
    mkdirSync(dir);
    const dead = deadPid();
    const leftovers = [`.leadaudit-${dead}-abcdef012345.clean.csv.tmp`, `.leadaudit-${dead}-abcdef012345.report.json.old`, `.rejects.csv.${dead}.tmp`, `.trail.jsonl.${dead}.tmp`];
    for (const f of leftovers) writeFileSync(join(dir, f), 'x'.repeat(1000));
    const live = `.report.json.${process.pid}.tmp`;
    writeFileSync(join(dir, live), 'live');
    const out = new OutputSet(dir, 'out');
    out.abort();
    expect(readdirSync(dir)).toEqual([live]);
  });

  it('a failed run removes the folders it created, parents included, and nothing else', () => {
    const top = join(freshDir());
    const out = new OutputSet(join(top, 'a', 'b', 'c'), 'out');
    expect(existsSync(join(top, 'a', 'b', 'c'))).toBe(true);
    out.abort();
    expect(existsSync(top)).toBe(false);
    mkdirSync(join(top, 'a'), { recursive: true });
    const inside = new OutputSet(join(top, 'a', 'b'), 'out');
    inside.abort();
    expect(readdirSync(top)).toEqual(['a']);
  });
});

describe('writing (issue #16: synchronous writes)', () => {
  it('writes every byte of every piece, hashes what it wrote, and gives each buffer back once it is in the file', async () => {
    const dir = freshDir();
    const out = new OutputSet(dir, dir);
    const f = out.file('clean.csv');
    const lines = new LineBuffer();
    const expected: string[] = [];
    // Lines past one slab (1 MiB), Cyrillic and ASCII, so that take() hands out several views.
    for (let i = 0; i < 40000; i++) {
      const line = `${i},Иванов Иван ${i},+7916${String(i).padStart(7, '0')},${'x'.repeat(i % 50)}\n`;
      lines.append(line);
      expected.push(line);
    }
    const handedOut = lines.size;
    const recycled: Buffer[] = [];
    const recycle = lines.recycle.bind(lines);
    lines.recycle = (b: Buffer) => { recycled.push(b); recycle(b); };
    const writing = f.writeLines(lines);
    // Given back before the write's promise settles: nothing waits on another thread.
    expect(recycled.length).toBeGreaterThan(0);
    await writing;
    await f.write('tail\n');
    const sha = await f.close();
    const bytes = readFileSync(f.tempPath);
    expect(bytes.toString('utf8')).toBe(`${expected.join('')}tail\n`);
    expect(bytes.length).toBe(handedOut + 5);
    expect(sha).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(recycled.reduce((n, b) => n + b.length, 0)).toBe(handedOut);
    out.commit();
    expect(readFileSync(join(dir, 'clean.csv')).equals(bytes)).toBe(true);
  });

  it('an aborted file leaves no temporary behind, and can be aborted twice', async () => {
    const dir = freshDir();
    const out = new OutputSet(dir, dir);
    const f = out.file('rejects.csv');
    await f.write('some bytes\n');
    expect(existsSync(f.tempPath)).toBe(true);
    out.abort();
    f.abort();
    expect(existsSync(dir)).toBe(false);
  });
});
