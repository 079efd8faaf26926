#!/usr/bin/env node
/**
 * What hashing a consent file alone costs (issue #16 item 1): SHA-256 over the file with
 * node:crypto, read in 1 MiB chunks, as report.json's hashes are. Prints one JSON line:
 * { bytes, seconds, mib_per_second, sha256 } (seconds: the hashing alone, Node's start-up not
 * included).
 *
 *   node scripts/bench/hash-file.mjs <file>
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

const [file] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node scripts/bench/hash-file.mjs <file>\n');
  process.exit(2);
}
const started = performance.now();
const hash = createHash('sha256');
let bytes = 0;
for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
  hash.update(chunk);
  bytes += chunk.length;
}
const sha256 = hash.digest('hex');
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ bytes, seconds, mib_per_second: bytes / 1048576 / seconds, sha256 })}\n`);
