#!/usr/bin/env node
/**
 * The benchmark's baseline (issue 5): the bare CSV pass over the same file, nothing else.
 *
 *   node scripts/bench/bare-pass.mjs <contacts.csv> <out.csv>
 *
 * createReadStream -> csv-parse parse({ columns: true, delimiter: ';' }) -> csv-stringify
 * stringify({ header: true }) -> createWriteStream, through pipeline() from node:stream/promises.
 * The delimiter is given because csv-parse does not detect it (its default is a comma, and the
 * benchmark list is semicolon-delimited); every other option is csv-parse's and csv-stringify's
 * default. Prints one JSON line: { rows, seconds, delimiter, note }.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  process.stderr.write('usage: node scripts/bench/bare-pass.mjs <contacts.csv> <out.csv>\n');
  process.exit(2);
}

const DELIMITER = ';';
const started = performance.now();
const parser = parse({ columns: true, delimiter: DELIMITER });
await pipeline(
  createReadStream(input),
  parser,
  stringify({ header: true }),
  createWriteStream(output),
);
const seconds = (performance.now() - started) / 1000;
process.stdout.write(JSON.stringify({
  rows: parser.info.records,
  seconds,
  delimiter: DELIMITER,
  note: "csv-parse does not detect delimiters: delimiter ';' given explicitly",
}) + '\n');
