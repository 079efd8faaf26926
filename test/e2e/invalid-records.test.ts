/**
 * Consent files full of junk (issue #12 item 5): invalid records are counted, the first 100 kept
 * with their reasons in report.json and the rest summarised by field, with memory flat; a file
 * with no usable record in its first 1,000 is not a consent file (exit 2, one line).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { once } from 'node:events';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { leadaudit } from '../helpers/exec.js';

let work: string;
let contacts: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'leadaudit-invalid-'));
  contacts = join(work, 'contacts.csv');
  writeFileSync(contacts, 'id,phone\n1,+7 916 111-22-33\n2,+7 916 111-22-44\n');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A consent file: `valid` usable records first, then `junk` lines of the kind given. */
async function consentFile(name: string, valid: number, junk: number, kind: 'csv' | 'jsonl'): Promise<string> {
  const path = join(work, name);
  const ws = createWriteStream(path);
  if (kind === 'csv') ws.write('phone,given_at,purposes,evidence_ref\n');
  for (let i = 0; i < valid; i++) {
    ws.write(kind === 'csv' ? `+7916111223${i % 10},2025-01-01,marketing,log-${i}\n` : `{"phone":"+7916111223${i % 10}","given_at":"2025-01-01","purposes":"marketing","evidence_ref":"log-${i}"}\n`);
  }
  for (let i = 0; i < junk; i++) {
    const line = kind === 'csv'
      ? (i % 3 === 0 ? `+7916111${String(i).padStart(4, '0')},yesterday ${i},marketing,x\n` : `not a phone ${i},2025-01-01,marketing,x\n`)
      : (i % 2 === 0 ? `junk line ${i} ${'z'.repeat(60)}\n` : `{"phone":"+79161112233","given_at":"never ${i}","purposes":"marketing"}\n`);
    if (!ws.write(line)) await once(ws, 'drain');
  }
  ws.end();
  await once(ws, 'close');
  return path;
}

describe('invalid consent records', () => {
  it('are counted; the first 100 are listed with line and reason; the rest summarised by field', async () => {
    const file = await consentFile('junk-after.csv', 2, 3000, 'csv');
    const r = leadaudit(['audit', contacts, '--consent', file, '--out-dir', join(work, 'o1'), '--json']);
    expect(r.status, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout).inputs.consent[0];
    expect(c).toMatchObject({ records: 3002, valid: 2, invalid_count: 3000, invalid_by_field: { given_at: 1000, phone: 2000 } });
    expect(c.invalid).toHaveLength(100);
    expect(c.invalid[0]).toEqual({ line: 4, field: 'given_at', problem: 'given_at "yesterday 0" is not a date' });
    expect(c.invalid[99].line).toBe(103);
    expect(r.stderr).toContain(`warning: ${file}: 3000 of 3002 consent records invalid, not used (line 4: given_at "yesterday 0" is not a date; line 5: phone "not a phone 1" is not a valid phone number; line 6: phone "not a phone 2" is not a valid phone number; ...; by field: given_at 1000, phone 2000; the first 100 are listed in report.json inputs.consent)`);
    // The report says the same in its own schema.
    const schema = JSON.parse(leadaudit(['schema', 'report']).stdout);
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(JSON.parse(r.stdout)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('memory stays flat: 300,000 junk lines after a valid record pass through a 48 MiB heap', async () => {
    const file = await consentFile('junk-big.jsonl', 1, 300_000, 'jsonl');
    const out = join(work, 'o2');
    const r = leadaudit(['audit', contacts, '--consent', file, '--out-dir', out, '--quiet', '--json'], { env: { NODE_OPTIONS: '--max-old-space-size=48' } });
    expect(r.status, r.stderr.slice(0, 300)).toBe(0);
    const c = JSON.parse(r.stdout).inputs.consent[0];
    expect(c).toMatchObject({ records: 300_001, valid: 1, invalid_count: 300_000, invalid_by_field: { record: 150_000, given_at: 150_000 } });
    expect(c.invalid).toHaveLength(100);
    expect(readFileSync(join(out, 'report.json')).length).toBeLessThan(64 * 1024);
  });

  it.each(['csv', 'jsonl'] as const)('a %s file with no usable record in its first 1,000 is not a consent file: exit 2, one line', async (kind) => {
    const file = await consentFile(`all-junk.${kind}`, 0, 1500, kind);
    const out = join(work, `o3-${kind}`);
    const r = leadaudit(['audit', contacts, '--consent', file, '--out-dir', out]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const first = kind === 'csv' ? 'line 2: given_at "yesterday 0" is not a date' : 'line 1: not valid JSON';
    expect(r.stderr).toMatch(new RegExp(`^leadaudit: ${file}: not a consent file: none of its first 1000 records is usable \\(${first.replace(/[()"]/g, '\\$&')}`));
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('a short file whose records are all invalid still runs, and says so', async () => {
    const file = await consentFile('few-junk.csv', 0, 5, 'csv');
    const r = leadaudit(['audit', contacts, '--consent', file, '--out-dir', join(work, 'o4'), '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).inputs.consent[0]).toMatchObject({ records: 5, valid: 0, invalid_count: 5 });
    expect(r.stderr).toContain(`warning: ${file}: no valid consent record`);
  });
});
