/** Exit codes (SPEC "Exit codes"). */
export const EXIT = {
  /** The audit ran and the gate (if any) passed. */
  ok: 0,
  /** The audit ran, the outputs are written, and the gate failed. */
  gateFailed: 1,
  /** Usage or input error: nothing usable could be audited. */
  usage: 2,
  /** Stopped by SIGINT (128 + 2) or SIGTERM (128 + 15). */
  interrupted: 130,
  terminated: 143,
} as const;
