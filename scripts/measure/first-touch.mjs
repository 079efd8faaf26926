#!/usr/bin/env node
/**
 * What bringing a file into memory costs on this machine, against streaming it through one small
 * buffer (issue #16: why a consent index snapshot is read by the page, src/evidence/index-snapshot.ts):
 *
 *   node scripts/measure/first-touch.mjs FILE
 *
 * 1. a fresh buffer of the file's size, filled with zeros (the first touch of every page),
 * 2. the file read into it in 8 MiB pieces, then CRC-32 over it (twice),
 * 3. the file read through one reused 1 MiB buffer, CRC-32 piece by piece;
 * then the two ways of bringing it whole into fresh memory with its checksum (an audit that reads a
 * snapshot whole, readsWhole() in src/evidence/index-snapshot.ts), each into a buffer of its own:
 * 4. read straight into it in 8 MiB pieces, CRC-32 over each piece there;
 * 5. read through the reused 1 MiB buffer, CRC-32 there, each piece then copied into it.
 * Prints milliseconds of wall time and [user, system] CPU, with the 1-minute load average.
 */
import { openSync, readSync, fstatSync } from 'node:fs';
import { loadavg } from 'node:os';
import { crc32 } from 'node:zlib';

const path = process.argv[2];
if (!path) {
  process.stderr.write('usage: node scripts/measure/first-touch.mjs FILE\n');
  process.exit(2);
}
const fd = openSync(path, 'r');
const size = fstatSync(fd).size;
const cpu = () => { const c = process.cpuUsage(); return [c.user / 1000, c.system / 1000]; };
const since = (c0) => cpu().map((x, i) => (x - c0[i]).toFixed(0)).join('+');
const say = (what, t0, c0) => console.log(`${what}: ${(performance.now() - t0).toFixed(0)} ms wall, ${since(c0)} ms cpu (user+system)`);
console.log(`${path}: ${(size / 1048576).toFixed(0)} MiB, load average ${loadavg()[0].toFixed(2)}`);

let c0 = cpu(), t0 = performance.now();
const whole = Buffer.allocUnsafeSlow(size);
whole.fill(0);
say('fresh buffer, first touch (fill)', t0, c0);
c0 = cpu(); t0 = performance.now();
for (let got = 0; got < size;) got += readSync(fd, whole, got, Math.min(8 << 20, size - got), got);
say('read into it, 8 MiB pieces', t0, c0);
for (const round of [1, 2]) {
  c0 = cpu(); t0 = performance.now();
  crc32(whole);
  say(`CRC-32 over it (${round})`, t0, c0);
}
const piece = Buffer.allocUnsafeSlow(1 << 20);
/** The file through `piece`, CRC-32 piece by piece there, each piece copied on into `into` when given. */
function streamed(into) {
  let crc = 0;
  for (let got = 0; got < size;) {
    const n = readSync(fd, piece, 0, Math.min(piece.length, size - got), got);
    crc = crc32(piece.subarray(0, n), crc);
    into?.set(piece.subarray(0, n), got);
    got += n;
  }
  return crc;
}
c0 = cpu(); t0 = performance.now();
streamed();
say('streamed through one 1 MiB buffer, CRC-32 piece by piece', t0, c0);

c0 = cpu(); t0 = performance.now();
const straight = Buffer.allocUnsafeSlow(size);
for (let got = 0, crc = 0; got < size;) {
  const n = readSync(fd, straight, got, Math.min(8 << 20, size - got), got);
  crc = crc32(straight.subarray(got, got + n), crc);
  got += n;
}
say('whole, read straight into fresh memory in 8 MiB pieces, CRC-32 there', t0, c0);
c0 = cpu(); t0 = performance.now();
streamed(Buffer.allocUnsafeSlow(size));
say('whole, through the 1 MiB buffer, CRC-32 there, copied into fresh memory', t0, c0);
console.log(`load average ${loadavg()[0].toFixed(2)}`);
