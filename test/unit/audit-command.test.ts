import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toSettings } from '../../src/cli/audit-command.js';
import { InputError } from '../../src/errors.js';
import { PRESETS } from '../../src/policy/presets.js';
import { campaignFrom } from '../../src/policy/campaign.js';
import type { AuditSettings } from '../../src/core/settings.js';
import { defaultCacheDir } from '../../src/evidence/index-cache.js';

const tmp = mkdtempSync(join(tmpdir(), 'leadaudit-settings-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const NOW = Date.parse('2026-11-28T12:34:56.789Z');
/** The options commander gives when only --consent is on the command line. */
const BASE = { consent: ['consent.csv'], outDir: './leadaudit-out', policy: 'ru-152fz' };
const settings = (over: Record<string, unknown> = {}) => toSettings('contacts.csv', { ...BASE, ...over }, NOW);
const campaign = (s: AuditSettings) => campaignFrom(s.policy.policy, { asOf: s.asOf, purpose: s.purpose, channel: s.channel, region: s.region });

/** The InputError toSettings throws for these options. */
function failure(over: Record<string, unknown>): InputError {
  try {
    settings(over);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('toSettings: defaults', () => {
  it('takes the ru-152fz preset and the defaults', () => {
    const s = settings();
    expect(s).toEqual({
      contacts: 'contacts.csv',
      consent: ['consent.csv'],
      notice: undefined,
      suppress: [],
      outDir: './leadaudit-out',
      policy: { policy: PRESETS['ru-152fz'], preset: 'ru-152fz' },
      asOf: NOW,
      purpose: undefined,
      channel: undefined,
      region: undefined,
      phoneColumn: undefined,
      columns: { contacts: {}, consent: {}, suppress: {}, reassigned: {}, line_types: {} },
      dateOrder: 'dmy',
      sheet: undefined,
      limits: { maxUnpackedBytes: 4096 * 1024 * 1024, maxRows: 10_000_000, maxSharedStrings: 10_000_000 },
      encoding: undefined,
      gate: { maxRejectRate: undefined, failOnReject: false, failOn: [], setBy: { maxRejectRate: 'policy', failOnReject: 'policy', failOn: 'policy' } },
      trail: false,
      xlsx: false,
      csvExcel: false,
      mask: false,
      maskColumns: [],
      evidenceDir: undefined,
      reassigned: undefined,
      lineTypes: undefined,
      junit: undefined,
      sign: undefined,
      certificate: false,
      dialMode: undefined,
      origin: undefined,
      indexCache: { dir: defaultCacheDir() },
    });
    expect(campaign(s)).toMatchObject({ asOf: NOW, purpose: 'marketing', channel: 'call', region: 'RU', proofRequired: true, consentMaxAgeDays: undefined, rejectDuplicates: true });
    expect(PRESETS['ru-152fz'].required_notice).toHaveLength(7);
  });

  it('keeps consent index snapshots in --index-cache, or none with --no-cache (issue #16)', () => {
    expect(defaultCacheDir()).toBe(join(process.env.XDG_CACHE_HOME!, 'leadaudit'));
    expect(settings({ indexCache: 'ci-cache' }).indexCache).toEqual({ dir: 'ci-cache' });
    expect(settings({ cache: false }).indexCache).toBeUndefined();
    expect(settings({ cache: false, indexCache: 'ci-cache' }).indexCache).toBeUndefined();
    expect(failure({ indexCache: ' ' }).message).toBe('--index-cache " ": must name a folder');
  });

  it('carries the other options through', () => {
    const s = settings({
      consent: ['a.csv', 'b.jsonl'], notice: 'notice.json', suppress: ['dnc.txt', 'tps=dnc2.csv'], listDate: ['tps=2026-11-01'], outDir: 'out', phoneColumn: 'Tel',
      channel: 'sms', failOnReject: true, json: true, quiet: true, trail: true, mask: true, junit: 'audit.xml',
    });
    expect(s.consent).toEqual(['a.csv', 'b.jsonl']);
    expect(s.notice).toBe('notice.json');
    expect(s.suppress).toEqual([
      { name: 'dnc', path: 'dnc.txt', date: undefined, kind: 'objection', kindSource: 'default' },
      { name: 'tps', path: 'dnc2.csv', date: Date.parse('2026-11-01T00:00:00Z'), kind: 'objection', kindSource: 'default' },
    ]);
    expect(s.outDir).toBe('out');
    expect(s.phoneColumn).toBe('Tel');
    expect(campaign(s).channel).toBe('sms');
    expect(s.gate.failOnReject).toBe(true);
    expect([s.trail, s.mask, s.junit]).toEqual([true, true, 'audit.xml']);
  });

  it('finds the preset whatever its case', () => {
    expect(settings({ policy: 'RU-152FZ' }).policy.policy.name).toBe('ru-152fz');
  });
});

describe('toSettings: --suppress NAME=FILE and --list-date', () => {
  it('names unnamed lists after their files, numbering repeats', () => {
    expect(settings({ suppress: ['a/dnc.txt', 'b/dnc.txt'] }).suppress.map((x) => x.name)).toEqual(['dnc', 'dnc-2']);
  });

  it.each([
    [{ suppress: ['tps=a.txt', 'tps=b.txt'] }, /--suppress "tps=b.txt": names the list "tps" a second time/],
    [{ suppress: ['tps=a.txt'], listDate: ['dnc=2026-01-01'] }, /--list-date "dnc=2026-01-01": names no --suppress list \(lists: tps\)/],
    [{ suppress: ['tps=a.txt'], listDate: ['tps=last week'] }, /--list-date "tps=last week": the date "last week" is not a date/],
    [{ suppress: ['tps=a.txt'], listDate: ['2026-01-01'] }, /--list-date "2026-01-01": must be NAME=DATE/],
  ])('rejects %j', (over, message) => {
    expect(failure(over).message).toMatch(message);
  });
});

describe('toSettings: --suppress [NAME=][KIND:]FILE (issue #10)', () => {
  const lists = (suppress: string[], policy = 'ru-152fz') => settings({ suppress, policy }).suppress.map((x) => [x.name, x.kind, x.kindSource, x.path]);

  it('reads a kind before the file, with or without a name', () => {
    expect(lists(['tps=registry:tps-2026-11.txt', 'internal:own.csv', 'REFUSAL:refusals-mts.txt'])).toEqual([
      ['tps', 'registry', 'flag', 'tps-2026-11.txt'],
      ['own', 'internal', 'flag', 'own.csv'],
      ['refusals-mts', 'refusal', 'flag', 'refusals-mts.txt'],
    ]);
  });

  it('keeps a prefix that is not a kind as part of the file name', () => {
    expect(lists(['C:dnc.txt', 'x=https:list.txt', 'a|b.txt'])).toEqual([
      ['c-dnc', 'objection', 'default', 'C:dnc.txt'], ['x', 'objection', 'default', 'https:list.txt'], ['a-b', 'objection', 'default', 'a|b.txt'],
    ]);
  });

  it("takes the kind of the policy's required or known list of that name, unless the flag gives one", () => {
    expect(lists(['tps=tps.txt', 'ctps.txt', 'dnc.txt'], 'uk-pecr')).toEqual([
      ['tps', 'registry', 'policy', 'tps.txt'], ['ctps', 'registry', 'policy', 'ctps.txt'], ['dnc', 'objection', 'default', 'dnc.txt'],
    ]);
    expect(lists(['national-dnc=objection:dnc.csv'], 'us-tcpa')).toEqual([['national-dnc', 'objection', 'flag', 'dnc.csv']]);
    expect(lists(['refusals=refusals.txt'])).toEqual([['refusals', 'refusal', 'policy', 'refusals.txt']]);
  });
});

describe('toSettings: --dial-mode and --origin (issue #10)', () => {
  it('carries them into the campaign; without them the policy decides and the origin is third_party', () => {
    const c = (over: Record<string, unknown>) => {
      const s = settings(over);
      return campaignFrom(s.policy.policy, { asOf: s.asOf, purpose: s.purpose, dialMode: s.dialMode, origin: s.origin });
    };
    expect(c({})).toMatchObject({ dialMode: 'live', dialModeBanned: false, origin: 'third_party' });
    expect(c({ dialMode: 'auto', origin: 'subject' })).toMatchObject({ dialMode: 'auto', dialModeBanned: true, origin: 'subject' });
    expect(c({ dialMode: 'prerecorded', purpose: 'service' })).toMatchObject({ dialMode: 'prerecorded', dialModeBanned: false, advertising: false });
  });

  it('rejects an unknown dial mode or origin, naming the flag', () => {
    expect(failure({ dialMode: 'robot' }).message).toContain('--dial-mode');
    expect(failure({ origin: 'vendor' }).message).toContain('--origin');
  });
});

describe('toSettings: --consent', () => {
  it.each([{ consent: undefined }, { consent: [] }])('requires at least one consent file (%j)', (over) => {
    const e = failure(over);
    expect(e.message).toMatch(/--consent/);
    expect(e.message).toMatch(/required/);
  });
});

describe('toSettings: --as-of', () => {
  it('reads a date as 00:00 UTC', () => {
    expect(settings({ asOf: '2026-11-01' }).asOf).toBe(Date.parse('2026-11-01T00:00:00Z'));
  });

  it('reads a datetime with an offset', () => {
    expect(settings({ asOf: '2026-11-01T09:00:00+03:00' }).asOf).toBe(Date.parse('2026-11-01T06:00:00Z'));
  });

  it.each(['yesterday', '2026-02-30', '2026-1-1', ''])('rejects %j, naming the flag and the value', (asOf) => {
    const e = failure({ asOf });
    expect(e.message).toContain('--as-of');
    expect(e.message).toContain(JSON.stringify(asOf));
  });
});

describe('toSettings: --region', () => {
  it('upper-cases and trims the region', () => {
    expect(settings({ region: 'gb' }).region).toBe('GB');
    expect(settings({ region: ' us ' }).region).toBe('US');
  });

  it.each(['XX', 'RUS', 'R', '', '12', 'Россия'])('rejects %j, naming the flag and the value', (region) => {
    const e = failure({ region });
    expect(e.message).toContain('--region');
    expect(e.message).toContain(JSON.stringify(region));
  });
});

describe('toSettings: --purpose and --channel', () => {
  it('lower-cases and trims the purpose', () => {
    expect(settings({ purpose: ' Service ' }).purpose).toBe('service');
    expect(settings({ purpose: 'МАРКЕТИНГ' }).purpose).toBe('маркетинг');
  });

  it('rejects an empty purpose, naming the flag', () => {
    const e = failure({ purpose: '   ' });
    expect(e.message).toContain('--purpose');
  });

  it('rejects an unknown channel, naming the flag', () => {
    expect(failure({ channel: 'fax' }).message).toContain('--channel');
  });
});

describe('toSettings: --max-reject-rate', () => {
  it.each([['0', 0], ['1', 1], ['0.25', 0.25], [' 0.5 ', 0.5]])('reads %j as %d', (text, value) => {
    expect(settings({ maxRejectRate: text }).gate.maxRejectRate).toBe(value);
  });

  it.each(['1.5', '-0.1', 'abc', '', '  ', 'NaN', 'Infinity', '10%'])('rejects %j, naming the flag and the value', (text) => {
    const e = failure({ maxRejectRate: text });
    expect(e.message).toContain('--max-reject-rate');
    expect(e.message).toContain(JSON.stringify(text));
  });
});

describe('toSettings: --fail-on', () => {
  it('reads comma-separated codes in any case, repeated flags, each once, in the order of the reason table', () => {
    const s = settings({ failOn: ['suppressed, CONSENT_MISSING', 'Suppressed', 'LIST_STALE'] });
    expect(s.gate.failOn).toEqual(['SUPPRESSED', 'CONSENT_MISSING', 'LIST_STALE']);
    expect(s.gate.setBy.failOn).toBe('--fail-on');
  });

  it('takes the policy\'s codes when the flag is not given, and the flag over the policy', () => {
    const policy = join(tmp, 'fail-on-policy.json');
    writeFileSync(policy, JSON.stringify({ extends: 'ru-152fz', name: 'strict', gate: { fail_on: ['DUPLICATE'] } }));
    expect(settings({ policy }).gate).toMatchObject({ failOn: ['DUPLICATE'], setBy: { failOn: 'policy' } });
    expect(settings({ policy, failOn: ['SUPPRESSED'] }).gate).toMatchObject({ failOn: ['SUPPRESSED'], setBy: { failOn: '--fail-on' } });
  });

  it.each([
    [['CONSENT_MISING'], /--fail-on "CONSENT_MISING": is not a reason code \(did you mean CONSENT_MISSING\?\)/],
    [['SUPPRESSED,NOPE'], /--fail-on "NOPE": is not a reason code; leadaudit reasons lists them/],
    [[' , '], /--fail-on " , ": names no reason code/],
  ])('rejects %j, naming the flag and the value', (failOn, message) => {
    expect(failure({ failOn }).message).toMatch(message);
  });
});

describe('toSettings: --policy', () => {
  it('rejects an unknown policy, naming it and listing the presets', () => {
    const e = failure({ policy: 'gdpr' });
    expect(e.message).toContain('--policy');
    expect(e.message).toContain('"gdpr"');
    expect(e.message).toContain('ru-152fz');
  });
});

describe('toSettings: --encoding', () => {
  it('accepts the usual spellings', () => {
    expect(settings({ encoding: 'cp1251' }).encoding).toBe('windows-1251');
    expect(settings({ encoding: 'UTF8' }).encoding).toBe('utf-8');
  });

  it('rejects an unknown encoding, naming the flag and the value', () => {
    const e = failure({ encoding: 'koi8-r' });
    expect(e.message).toContain('--encoding');
    expect(e.message).toContain('"koi8-r"');
  });
});

describe('toSettings: option types', () => {
  it('rejects an empty --out-dir, naming the flag', () => {
    expect(failure({ outDir: '' }).message).toContain('--out-dir');
  });
});
