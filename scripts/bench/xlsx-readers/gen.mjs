// Writes a generated N-row sheet with exceljs's streaming writer (issue #11 measurement): node gen.mjs 1000000 big.xlsx
import ExcelJS from 'exceljs';
const rows = Number(process.argv[2] ?? 1000000);
const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: process.argv[3] ?? 'big.xlsx', useSharedStrings: true, useStyles: true });
const ws = wb.addWorksheet('Лист1');
ws.addRow(['id', 'ФИО', 'Телефон', 'Дата согласия', 'Город']).commit();
const cities = ['Москва', 'Тверь', 'Казань', 'Пермь'];
for (let i = 1; i <= rows; i++) {
  ws.addRow([i, `Клиент ${i % 50000}`, 79160000000 + i, new Date(Date.UTC(2026, i % 12, 1 + (i % 28))), cities[i % 4]]).commit();
}
ws.commit(); await wb.commit();
