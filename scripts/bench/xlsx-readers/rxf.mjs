// read-excel-file 9.3.17: the whole sheet read in memory (issue #11 measurement).
import readXlsxFile from 'read-excel-file/node';
const r = await readXlsxFile(process.argv[2]);
const rows = Array.isArray(r[0]?.data) ? r[0].data : r;
console.log('read-excel-file', rows.length, 'rows', JSON.stringify(rows[1]));
