/**
 * Known, user-facing failures. Anything thrown as an InputError ends the run with exit code 2 and
 * its message on one line; every other error is a bug and is re-thrown (see src/cli/main.ts).
 */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Where a problem is: `consent.csv:21: given_at "yesterday" ...`. */
export function at(file: string, line?: number): string {
  return line === undefined ? file : `${file}:${line}`;
}

/** A value quoted for a message, shortened so one bad cell can't flood the terminal. */
export function shown(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(cut);
}

/** Thrown when SIGINT/SIGTERM stops a run; the CLI maps it to 128 + signal number. */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
  /** `committed`: the signal came after the outputs were in place. */
  constructor(readonly signal: 'SIGINT' | 'SIGTERM', readonly committed = false) {
    super(`interrupted by ${signal}`);
  }
}
