#!/usr/bin/env node
/**
 * What turning a list's bytes into text costs, against checking them and taking them byte for byte
 * (issue #16: where the audit's remaining CPU time is; README, Performance):
 *
 *   node scripts/measure/decode.mjs FILE
 *
 * The file in 64 KiB pieces (the audit's reads), each way three times: UTF-8 decoded with a fatal
 * TextDecoder (what the audit does), with a non-fatal one, with Buffer#toString; checked with
 * buffer.isUtf8() alone; and read as Latin-1 (one character a byte, no decoding). Prints the CPU
 * milliseconds of each (user + system) and the 1-minute load average.
 */
import { readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { loadavg } from 'node:os';

const path = process.argv[2];
if (!path) {
  process.stderr.write('usage: node scripts/measure/decode.mjs FILE\n');
  process.exit(2);
}
const all = readFileSync(path);
const pieces = [];
for (let i = 0; i < all.length; i += 65536) pieces.push(all.subarray(i, Math.min(all.length, i + 65536)));
const ways = {
  'TextDecoder, fatal (the audit)': () => { const d = new TextDecoder('utf-8', { fatal: true }); let n = 0; for (const p of pieces) n += d.decode(p, { stream: true }).length; return n; },
  'TextDecoder, not fatal': () => { const d = new TextDecoder('utf-8'); let n = 0; for (const p of pieces) n += d.decode(p, { stream: true }).length; return n; },
  'Buffer#toString': () => { let n = 0; for (const p of pieces) n += p.toString('utf8').length; return n; },
  'isUtf8() alone': () => { let n = 0; for (const p of pieces) n += isUtf8(p) ? 1 : 0; return n; },
  'Latin-1, no decoding': () => { let n = 0; for (const p of pieces) n += p.latin1Slice(0, p.length).length; return n; },
};
console.log(`${path}: ${(all.length / 1048576).toFixed(0)} MiB in ${pieces.length} pieces, load average ${loadavg()[0].toFixed(2)}`);
for (const [name, way] of Object.entries(ways)) {
  const ms = [];
  for (let round = 0; round < 3; round++) {
    const c0 = process.cpuUsage();
    way();
    const c = process.cpuUsage(c0);
    ms.push(((c.user + c.system) / 1000).toFixed(0));
  }
  console.log(`${name}: ${ms.join(', ')} ms CPU`);
}
console.log(`load average ${loadavg()[0].toFixed(2)}`);
