/**
 * The progress line on standard error for runs longer than a second: rows, rows/s, the share of
 * the file read, and the time left. Only on a terminal, never under --quiet or in CI logs, never
 * on standard output.
 */
import { fmtNumber, lang, t } from '../i18n/index.js';
import { percentText } from '../core/gate.js';
export interface ProgressSink {
  update(p: { rows: number; bytes: number; size: number | undefined }): void;
  done(): void;
}

const NOTHING: ProgressSink = { update() {}, done() {} };

export function progressFor(stream: NodeJS.WriteStream, quiet: boolean, env: NodeJS.ProcessEnv = process.env): ProgressSink {
  if (quiet || !stream.isTTY || (env.CI ?? '') !== '' || env.TERM === 'dumb') return NOTHING;
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    update({ rows, bytes, size }) {
      const now = Date.now();
      const elapsed = (now - started) / 1000;
      if (elapsed < 1 || now - last < 200) return;
      last = now;
      shown = true;
      const rate = rows / elapsed;
      let line = t('progress.rows', { rows: lang() === 'ru' ? fmtNumber(rows) : rows.toLocaleString('en-US'), rate: lang() === 'ru' ? fmtNumber(Math.round(rate)) : Math.round(rate).toLocaleString('en-US') });
      if (size) {
        const share = Math.min(bytes / size, 1);
        const left = share > 0 ? elapsed * (1 - share) / share : 0;
        line += t('progress.share', { share: percentText((share * 100).toFixed(0)), left: formatSeconds(left) });
      }
      stream.write(`\r\u001b[2K${line}`);
    },
    done() {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
  };
}

function formatSeconds(s: number): string {
  if (s < 60) return t('progress.s', { s: String(Math.ceil(s)) });
  const m = Math.floor(s / 60);
  return t('progress.min', { m: String(m), s: String(Math.ceil(s - m * 60)) });
}
