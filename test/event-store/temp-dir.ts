import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/** A fresh directory for one test's event log; `remove` deletes it with everything inside. */
export function makeTempDir(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'sijil-events-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
