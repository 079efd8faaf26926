// SheetJS (xlsx 0.18.5, or @e965/xlsx 0.20.3 as the second argument): the whole workbook read in memory (issue #11 measurement).
import { readFileSync } from 'node:fs';
const M = await import(process.argv[3] ?? 'xlsx');
const XLSX = M.default ?? M;
const wb = XLSX.read(readFileSync(process.argv[2]), { dense: true, cellDates: true });
const ws = wb.Sheets[wb.SheetNames[0]];
const rows = XLSX.utils.sheet_to_json(ws, { header: 1, raw: true });
console.log('sheetjs', process.argv[3] ?? 'xlsx', rows.length, 'rows');
