/**
 * A JSON number as it is written in its line (issue #12 item 15). JSON.parse turns `1e400` into
 * Infinity (reported as "got null") and `12345678901234567890` into ...000: a number a double
 * can't hold exactly is read back from the text, so that it is used, and reported, as written.
 */
const NUMBER = /^\s*:\s*(-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/;

/**
 * The literal of the top-level key `key` in the JSON object text `line`, or the number's decimal
 * text when it can't be found. Of several occurrences the last is taken (JSON.parse keeps the last
 * of repeated keys); a literal is taken only when it parses to the value JSON.parse gave.
 */
export function numberAsWritten(line: string, key: string, value: number): string {
  const quoted = JSON.stringify(key);
  let found: string | undefined;
  for (let at = line.indexOf(quoted); at >= 0; at = line.indexOf(quoted, at + 1)) {
    const m = NUMBER.exec(line.slice(at + quoted.length, at + quoted.length + 400));
    if (m && Object.is(Number(m[1]), value)) found = m[1];
  }
  return found ?? String(value);
}
