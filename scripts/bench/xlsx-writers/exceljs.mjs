// node exceljs.mjs N OUT_DIR: leadaudit's writer (src/io/xlsx-writer.ts, exceljs 4.4.0's streaming writer), as --xlsx runs it.
import { XlsxSheetWriter } from '../../../dist/io/xlsx-writer.js';
import { OutputSet } from '../../../dist/io/atomic-output.js';
import { HEADER, rows } from './rows.mjs';
const [n, dir] = [Number(process.argv[2]), process.argv[3]];
const out = new OutputSet(dir, dir);
const w = new XlsxSheetWriter(out.file('clean.xlsx'), 'clean', HEADER);
let k = 0;
for (const r of rows(n)) {
  w.add(r);
  if (++k % 5000 === 0) await w.flush();
}
await w.close();
out.commit();
