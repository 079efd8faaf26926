/**
 * Policies: the presets, the reason registry's legal references, policy files with `extends`,
 * their errors, and how flags override them.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { PRESETS } from '../../src/policy/presets.js';
import { PRESET_NAMES } from '../../src/policy/preset-names.js';
import { policySchema } from '../../src/policy/schema.js';
import { loadPolicy, mergePolicy } from '../../src/policy/load.js';
import { campaignFrom, fold } from '../../src/policy/campaign.js';
import { codesUsedBy } from '../../src/policy/codes.js';
import { REASONS, REASON_CODES } from '../../src/reasons.js';
import { lawText } from '../../src/law/references.js';
import { InputError } from '../../src/errors.js';
import { toSettings } from '../../src/cli/audit-command.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'leadaudit-policy-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const failure = (f: () => unknown): string => {
  try { f(); } catch (e) { if (e instanceof InputError) return e.message; throw e; }
  throw new Error('expected an InputError');
};

describe('presets', () => {
  it.each(PRESET_NAMES)('%s satisfies the policy schema', (name) => {
    expect(policySchema().parse(PRESETS[name])).toEqual(PRESETS[name]);
  });

  it('decide the settings of the issue table', () => {
    expect(PRESETS['ru-152fz']).toMatchObject({ region: 'RU', consent_required_for: ['call', 'sms', 'email'], required_lists: [], calling_window: null });
    expect(PRESETS['ru-152fz'].required_notice).toEqual(['operator', 'purpose', 'legal_basis', 'pdn_list', 'recipients', 'rights', 'source']);
    expect(PRESETS['ru-152fz'].notice_exemptions).toEqual(['18.4.1', '18.4.2', '18.4.3', '18.4.4', '18.4.5']);
    expect(PRESETS['eu-gdpr']).toMatchObject({ region: null, notice_exemptions: ['14.5.a', '14.5.b', '14.5.c', '14.5.d'] });
    expect(PRESETS['eu-gdpr'].required_notice).toContain('retention');
    expect(PRESETS['uk-pecr']).toMatchObject({ region: 'GB', consent_required_for: ['sms', 'email'], unconsented_calls_screened_by: 'tps', required_lists: [{ name: 'tps', max_age_days: 28 }] });
    expect(PRESETS['uk-pecr'].required_notice).toContain('retention');
    expect(PRESETS['us-tcpa']).toMatchObject({ region: 'US', required_notice: [], notice_exemptions: [], required_lists: [{ name: 'national-dnc', max_age_days: 31 }], calling_window: { from: '08:00', to: '21:00' } });
    for (const name of PRESET_NAMES) {
      expect(PRESETS[name]).toMatchObject({ proof_required: true, consent_max_age_days: null, blocked_number_types: ['PREMIUM_RATE', 'SHARED_COST'], sms_number_types: ['MOBILE', 'FIXED_LINE_OR_MOBILE'] });
    }
  });

  it('ru-152fz keeps the contract defaults: any country, no maximum age, no blocked sources, duplicates rejected', () => {
    expect(PRESETS['ru-152fz']).toMatchObject({ allowed_countries: null, consent_max_age_days: null, blocked_sources: [], duplicates: 'reject', purpose: 'marketing', channel: 'call' });
  });
});

describe('the reason registry', () => {
  it.each(PRESET_NAMES)('gives every code %s uses a title, a remedy and a legal reference', (preset) => {
    const used = codesUsedBy(PRESETS[preset]);
    expect(used.size).toBeGreaterThan(10);
    for (const code of used) {
      expect(REASONS[code].title, code).toMatch(/\w/);
      expect(REASONS[code].remedy, code).toMatch(/\w/);
      expect(lawText(code, preset), `${code} under ${preset}`).toMatch(/\w/);
    }
  });

  it('cites the articles the issue names for each preset', () => {
    const all = (preset: (typeof PRESET_NAMES)[number]) => REASON_CODES.map((c) => lawText(c, preset) ?? '').join(' ');
    for (const art of ['Art. 5', 'Art. 6', 'Art. 9', 'Art. 15', 'Art. 18', '38-FZ Art. 18']) expect(all('ru-152fz')).toContain(art);
    for (const art of ['Art. 6', 'Art. 7(1)', 'Art. 14', 'Art. 21']) expect(all('eu-gdpr')).toContain(art);
    for (const art of ['UK GDPR Art. 14', 'PECR reg. 21', 'PECR reg. 22']) expect(all('uk-pecr')).toContain(art);
    for (const art of ['47 CFR 64.1200', '16 CFR 310.4']) expect(all('us-tcpa')).toContain(art);
  });

  it('does not apply codes a preset has no use for', () => {
    expect(codesUsedBy(PRESETS['us-tcpa']).has('NOTICE_SOURCE_MISSING')).toBe(false);
    expect(codesUsedBy(PRESETS['ru-152fz']).has('NOTICE_RETENTION_MISSING')).toBe(false);
    expect(codesUsedBy(PRESETS['ru-152fz']).has('LIST_STALE')).toBe(false);
    expect(codesUsedBy(PRESETS['uk-pecr']).has('LIST_STALE')).toBe(true);
  });
});

describe('policy files', () => {
  it('loads a preset by name, case-insensitively', () => {
    expect(loadPolicy('EU-GDPR')).toMatchObject({ preset: 'eu-gdpr', policy: { name: 'eu-gdpr' } });
  });

  it('extends a preset: objects merge key by key, lists are replaced', () => {
    const p = file('ext.json', JSON.stringify({ extends: 'uk-pecr', purpose: 'service', gate: { max_reject_rate: 0.1 }, blocked_sources: ['leak'] }));
    const { policy, preset, file: f } = loadPolicy(p);
    expect(preset).toBe('uk-pecr');
    expect(policy).toMatchObject({ name: 'ext', region: 'GB', purpose: 'service', gate: { max_reject_rate: 0.1, fail_on_reject: false }, blocked_sources: ['leak'] });
    expect(f!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(mergePolicy({ a: [1, 2], o: { x: 1, y: 2 } }, { a: [3], o: { y: 5 } })).toEqual({ a: [3], o: { x: 1, y: 5 } });
  });

  it('names the file, the line and the JSON path of a bad value', () => {
    const p = file('bad.json', '{\n  "extends": "ru-152fz",\n  "gate": {\n    "max_reject_rate": 1.5\n  }\n}\n');
    expect(failure(() => loadPolicy(p))).toMatch(/bad\.json:4: \$\.gate\.max_reject_rate: .*1\.5/);
  });

  it('names an unknown field with its line', () => {
    const p = file('typo.json', '{\n  "extends": "ru-152fz",\n  "purpse": "x"\n}\n');
    expect(failure(() => loadPolicy(p))).toMatch(/typo\.json:3: \$: unknown field "purpse"/);
  });

  it('refuses an extends that is not a preset, listing them', () => {
    const p = file('ext-bad.json', '{ "extends": "fr-cnil" }');
    expect(failure(() => loadPolicy(p))).toMatch(/ext-bad\.json:1: \$\.extends: "fr-cnil" is not a preset \(ru-152fz, eu-gdpr, uk-pecr, us-tcpa\)/);
  });

  it('wants every field in a file without extends', () => {
    const p = file('bare.json', '{ "name": "bare", "purpose": "marketing" }');
    expect(failure(() => loadPolicy(p))).toMatch(/bare\.json:1: \$\.legal_basis: .*missing/);
  });

  it('reports invalid JSON with its line, and unknown names with the presets', () => {
    const p = file('broken.json', '{\n  "extends": "ru-152fz",\n}\n');
    expect(failure(() => loadPolicy(p))).toMatch(/broken\.json:3: not valid JSON/);
    expect(failure(() => loadPolicy('nowhere'))).toMatch(/unknown policy; the presets are ru-152fz, eu-gdpr, uk-pecr, us-tcpa/);
    expect(failure(() => loadPolicy(join(dir, 'missing.json')))).toMatch(/missing\.json: cannot read the policy file: no such file/);
  });
});

describe('flags override the policy', () => {
  it('--region, --purpose, --channel, --max-reject-rate and --fail-on-reject win over the file', () => {
    const p = file('gated.json', JSON.stringify({ extends: 'us-tcpa', purpose: 'service', gate: { max_reject_rate: 0.3, fail_on_reject: true } }));
    const fromFile = toSettings('c.csv', { consent: ['x.csv'], outDir: 'o', policy: p });
    expect(fromFile.gate).toEqual({ maxRejectRate: 0.3, failOnReject: true, failOn: [], setBy: { maxRejectRate: 'policy', failOnReject: 'policy', failOn: 'policy' } });
    const c1 = campaignFrom(fromFile.policy.policy, { asOf: 0 });
    expect(c1).toMatchObject({ purpose: 'service', region: 'US', channel: 'call' });
    const s = toSettings('c.csv', { consent: ['x.csv'], outDir: 'o', policy: p, purpose: 'Marketing', region: 'ca', channel: 'sms', maxRejectRate: '0.05' });
    expect(s.gate.maxRejectRate).toBe(0.05);
    expect(s.gate.setBy).toEqual({ maxRejectRate: '--max-reject-rate', failOnReject: 'policy', failOn: 'policy' });
    const c2 = campaignFrom(s.policy.policy, { asOf: 0, purpose: s.purpose, channel: s.channel, region: s.region });
    expect(c2).toMatchObject({ purpose: 'marketing', region: 'CA', channel: 'sms' });
  });

  it('uk-pecr needs consent for live calls unless the TPS list was given and is fresh', () => {
    const uk = PRESETS['uk-pecr'];
    expect(campaignFrom(uk, { asOf: 0 }).consentRequired).toBe(true);
    expect(campaignFrom(uk, { asOf: 0, screened: true }).consentRequired).toBe(false);
    expect(campaignFrom(uk, { asOf: 0, screened: true, channel: 'sms' }).consentRequired).toBe(true);
    expect(campaignFrom(PRESETS['ru-152fz'], { asOf: 0, screened: true }).consentRequired).toBe(true);
  });

  it("takes the operator from the policy, else the manifest's name, folded", () => {
    expect(fold('  ООО «Ромашка»  "Плюс" ')).toBe('ооо ромашка плюс');
    expect(campaignFrom(PRESETS['ru-152fz'], { asOf: 0, manifestOperator: 'ООО «Ромашка»' }).operatorNames).toEqual(['ооо ромашка']);
    const own = { ...PRESETS['ru-152fz'], operator: { name: 'Romashka LLC', aliases: ['ООО Ромашка'] } };
    expect(campaignFrom(own, { asOf: 0, manifestOperator: 'Other' }).operatorNames).toEqual(['romashka llc', 'ооо ромашка']);
  });
});
