#!/usr/bin/env node
// Extracts PapaParse's parse cases (tests/test-cases.js: CORE_PARSER_TESTS and PARSE_TESTS) into
// data: each case's description, input, config and expected data and errors, as JSON.
//
// The file is parsed with the TypeScript compiler's parser and never run: only literal values are
// taken (strings, numbers, booleans, null, arrays, objects, `+` of strings, and the file's own
// RECORD_SEP / UNIT_SEP, i.e. String.fromCharCode(30) and (31)); a case with anything else (a
// function in its config, a file to fetch) is listed as skipped, with why.
//
//   node scripts/corpora/extract-papaparse.mjs path/to/test-cases.js > test/corpora/papaparse/cases.json
//
// (issue #12: outside corpora, kept as data under test/corpora/ so tests run offline.)
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import ts from 'typescript';

const SUITES = ['CORE_PARSER_TESTS', 'PARSE_TESTS'];
const path = process.argv[2];
if (!path) { console.error('usage: extract-papaparse.mjs tests/test-cases.js'); process.exit(2); }
const text = readFileSync(path, 'utf8');
const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);

class NotLiteral extends Error {}

/** Top-level `var NAME = String.fromCharCode(N)` constants. */
const constants = new Map();
for (const stmt of file.statements) {
  if (!ts.isVariableStatement(stmt)) continue;
  for (const d of stmt.declarationList.declarations) {
    if (ts.isIdentifier(d.name) && d.initializer) {
      try { constants.set(d.name.text, fromCharCode(d.initializer)); } catch { /* not a constant of that kind */ }
    }
  }
}

function fromCharCode(node) {
  if (ts.isCallExpression(node) && node.getText(file).startsWith('String.fromCharCode(') && node.arguments.length === 1 && ts.isNumericLiteral(node.arguments[0])) {
    return String.fromCharCode(Number(node.arguments[0].text));
  }
  throw new NotLiteral(node.getText(file).slice(0, 60));
}

function literal(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) return -literal(node.operand);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isParenthesizedExpression(node)) return literal(node.expression);
  if (ts.isIdentifier(node) && constants.has(node.text)) return constants.get(node.text);
  if (ts.isCallExpression(node)) return fromCharCode(node);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const a = literal(node.left), b = literal(node.right);
    if (typeof a !== 'string' && typeof b !== 'string') throw new NotLiteral(node.getText(file).slice(0, 60));
    return a + b;
  }
  if (ts.isArrayLiteralExpression(node)) return node.elements.map(literal);
  if (ts.isObjectLiteralExpression(node)) {
    const out = {};
    for (const p of node.properties) {
      if (!ts.isPropertyAssignment(p)) throw new NotLiteral(p.getText(file).slice(0, 60));
      const key = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name) ? p.name.text : undefined;
      if (key === undefined) throw new NotLiteral(p.getText(file).slice(0, 60));
      out[key] = literal(p.initializer);
    }
    return out;
  }
  throw new NotLiteral(node.getText(file).slice(0, 60));
}

const cases = [];
const skipped = [];
for (const stmt of file.statements) {
  if (!ts.isVariableStatement(stmt)) continue;
  for (const d of stmt.declarationList.declarations) {
    if (!ts.isIdentifier(d.name) || !SUITES.includes(d.name.text) || !d.initializer || !ts.isArrayLiteralExpression(d.initializer)) continue;
    const suite = d.name.text;
    for (const element of d.initializer.elements) {
      const where = `${suite}:${file.getLineAndCharacterOfPosition(element.getStart(file)).line + 1}`;
      let description = '';
      try {
        const prop = ts.isObjectLiteralExpression(element) && element.properties.find((p) => p.name?.getText(file) === 'description');
        if (prop) description = literal(prop.initializer);
        const c = literal(element);
        if (typeof c.input !== 'string') throw new NotLiteral('input is not text');
        cases.push({ where, suite, description: c.description, input: c.input, config: c.config ?? {}, ...(c.disabled ? { disabled: true } : {}), expected: { data: c.expected?.data, errors: c.expected?.errors ?? [] } });
      } catch (e) {
        if (!(e instanceof NotLiteral)) throw e;
        skipped.push({ where, suite, description, why: `not a literal: ${e.message}` });
      }
    }
  }
}

process.stdout.write(`${JSON.stringify({
  source: { file: 'tests/test-cases.js', sha256: createHash('sha256').update(readFileSync(path)).digest('hex') },
  extracted_by: 'scripts/corpora/extract-papaparse.mjs',
  cases,
  skipped,
}, null, 1)}\n`);
