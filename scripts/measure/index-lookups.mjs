#!/usr/bin/env node
/**
 * What a consent lookup and its fields cost, in-process (issue #16: why a record's fields sit side
 * by side in src/evidence/consent-index.ts):
 *
 *   node scripts/measure/index-lookups.mjs CONSENT.csv
 *
 * Builds the index of the file (region RU, as the ru-152fz policy reads it), then looks up each
 * number of the file written as +digits, in a shuffled order, reading every field an audit reads,
 * three rounds. Run `npm run build` first (it uses dist/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const [consent] = process.argv.slice(2);
if (!consent) {
  process.stderr.write('usage: node scripts/measure/index-lookups.mjs CONSENT.csv\n');
  process.exit(2);
}
const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const { loadConsent } = await import(join(dist, 'evidence/consent-loader.js'));
const { PhoneNormalizer } = await import(join(dist, 'phone/normalize.js'));
const { index } = await loadConsent([consent], new PhoneNormalizer('RU'));

const numbers = [];
const lines = readFileSync(consent, 'utf8').split('\n');
for (let i = 1; i < lines.length; i++) {
  const phone = lines[i].split(',')[1];
  if (phone && /^\+\d+$/.test(phone)) numbers.push(phone);
}
for (let i = numbers.length - 1; i > 0; i--) {
  const j = (i * 2654435761) % (i + 1);
  [numbers[i], numbers[j]] = [numbers[j], numbers[i]];
}
console.log(`${numbers.length} numbers, load average ${loadavg()[0].toFixed(2)}`);
for (let round = 1; round <= 3; round++) {
  const t0 = performance.now();
  let sum = 0;
  for (const n of numbers) {
    for (const r of index.lookup(n)) {
      sum += r.givenAt + (r.withdrawnAt ?? 0) + (r.expiresAt ?? 0) + r.channels.length + r.purposes.length + r.consentId.length + (r.evidenceRef === '' ? 0 : 1) + r.line;
    }
  }
  console.log(`round ${round}: ${(((performance.now() - t0) * 1000) / numbers.length).toFixed(3)} us a number (checksum ${sum > 0})`);
}
