/**
 * Dial modes (issue #10): which presets need consent for which channel and dial mode, and where a
 * dial mode bans advertising outright (38-FZ Art. 18 part 2).
 */
import { describe, expect, it } from 'vitest';
import { campaignFrom } from '../../src/policy/campaign.js';
import { PRESETS } from '../../src/policy/presets.js';
import type { PresetName } from '../../src/policy/preset-names.js';
import type { Channel, DialMode } from '../../src/policy/schema.js';
import { checkDialMode } from '../../src/rules/dial-mode.js';
import type { AuditContext, RowFacts } from '../../src/rules/context.js';
import { explain } from '../../src/reasons.js';

const campaign = (preset: PresetName, channel: Channel, dialMode: DialMode, screened = true, purpose?: string) =>
  campaignFrom(PRESETS[preset], { asOf: 0, channel, dialMode, screened, purpose });

describe('whether consent is required', () => {
  it.each([
    // ru-152fz and eu-gdpr: consent for every channel and mode.
    ['ru-152fz', 'call', 'live', true], ['ru-152fz', 'call', 'auto', true], ['ru-152fz', 'email', 'live', true],
    ['eu-gdpr', 'call', 'live', true], ['eu-gdpr', 'call', 'prerecorded', true], ['eu-gdpr', 'sms', 'live', true],
    // uk-pecr: live and automatically dialled live calls to screened numbers need none (reg. 21);
    // recorded calls need consent (reg. 19); SMS and email need consent (reg. 22).
    ['uk-pecr', 'call', 'live', false], ['uk-pecr', 'call', 'auto', false], ['uk-pecr', 'call', 'prerecorded', true],
    ['uk-pecr', 'sms', 'live', true], ['uk-pecr', 'email', 'live', true],
    // us-tcpa: autodialled or prerecorded calls and texts need consent (64.1200(a)(2), (a)(3));
    // live calls to screened numbers do not; the TCPA does not cover email.
    ['us-tcpa', 'call', 'live', false], ['us-tcpa', 'call', 'auto', true], ['us-tcpa', 'call', 'prerecorded', true],
    ['us-tcpa', 'sms', 'live', true], ['us-tcpa', 'email', 'live', false], ['us-tcpa', 'email', 'auto', false],
  ] as [PresetName, Channel, DialMode, boolean][])('%s, %s, %s: %s', (preset, channel, mode, required) => {
    expect(campaign(preset, channel, mode).consentRequired).toBe(required);
  });

  it('requires consent for live calls after all when the screening list is missing or stale', () => {
    expect(campaign('uk-pecr', 'call', 'live', false).consentRequired).toBe(true);
    expect(campaign('us-tcpa', 'call', 'live', false).consentRequired).toBe(true);
    expect(campaign('us-tcpa', 'email', 'live', false).consentRequired).toBe(false);
  });
});

describe('DIAL_MODE_BANNED (38-FZ Art. 18 part 2)', () => {
  it('bans automatic dialling and prerecorded calls for advertising under ru-152fz only', () => {
    expect(campaign('ru-152fz', 'call', 'auto').dialModeBanned).toBe(true);
    expect(campaign('ru-152fz', 'call', 'prerecorded').dialModeBanned).toBe(true);
    expect(campaign('ru-152fz', 'sms', 'auto').dialModeBanned).toBe(true);
    // Part 2 speaks of selecting or dialling a subscriber's number: not of email.
    expect(campaign('ru-152fz', 'email', 'auto').dialModeBanned).toBe(false);
    expect(campaign('ru-152fz', 'call', 'live').dialModeBanned).toBe(false);
    expect(campaign('ru-152fz', 'call', 'auto', true, 'service').dialModeBanned).toBe(false);
    for (const p of ['eu-gdpr', 'uk-pecr', 'us-tcpa'] as const) expect(campaign(p, 'call', 'auto').dialModeBanned, p).toBe(false);
  });

  it('gives every row the same finding, whatever its phone', () => {
    const c = campaign('ru-152fz', 'call', 'auto');
    const ctx = { campaign: c } as unknown as AuditContext;
    const row = (): RowFacts => ({ line: 2, cells: [], findings: [] });
    const first = checkDialMode(row(), ctx);
    expect(first).toEqual([{ code: 'DIAL_MODE_BANNED', args: { mode: 'auto', purpose: 'marketing' } }]);
    expect(checkDialMode(row(), ctx)).toBe(first);
    expect(explain(first[0]!)).toBe('DIAL_MODE_BANNED: the campaign\'s dial mode auto (automatic dialling) is banned for advertising (purpose marketing) under this policy');
    expect(checkDialMode(row(), { campaign: campaign('ru-152fz', 'call', 'live') } as unknown as AuditContext)).toEqual([]);
  });
});
