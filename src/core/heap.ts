/**
 * Keeping the heap at its live size on long runs (issue #5: peak memory grows only with the
 * duplicate set). An audit makes a lot of short-lived garbage per row; V8 lets the old generation
 * grow to a multiple of what is live before it collects, so the peak of a long run creeps up with
 * its length. A full collection every so many megabytes of input keeps the peak where the live data
 * is, for a few milliseconds each.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined | null;

function collector(): (() => void) | null {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as unknown;
      collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  return collect;
}

/** Runs a full collection now; false when the engine does not allow it. */
export function collectGarbage(): boolean {
  const gc = collector();
  gc?.();
  return gc !== null;
}

/** Collects after every `everyBytes` of input read. */
export class HeapKeeper {
  private next: number;
  constructor(private readonly everyBytes = 64 << 20) {
    this.next = everyBytes;
  }

  tick(bytesRead: number): void {
    if (bytesRead < this.next) return;
    this.next = bytesRead + this.everyBytes;
    collector()?.();
  }
}
