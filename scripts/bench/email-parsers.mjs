#!/usr/bin/env node
/**
 * Issue #15: how fast each candidate email parser reads 100,000 addresses (ASCII, Russian IDN in
 * Unicode and punycode, and 5% broken), and how many it accepts. @hapi/address is a dependency; the
 * others are measured when installed without saving them:
 *
 *   npm i --no-save email-addresses@5.0.0 validator@13.15.35 && node scripts/bench/email-parsers.mjs
 *
 * Not a test: the README's "Email campaigns" reports what it printed.
 */
import { domainToASCII } from 'node:url';

const N = 100_000;
const locals = ['ivan', 'Maria.Petrova', 'егор', 'info+promo', "o'brien", 'Анна.Смирнова'];
const domains = ['example.com', 'Example.RU', 'почта.рф', 'xn--80a1acny.xn--p1ai', 'mail.example.org', 'пример.рф'];
const bad = ['no-at-sign.example.com', 'a@@example.com', 'a@example', 'a b@example.com', '@example.com', 'a@-example.com'];
const list = Array.from({ length: N }, (_, i) => (i % 20 === 0 ? bad[i % bad.length] : `${locals[i % locals.length]}${i}@${domains[(i >> 3) % domains.length]}`));

async function optional(name) {
  try { return await import(name); } catch { return undefined; }
}

const candidates = [];
const hapi = await import('@hapi/address');
candidates.push(['@hapi/address analyzeEmail', (a) => hapi.analyzeEmail(a) === null]);
const addrs = await optional('email-addresses');
if (addrs) candidates.push(['email-addresses parseOneAddress (rfc6532)', (a) => (addrs.default ?? addrs).parseOneAddress({ input: a, rfc6532: true }) !== null]);
const validator = await optional('validator');
if (validator) candidates.push(['validator isEmail (allow_utf8_local_part)', (a) => (validator.default ?? validator).isEmail(a, { allow_utf8_local_part: true })]);
candidates.push(['node:url domainToASCII alone (no parsing)', (a) => domainToASCII(a.slice(a.lastIndexOf('@') + 1)) !== '']);

for (const [name, accepts] of candidates) {
  for (let i = 0; i < 2000; i++) accepts(list[i]);
  const runs = [];
  let ok = 0;
  for (let r = 0; r < 3; r++) {
    ok = 0;
    const t0 = process.hrtime.bigint();
    for (const a of list) if (accepts(a)) ok++;
    runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const best = Math.min(...runs);
  console.log(`${name}: best of 3 ${best.toFixed(0)} ms for ${N} (${Math.round((N / best) * 1000)} addresses/s), accepted ${ok}`);
}
