/**
 * How scripts/bench/workers-probe.mjs hands a batch of tokenized records to its worker (issue #16
 * item 5), kept apart from the built modules so that test/unit/bench-stats.test.ts can check it.
 */

/**
 * A batch of records as two transferable pieces: every field joined into one string (a string is
 * copied to the worker as one block) and an Int32Array of [line, field count, malformed index,
 * each field's length...] per record; malformed records' details go in a small array.
 */
export function packBatch(records) {
  let n = 0;
  for (const r of records) n += 3 + r.fields.length;
  const meta = new Int32Array(n);
  const malformed = [];
  let at = 0;
  let text = '';
  for (const r of records) {
    meta[at++] = r.line;
    meta[at++] = r.fields.length;
    meta[at++] = r.malformed ? malformed.push(r.malformed) - 1 : -1;
    for (const f of r.fields) { meta[at++] = f.length; text += f; }
  }
  return { text, meta, malformed };
}

/** packBatch's records again. */
export function unpackBatch({ text, meta, malformed }) {
  const records = [];
  let at = 0;
  let pos = 0;
  while (at < meta.length) {
    const line = meta[at++];
    const count = meta[at++];
    const bad = meta[at++];
    const fields = new Array(count);
    for (let i = 0; i < count; i++) { const len = meta[at++]; fields[i] = text.slice(pos, pos + len); pos += len; }
    records.push(bad >= 0 ? { line, fields, malformed: malformed[bad] } : { line, fields });
  }
  return records;
}
