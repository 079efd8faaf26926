#!/usr/bin/env node
/**
 * Checks, and optionally replaces, the shipped libphonenumber time-zone map.
 *
 *   node scripts/update-timezones.mjs                    check data/timezones/map_data.txt
 *   node scripts/update-timezones.mjs path/to/map_data.txt
 *       check a newer copy of libphonenumber's resources/timezones/map_data.txt and, when it
 *       passes, copy it over data/timezones/map_data.txt byte for byte (then update the commit and
 *       checksum in data/timezones/README.md by hand).
 *
 * A file passes when it keeps the Apache-2.0 header, every other line is blank, a `#` comment or
 * `prefix|Zone&Zone...` with a digits-only prefix, prefixes are unique and in ascending string
 * order, and every zone is one this Node's Intl (ICU) accepts. Exit 0 on pass, 1 on failure.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const target = new URL('../data/timezones/map_data.txt', import.meta.url);
const source = process.argv[2];
const bytes = readFileSync(source ?? target);
const text = bytes.toString('utf8');

const problems = [];
if (!text.startsWith('# Copyright (C) 2012 The Libphonenumber Authors')) problems.push('the copyright header is missing');
if (!text.includes('http://www.apache.org/licenses/LICENSE-2.0')) problems.push('the Apache-2.0 notice is missing');

const zones = new Set();
const prefixes = [];
text.split(/\r?\n/).forEach((raw, i) => {
  const line = raw.trim();
  if (line === '' || line.startsWith('#')) return;
  const m = /^([0-9]+)\|(.+)$/.exec(line);
  if (!m) return problems.push(`line ${i + 1}: not "prefix|zones": ${JSON.stringify(line)}`);
  prefixes.push(m[1]);
  for (const zone of m[2].split('&')) zones.add(zone);
});
for (let i = 1; i < prefixes.length; i++) {
  if (!(prefixes[i - 1] < prefixes[i])) problems.push(`prefix ${prefixes[i]} is repeated or out of order`);
}
for (const zone of zones) {
  if (zone === 'Etc/Unknown') continue;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    problems.push(`zone ${zone} is unknown to this Node's ICU`);
  }
}

const sha256 = createHash('sha256').update(bytes).digest('hex');
console.log(`${source ?? 'data/timezones/map_data.txt'}: ${prefixes.length} prefixes, ${zones.size} zones, ` +
  `${prefixes[0]}..${prefixes.at(-1)}, sha256 ${sha256}`);
if (problems.length > 0) {
  for (const p of problems.slice(0, 20)) console.error(`  ${p}`);
  if (problems.length > 20) console.error(`  ... and ${problems.length - 20} more`);
  process.exit(1);
}
if (source) {
  writeFileSync(target, bytes);
  console.log('copied to data/timezones/map_data.txt: now update data/timezones/README.md (commit, sha256)');
}
