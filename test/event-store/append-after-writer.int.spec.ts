import { join } from 'path';
import { newEventId } from '../../src/event-store/event-id';
import { EarlierAppendFailed, NewEvent, StreamWrite, WrongExpectedRevision } from '../../src/event-store/event-store.port';
import { BatchWriter, type BatchOutcome } from '../../src/event-store/sqlite/commit-batch';
import { openWriterDatabase } from '../../src/event-store/sqlite/event-database';
import { prepareWriteStatements } from '../../src/event-store/sqlite/event-statements';
import { GroupCommit } from '../../src/event-store/sqlite/group-commit';
import { pack } from '../../src/event-store/sqlite/packed-append';
import type { Piece } from '../../src/event-store/sqlite/writer-messages';
import { makeTempDir } from './temp-dir';

/**
 * The writer thread's side of `after`: an append whose earlier one is still unanswered on the
 * main thread when it is sent is checked by the thread, which records appends in order.
 */
describe('BatchWriter with appends to be recorded after earlier ones', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: ReturnType<typeof openWriterDatabase>;
  let writer: BatchWriter;

  beforeEach(() => {
    dir = makeTempDir();
    db = openWriterDatabase(join(dir.path, 'events.db'));
    writer = new BatchWriter(db, prepareWriteStatements(db));
  });

  afterEach(() => {
    db.close();
    dir.remove();
  });

  const piece = (append: number, seq: number, writes: StreamWrite[], after?: number): Piece => ({ append, seq, after, savepoint: true, packed: pack(writes) });
  const batch = (...pieces: Piece[]): BatchOutcome => {
    writer.write(pieces, '2026-11-24T03:00:00.000Z');
    return writer.commit();
  };
  const kinds = (outcome: BatchOutcome) =>
    'failed' in outcome ? 'failed' : outcome.outcomes.map((o) => ('results' in o ? 'recorded' : (o.error as Error).constructor));
  const streams = () => db.prepare('SELECT stream_id FROM events ORDER BY position').pluck().all();

  it('refuses an append after one refused in the same batch or in the batch before, and those after it', () => {
    expect(kinds(batch(piece(0, 0, newStreams('taken'))))).toEqual(['recorded']);
    expect(kinds(batch(piece(0, 1, newStreams('taken')), piece(1, 2, newStreams('a'), 1), piece(2, 3, newStreams('b'))))).toEqual([
      WrongExpectedRevision,
      EarlierAppendFailed,
      'recorded',
    ]);
    expect(kinds(batch(piece(0, 4, newStreams('c'), 2), piece(1, 5, newStreams('d'), 4), piece(2, 6, newStreams('e'), 3)))).toEqual([
      EarlierAppendFailed,
      EarlierAppendFailed,
      'recorded',
    ]);
    expect(streams()).toEqual(['taken', 'b', 'e']);
  });

  it('records an append after one recorded in the batch before', () => {
    batch(piece(0, 0, newStreams('a')));
    expect(kinds(batch(piece(0, 1, newStreams('b'), 0)))).toEqual(['recorded']);
    expect(streams()).toEqual(['a', 'b']);
  });
});

describe('GroupCommit with an append handed over while the earlier one commits', () => {
  it('sends it at once and records nothing of it when the earlier one is refused', async () => {
    const dir = makeTempDir();
    const commits = new GroupCommit(join(dir.path, 'events.db'), {}, () => undefined);
    try {
      await commits.submit(newStreams('taken'));
      const refused = commits.submit([...newStreams('x'), ...newStreams('taken')]);
      // The earlier append has gone to the thread in a batch of its own.
      await new Promise((resolve) => setImmediate(resolve));
      const after = commits.submit(newStreams('y'), refused);
      const afterThat = commits.submit(newStreams('z'), after);
      const outcomes = await Promise.allSettled([refused, after, afterThat]);
      expect(outcomes.map((outcome) => (outcome.status === 'rejected' ? outcome.reason.constructor : outcome.status))).toEqual([
        WrongExpectedRevision,
        EarlierAppendFailed,
        EarlierAppendFailed,
      ]);
      const recorded = commits.submit(newStreams('w'), commits.submit(newStreams('v')));
      await expect(recorded).resolves.toEqual([{ nextRevision: 0, position: 3 }]);
    } finally {
      await commits.close();
      dir.remove();
    }
  });
});

const newStreams = (name: string): StreamWrite[] => [{ streamId: name, expectedRevision: 'no_stream', events: [event()] }];

const event = (): NewEvent => ({ id: newEventId(), type: 'PersonBorn', data: { given: 'مريم' }, metadata: { schemaVersion: 1 } });
