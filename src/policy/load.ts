/**
 * `--policy NAME|FILE`: a preset by name, or a policy file (JSON) that may `extends` a preset and
 * override its fields. Errors name the file, the line and the JSON path.
 */
import { readFileSync, existsSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { lineOfPath } from '../io/json-locate.js';
import { tooDeep, tooDeepProblem } from '../io/json-depth.js';
import { MAX_JSON_FILE_BYTES } from '../io/small-file.js';
import { formatZodIssue } from '../zod-messages.js';
import { PRESET_NAMES, isPresetName, type PresetName } from './preset-names.js';
import { PRESETS } from './presets.js';
import { policySchema, type Policy } from './schema.js';
import { t, jsonProblem } from '../i18n/index.js';

export interface LoadedPolicy {
  policy: Policy;
  /** The preset it is or extends: its legal references apply. */
  preset: PresetName | undefined;
  file?: { path: string; sha256: string };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Objects merge key by key; anything else (lists included) is replaced. Keys are defined, not
 * assigned: `out["__proto__"] = v` would set the prototype, and the schema would never see the key
 * it must refuse like any other unknown one (issue #12 item 15).
 */
export function mergePolicy(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const own = Object.hasOwn(base, k) ? base[k] : undefined;
    const value = isPlainObject(v) && isPlainObject(own) ? mergePolicy(own, v) : v;
    Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

const presetList = () => PRESET_NAMES.join(', ');

export function loadPolicy(nameOrFile: string): LoadedPolicy {
  const name = nameOrFile.trim().toLowerCase();
  if (isPresetName(name)) return { policy: structuredClone(PRESETS[name]), preset: name };
  const looksLikeFile = /\.json$/i.test(nameOrFile) || nameOrFile.includes('/') || existsSync(nameOrFile);
  if (!looksLikeFile) {
    throw new InputError(t('policy.unknown', { value: JSON.stringify(nameOrFile), presets: presetList() }));
  }
  const label = nameOrFile;
  let text: string;
  let bytes: Buffer;
  try {
    // Read whole and at once, so only a regular file of a sensible size: a FIFO or /dev/zero would
    // block or grow for ever where no signal can stop it (issue #12 item 4).
    const st = statSync(nameOrFile);
    if (st.isDirectory()) throw new InputError(t('policy.folder', { label }));
    if (!st.isFile()) throw new InputError(t('policy.notRegular', { label }));
    if (st.size > MAX_JSON_FILE_BYTES) throw new InputError(t('small.tooLarge', { path: label, max: MAX_JSON_FILE_BYTES, what: t('small.policy') }));
    bytes = readFileSync(nameOrFile);
    text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(t('policy.cannotRead', { label, why: (e as NodeJS.ErrnoException).code === 'ENOENT' ? t('fs.ENOENT') : (e as Error).message }));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const line = text.slice(0, m ? Number(m[1]) : text.length).split('\n').length;
    throw new InputError(t('json.invalid', { where: `${label}:${line}`, why: jsonProblem(e as Error) }));
  }
  if (!isPlainObject(json)) throw new InputError(t('policy.notObject', { label }));
  const deep = tooDeep(json);
  if (deep) throw new InputError(t('policy.tooDeep', { where: `${label}:${lineOfPath(text, deep.slice(0, 1)) ?? 1}`, problem: tooDeepProblem(deep) }));
  let merged: Record<string, unknown> = json;
  let preset: PresetName | undefined;
  if (json.extends !== undefined) {
    const base = typeof json.extends === 'string' ? json.extends.trim().toLowerCase() : '';
    if (!isPresetName(base)) {
      throw new InputError(t('policy.badExtends', { where: `${label}:${lineOfPath(text, ['extends']) ?? 1}`, value: JSON.stringify(json.extends), presets: presetList() }));
    }
    preset = base;
    merged = mergePolicy(PRESETS[base] as unknown as Record<string, unknown>, json);
  }
  if (merged.name === undefined || (preset && json.name === undefined)) merged = { ...merged, name: basename(nameOrFile).replace(/\.json$/i, '') };
  const parsed = policySchema().safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
    const line = lineOfPath(text, path) ?? 1;
    const missing = issue.code === 'invalid_type' && issue.input === undefined ? t('policy.missing') : '';
    throw new InputError(`${label}:${line}: ${formatZodIssue(issue, merged)}${missing}`);
  }
  return {
    policy: parsed.data,
    preset,
    file: { path: resolve(nameOrFile), sha256: createHash('sha256').update(bytes).digest('hex') },
  };
}
