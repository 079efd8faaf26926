// node hand.mjs N OUT_DIR: a hand-written streaming writer for comparison (not used by leadaudit):
// the sheet as XML with inline strings, deflated as it goes into a ZIP with data descriptors.
import { createWriteStream, mkdirSync } from 'node:fs';
import { createDeflateRaw, crc32 } from 'node:zlib';
import { once } from 'node:events';
import { HEADER, rows } from './rows.mjs';
const [n, dir] = [Number(process.argv[2]), process.argv[3]];
mkdirSync(dir, { recursive: true });
const file = createWriteStream(`${dir}/clean.xlsx`);
let offset = 0;
const central = [];
const write = async (buf) => { offset += buf.length; if (!file.write(buf)) await once(file, 'drain'); };
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
async function entry(name, chunks) {
  const nameBuf = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0808, 6); local.writeUInt16LE(8, 8);
  local.writeUInt16LE(nameBuf.length, 26);
  const start = offset;
  await write(Buffer.concat([local, nameBuf]));
  const deflate = createDeflateRaw({ level: 6 });
  let crc = 0, size = 0, packed = 0;
  const pump = (async () => { for await (const c of deflate) { packed += c.length; await write(c); } })();
  for await (const text of chunks) {
    const b = Buffer.from(text);
    crc = crc32(b, crc); size += b.length;
    if (!deflate.write(b)) await once(deflate, 'drain');
  }
  deflate.end();
  await pump;
  const desc = Buffer.alloc(16);
  desc.writeUInt32LE(0x08074b50, 0); desc.writeUInt32LE(crc >>> 0, 4); desc.writeUInt32LE(packed, 8); desc.writeUInt32LE(size, 12);
  await write(desc);
  const c = Buffer.alloc(46);
  c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(20, 4); c.writeUInt16LE(20, 6); c.writeUInt16LE(0x0808, 8); c.writeUInt16LE(8, 10);
  c.writeUInt32LE(crc >>> 0, 16); c.writeUInt32LE(packed, 20); c.writeUInt32LE(size, 24); c.writeUInt16LE(nameBuf.length, 28); c.writeUInt32LE(start, 42);
  central.push(c, nameBuf);
}
const col = (i) => String.fromCharCode(65 + i);
function* sheet() {
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>';
  yield HEADER.map((_, i) => `<col min="${i + 1}" max="${i + 1}" width="20" style="1" customWidth="1"/>`).join('') + '</cols><sheetData>';
  let r = 1, buf = '';
  const line = (cells, s) => `<row r="${r}">${cells.map((v, i) => (v === '' ? '' : `<c r="${col(i)}${r}" t="inlineStr" s="${s}"><is><t xml:space="preserve">${esc(v)}</t></is></c>`)).join('')}</row>`;
  buf += line(HEADER, 2); r++;
  for (const cells of rows(n)) { buf += line(cells, 1); r++; if (buf.length > 1 << 16) { yield buf; buf = ''; } }
  yield `${buf}</sheetData></worksheet>`;
}
const parts = {
  '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
  '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml': '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="clean" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  'xl/styles.xml': '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="0"/><fonts count="2"><font><sz val="11"/></font><font><b/><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf/><xf numFmtId="49" applyNumberFormat="1"/><xf numFmtId="49" fontId="1" applyNumberFormat="1" applyFont="1"/></cellXfs></styleSheet>',
};
for (const [name, text] of Object.entries(parts)) await entry(name, [text]);
await entry('xl/worksheets/sheet1.xml', sheet());
const dirBuf = Buffer.concat(central);
const end = Buffer.alloc(22);
end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(central.length / 2, 8); end.writeUInt16LE(central.length / 2, 10);
end.writeUInt32LE(dirBuf.length, 12); end.writeUInt32LE(offset, 16);
await write(Buffer.concat([dirBuf, end]));
file.end();
await once(file, 'close');
