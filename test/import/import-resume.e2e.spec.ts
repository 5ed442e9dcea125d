import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { deathRow, enrolmentRow, familyRegister, toCsv } from '../../bench/legacy-register';
import { makeTempDir } from '../event-store/temp-dir';
import { cli } from '../support/server-process';

jest.setTimeout(180_000);

/** Batches the import has committed so far, read from its progress stream by another connection. */
function committedBatches(dataDir: string): number {
  const file = join(dataDir, 'events.sqlite');
  if (!existsSync(file)) return 0;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM events WHERE stream_id GLOB '$import-*'`).get() as { n: number }).n;
  } catch {
    return 0; // the schema is not created yet
  } finally {
    db.close();
  }
}

const importArgs = (file: string, dataDir: string, rejects: string) => [cli, 'import', file, '--data', dataDir, '--rejects', rejects, '--batch-size', '500', '--office', 'LY-BA-03-OFF1'];

async function logOf(dataDir: string) {
  const store = new SqliteEventStore(join(dataDir, 'events.sqlite'));
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  // Everything but the commit instant (and the position, which depends on what else was written).
  const rows = db.prepare('SELECT id, stream_id, revision, type, data, metadata FROM events ORDER BY stream_id, revision').all();
  db.close();
  await store.close();
  return rows;
}

describe('sijil import killed with SIGKILL mid-file', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeAll(() => (dir = makeTempDir()));
  afterAll(() => dir.remove());

  it('resumes from its last committed batch and ends with exactly the log and rejects of an uninterrupted import', async () => {
    const rows = familyRegister(2_500);
    // A few bad rows among the good, so the rejects file is compared too.
    rows.splice(3_000, 0, enrolmentRow(900_001, { date_of_birth: '1950-02-30' }), deathRow({ person_ref: 'nobody' }));
    rows.splice(9_000, 0, enrolmentRow(900_002, { mother_ref: 'm1', date_of_birth: '1950' }));
    const file = join(dir.path, 'register.csv');
    writeFileSync(file, toCsv(rows));
    const [killedDir, wholeDir] = [join(dir.path, 'killed'), join(dir.path, 'whole')];
    const [killedRejects, wholeRejects] = [join(dir.path, 'killed.rejects.ndjson'), join(dir.path, 'whole.rejects.ndjson')];

    const child = spawn(process.execPath, importArgs(file, killedDir, killedRejects), { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let killedAfter = 0;
    while (child.exitCode === null) {
      killedAfter = committedBatches(killedDir);
      if (killedAfter >= 3) {
        child.kill('SIGKILL');
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await exited).toBeNull(); // killed, not finished: the file must be big enough
    expect(committedBatches(killedDir)).toBeLessThan(Math.ceil(rows.length / 500));

    const resumed = spawnSync(process.execPath, importArgs(file, killedDir, killedRejects), { encoding: 'utf8' });
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toMatch(/resumed after row \d+/);
    expect(resumed.stdout).toContain(`${rows.length} rows`);

    const whole = spawnSync(process.execPath, importArgs(file, wholeDir, wholeRejects), { encoding: 'utf8' });
    expect(whole.status).toBe(0);
    expect(whole.stdout).toContain('3 rejected');

    const [killedLog, wholeLog] = [await logOf(killedDir), await logOf(wholeDir)];
    expect(killedLog.length).toBeGreaterThan(rows.length);
    expect(killedLog).toEqual(wholeLog);
    expect(readFileSync(killedRejects, 'utf8')).toBe(readFileSync(wholeRejects, 'utf8'));

    const again = spawnSync(process.execPath, importArgs(file, wholeDir, wholeRejects), { encoding: 'utf8' });
    expect(again.stdout).toContain('nothing recorded');
    expect(await logOf(wholeDir)).toEqual(wholeLog);
  });
});
