/**
 * trail.jsonl as the tests read it (issue #12 item 10): the header line once, then the rows with
 * their cells by position. `row` maps each column name to its cell, for fixtures whose column
 * names are all different (a test of repeated names reads `cells`).
 */
import { readFileSync } from 'node:fs';

export interface TrailHeaderLine { leadaudit_trail: number; columns: string[]; phone_column: number; phone_columns: number[] }

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function readTrail(path: string): { header: TrailHeaderLine; rows: any[] } {
  const [header, ...rows] = readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  if (header?.leadaudit_trail === undefined) throw new Error(`${path}: the first line is not the trail's header`);
  const unique = new Set(header.columns).size === header.columns.length;
  return {
    header,
    rows: rows.map((r) => (unique ? { ...r, row: Object.fromEntries(header.columns.map((c: string, i: number) => [c, r.cells[i] ?? ''])) } : r)),
  };
}
