/** Reads a fixture case folder (see fixtures/README.md) and runs it. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { leadaudit, ROOT, type RunResult } from './exec.js';

export const FIXTURES = join(ROOT, 'fixtures');

export interface FixtureCase {
  name: string;
  dir: string;
  args: string[];
  stdin: boolean;
  exit: number;
  expected: Map<string, string> | undefined;
  lines: Map<string, string> | undefined;
  error: string | undefined;
}

function tsv(file: string): Map<string, string> {
  return new Map(readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim()).map((l) => {
    const [id = '', v = ''] = l.split('\t');
    return [id, v];
  }));
}

export function listCases(): FixtureCase[] {
  return readdirSync(FIXTURES).sort()
    .map((name) => join(FIXTURES, name))
    .filter((dir) => statSync(dir).isDirectory())
    .map((dir) => {
      const has = (f: string) => existsSync(join(dir, f));
      const read = (f: string) => readFileSync(join(dir, f), 'utf8');
      const args = has('args.json') ? (JSON.parse(read('args.json')) as string[]) : has('args') ? read('args').split(/\s+/).filter(Boolean) : [];
      return {
        name: dir.split('/').pop()!,
        dir,
        args,
        stdin: has('stdin'),
        exit: has('exit') ? Number(read('exit').trim()) : 0,
        expected: has('expected.tsv') ? tsv(join(dir, 'expected.tsv')) : undefined,
        lines: has('lines.tsv') ? tsv(join(dir, 'lines.tsv')) : undefined,
        error: has('error.txt') ? read('error.txt').trim() : undefined,
      };
    });
}

export function runCase(c: FixtureCase, outDir: string, extra: string[] = []): RunResult {
  const positional = c.stdin ? '-' : 'contacts.csv';
  const input = c.stdin ? readFileSync(join(c.dir, 'contacts.csv')) : undefined;
  return leadaudit(['audit', positional, ...c.args, '--out-dir', outDir, ...extra], { cwd: c.dir, input });
}
