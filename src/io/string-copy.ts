/**
 * A string of its own for text that outlives the chunk it was read from. V8 makes a `slice()` of
 * 13 or more characters a view into its parent string, so a single cell kept in a long-lived
 * structure keeps its whole input chunk (hundreds of kilobytes) alive. Issue #5: the phone memo's
 * 50,000 keys held about 160 MiB of chunks on a 4M-row list, and peak memory grew with the list's
 * length instead of its distinct numbers.
 */
export function ownCopy(text: string): string {
  // Shorter slices are copies already. `' ' + text` is a pair of strings; slicing the pair first
  // flattens it into a new string, so the result refers to that small string, not to the chunk.
  return text.length < 13 ? text : (` ${text}`).slice(1);
}
