/**
 * How deep a parsed JSON value nests (issue #12 item 13). JSON.parse reads any depth, but what
 * walks the value afterwards recurses (zod, the error messages' JSON.stringify): a policy or a
 * notice manifest nested 5,000 deep ended in a RangeError and a stack trace. Policy files,
 * manifests and consent records are shallow (a policy's deepest value is 4 levels down), so a
 * value deeper than MAX_JSON_DEPTH is refused before anything recurses into it.
 */
import { t } from '../i18n/index.js';

export const MAX_JSON_DEPTH = 32;

/**
 * The path to the first container nested more than `max` levels deep (the value itself is level
 * 1), or undefined. Iterative: the check must not overflow the stack it protects.
 */
export function tooDeep(value: unknown, max = MAX_JSON_DEPTH): PropertyKey[] | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const stack: { value: object; depth: number; path: PropertyKey[] }[] = [{ value, depth: 1, path: [] }];
  while (stack.length) {
    const top = stack.pop()!;
    if (top.depth > max) return top.path;
    const entries: [PropertyKey, unknown][] = Array.isArray(top.value) ? top.value.map((v, i) => [i, v]) : Object.entries(top.value);
    for (const [k, v] of entries) {
      if (v !== null && typeof v === 'object') stack.push({ value: v, depth: top.depth + 1, path: [...top.path, k] });
    }
  }
  return undefined;
}

/** The message part for a value too deep: `$.pdn_list: nested more than 32 levels deep`. */
export function tooDeepProblem(path: readonly PropertyKey[]): string {
  const top = path.length ? (typeof path[0] === 'number' ? `[${path[0]}]` : `.${String(path[0])}`) : '';
  return t('json.tooDeep', { path: `$${top}`, max: MAX_JSON_DEPTH });
}
