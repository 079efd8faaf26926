/**
 * JSON inputs built to hurt (issue #12 items 13 and 15): a policy or notice manifest nested 5,000
 * deep is exit 2 with the file and a one-line reason, not a RangeError; a deeply nested JSON Lines
 * consent record is one invalid record with its line and the run goes on; `__proto__` in a policy
 * file is refused like any unknown key; numbers are reported as written (`1e400` was "got null").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicy } from '../../src/policy/load.js';
import { loadNoticeManifest } from '../../src/evidence/notice-manifest.js';
import { loadConsent } from '../../src/evidence/consent-loader.js';
import { PhoneNormalizer } from '../../src/phone/normalize.js';
import { InputError } from '../../src/errors.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'leadaudit-json-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const deepArray = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const deepObject = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

async function inputError(f: () => unknown): Promise<string> {
  try { await f(); } catch (e) { if (e instanceof InputError) return e.message; throw e; }
  throw new Error('expected an InputError');
}

describe('nesting depth', () => {
  it.each([
    ['a list of lists in legal_basis', `{"extends":"ru-152fz","legal_basis":${deepArray(5000)}}`],
    ['objects in gate.max_reject_rate', `{"extends":"ru-152fz","gate":{"max_reject_rate":${deepObject(5000)}}}`],
    ['a whole policy without extends', `{"name":"x","legal_basis":${deepArray(5000)}}`],
  ])('a policy nested 5,000 deep (%s) is one line naming the file and the depth', async (_what, text) => {
    const path = file('deep-policy.json', text);
    const message = await inputError(() => loadPolicy(path));
    expect(message).toMatch(/^.*deep-policy\.json:1: \$\.(legal_basis|gate): nested more than 32 levels deep/);
    expect(message).not.toMatch(/\n/);
  });

  it('a notice manifest nested 5,000 deep is one line naming the file and the depth', async () => {
    const path = file('deep-notice.json', `{\n"purpose": "x",\n"pdn_list": ${deepArray(5000)}\n}`);
    const message = await inputError(() => loadNoticeManifest(path));
    expect(message).toMatch(/deep-notice\.json:3: \$\.pdn_list: nested more than 32 levels deep/);
  });

  it('a JSON Lines consent record nested 5,000 deep is one invalid record with its line; the others count', async () => {
    const path = file('deep.jsonl', [
      '{"phone":"+79161112233","given_at":"2025-01-01","purposes":"marketing","evidence_ref":"x"}',
      `{"phone":${deepArray(5000)},"given_at":"2025-01-01","purposes":"marketing"}`,
      `{"phone":"+79161112244","given_at":"2025-01-01","purposes":"marketing","channels":${deepArray(5000)}}`,
      '{"phone":"+79161112255","given_at":"2025-01-01","purposes":"marketing","evidence_ref":"y"}',
    ].join('\n'));
    const { files, index } = await loadConsent([path], new PhoneNormalizer('RU'));
    expect(files[0]).toMatchObject({ records: 4, valid: 2 });
    expect(files[0]!.invalid).toEqual([
      { line: 2, field: 'phone', problem: 'phone is nested more than 32 levels deep' },
      { line: 3, field: 'channels', problem: 'channels is nested more than 32 levels deep' },
    ]);
    expect(index.size).toBe(2);
  });
});

describe('__proto__ in a policy file', () => {
  it.each([
    ['at the top', '{\n  "extends": "ru-152fz",\n  "__proto__": { "region": "GB" }\n}', '$'],
    ['in gate', '{\n  "extends": "ru-152fz",\n  "gate": {\n    "__proto__": { "fail_on_reject": true }\n  }\n}', '$.gate'],
  ])('is refused like any unknown key (%s)', async (_where, text, path) => {
    const p = file('proto.json', text);
    const message = await inputError(() => loadPolicy(p));
    expect(message).toContain(`${path}: unknown field "__proto__"`);
    expect(message).toMatch(/proto\.json:\d+:/);
  });

  it('never changes the policy it is in', () => {
    const p = file('proto-ok.json', '{ "extends": "ru-152fz", "name": "x" }');
    expect(Object.getPrototypeOf(loadPolicy(p).policy)).toBe(Object.prototype);
  });
});

describe('numbers in JSON Lines are taken as written', () => {
  it('1e400 is reported as 1e400, not as null', async () => {
    const path = file('inf.jsonl', '{"phone":1e400,"given_at":"2025-01-01","purposes":"marketing"}\n{"phone":"+79161112233","given_at":-1e999,"purposes":"marketing"}\n');
    const { files } = await loadConsent([path], new PhoneNormalizer('RU'));
    expect(files[0]!.invalid).toEqual([
      { line: 1, field: 'phone', problem: 'phone "1e400" is not a valid phone number' },
      { line: 2, field: 'given_at', problem: 'given_at "-1e999" is not a date' },
    ]);
  });

  it('an id beyond 2^53 keeps every digit; a phone written as a number still counts', async () => {
    const path = file('big.jsonl', '{"phone":79161112233,"consent_id":12345678901234567890,"given_at":"2025-01-01","purposes":"marketing","evidence_ref":"x"}\n');
    const { files, index } = await loadConsent([path], new PhoneNormalizer('RU'), { keepText: true });
    expect(files[0]).toMatchObject({ valid: 1, invalid: [] });
    expect(index.lookup('+79161112233')[0]!.consentId).toBe('12345678901234567890');
  });
});
