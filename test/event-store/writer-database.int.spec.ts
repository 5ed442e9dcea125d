import { randomInt } from 'crypto';
import { join } from 'path';
import { newEventId } from '../../src/event-store/event-id';
import { StreamWrite, WrongExpectedRevision } from '../../src/event-store/event-store.port';
import { BatchWriter } from '../../src/event-store/sqlite/commit-batch';
import { openWriterDatabase } from '../../src/event-store/sqlite/event-database';
import { prepareWriteStatements } from '../../src/event-store/sqlite/event-statements';
import { pack } from '../../src/event-store/sqlite/packed-append';
import { makeTempDir } from './temp-dir';

describe('the writer thread connection', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: ReturnType<typeof openWriterDatabase>;

  beforeEach(() => {
    dir = makeTempDir();
    db = openWriterDatabase(join(dir.path, 'events.db'));
  });

  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('keeps its undo journals in memory, with the log as durable as ever', () => {
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('undoes alone an append refused after it changed more pages than the journal held before spilling', () => {
    const writer = new BatchWriter(db, prepareWriteStatements(db));
    const persons = (count: number): StreamWrite[] =>
      Array.from({ length: count }, () => ({
        streamId: `person-${randomInt(1e11, 1e12)}`,
        expectedRevision: 'no_stream',
        events: [{ id: newEventId(), type: 'PersonEnrolled', data: { name: 'مريم'.repeat(40) }, metadata: { schemaVersion: 1 } }],
      }));
    const commit = (...appends: StreamWrite[][]) => {
      writer.write(
        appends.map((writes, append) => ({ append, seq: append, savepoint: true, packed: pack(writes) })),
        '2026-11-24T05:30:00.000Z',
      );
      return writer.commit();
    };
    const first = persons(3_000);
    commit(first);
    const before = db.prepare('SELECT stream_id FROM events ORDER BY position').pluck().all();

    // Its last write opens a stream the log already holds.
    const refused = [...persons(2_000), { ...persons(1)[0]!, streamId: first[0]!.streamId }];
    const later = persons(2);
    const outcome = commit(refused, later);

    expect('outcomes' in outcome && outcome.outcomes.map((o) => ('error' in o ? (o.error as Error).constructor : 'recorded'))).toEqual([
      WrongExpectedRevision,
      'recorded',
    ]);
    expect(db.prepare('SELECT stream_id FROM events ORDER BY position').pluck().all()).toEqual([
      ...before,
      ...later.map((write) => write.streamId),
    ]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
