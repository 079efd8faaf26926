/**
 * The progress line on standard error for runs longer than a second: rows, rows/s, the share of
 * the file read, and the time left. Only on a terminal, never under --quiet or in CI logs, never
 * on standard output.
 */
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
      let line = `  ${rows.toLocaleString('en-US')} rows, ${Math.round(rate).toLocaleString('en-US')} rows/s`;
      if (size) {
        const share = Math.min(bytes / size, 1);
        const left = share > 0 ? elapsed * (1 - share) / share : 0;
        line += `, ${(share * 100).toFixed(0)}% of the file, ${formatSeconds(left)} left`;
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
  if (s < 60) return `${Math.ceil(s)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.ceil(s - m * 60)} s`;
}
