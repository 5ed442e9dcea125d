import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { projections } from '../../src/projections/registry';
import { cli } from '../support/server-process';

jest.setTimeout(120_000);

const sijil = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, EVENTSTORE_URL: '', MONGODB_URL: '' } });

/** Every row of every table of each projection's read-model file, in a stable order: documents and checkpoints. */
function readModelRows(dataDir: string): Record<string, unknown[]> {
  const folder = join(dataDir, 'read-models');
  const files = readdirSync(folder).filter((file) => file.endsWith('.sqlite')).sort();
  return Object.fromEntries(
    files.flatMap((file) => {
      const db = new Database(join(folder, file), { readonly: true });
      try {
        const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
        return tables.map((table) => [`${file} ${table}`, db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all()]);
      } finally {
        db.close();
      }
    }),
  );
}

describe('sijil projections rebuild', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sijil-rebuild-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('leaves the same read models rebuilt in process and in two threads', () => {
    const synth = sijil(['synth', '--persons', '400', '--years', '3', '--seed', 'cli', '--data', dataDir, '--no-progress']);
    expect(synth.status).toBe(0);
    const inProcess = sijil(['projections', 'rebuild', '--data', dataDir, '--threads', '1']);
    expect(inProcess.status).toBe(0);
    expect(inProcess.stdout).not.toContain('threads');
    const rebuilt = readModelRows(dataDir);
    expect(Object.keys(rebuilt).length).toBeGreaterThan(3);

    const threaded = sijil(['projections', 'rebuild', '--data', dataDir, '--threads', '2']);
    expect(threaded.status).toBe(0);
    expect(threaded.stdout).toContain('in 2 threads');
    expect(readModelRows(dataDir)).toEqual(rebuilt);

    // Without --threads: one thread per core, at most one per projection.
    const byDefault = sijil(['projections', 'rebuild', '--data', dataDir]);
    expect(byDefault.status).toBe(0);
    const threads = Math.min(availableParallelism(), projections.length);
    if (threads > 1) expect(byDefault.stdout).toContain(`in ${threads} threads`);
    else expect(byDefault.stdout).not.toContain('threads');
    expect(readModelRows(dataDir)).toEqual(rebuilt);
  });

  it('refuses a thread count that is not a whole number of at least 1', () => {
    for (const threads of ['0', 'two', '1.5']) {
      const refused = sijil(['projections', 'rebuild', '--data', dataDir, '--threads', threads]);
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toContain('a whole number of threads, at least 1');
    }
  });
});
