// exceljs 4.4.0 streaming reader, iterating the first sheet's rows (issue #11 measurement).
import ExcelJS from 'exceljs';
const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2], { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore', entries: 'ignore' });
let rows = 0, cells = 0;
for await (const ws of reader) { for await (const row of ws) { rows++; cells += row.values.length; } break; }
console.log('exceljs', rows, 'rows', cells);
