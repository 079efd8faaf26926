import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { loadSuppression } from '../../src/evidence/suppression.js';
import { suppressSpecs } from '../../src/cli/audit-command.js';
import { PhoneNormalizer } from '../../src/phone/normalize.js';
import { InputError } from '../../src/errors.js';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'leadaudit-suppression-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

let n = 0;
async function file(text: string, name = `list-${++n}.txt`): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

const ru = () => new PhoneNormalizer('RU');
/** Unnamed lists, as `--suppress FILE` gives them: named after the file. */
const specs = (paths: string[]) => suppressSpecs(paths, []);
/** An unnamed list is called after its file name, without the extension. */
const listName = (path: string) => path.split('/').pop()!.replace(/\.[^.]*$/, '');

describe('loadSuppression: CSV with a phone column', () => {
  it('reads the phone column, counts distinct numbers and reports invalid lines', async () => {
    const path = await file('name,Phone,note\nA,+7 916 111-22-33,x\nB,8 (912) 345-67-89,y\nC,n/a,z\nD,,w\nE,89161112233,dup\n', 'dnc.csv');
    const lists = await loadSuppression(specs([path]), ru());
    expect(lists.lists).toHaveLength(1);
    const s = lists.lists[0]!;
    expect(s.format).toBe('csv');
    expect(s.numbers).toBe(2);
    expect(s.invalid).toEqual([
      { line: 4, value: 'n/a', problem: 'not a valid phone number' },
      { line: 5, value: '', problem: 'no number' },
    ]);
    expect(lists.names('+79161112233')).toEqual([listName(path)]);
    expect(lists.names('+79123456789')).toEqual([listName(path)]);
    expect(lists.names('+447400123456')).toEqual([]);
    expect(lists.find('+447400123456')).toBeUndefined();
  });

  it('finds the phone column by a Russian header on a semicolon CSV', async () => {
    const path = await file('ФИО;Телефон\nИванов;8 916 111-22-33\n', 'dnc-ru.csv');
    const lists = await loadSuppression(specs([path]), ru());
    expect(lists.lists[0]).toMatchObject({ format: 'csv', numbers: 1, invalid: [] });
    expect(lists.names('+79161112233')).toEqual([listName(path)]);
  });

  it('reads a header-only CSV as an empty list', async () => {
    const lists = await loadSuppression(specs([await file('phone\n')]), ru());
    expect(lists.lists[0]).toMatchObject({ format: 'csv', numbers: 0, invalid: [] });
    expect(lists.table.size).toBe(0);
  });

  it('goes on reading after a record with the wrong number of fields', async () => {
    const path = await file('phone,name\n+7 916 111-22-33,a,extra\n"open,b\n+7 912 345-67-89,b\n');
    const lists = await loadSuppression(specs([path]), ru());
    expect(lists.names('+79123456789')).toEqual([listName(path)]);
  });
});

