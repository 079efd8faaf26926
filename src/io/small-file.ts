/**
 * Reading a small JSON input whole (the notice manifest), bounded and interruptible (issue #12
 * item 4: `--notice /dev/zero` grew without end, and a FIFO no one writes to could not be
 * interrupted). Anything over `max` bytes is not such a file.
 */
import { InputError } from '../errors.js';
import { ByteSource } from './byte-source.js';
import { t } from '../i18n/index.js';

/** The most a notice manifest or a policy file may hold: they are a few hundred bytes. */
export const MAX_JSON_FILE_BYTES = 1 << 20;

/** `what` names the kind of file in the run's language (`t('small.notice')`). */
export async function readSmallFile(path: string, what: string, signal?: AbortSignal, max = MAX_JSON_FILE_BYTES): Promise<Buffer> {
  const bytes = await ByteSource.open({ path, label: path, signal });
  const parts: Buffer[] = [];
  try {
    for (let c = await bytes.next(); c; c = await bytes.next()) {
      parts.push(c);
      if (bytes.bytesRead > max) throw new InputError(t('small.tooLarge', { path, max, what }));
    }
  } finally {
    bytes.destroy();
  }
  return Buffer.concat(parts);
}
