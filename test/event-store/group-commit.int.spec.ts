import Database from 'better-sqlite3';
import { join } from 'path';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { newEventId } from '../../src/event-store/event-id';
import { NewEvent, StreamWrite, WrongExpectedRevision } from '../../src/event-store/event-store.port';
import { GroupCommit } from '../../src/event-store/sqlite/group-commit';
import * as writerThread from '../../src/event-store/sqlite/start-writer-thread';
import { makeTempDir } from './temp-dir';

/** A batch crossing to the writer thread in several messages (here, about 3 events each). */
describe('GroupCommit with a batch in several pieces', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let file: string;
  let writer: GroupCommit;
  let committed: number;

  beforeEach(() => {
    dir = makeTempDir();
    file = join(dir.path, 'events.db');
    committed = 0;
    writer = new GroupCommit(file, {}, () => committed++, () => new Date('2026-11-23T12:00:00.000Z'), 3);
  });

  afterEach(async () => {
    await writer.close();
    dir.remove();
  });

  const rows = () => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare('SELECT position, stream_id AS streamId, revision FROM events ORDER BY position').all();
    } finally {
      db.close();
    }
  };

  it('commits appends larger than a piece whole, in order, each with its positions', async () => {
    const first = newStreams('a', 7);
    const second = newStreams('b', 4);
    const [one, two] = await Promise.all([writer.submit(first), writer.submit(second)]);
    expect(one.map((result) => result.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(two.map((result) => result.position)).toEqual([8, 9, 10, 11]);
    expect(rows()).toHaveLength(11);
    expect(committed).toBe(1);
  });

  it('undoes the earlier pieces of an append refused in a later one, and commits the rest of its batch', async () => {
    await writer.submit(newStreams('taken', 1));
    // The refused append's sixth stream exists: its first five streams crossed in earlier pieces.
    const refused = [...newStreams('c', 5), ...newStreams('taken', 1), ...newStreams('d', 2)];
    const outcomes = await Promise.allSettled([writer.submit(newStreams('e', 2)), writer.submit(refused), writer.submit(newStreams('f', 4))]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevision);
    expect(rows().map((row) => (row as { streamId: string }).streamId)).toEqual([
      'taken-0',
      'e-0',
      'e-1',
      'f-0',
      'f-1',
      'f-2',
      'f-3',
    ]);
  });

  it('undoes the earlier pieces of an append whose later event cannot be written as JSON', async () => {
    const unwritable = [...newStreams('g', 4), { streamId: 'g-x', expectedRevision: 'no_stream' as const, events: [{ ...event(), data: { big: BigInt(1) } }] }];
    const outcomes = await Promise.allSettled([writer.submit(unwritable), writer.submit(newStreams('h', 2))]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'fulfilled']);
    expect((outcomes[0] as PromiseRejectedResult).reason).toBeInstanceOf(TypeError);
    expect(rows().map((row) => (row as { streamId: string }).streamId)).toEqual(['h-0', 'h-1']);
  });
});

/**
 * A bulk load hands each batch over while the one before commits, naming it as `after`: an append
 * that kept the one it follows kept every append of the load, with all their events.
 */
describe('GroupCommit with appends each after the one before', () => {
  it('lets go of an append once it is answered, while the appends after it are still in flight', async () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const dir = makeTempDir();
    const writer = new GroupCommit(join(dir.path, 'events.db'), {}, () => undefined);
    try {
      let first: StreamWrite[] | undefined = newStreams('first', 50);
      const firstHeld = new WeakRef(first);
      let before = writer.submit(first);
      first = undefined;
      for (let batch = 0; batch < 5; batch++) {
        // Submitted once the one before is with the writer thread, as the next batch of a load is.
        await new Promise((resolve) => setImmediate(resolve));
        const next = writer.submit(newStreams(`batch-${batch}`, 50), before);
        await before;
        before = next;
      }
      // The last append is in the writer thread; the first was answered four appends ago.
      collect();
      expect(firstHeld.deref()).toBeUndefined();
      await before;
    } finally {
      await writer.close();
      dir.remove();
    }
  });
});

/** A store only read (a rebuild's threads, a read-only command) must not pay for a writer thread. */
describe('GroupCommit starting its writer thread', () => {
  it('starts it at the first append, not before, and closes without one when nothing was appended', async () => {
    const dir = makeTempDir();
    const started = jest.spyOn(writerThread, 'startWriterThread');
    try {
      const unused = new GroupCommit(join(dir.path, 'unused.db'), {}, () => undefined);
      await unused.close();
      expect(started).not.toHaveBeenCalled();

      const used = new GroupCommit(join(dir.path, 'used.db'), {}, () => undefined);
      expect(started).not.toHaveBeenCalled();
      await Promise.all([used.submit(newStreams('a', 1)), used.submit(newStreams('b', 1))]);
      await used.submit(newStreams('c', 1));
      expect(started).toHaveBeenCalledTimes(1);
      await used.close();
      await expect(used.submit(newStreams('d', 1))).rejects.toThrow('closed');
    } finally {
      started.mockRestore();
      dir.remove();
    }
  });
});

const newStreams = (prefix: string, count: number): StreamWrite[] =>
  Array.from({ length: count }, (_, i) => ({ streamId: `${prefix}-${i}`, expectedRevision: 'no_stream' as const, events: [event()] }));

const event = (): NewEvent => ({ id: newEventId(), type: 'PersonBorn', data: { given: 'مريم' }, metadata: { schemaVersion: 1 } });
