/**
 * Warnings about a run that are not reasons to reject a row (issue #14): data (`{ code, args }`),
 * and here alone the words for them, which report.json, the summary and report.html show.
 */
import type { Policy } from '../policy/schema.js';
import type { Campaign } from '../rules/context.js';
import { t } from '../i18n/index.js';

export interface RunWarning {
  code: 'line_types_missing' | 'email_column_unused';
  args: Record<string, string>;
}

/** The run's warnings, in report.json's order. */
export function runWarnings(policy: Policy, c: Campaign, given: { lineTypes: boolean; emailColumn?: string | undefined }): RunWarning[] {
  return [...lineTypesWarning(policy, c, given.lineTypes), ...emailColumnWarning(c, given.emailColumn)];
}

/**
 * `line_types_missing`: the policy asks for a carrier lookup (`advise_line_types`, `us-tcpa`)
 * where libphonenumber can't tell mobiles from landlines, and the run needs one: an SMS campaign
 * (the mobile rule), or a dial mode the policy frees for landlines (47 CFR 64.1200(a)(2)).
 */
function lineTypesWarning(policy: Policy, c: Campaign, lineTypes: boolean): RunWarning[] {
  const needs = c.channel === 'sms' ? 'sms' : c.channel === 'call' && policy.landline_exempt_dial_modes.includes(c.dialMode) ? 'dial-mode' : undefined;
  if (!policy.advise_line_types || lineTypes || needs === undefined) return [];
  return [{ code: 'line_types_missing', args: { needs, channel: c.channel, dial_mode: c.dialMode, policy: policy.name } }];
}

/**
 * `email_column_unused` (issue #15): an email column named on a call or SMS run, where the phone
 * is the key and the address is not judged. A warning, not an error: the channel may come from a
 * policy file, and one command line serves a mixed list audited once per channel.
 */
function emailColumnWarning(c: Campaign, column: string | undefined): RunWarning[] {
  return column === undefined || c.channel === 'email' ? [] : [{ code: 'email_column_unused', args: { column: JSON.stringify(column), channel: c.channel } }];
}

export function warningText(w: RunWarning): string {
  switch (w.code) {
    case 'line_types_missing':
      return w.args.needs === 'sms' ? t('warning.lineTypesMissing.sms')
        : t('warning.lineTypesMissing.dialMode', { policy: String(w.args.policy), mode: String(w.args.dial_mode) });
    case 'email_column_unused':
      return t('warning.emailColumnUnused', { column: String(w.args.column), channel: String(w.args.channel) });
  }
}
