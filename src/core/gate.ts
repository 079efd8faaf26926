/** The import gate: turns the totals into pass or fail (exit 1); the CLI only reads the verdict. */
import type { GateSettings } from './settings.js';
import { explain, type Finding } from '../reasons.js';

export interface GateResult {
  passed: boolean;
  reject_rate: number;
  max_reject_rate?: number;
  fail_on_reject?: boolean;
  /** Why the gate failed, one sentence per failed condition. */
  failures: string[];
}

/** `runFindings` are about the whole run (LIST_STALE): each fails the gate. */
export function evaluateGate(rows: number, rejected: number, gate: GateSettings, runFindings: readonly Finding[] = []): GateResult {
  // The reject rate of an empty list is 0 (SPEC "Outputs").
  const rate = rows === 0 ? 0 : rejected / rows;
  const failures: string[] = [];
  const result: GateResult = { passed: true, reject_rate: rate, failures };
  if (gate.maxRejectRate !== undefined) {
    result.max_reject_rate = gate.maxRejectRate;
    if (rate > gate.maxRejectRate) failures.push(`reject rate ${formatRate(rate)} is above --max-reject-rate ${gate.maxRejectRate}`);
  }
  if (gate.failOnReject) {
    result.fail_on_reject = true;
    if (rejected > 0) failures.push(`${rejected} row${rejected === 1 ? '' : 's'} rejected and --fail-on-reject is set`);
  }
  for (const f of runFindings) failures.push(explain(f));
  result.passed = failures.length === 0;
  return result;
}

export function formatRate(rate: number): string {
  return `${(rate * 100).toFixed(rate === 0 || rate === 1 ? 0 : 1)}%`;
}
