/**
 * Suppression-list kinds (issue #10): a hit on registry lists only (TPS, CTPS, the US National Do Not
 * Call Registry) is overridden by consent that covers the campaign, where the policy allows it (PECR
 * reg. 21(4), 47 CFR 64.1200(c)(2)(ii)); objections, internal lists and refusals never are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSuppression } from '../../src/rules/suppression.js';
import { loadSuppression, type SuppressionLists } from '../../src/evidence/suppression.js';
import { suppressSpecs } from '../../src/cli/audit-command.js';
import { PhoneNormalizer } from '../../src/phone/normalize.js';
import { campaignFrom } from '../../src/policy/campaign.js';
import { PRESETS } from '../../src/policy/presets.js';
import type { PresetName } from '../../src/policy/preset-names.js';
import type { ConsentRecord } from '../../src/evidence/consent-record.js';
import type { AuditContext, RowFacts } from '../../src/rules/context.js';
import { explain } from '../../src/reasons.js';

const NUMBER = '+447400123456';
let dir: string;
let lists: SuppressionLists;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'leadaudit-registry-'));
  const file = async (name: string, text: string) => { const p = join(dir, name); await writeFile(p, text); return p; };
  const tps = await file('tps.txt', `${NUMBER}\n+447400123457\n+447400123458\n+447400123459\n`);
  const ctps = await file('ctps.txt', '+447400123459\n');
  const objections = await file('objections.txt', '+447400123457\n');
  const own = await file('own.txt', '+447400123458\n');
  lists = await loadSuppression(suppressSpecs([tps, ctps, objections, `internal:${own}`], [], 'dmy', PRESETS['uk-pecr']), new PhoneNormalizer('GB'));
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const covering = { consentId: 'Q1' } as ConsentRecord;

function check(e164: string, preset: PresetName, consent: ConsentRecord | undefined) {
  const ctx = { suppression: lists, campaign: campaignFrom(PRESETS[preset], { asOf: 0 }) } as unknown as AuditContext;
  const row: RowFacts = { line: 2, cells: [], findings: [], e164, consent: { findings: [], covering: consent, reported: undefined, considered: [] } };
  return { findings: checkSuppression(row, ctx), row };
}

describe('a registry hit', () => {
  it('is overridden by covering consent under uk-pecr (PECR reg. 21(4)), and the row says which consent overrode which list', () => {
    const { findings, row } = check(NUMBER, 'uk-pecr', covering);
    expect(findings).toEqual([]);
    expect(row.suppression?.overriddenBy?.consentId).toBe('Q1');
    expect(row.suppression?.lists.label).toBe('tps:registry');
  });

  it('is overridden on several registries at once (TPS and CTPS)', () => {
    const { findings, row } = check('+447400123459', 'uk-pecr', covering);
    expect(findings).toEqual([]);
    expect(row.suppression?.lists.label).toBe('tps:registry|ctps:registry');
  });

  it('stays SUPPRESSED without covering consent, and the detail says why', () => {
    const { findings } = check(NUMBER, 'uk-pecr', undefined);
    expect(findings).toEqual([{ code: 'SUPPRESSED', args: { e164: NUMBER, lists: 'tps:registry', why: 'no-consent' } }]);
    expect(explain(findings[0]!)).toBe(`SUPPRESSED: ${NUMBER} is on the suppression list tps (registry), and no consent record covers the campaign to override it`);
  });

  it('is never overridden where the policy does not allow it (ru-152fz, eu-gdpr)', () => {
    for (const preset of ['ru-152fz', 'eu-gdpr'] as const) {
      const { findings, row } = check(NUMBER, preset, covering);
      expect(findings.map((f) => f.args?.why), preset).toEqual(['not-overridable']);
      expect(row.suppression?.overriddenBy).toBeUndefined();
    }
  });
});

describe('an objection, an internal list or a refusal', () => {
  it('is never overridden, even together with a registry hit and covering consent', () => {
    const objection = check('+447400123457', 'uk-pecr', covering).findings;
    expect(objection).toEqual([{ code: 'SUPPRESSED', args: { e164: '+447400123457', lists: 'tps:registry|objections:objection', why: undefined } }]);
    expect(explain(objection[0]!)).toBe('SUPPRESSED: +447400123457 is on the suppression lists tps (registry) and objections');
    const internal = check('+447400123458', 'uk-pecr', covering).findings;
    expect(explain(internal[0]!)).toBe('SUPPRESSED: +447400123458 is on the suppression lists tps (registry) and own (internal)');
  });
});

describe('a number on no list', () => {
  it('is not suppressed and carries no suppression facts', () => {
    const { findings, row } = check('+447400123450', 'uk-pecr', covering);
    expect(findings).toEqual([]);
    expect(row.suppression).toBeUndefined();
  });
});
