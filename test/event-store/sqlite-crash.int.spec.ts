import { spawn } from 'child_process';
import { join } from 'path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { makeTempDir } from './temp-dir';

const CHILD = join(__dirname, 'fixtures', 'append-until-killed.js');

/**
 * A process appending at full speed is killed with SIGKILL mid-stream. Reopened, the log must
 * hold every event whose append was acknowledged, and no append, single or across streams, in part.
 */
describe('SqliteEventStore after its process is killed', () => {
  let dir: ReturnType<typeof makeTempDir>;

  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  it('keeps every acknowledged event and no half-written append', async () => {
    const file = join(dir.path, 'events.db');
    const acknowledged = await runUntilKilled(file, 3_000);
    expect(acknowledged.length).toBeGreaterThanOrEqual(3_000);

    const db = new Database(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const store = new SqliteEventStore(file);
    const log = await store.readAll();
    await store.close();

    const recorded = new Set(log.map((e) => e.id));
    expect(acknowledged.filter((id) => !recorded.has(id))).toEqual([]);
    expect(log.length).toBeGreaterThanOrEqual(acknowledged.length);
    expect(log.every((e) => (e.data as { notes: string }).notes.length === 2_000)).toBe(true);
    // A birth is one event in one stream; a marriage is two events in each of two streams.
    for (const [, fact] of groupBy(log, (e) => String(e.metadata.commandId))) {
      const revisionsByStream = [...groupBy(fact, (e) => e.streamId).values()].map((stream) =>
        stream.map((e) => e.revision),
      );
      const isBirth = fact[0].streamId.startsWith('person-');
      expect(revisionsByStream).toEqual(isBirth ? [[0]] : [[0, 1], [0, 1]]);
    }
  }, 30_000);
});

/** Starts the appending child, kills it once `count` IDs were acknowledged, returns them. */
function runUntilKilled(file: string, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, file], { cwd: join(__dirname, '..', '..') });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.split('\n').length > count) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL'
        ? resolve(output.split('\n').filter((line) => line.length === 36))
        : reject(new Error(`child exited with ${code}: ${errors}`)),
    );
  });
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
