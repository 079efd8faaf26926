/**
 * Inputs that are not lists, or are lists built to hurt: over-long fields and records, a single
 * line of many megabytes under a small heap, binary garbage. Each costs its own line at most, and
 * nothing crashes.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { once } from 'node:events';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { BIN, leadaudit } from '../helpers/exec.js';
import { execFileSync, spawn } from 'node:child_process';
import { audit } from '../../src/core/audit.js';
import { toSettings } from '../../src/cli/audit-command.js';
import { InputError } from '../../src/errors.js';

let work: string;
let consent: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'leadaudit-hostile-'));
  consent = join(work, 'consent.csv');
  writeFileSync(consent, 'phone,given_at,purposes,evidence_ref\n+79161112233,2025-01-01,marketing,log-1\n');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const rejects = (out: string) => parse(readFileSync(join(out, 'rejects.csv')), { columns: true, bom: true }) as Record<string, string>[];

describe('size limits', () => {
  it('a field over 1 MiB is ROW_MALFORMED and the rows after it keep their lines', () => {
    const file = join(work, 'big-field.csv');
    writeFileSync(file, `id,phone\n1,+7 916 111-22-33\n2,"${'x'.repeat((1 << 20) + 10)}"\n3,+7 916 111-22-44\n`);
    const out = join(work, 'big-field-out');
    const r = leadaudit(['audit', file, '--consent', consent, '--out-dir', out, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const rows = rejects(out);
    expect(rows.map((x) => [x.id, x.audit_line, x.audit_reasons.split('|')[0]])).toEqual([
      ['1', '2', 'NOTICE_OPERATOR_MISSING'],
      ['2', '3', 'ROW_MALFORMED'],
      ['3', '4', 'CONSENT_MISSING'],
    ]);
    expect(rows[1]!.audit_details).toMatch(/longer than 1048576 characters/);
    // The raw text shown is cut: a spreadsheet cell holds 32,767 characters.
    expect(rows[1]!.audit_details.length).toBeLessThan(5000);
  });

  it('a record over 4 MiB is its first line alone; reading resumes on the next line', () => {
    const file = join(work, 'big-record.csv');
    const line2 = `2,"${'a'.repeat(900_000)}`;
    const more = Array.from({ length: 5 }, () => 'b'.repeat(900_000)).join('\n');
    writeFileSync(file, `id,phone\n1,+7 916 111-22-33\n${line2}\n${more}"\n3,+7 916 111-22-44\n`);
    const out = join(work, 'big-record-out');
    const r = leadaudit(['audit', file, '--consent', consent, '--out-dir', out, '--quiet', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    const rows = rejects(out);
    const byLine = new Map(rows.map((x) => [x.audit_line, x]));
    expect(byLine.get('3')!.audit_reasons).toBe('ROW_MALFORMED');
    expect(byLine.get('3')!.audit_details).toMatch(/longer than 4194304 characters/);
    // Lines 4-8 are read again as records of their own (one field each: malformed).
    for (const l of ['4', '5', '6', '7', '8']) expect(byLine.get(l)!.audit_reasons).toBe('ROW_MALFORMED');
    expect(byLine.get('9')!.id).toBe('3');
    expect(report.totals.rows).toBe(report.totals.clean + report.totals.rejected);
    expect(report.totals.rows).toBe(8);
  });

  it('a 64 MiB line with no line break passes through a 48 MiB heap', async () => {
    const file = join(work, 'one-huge-line.csv');
    const ws = createWriteStream(file);
    ws.write('id,phone\n1,+7 916 111-22-33\n2,');
    const chunk = 'z'.repeat(1 << 20);
    for (let i = 0; i < 64; i++) if (!ws.write(chunk)) await once(ws, 'drain');
    ws.end('\n3,+7 916 111-22-44\n');
    await once(ws, 'close');
    const out = join(work, 'huge-line-out');
    const r = leadaudit(['audit', file, '--consent', consent, '--out-dir', out, '--quiet', '--json'], { env: { NODE_OPTIONS: '--max-old-space-size=48' } });
    expect(r.status, r.stderr.slice(0, 500)).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.totals).toEqual({ rows: 3, clean: 0, rejected: 3 });
    const rows = rejects(out);
    expect(rows.map((x) => x.audit_line)).toEqual(['2', '3', '4']);
    expect(rows[1]!.audit_reasons).toBe('ROW_MALFORMED');
    expect(rows[2]!.id).toBe('3');
  });
});

describe('inputs that are not lists', () => {
  it('a zero-byte file is exit 2 with a message', () => {
    const file = join(work, 'empty.csv');
    writeFileSync(file, '');
    const r = leadaudit(['audit', file, '--consent', consent, '--out-dir', join(work, 'o1')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/empty\.csv: the file is empty/);
  });

  it('a file of blank lines has no header: exit 2', () => {
    const file = join(work, 'blank.csv');
    writeFileSync(file, '\n  \n\t\n');
    const r = leadaudit(['audit', file, '--consent', consent, '--out-dir', join(work, 'o2')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/blank\.csv: no header row/);
  });

  it('binary garbage never yields a stack trace', () => {
    const file = join(work, 'garbage.bin');
    const bytes = Buffer.alloc(200_000);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) { x = (x * 1103515245 + 12345) >>> 0; bytes[i] = x >>> 24; }
    writeFileSync(file, bytes);
    for (const extra of [[], ['--phone-column', 'x'], ['--encoding', 'utf-16le']]) {
      const r = leadaudit(['audit', file, '--consent', consent, '--out-dir', join(work, 'o3'), ...extra]);
      expect([0, 1, 2]).toContain(r.status);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(r.status === 2 ? 1 : 100);
    }
  });

  it('any bytes at all: the audit either runs or fails with an InputError (property)', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom(undefined, 'phone'), async (bytes, phoneColumn) => {
        const file = join(work, `prop-${n}.csv`);
        const out = join(work, `prop-out-${n++}`);
        writeFileSync(file, Buffer.concat([Buffer.from('id,phone\n'), Buffer.from(bytes)]));
        const settings = toSettings(file, { consent: [consent], outDir: out, policy: 'ru-152fz', asOf: '2026-06-01', phoneColumn });
        try {
          const { report } = await audit(settings);
          expect(report.totals.rows).toBe(report.totals.clean + report.totals.rejected);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('JSON nested 5,000 deep (issue #12 item 13)', () => {
  const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
  const contacts = () => {
    const file = join(work, 'two-rows.csv');
    writeFileSync(file, 'id,phone\n1,+7 916 111-22-33\n2,+7 916 111-22-44\n');
    return file;
  };

  it.each([
    ['--notice', 'deep-notice.json', `{"purpose": ${deep}}`, /deep-notice\.json:1: \$\.purpose: nested more than 32 levels deep/],
    ['--policy', 'deep-policy.json', `{"extends": "ru-152fz", "legal_basis": ${deep}}`, /deep-policy\.json:1: \$\.legal_basis: nested more than 32 levels deep/],
  ])('%s: exit 2 with one line naming the file, no stack trace', (flag, name, text, message) => {
    const file = join(work, name);
    writeFileSync(file, text);
    const out = join(work, `deep-out-${name}`);
    const r = leadaudit(['audit', contacts(), '--consent', consent, flag, file, '--out-dir', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });

  it('a JSON Lines consent record: one invalid record with its line, and the run goes on', () => {
    const file = join(work, 'deep.jsonl');
    writeFileSync(file, `{"phone":"+79161112233","given_at":"2025-01-01","purposes":"marketing","evidence_ref":"x"}\n{"phone":${deep},"given_at":"2025-01-01","purposes":"marketing"}\n`);
    const r = leadaudit(['audit', contacts(), '--consent', file, '--out-dir', join(work, 'deep-jsonl-out'), '--quiet', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.inputs.consent[0]).toMatchObject({ records: 2, valid: 1, invalid: [{ line: 2, field: 'phone', problem: 'phone is nested more than 32 levels deep' }] });
    expect(report.totals.rows).toBe(2);
  });
});

describe('a first line without a line end, under a 48 MiB heap (issue #12 item 3)', () => {
  // 32 MiB of text and no line end: the header search used to re-read all of it on every chunk
  // (quadratic time, and memory growing with the line). Now it stops once the line is longer than
  // a record may be, holding no more than that.
  const HEAP = { NODE_OPTIONS: '--max-old-space-size=48' };
  let endless: string;
  beforeAll(async () => {
    endless = join(work, 'endless.csv');
    const ws = createWriteStream(endless);
    ws.write('phone,');
    const chunk = 'a'.repeat(1 << 20);
    for (let i = 0; i < 32; i++) if (!ws.write(chunk)) await once(ws, 'drain');
    ws.end();
    await once(ws, 'close');
  });
  const contacts = () => {
    const file = join(work, 'ok-contacts.csv');
    writeFileSync(file, 'id,phone\n1,+7 916 111-22-33\n');
    return file;
  };

  it.each([
    ['the contact list', (f: string) => [f, '--consent', consent]],
    ['a consent file', (f: string) => [contacts(), '--consent', f]],
    ['a suppression list', (f: string) => [contacts(), '--consent', consent, '--suppress', f]],
  ])('%s: exit 2 at once, naming the file and the limit', (_what, args) => {
    const r = leadaudit(['audit', ...args(endless), '--out-dir', join(work, 'endless-out')], { env: HEAP });
    expect(r.status, r.stderr.slice(0, 300)).toBe(2);
    expect(r.stderr).toBe(`leadaudit: ${endless}:1: the header line is longer than 4194304 characters: this is not a table (or not in this encoding; see --encoding)\n`);
  });

  it.each([
    ['on standard input (the contact list)', false],
    ['through a FIFO (a consent file)', true],
  ])('a first line that never ends, %s: the run stops by itself with exit 2', async (_how, fifo) => {
    const out = join(work, `never-${fifo}`);
    let path = '-';
    if (fifo) { path = join(work, 'never.fifo'); execFileSync('mkfifo', [path]); }
    const args = fifo ? ['audit', contacts(), '--consent', path, '--out-dir', out] : ['audit', '-', '--consent', consent, '--out-dir', out];
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', ...HEAP }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d; });
    const exited = once(child, 'exit');
    // A deadline for a run that never stops (the old header search read on for ever); not a timing.
    const deadline = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const sink = fifo ? createWriteStream(path) : child.stdin;
    const chunk = Buffer.alloc(1 << 20, 'a');
    let written = 0;
    let broken = false;
    sink.on('error', () => { broken = true; });
    sink.write('phone,');
    while (!broken && child.exitCode === null && child.signalCode === null && written < 2048) {
      written++;
      if (!sink.write(chunk)) await Promise.race([once(sink, 'drain').catch(() => {}), exited]);
    }
    sink.destroy();
    const [code] = await exited;
    clearTimeout(deadline);
    expect(code, stderr.slice(0, 300)).toBe(2);
    expect(stderr).toMatch(/:1: the header line is longer than 4194304 characters/);
    expect(written).toBeLessThan(64);
  });

  it('a JSON Lines consent file: the long line is one invalid record, and the next record counts', async () => {
    const file = join(work, 'endless.jsonl');
    const ws = createWriteStream(file);
    ws.write('{"phone":"');
    const chunk = '7'.repeat(1 << 20);
    for (let i = 0; i < 32; i++) if (!ws.write(chunk)) await once(ws, 'drain');
    ws.end('"}\n{"phone":"+79161112233","given_at":"2025-01-01","purposes":"marketing","evidence_ref":"x"}\n');
    await once(ws, 'close');
    const r = leadaudit(['audit', contacts(), '--consent', file, '--out-dir', join(work, 'endless-jsonl-out'), '--quiet', '--json'], { env: HEAP });
    expect(r.status, r.stderr.slice(0, 300)).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.inputs.consent[0]).toMatchObject({ records: 2, valid: 1, invalid: [{ line: 1, problem: `the line is longer than 4194304 characters (${(32 << 20) + 12}): not read` }] });
  });
});
