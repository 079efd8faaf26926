/** Exit codes (SPEC "Exit codes"). */
export const EXIT = {
  /** The audit ran and the gate (if any) passed. */
  ok: 0,
  /** The audit ran, the outputs are written, and the gate failed. */
  gateFailed: 1,
  /** Usage or input error: nothing usable could be audited. */
  usage: 2,
} as const;
