/**
 * A value made on first use, then kept. The zod schemas are built this way: building them is a
 * good part of what a short run spends starting up (issue #5: a 10-row audit in under 0.3 s), and
 * most runs use one of them or none.
 */
export function lazy<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}
