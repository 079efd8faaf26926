// Reads an .xlsx sheet through leadaudit's own reader (dist/io/input-source.js, after npm run build)
// and counts its lines: the "ours" row of the README's table (issue #11).
import { openInput } from '../../../dist/io/input-source.js';
const input = await openInput(process.argv[2], process.argv[2]);
let lines = 0, bytes = 0;
for await (const c of input.stream) { bytes += c.length; for (let i = 0; i < c.length; i++) if (c[i] === 10) lines++; }
console.log('own', lines, 'lines', bytes, 'bytes');
