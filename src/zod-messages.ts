/** One zod issue as a one-line message: the JSON path, the problem, and the value that was there. */
import type { core } from 'zod';
import { t } from './i18n/index.js';

export function jsonPath(path: readonly PropertyKey[]): string {
  let s = '$';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : `.${String(p)}`;
  return s;
}

export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

export function formatZodIssue(issue: core.$ZodIssue, root: unknown): string {
  if (issue.code === 'unrecognized_keys') {
    const where = jsonPath(issue.path);
    return t('zod.unknownFields', { where, count: issue.keys.length, keys: issue.keys.map((k) => JSON.stringify(k)).join(', ') });
  }
  const got = valueAt(root, issue.path);
  const shownValue = got === undefined ? '' : t('zod.got', { value: String(JSON.stringify(got)?.slice(0, 60)) });
  return `${jsonPath(issue.path)}: ${issue.message}${shownValue}`;
}
