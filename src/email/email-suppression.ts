/**
 * Suppression lists of an email run (issue #15): addresses, and whole domains written `@example.ru`,
 * each kept under its normalized form (src/email/normalize.ts), so `@пример.рф` suppresses
 * `ivan@xn--e1afmkfd.xn--p1ai`. Which lists an address is on is interned as for numbers
 * (src/evidence/suppression.ts `ListSet`): a registry-only hit may be overridden by consent where the
 * policy allows it (47 CFR 64.3100(a)(1): the FCC's wireless domain names list yields to the
 * addressee's express prior authorization).
 */
import type { SuppressSpec } from '../core/settings.js';
import { internListSet, type ListSet } from '../evidence/suppression.js';

export class EmailSuppression {
  /** Normalized address or `@domain` -> the set of lists it is on (an index into `sets`). */
  private readonly entries = new Map<string, number>();
  private readonly sets: ListSet[] = [];
  private readonly setIds = new Map<string, number>();

  /** The lists the address is on, by itself or by its domain; undefined when none. */
  find(address: string, domain: string): ListSet | undefined {
    const own = this.entries.get(address);
    const whole = this.entries.get(`@${domain}`);
    if (own === undefined) return whole === undefined ? undefined : this.sets[whole];
    if (whole === undefined || whole === own) return this.sets[own];
    // On lists by address and by domain: the union, in list order.
    return this.sets[this.setOf([...new Set([...this.sets[own]!.lists, ...this.sets[whole]!.lists])].sort((a, b) => a - b), this.specs!)];
  }

  private specs: readonly SuppressSpec[] | undefined;

  /** Puts an address or `@domain` on list `index`; false when it was on it already. */
  add(key: string, index: number, specs: readonly SuppressSpec[]): boolean {
    this.specs = specs;
    const current = this.entries.get(key);
    const before = current === undefined ? [] : this.sets[current]!.lists;
    if (before.includes(index)) return false;
    this.entries.set(key, this.setOf([...before, index], specs));
    return true;
  }

  private setOf(lists: number[], specs: readonly SuppressSpec[]): number {
    return internListSet(this.sets, this.setIds, lists, specs);
  }
}
