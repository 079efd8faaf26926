/**
 * vitest globalSetup: every process the tests start keeps its consent index snapshots in a
 * temporary XDG_CACHE_HOME (issue #16), never in the user's ~/.cache; removed after the run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'leadaudit-test-cache-'));
  process.env.XDG_CACHE_HOME = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
