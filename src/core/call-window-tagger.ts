/**
 * Calling windows for clean rows (us-tcpa, 47 CFR 64.1200(c)(1)): each number's time zones and the
 * UTC interval that is inside the local calling hours in every one of them on the --as-of date.
 * Tags rows; rejects none. Windows are cached per set of zones: numbers share few of them.
 */
import { timeZonesFor } from '../phone/timezones.js';
import { callWindowUtc } from '../rules/calling-window.js';

export class CallWindowTagger {
  private readonly windows = new Map<string, string>();

  constructor(private readonly hours: { from: string; to: string }, private readonly asOf: number) {}

  /** [time_zones joined by `|`, call_window_utc] for a number. */
  tag(e164: string): [string, string] {
    const zones = timeZonesFor(e164);
    const key = zones.join('|');
    let window = this.windows.get(key);
    if (window === undefined) {
      window = callWindowUtc(zones, this.asOf, this.hours.from, this.hours.to);
      this.windows.set(key, window);
    }
    return [key, window];
  }
}
