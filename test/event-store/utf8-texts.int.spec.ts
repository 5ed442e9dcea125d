import Database from 'better-sqlite3';
import { join } from 'path';
import { DuplicateEventId, NewEvent, StreamWrite, WrongExpectedRevision } from '../../src/event-store/event-store.port';
import { openEventDatabase } from '../../src/event-store/sqlite/event-database';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { makeTempDir } from './temp-dir';

/**
 * The writer thread binds the texts as UTF-8 bytes cast to TEXT: what the log holds must be the
 * very TEXT a string bound held, in every column and on every insert path, and the rows of logs
 * written before must still be found by the appends that follow them.
 */
describe('the SQLite store, texts outside ASCII', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let file: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = makeTempDir();
    file = join(dir.path, 'events.db');
  });

  afterEach(async () => {
    await store?.close();
    dir.remove();
  });

  const arabic = 'عبد الله بن عمر ﷲ';
  // Outside the Basic Multilingual Plane: two UTF-16 code units, four bytes in UTF-8.
  const astral = '𝔘😀';
  const event = (id: string, { type = 'PersonEnrolled', office = 'LY-BA-03-OFF1' } = {}): NewEvent => ({
    id,
    type,
    data: { name: arabic, symbol: astral, quote: '"\\\n' },
    metadata: { schemaVersion: 1, registrar: 'legacy-import', office },
  });
  const writes: StreamWrite[] = [
    // New streams side by side: one multi-row INSERT.
    { streamId: 'person-ascii', expectedRevision: 'no_stream', events: [event('e-1'), event('e-2')] },
    { streamId: `person-${arabic}`, expectedRevision: 'no_stream', events: [event(`e-${astral}`, { office: 'مكتب بنغازي' })] },
    { streamId: 'person-é', expectedRevision: 'no_stream', events: [event('e-é', { type: 'PersonEnrolledé' })] },
    // A lone surrogate: stored, as a string bound always stored it, as U+FFFD.
    { streamId: 'person-\ud800', expectedRevision: 'no_stream', events: [event('e-lone')] },
  ];
  // The same rows as better-sqlite3 stores them from strings.
  const expectedRows = (appended: StreamWrite[]) =>
    appended.flatMap(({ streamId, events }) =>
      events.map(({ id, type, data, metadata }) => [id, streamId, type, JSON.stringify(data), JSON.stringify(metadata)].map(hexOfString)),
    );
  const storedRows = () => {
    const db = new Database(file, { readonly: true });
    const rows = db
      .prepare(
        `SELECT typeof(id), typeof(stream_id), typeof(type), typeof(data), typeof(metadata), hex(id), hex(stream_id), hex(type), hex(data), hex(metadata)
         FROM events ORDER BY position`,
      )
      .raw(true)
      .all() as string[][];
    db.close();
    return rows;
  };

  it('stores each text as TEXT, byte for byte what binding the string stored, in multi-row and single inserts', async () => {
    store = new SqliteEventStore(file);
    await store.appendToStreams(writes);
    // One new stream alone (a single INSERT), then an event after its tip (the tip read by its ID).
    const alone: StreamWrite = { streamId: `person-${astral}`, expectedRevision: 'no_stream', events: [event('e-alone')] };
    await store.appendToStreams([alone]);
    const next: StreamWrite = { streamId: `person-${arabic}`, expectedRevision: 0, events: [event(`e-${arabic}`)] };
    await store.appendToStreams([next]);

    const rows = storedRows();
    expect(rows.map((row) => row.slice(0, 5))).toEqual(rows.map(() => Array(5).fill('text')));
    expect(rows.map((row) => row.slice(5))).toEqual(expectedRows([...writes, alone, next]));
    const read = await store.readStream(`person-${arabic}`);
    expect(read.map((e) => [e.id, e.data, e.metadata])).toEqual([
      [`e-${astral}`, writes[1]!.events[0]!.data, writes[1]!.events[0]!.metadata],
      [`e-${arabic}`, next.events[0]!.data, next.events[0]!.metadata],
    ]);
  });

  it('names streams and events outside ASCII in its refusals, and answers a retry with its first result', async () => {
    store = new SqliteEventStore(file);
    const first = await store.appendToStreams(writes.slice(1, 2));
    await expect(store.appendToStreams(writes.slice(1, 2))).resolves.toEqual(first);
    const wrong = store.appendToStream(`person-${arabic}`, [event('e-other')], { expectedRevision: 5 });
    await expect(wrong).rejects.toEqual(new WrongExpectedRevision(`person-${arabic}`, 5, 0));
    const taken = store.appendToStream('person-other', [event(`e-${astral}`)], { expectedRevision: 'any' });
    await expect(taken).rejects.toEqual(new DuplicateEventId('person-other', `e-${astral}`));
  });

  it('appends after the rows of a log written with strings bound, and knows their events again', async () => {
    const db = openEventDatabase(file);
    const insert = db.prepare('INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const { streamId, events } = writes[1]!;
    const [old] = events;
    insert.run(old!.id, streamId, 0, old!.type, JSON.stringify(old!.data), JSON.stringify(old!.metadata), '2026-11-24T00:00:00.000Z');
    db.close();
    store = new SqliteEventStore(file);

    await expect(store.appendToStream(streamId, events, { expectedRevision: 'no_stream' })).resolves.toEqual({ nextRevision: 0, position: 1 });
    await expect(store.appendToStream(streamId, [event(`e-${arabic}`)], { expectedRevision: 0 })).resolves.toEqual({ nextRevision: 1, position: 2 });
    await expect(store.appendToStream('person-other', [old!], { expectedRevision: 'any' })).rejects.toBeInstanceOf(DuplicateEventId);
  });
});

const hexOfString = (text: string): string => Buffer.from(text, 'utf8').toString('hex').toUpperCase();
