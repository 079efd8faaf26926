/**
 * The commands around the audit: policy show, reasons, schema, init. `schema` output must validate
 * the bundled example files and real reports (checked with ajv, independent of zod).
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ROOT, leadaudit } from '../helpers/exec.js';
import { REASON_CODES } from '../../src/reasons.js';

let work: string;
beforeAll(() => { work = mkdtempSync(join(tmpdir(), 'leadaudit-cmd-')); });
afterAll(() => rmSync(work, { recursive: true, force: true }));

const schema = (kind: string) => {
  const r = leadaudit(['schema', kind]);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as object;
};
const validator = (kind: string) => new Ajv2020({ strict: false, allErrors: true }).compile(schema(kind));

describe('leadaudit schema', () => {
  it('policy: validates every preset (policy show) and the example policy file', () => {
    const validate = validator('policy');
    for (const preset of ['ru-152fz', 'eu-gdpr', 'uk-pecr', 'us-tcpa']) {
      const shown = JSON.parse(leadaudit(['policy', 'show', preset]).stdout);
      expect(validate(shown), JSON.stringify(validate.errors)).toBe(true);
    }
    // The example file extends a preset: as resolved, it is a complete policy.
    const resolved = JSON.parse(leadaudit(['policy', 'show', join(ROOT, 'examples', 'leadaudit-policy.json')]).stdout);
    expect(validate(resolved), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...resolved, channel: 'fax' })).toBe(false);
    expect(validate({ ...resolved, dial_mode: 'robot' })).toBe(false);
    expect(validate({ ...resolved, required_lists: [{ name: 'tps', kind: 'whitelist', max_age_days: 28 }] })).toBe(false);
    // Issue #10's fields may be left out of a policy file: they have defaults.
    const { dial_mode: _d, known_lists: _k, separate_consent_from: _s, notice_from_subject: _n, ...older } = resolved;
    expect(validate(older), JSON.stringify(validate.errors)).toBe(true);
  });

  it('notice: validates the example manifest and every fixture manifest', () => {
    const validate = validator('notice');
    const manifests = [join(ROOT, 'examples', 'notice.json'), ...readdirSync(join(ROOT, 'fixtures')).map((c) => join(ROOT, 'fixtures', c, 'notice.json')).filter(existsSync)];
    expect(manifests.length).toBeGreaterThan(10);
    for (const m of manifests) {
      const text = readFileSync(m, 'utf8');
      let json: unknown;
      try { json = JSON.parse(text); } catch { continue; } // the bad-JSON fixture
      const ok = validate(json);
      // A manifest the CLI refuses (a fixture of a bad manifest) must fail the schema too.
      if (!ok) expect(m).toMatch(/error-/);
    }
    expect(validate({ purpse: 'typo' })).toBe(false);
  });

  it('consent: validates every record of the example JSON Lines file', () => {
    const validate = validator('consent');
    const lines = readFileSync(join(ROOT, 'examples', 'consent.jsonl'), 'utf8').split('\n').filter(Boolean);
    for (const l of lines) expect(validate(JSON.parse(l)), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ phone: '+79161112233', given_at: '2026-01-01' })).toBe(false); // no purposes
    const described = JSON.stringify(schema('consent'));
    for (const field of ['separate_document', 'kind', 'origin', 'отдельный документ', 'вид', 'происхождение']) expect(described).toContain(field);
    expect(validate({ phone: '+79161112233', given_at: '2026-01-01', purposes: 'marketing', separate_document: false, kind: ['advertising'], origin: 'subject' })).toBe(true);
  });

  it('report: validates the report.json of a real run', () => {
    const validate = validator('report');
    const out = join(work, 'out');
    const demo = join(ROOT, 'fixtures', 'demo');
    const r = leadaudit(['audit', join(demo, 'contacts.csv'), '--consent', join(demo, 'consent.csv'), '--notice', join(demo, 'notice.json'), '--out-dir', out, '--quiet', '--as-of', '2026-11-01', '--policy', 'us-tcpa']);
    expect(r.status).toBe(1); // no national-dnc list: LIST_STALE
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.run_findings[0]).toMatchObject({ code: 'LIST_STALE', list: 'national-dnc' });
  });

  it('refuses an unknown kind with exit 2', () => {
    const r = leadaudit(['schema', 'nonsense']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/nonsense/);
  });
});

describe('leadaudit reasons', () => {
  it('lists every code with its title, remedy and the law under the policy', () => {
    const r = leadaudit(['reasons', '--policy', 'uk-pecr']);
    expect(r.status).toBe(0);
    for (const code of REASON_CODES) expect(r.stdout).toContain(code);
    expect(r.stdout).toContain('Law: PECR reg. 21(1)(b) (numbers listed in the register kept under reg. 26, the TPS and the CTPS); PECR reg. 21(3) (a caller is not in breach for a number listed less than 28 days before the call)');
    const json = JSON.parse(leadaudit(['reasons', '--policy', 'us-tcpa', '--json']).stdout);
    const stale = json.reasons.find((x: { code: string }) => x.code === 'LIST_STALE');
    expect(stale).toMatchObject({ applies: true, scope: 'row and run' });
    expect(stale.law).toContain('16 CFR 310.4(b)(3)(iv)');
    expect(stale.law).toContain('47 CFR 64.1200(c)(2)(i)(D)');
    // The same reference as data, for machines and for the Russian rendering (issue #13).
    expect(stale.citations[1]).toEqual({
      act: '47-CFR', article: '64.1200', path: ['c', '2', 'i', 'D'], gloss: "the same, in the FCC's safe harbour",
      glossRu: 'то же условие в правилах Федеральной комиссии связи США об освобождении от ответственности',
    });
    const ru = JSON.parse(leadaudit(['reasons', '--policy', 'ru-152fz', '--json']).stdout);
    const banned = ru.reasons.find((x: { code: string }) => x.code === 'DIAL_MODE_BANNED');
    expect(banned).toMatchObject({ applies: true, scope: 'row' });
    expect(banned.citations[0]).toMatchObject({ act: '38-FZ', article: '18', part: '2' });
    expect(json.reasons.find((x: { code: string }) => x.code === 'DIAL_MODE_BANNED')).toMatchObject({ applies: false, law: null, citations: [] });
    expect(json.reasons.find((x: { code: string }) => x.code === 'NOTICE_SOURCE_MISSING').applies).toBe(false);
  });
});

describe('leadaudit policy show', () => {
  it('shows the law as of 2026 in each preset (issue #10)', () => {
    const show = (p: string) => JSON.parse(leadaudit(['policy', 'show', p]).stdout);
    expect(show('ru-152fz')).toMatchObject({
      dial_mode: 'live', banned_dial_modes: ['auto', 'prerecorded'], advertising_purposes: ['marketing'],
      separate_consent_from: '2025-09-01', separate_consent_required: false, notice_from_subject: [],
      known_lists: [{ name: 'refusals', kind: 'refusal' }], consent_overrides_registry: false,
    });
    expect(show('uk-pecr')).toMatchObject({
      consent_required_for: ['sms', 'email'], consent_required_for_dial_modes: ['prerecorded'], unconsented_calls_screened_by: 'tps',
      required_lists: [{ name: 'tps', kind: 'registry', max_age_days: 28 }], known_lists: [{ name: 'ctps', kind: 'registry' }], consent_overrides_registry: true,
    });
    expect(show('us-tcpa')).toMatchObject({
      consent_required_for: ['sms'], consent_required_for_dial_modes: ['auto', 'prerecorded'], unconsented_calls_screened_by: 'national-dnc',
      required_lists: [{ name: 'national-dnc', kind: 'registry', max_age_days: 31 }], consent_overrides_registry: true,
    });
    expect(show('eu-gdpr')).toMatchObject({ consent_required_for: ['call', 'sms', 'email'], separate_consent_from: null, banned_dial_modes: [] });
  });

  it('fills in the defaults of a policy file that extends a preset and lists required lists without a kind', () => {
    const file = join(work, 'older.json');
    writeFileSync(file, JSON.stringify({ extends: 'us-tcpa', required_lists: [{ name: 'national-dnc', max_age_days: 31 }] }));
    expect(JSON.parse(leadaudit(['policy', 'show', file]).stdout).required_lists).toEqual([{ name: 'national-dnc', kind: 'objection', max_age_days: 31 }]);
  });

  it('prints the resolved policy of a file that extends a preset', () => {
    const r = leadaudit(['policy', 'show', join(ROOT, 'examples', 'leadaudit-policy.json')]);
    expect(r.status).toBe(0);
    const p = JSON.parse(r.stdout);
    expect(p).toMatchObject({ name: 'romashka-calls', region: 'RU', operator: { name: 'ООО «Ромашка»' }, gate: { max_reject_rate: 0.2 } });
    expect(p.extends).toBeUndefined();
  });

  it('is exit 2 with the path for a bad file', () => {
    const bad = join(work, 'p.json');
    writeFileSync(bad, '{\n  "extends": "eu-gdpr",\n  "region": "XX"\n}\n');
    const r = leadaudit(['policy', 'show', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/p\.json:3: \$\.region: /);
  });
});

describe('leadaudit init', () => {
  it('writes the starter files, which then audit, and refuses to overwrite them', () => {
    const dir = join(work, 'init');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    const first = leadaudit(['init'], { cwd: dir });
    expect(first.status, first.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['consent-template.csv', 'leadaudit-policy.json', 'notice.json']);
    const before = readFileSync(join(dir, 'notice.json'), 'utf8');
    writeFileSync(join(dir, 'contacts.csv'), 'id,phone\n1,+7 912 345-67-89\n');
    const audit = leadaudit(['audit', 'contacts.csv', '--policy', 'leadaudit-policy.json', '--notice', 'notice.json', '--consent', 'consent-template.csv', '--as-of', '2026-11-01', '--out-dir', 'out', '--json', '--quiet'], { cwd: dir });
    expect(audit.status, audit.stderr).toBe(0);
    expect(JSON.parse(audit.stdout).totals).toEqual({ rows: 1, clean: 1, rejected: 0 });
    const again = leadaudit(['init'], { cwd: dir });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exist/);
    expect(readFileSync(join(dir, 'notice.json'), 'utf8')).toBe(before);
  });
});
