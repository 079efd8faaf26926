/**
 * Streams a JSON Lines file: one JSON value per line; blank lines are skipped. A line that is not
 * JSON is handed on as an Error, so the caller can list it and go on.
 */
import { createSha256 } from '../io/hash.js';
import { InputError } from '../errors.js';
import { createDecoder, sniffEncoding, type Encoding } from '../io/decode.js';
import { describeFsError } from '../io/table-reader.js';
import { openInput, type InputOptions } from '../io/input-source.js';

export async function readJsonLines(
  path: string,
  opts: { encoding?: Encoding | undefined; signal?: AbortSignal | undefined; input?: InputOptions | undefined },
  onValue: (line: number, value: unknown, text: string) => void,
): Promise<{ sha256: string; bytes: number | undefined; compression: 'gzip' | undefined; encoding: Encoding }> {
  // gzip is recognised by its first bytes (issue #11); a workbook is no JSON Lines file.
  const input = await openInput(path, path, opts.input);
  if (input.format === 'xlsx') {
    input.stream.destroy();
    throw new InputError(`${path}: an .xlsx workbook, but the name says JSON Lines: rename it, or save the sheet as CSV`);
  }
  const hash = createSha256();
  const stream = input.stream;
  let decoder: ReturnType<typeof createDecoder> | undefined;
  let rest = '';
  let lineNo = 0;
  const take = (text: string, final: boolean) => {
    let s = rest + text;
    // A CR at the end of a chunk may be the first half of a CRLF: keep it for the next one.
    const hold = !final && s.endsWith('\r') ? '\r' : '';
    if (hold) s = s.slice(0, -1);
    const parts = s.split(/\r\n|\n|\r/);
    rest = final ? '' : parts.pop()! + hold;
    for (const part of parts) {
      lineNo++;
      if (!part.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(part);
      } catch (e) {
        value = e instanceof Error ? e : new Error(String(e));
      }
      onValue(lineNo, value, part);
    }
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (opts.signal?.aborted) throw opts.signal.reason;
      if (!input.raw) hash.update(chunk);
      if (!decoder) {
        decoder = createDecoder(opts.encoding ?? sniffEncoding(chunk), path, opts.encoding === undefined);
      }
      take(decoder.write(chunk), false);
    }
  } catch (e) {
    stream.destroy();
    if (e instanceof InputError || e === opts.signal?.reason) throw e;
    throw new InputError(`${path}: cannot read: ${describeFsError(e)}`);
  }
  take(decoder ? decoder.end() : '', true);
  return { sha256: input.raw ? await input.raw.sha256() : await hash.digest(), bytes: input.raw?.bytes(), compression: input.compression, encoding: decoder?.encoding ?? opts.encoding ?? 'utf-8' };
}
