/**
 * The options that name lists and date them: `--suppress [NAME=][KIND:]FILE`, `--list-date
 * NAME=DATE` and its `reassigned=DATE` for the `--reassigned` list (issue #14). Each check names
 * its flag, the value it got and the problem (exit 2).
 */
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { readDate, type DateOrder } from '../dates.js';
import { LIST_KINDS, type ListKind, type Policy } from '../policy/schema.js';
import type { SuppressSpec } from '../core/settings.js';
import { t } from '../i18n/index.js';

/** An option's value that can't be used: the flag, the value and the problem, on one line (exit 2). */
export function bad(flag: string, value: string, problem: string): InputError {
  return new InputError(t('opt.bad', { flag, value: JSON.stringify(value), problem }));
}

/** `reassigned=DATE`: the date, or an error naming the flag. */
export function listDate(arg: string, order: DateOrder): number {
  const text = arg.slice(arg.indexOf('=') + 1);
  const ms = parseDateArg(text, order);
  if (ms === undefined) throw bad('--list-date', arg, t('opt.listDateNotDate', { date: JSON.stringify(text) }));
  return ms;
}

function parseDateArg(text: string, order: DateOrder): number | undefined {
  const r = readDate(text, order);
  return 'ms' in r ? r.ms : undefined;
}

const LIST_NAME = /^([A-Za-z][\w-]*)=(.+)$/;
const LIST_KIND = /^([A-Za-z]+):(.+)$/;

/** `registry:tps.txt` -> the kind and the path; a prefix that is not a kind is part of the path. */
function kindPrefix(path: string): { kind: ListKind | undefined; path: string } {
  const m = LIST_KIND.exec(path);
  const kind = m?.[1]!.toLowerCase();
  return m && (LIST_KINDS as readonly string[]).includes(kind!) ? { kind: kind as ListKind, path: m[2]! } : { kind: undefined, path };
}

/**
 * `--suppress [NAME=][KIND:]FILE` and `--list-date NAME=DATE`. An unnamed list is named after its
 * file (without extension). A path that itself starts with `word=` is written `./word=...`. The
 * kind is the flag's, else that of the policy's required or known list of that name (`uk-pecr`'s
 * `tps` and `us-tcpa`'s `national-dnc` are registries), else `objection`.
 */
export function suppressSpecs(
  values: readonly string[], dates: readonly string[], order: DateOrder = 'dmy', policy?: Pick<Policy, 'required_lists' | 'known_lists'>,
): SuppressSpec[] {
  const seen = new Set<string>();
  const named = values.map((v) => LIST_NAME.exec(v)).flatMap((m) => (m ? [m[1]!.toLowerCase()] : []));
  const policyLists = [...(policy?.required_lists ?? []), ...(policy?.known_lists ?? [])];
  const kinded = (name: string, rest: string): SuppressSpec => {
    const { kind, path } = kindPrefix(rest);
    const fromPolicy = policyLists.find((l) => l.name.toLowerCase() === name)?.kind;
    return {
      name, path, date: undefined,
      kind: kind ?? fromPolicy ?? 'objection',
      kindSource: kind ? 'flag' : fromPolicy ? 'policy' : 'default',
    };
  };
  const specs = values.map((v) => {
    const m = LIST_NAME.exec(v);
    if (m) {
      const name = m[1]!.toLowerCase();
      if (seen.has(name)) throw bad('--suppress', v, t('opt.listTwice', { name }));
      seen.add(name);
      return kinded(name, m[2]!);
    }
    // An unnamed list is called after its file; numbered when that name is taken.
    // `|` and `:` separate lists and kinds in findings: not part of a name.
    const base = basename(kindPrefix(v).path).replace(/\.[^.]*$/, '').replace(/[|:]/g, '-').toLowerCase() || 'list';
    let name = base;
    for (let k = 2; seen.has(name) || named.includes(name); k++) name = `${base}-${k}`;
    seen.add(name);
    return kinded(name, v);
  });
  for (const d of dates) {
    const m = /^([A-Za-z][\w-]*)=(.+)$/.exec(d);
    if (!m) throw bad('--list-date', d, t('opt.listDateForm'));
    const spec = specs.find((s) => s.name === m[1]!.toLowerCase());
    if (!spec) {
      const reassigned = m[1]!.toLowerCase() === 'reassigned' ? t('opt.listDateReassigned') : '';
      throw bad('--list-date', d, t('opt.listDateNoList', { lists: specs.map((s) => s.name).join(', ') || t('opt.none'), reassigned }));
    }
    const ms = parseDateArg(m[2]!, order);
    if (ms === undefined) throw bad('--list-date', d, t('opt.listDateNotDate', { date: JSON.stringify(m[2]) }));
    spec.date = ms;
  }
  return specs;
}
