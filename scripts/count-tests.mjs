#!/usr/bin/env node
// Prints "N passed, N failed" summed over vitest JSON reports (CI reads this line). A missing or
// unreadable report counts as one failure, so a run that never reported can't pass as green.
import { readFileSync } from 'node:fs';

let passed = 0, failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numFailedTestSuites ?? 0);
    if (r.numTotalTests === 0) failed++;
  } catch {
    failed++;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
