/**
 * Preloaded with `node --import` when /usr/bin/time is not available: writes the process's peak
 * resident set size (KiB, process.resourceUsage().maxRSS) and its user and system CPU seconds to
 * $BENCH_MAXRSS_FILE when it exits.
 * It changes nothing else about the program it is loaded into.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_MAXRSS_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    // Same shape as GNU time's '%M %U %S': KiB, user seconds, system seconds.
    try { writeFileSync(file, `${u.maxRSS} ${u.userCPUTime / 1e6} ${u.systemCPUTime / 1e6}\n`); } catch { /* best effort */ }
  });
}
