import { describe, expect, it } from 'vitest';
import { CONSENT_ALIASES, emptyColumnMap, mergeColumnMaps, missingColumnsError, parseMapFlag, resolveColumns } from '../../src/io/column-map.js';
import { InputError } from '../../src/errors.js';

describe('consent columns by name (issue #11)', () => {
  it('finds a Russian CRM export by its Russian names', () => {
    const { columns } = resolveColumns(['Телефон', 'Дата согласия', 'Канал', 'Цели', 'Отозвано'], CONSENT_ALIASES, {});
    expect(columns).toMatchObject({ phone: 0, given_at: 1, channels: 2, purposes: 3, withdrawn_at: 4 });
  });

  it('finds a database export by its names', () => {
    const { columns } = resolveColumns(['msisdn', 'consent_date', 'revoked_at', 'valid_until', 'proof', 'id'], CONSENT_ALIASES, {});
    expect(columns).toMatchObject({ phone: 0, given_at: 1, withdrawn_at: 2, expires_at: 3, evidence_ref: 4, consent_id: 5 });
  });

  it('prefers the field\'s own name to an alias, whatever the order of the header', () => {
    expect(resolveColumns(['date', 'given_at'], CONSENT_ALIASES, {}).columns.given_at).toBe(1);
  });

  it('keeps `цель` for the notice field purpose, and gives a mapped column to its field alone', () => {
    expect(resolveColumns(['Телефон', 'Цель'], CONSENT_ALIASES, {}).columns).toMatchObject({ purpose: 1 });
    expect(resolveColumns(['Телефон', 'Цель'], CONSENT_ALIASES, {}).columns.purposes).toBeUndefined();
    const mapped = resolveColumns(['Телефон', 'Цель'], CONSENT_ALIASES, { purposes: ['цель'] }).columns;
    expect(mapped.purposes).toBe(1);
    expect(mapped.purpose).toBeUndefined();
  });

  it('reports a mapped column that is not in the header', () => {
    expect(resolveColumns(['a'], CONSENT_ALIASES, { given_at: ['Дата'] }).unknownMapped).toEqual([['given_at', 'Дата']]);
  });
});

describe('--map', () => {
  it('parses KIND.FIELD=COLUMN, several contacts.phone columns, one column for other fields', () => {
    const m = emptyColumnMap();
    parseMapFlag('consent.given_at=Дата подписи', m);
    parseMapFlag('contacts.phone=Моб', m);
    parseMapFlag('contacts.phone= Раб ', m);
    parseMapFlag('consent.given_at=Дата', m);
    expect(m).toEqual({ contacts: { phone: ['Моб', 'Раб'] }, consent: { given_at: ['Дата'] }, suppress: {}, reassigned: {}, line_types: {} });
  });

  it.each([
    ['given_at=X', /must be KIND\.FIELD=COLUMN/],
    ['lists.phone=X', /unknown kind "lists"/],
    ['consent.given=X', /unknown consent field "given" \(fields: phone, consent_id, given_at/],
    ['suppress.given_at=X', /unknown suppress field "given_at" \(fields: phone, email\)/],
    ['consent.phone=  ', /names no column/],
  ])('refuses %s', (flag, message) => {
    expect(() => parseMapFlag(flag, emptyColumnMap())).toThrow(message);
  });

  it('takes the policy\'s columns, flags over them, and refuses an unknown field there', () => {
    const flags = emptyColumnMap();
    parseMapFlag('consent.given_at=B', flags);
    expect(mergeColumnMaps({ consent: { given_at: 'A', purposes: 'P' }, contacts: { phone: ['X', 'Y'] } }, flags)).toEqual({
      contacts: { phone: ['X', 'Y'] }, consent: { given_at: ['B'], purposes: ['P'] }, suppress: {}, reassigned: {}, line_types: {},
    });
    expect(() => mergeColumnMaps({ consent: { when: 'A' } }, emptyColumnMap(), 'policy.json: columns')).toThrow(/policy\.json: columns: unknown consent field "when"/);
  });
});

describe('the one error for missing columns', () => {
  it('names every missing column, the columns there are, and the --map for each, guessing the column', () => {
    const names = ['Телефон', 'Цель', 'Канал'];
    const { columns } = resolveColumns(names, CONSENT_ALIASES, {});
    const e = missingColumnsError('crm.csv:1', 'consent', names, ['given_at', 'purposes'], [], columns);
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe('crm.csv:1: the header lacks the required columns given_at, purposes (columns: Телефон, Цель, Канал); name them with --map consent.given_at=COLUMN --map consent.purposes=Цель');
  });

  it('quotes a column name with a space and names a mapped column that is missing', () => {
    const names = ['Телефон', 'Дата подписи'];
    const e = missingColumnsError('c.csv:1', 'consent', names, ['purposes'], [['given_at', 'Дата']], { phone: 0 });
    expect(e.message).toBe('c.csv:1: the header lacks the required column purposes; the column "Дата" mapped to consent.given_at is not in it (columns: Телефон, Дата подписи); name them with --map consent.purposes=COLUMN --map consent.given_at="Дата подписи"');
  });
});