describe('loadSuppression: one number per line', () => {
  it('takes the first line as a number, not a header', async () => {
    const path = await file('+7 916 111-22-33\n8 912 345 67 89\n');
    const lists = await loadSuppression(specs([path]), ru());
    const s = lists.lists[0]!;
    expect(s.format).toBe('lines');
    expect(s.numbers).toBe(2);
    expect(s.invalid).toEqual([]);
    expect(lists.names('+79161112233')).toEqual([listName(path)]);
    expect(lists.names('+79123456789')).toEqual([listName(path)]);
  });

  it('reports invalid lines with their line numbers and ignores them', async () => {
    const path = await file('n/a\n+7 916 111-22-33\n\n12345\n+7 123 456-78-90\n+44 7400 123456\r\nabc\n');
    const lists = await loadSuppression(specs([path]), ru());
    const s = lists.lists[0]!;
    expect(s.format).toBe('lines');
    expect(s.numbers).toBe(2);
    expect(s.invalid.map((i) => [i.line, i.value])).toEqual([[1, 'n/a'], [4, '12345'], [5, '+7 123 456-78-90'], [7, 'abc']]);
    expect(s.invalid.every((i) => i.problem.length > 0)).toBe(true);
    expect(lists.names('+447400123456')).toEqual([listName(path)]);
  });

  it('counts a number written twice once', async () => {
    const path = await file('+7 916 111-22-33\n8 916 111 22 33\n9161112233\n');
    expect((await loadSuppression(specs([path]), ru())).lists[0]!.numbers).toBe(1);
  });

  it('normalizes numbers with the region', async () => {
    const path = await file('9161112233\n+44 7400 123456\n');
    const noRegion = await loadSuppression(specs([path]), new PhoneNormalizer(undefined));
    expect(noRegion.lists[0]!.numbers).toBe(1);
    expect(noRegion.lists[0]!.invalid.map((i) => i.line)).toEqual([1]);
    expect(noRegion.names('+447400123456')).toEqual([listName(path)]);
  });

  it('reports a spreadsheet-damaged number with its problem', async () => {
    const path = await file('7.91611E+10\n7.9161112233E+10\n');
    const s = (await loadSuppression(specs([path]), ru())).lists[0]!;
    expect(s.numbers).toBe(1);
    expect(s.invalid).toHaveLength(1);
    expect(s.invalid[0]!.line).toBe(1);
    expect(s.invalid[0]!.problem).toMatch(/lost/);
  });
});

describe('loadSuppression: several lists', () => {
  it('finds a number on every list it is on, in the order given, and counts each list on its own', async () => {
    const a = await file('+7 916 111-22-33\n');
    const b = await file('phone\n+7 916 111-22-33\n+7 912 345-67-89\n89161112233\n');
    const lists = await loadSuppression(specs([a, b]), ru());
    expect(lists.lists.map((l) => l.numbers)).toEqual([1, 2]);
    expect(lists.lists.map((l) => l.name)).toEqual([listName(a), listName(b)]);
    expect(lists.names('+79161112233')).toEqual([listName(a), listName(b)]);
    expect(lists.names('+79123456789')).toEqual([listName(b)]);
    expect(lists.find('+79161112233')).toMatchObject({ label: `${listName(a)}:objection|${listName(b)}:objection`, registryOnly: false });
  });

  it('knows whether every list a number is on is a registry, the only kind consent may override', async () => {
    const tps = await file('+44 20 7946 0958\n+44 20 7946 0959\n', 'tps.txt');
    const ctps = await file('+44 20 7946 0958\n', 'ctps.txt');
    const own = await file('+44 20 7946 0959\n', 'own.txt');
    const lists = await loadSuppression(suppressSpecs([tps, `ctps=registry:${ctps}`, `internal:${own}`], [], 'dmy', {
      required_lists: [{ name: 'tps', kind: 'registry', max_age_days: 28 }], known_lists: [],
    }), new PhoneNormalizer('GB'));
    expect(lists.lists.map((l) => [l.name, l.kind, l.kindSource])).toEqual([['tps', 'registry', 'policy'], ['ctps', 'registry', 'flag'], ['own', 'internal', 'flag']]);
    expect(lists.find('+442079460958')).toMatchObject({ label: 'tps:registry|ctps:registry', registryOnly: true });
    expect(lists.find('+442079460959')).toMatchObject({ label: 'tps:registry|own:internal', registryOnly: false });
  });

  it('records the absolute path and the SHA-256 of each file', async () => {
    const text = '+7 916 111-22-33\n';
    const path = await file(text);
    const s = (await loadSuppression(specs([path]), ru())).lists[0]!;
    expect(isAbsolute(s.path)).toBe(true);
    expect(s.sha256).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('stops with an InputError when a list cannot be read', async () => {
    await expect(loadSuppression(specs([join(dir, 'no-such-list.txt')]), ru())).rejects.toThrow(InputError);
  });
});
