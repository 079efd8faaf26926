/**
 * Issue #10 through the real binary, beyond the verdicts the fixtures pin: what the summary,
 * report.json, trail.jsonl and explain say about list kinds, registry overrides, dial modes, the
 * origin of the data and consent records that do not say; and the one-line errors for bad input.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { leadaudit } from '../helpers/exec.js';
import { listCases, runCase } from '../helpers/fixture-case.js';
import { readTrail } from '../helpers/trail.js';

const work = mkdtempSync(join(tmpdir(), 'leadaudit-law-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const fixture = (name: string) => listCases().find((c) => c.name === name)!;
const audit = (name: string, extra: string[] = []) => {
  const out = join(work, `${name}-${extra.join('_').replace(/\W/g, '')}`);
  const r = runCase(fixture(name), out, ['--trail', ...extra]);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  const trail = readTrail(join(out, 'trail.jsonl')).rows;
  return { r, out, report, trail };
};

describe('list kinds and registry overrides (list-kinds-uk-pecr)', () => {
  const { r, out, report, trail } = audit('list-kinds-uk-pecr');

  it('records each list with its kind and where the kind came from', () => {
    expect(report.inputs.suppress.map((s: { name: string; kind: string; kind_source: string }) => [s.name, s.kind, s.kind_source])).toEqual([
      ['tps', 'registry', 'policy'], ['ctps', 'registry', 'policy'], ['objections', 'objection', 'default'], ['own', 'internal', 'flag'],
    ]);
    expect(r.stderr).toContain('  tps (registry): 3 number(s), dated 2026-07-01T00:00:00.000Z');
  });

  it('says in the trail which consent overrode which list, and counts the overrides', () => {
    expect(trail[0].suppression).toEqual({ lists: [{ name: 'tps', kind: 'registry' }], overridden_by: 'L1' });
    expect(trail[2].suppression).toEqual({ lists: [{ name: 'ctps', kind: 'registry' }], overridden_by: 'L3' });
    expect(trail[6].suppression).toEqual({ lists: [{ name: 'tps', kind: 'registry' }, { name: 'objections', kind: 'objection' }], overridden_by: null });
    expect(trail[7].suppression).toBeNull();
    expect(report.registry_overrides).toBe(2);
    expect(r.stderr).toContain('registry hits overridden by consent: 2 clean row(s)');
  });

  it('explains the override, and the objection consent does not override', () => {
    const overridden = leadaudit(['explain', out, '--line', '2']);
    expect(overridden.status, overridden.stderr).toBe(0);
    expect(overridden.stdout).toContain('The number is on the registry list tps (registry); L1 (consent.csv:2) covers the campaign and overrides it.');
    const objected = leadaudit(['explain', out, '--line', '8']);
    expect(objected.stdout).toContain('The number is on the suppression lists tps (registry), objections (objection), which no consent overrides here.');
  });

  it('gives the kind of each list in report.html', () => {
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('ctps (registry)');
  });
});

describe('list kinds with several numbers in a row (list-kinds-two-numbers)', () => {
  const { report, trail } = audit('list-kinds-two-numbers');

  it('gives each number its own suppression, with the consent that overrode its registry', () => {
    expect(trail[1].numbers.map((n: { raw: string; verdict: string; suppression: unknown }) => [n.raw, n.verdict, n.suppression])).toEqual([
      ['+44 20 7946 0992', 'passed', { lists: [{ name: 'tps', kind: 'registry' }], overridden_by: 'N2' }],
      ['+44 20 7946 0993', 'removed', { lists: [{ name: 'objections', kind: 'objection' }], overridden_by: null }],
    ]);
    expect(trail[0].numbers[1].suppression).toBeNull();
    expect(trail[1].suppression).toEqual({ lists: [{ name: 'tps', kind: 'registry' }], overridden_by: 'N2' });
    expect(report.registry_overrides).toBe(1);
  });
});

describe('dial mode banned (code-dial-mode-banned)', () => {
  const { r, report } = audit('code-dial-mode-banned');

  it('records the dial mode and warns that it is banned', () => {
    expect(report.campaign).toMatchObject({ dial_mode: 'auto', advertising: true, dial_mode_banned: true });
    expect(r.stderr).toContain('call (dial mode auto) for marketing');
    expect(r.stderr).toContain('warning: dial mode auto is banned for advertising under ru-152fz: every row is DIAL_MODE_BANNED');
    expect(report.policy.references.DIAL_MODE_BANNED).toMatch(/^38-FZ Art\. 18 part 2 \(advertising by means that select or dial the number without a person/);
  });
});

describe('origin of the data (origin-subject)', () => {
  const { r, out, report, trail } = audit('origin-subject');

  it('explains where the origin came from and what it means for the notice', () => {
    const subject = leadaudit(['explain', out, '--line', '2']).stdout;
    expect(subject).toMatch(/Origin of the data +from the subject \(from the row\): only the notice the policy asks of data from the subject is required/);
    expect(subject).toMatch(/Source of the data +MISSING +\(not required of data from the subject\)/);
    expect(leadaudit(['explain', out, '--line', '7']).stdout).toMatch(/Origin of the data +"vendor list" \(not understood, taken as third party\) \(from the row\)/);
    expect(leadaudit(['explain', out, '--line', '6']).stdout).toMatch(/Origin of the data +from a third party \(from the --origin option or its default\)/);
  });

  it('counts the rows by origin and warns of values it does not understand', () => {
    expect(report.origins).toEqual({ subject: 4, third_party: 3, unrecognized: 1 });
    expect(r.stderr).toContain('warning: 1 row(s) give an origin that is neither subject nor third_party; taken as third_party');
    expect(r.stderr).toContain('data from the subject: 4 row(s)');
  });

  it('keeps the origin and where it came from in the trail', () => {
    expect(trail.map((t) => t.notice.origin)).toEqual([
      { value: 'subject', from: 'row' }, { value: 'subject', from: 'row' }, { value: 'third_party', from: 'row' },
      { value: 'subject', from: 'consent' }, { value: 'third_party', from: 'option' },
      { value: 'third_party', from: 'row', unrecognized: 'vendor list' }, { value: 'subject', from: 'row' },
    ]);
  });
});

describe('consent records that do not say (code-consent-not-separate)', () => {
  const { r, report } = audit('code-consent-not-separate');

  it('counts the records used that are silent on separate_document or kind', () => {
    expect(report.consent_unstated).toEqual({ separate_document: { records: 1, rows: 1 }, kind: { records: 4, rows: 4 } });
    expect(r.stderr).toContain('whether it is a separate document: 1 record(s) given since 2025-09-01, on 1 clean row(s)');
    expect(report.inputs.consent[0].invalid).toEqual([{ line: 10, field: 'separate_document', problem: 'separate_document "maybe" is not true or false (yes/no, да/нет)' }]);
  });
});

describe('bad input: one line, exit 2', () => {
  const contacts = join(work, 'c.csv');
  const consent = join(work, 'consent.csv');
  writeFileSync(contacts, 'id,phone\n1,+7 916 111-22-33\n');
  writeFileSync(consent, 'phone,given_at,purposes\n+79161112233,2026-01-01,marketing\n');
  const run = (...extra: string[]) => leadaudit(['audit', contacts, '--consent', consent, '--out-dir', join(work, 'bad-out'), ...extra]);

  it.each([
    [['--dial-mode', 'robocall'], /--dial-mode/],
    [['--origin', 'vendor'], /--origin/],
  ])('%j', (extra, message) => {
    const r = run(...extra);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('a policy file with an unknown list kind or dial mode names the file, line and path', () => {
    const policy = join(work, 'p.json');
    writeFileSync(policy, '{\n  "extends": "uk-pecr",\n  "required_lists": [{ "name": "tps", "kind": "whitelist", "max_age_days": 28 }]\n}\n');
    const r = run('--policy', policy);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/p\.json:3: \$\.required_lists\[0\]\.kind: /);
    writeFileSync(policy, '{\n  "extends": "ru-152fz",\n  "separate_consent_from": "1 Sept 2025"\n}\n');
    expect(run('--policy', policy).stderr).toMatch(/p\.json:3: \$\.separate_consent_from: expected an ISO 8601 date/);
  });

  it('a notice manifest with an origin that is neither word names the file and the path', () => {
    const notice = join(work, 'n.json');
    writeFileSync(notice, '{\n  "origin": "vendor"\n}\n');
    const r = run('--notice', notice);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/n\.json:2: \$\.origin: expected "subject" or "third_party"/);
    expect(existsSync(join(work, 'bad-out')) ? readdirSync(join(work, 'bad-out')) : []).toEqual([]);
  });
});

