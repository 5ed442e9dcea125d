import type { StreamWrite } from '../../src/event-store/event-store.port';
import { MessageChunks, pack, stringOf, unpack, type PackedAppend } from '../../src/event-store/sqlite/packed-append';

const event = (id: string, data: unknown) => ({ id, type: 'PersonEnrolled', data, metadata: { schemaVersion: 1, registrar: 'legacy-import', commandId: `c-${id}` } });

/** What the writer thread reads of an append, its texts back as strings. */
const unpacked = (packed: PackedAppend) =>
  unpack(packed).map(({ streamId, expectedRevision, events }) => ({
    streamId: stringOf(streamId),
    expectedRevision,
    events: events.map(({ id, type, data, metadata }) => ({ id: stringOf(id), type: stringOf(type), data: stringOf(data), metadata: stringOf(metadata) })),
  }));

const serialised = (writes: StreamWrite[]) =>
  writes.map(({ streamId, expectedRevision, events }) => ({
    streamId,
    expectedRevision,
    events: events.map(({ id, type, data, metadata }) => ({ id, type, data: JSON.stringify(data), metadata: JSON.stringify(metadata) })),
  }));

describe('an append packed for the writer thread', () => {
  const writes: StreamWrite[] = [
    { streamId: 'person-100000000001', expectedRevision: 'no_stream', events: [event('e1', { name: { given: 'فاطمة' } })] },
    // A stream a decision only read: no events, its revision still asserted.
    { streamId: 'person-100000000002', expectedRevision: 7, events: [] },
    { streamId: 'marriage-x', expectedRevision: 'any', events: [event('e2', { n: 1 }), event('e3', { n: 2, symbol: '𝔘😀' })] },
    { streamId: 'person-100000000003', expectedRevision: 'stream_exists', events: [event('e4', {})] },
    { streamId: 'person-100000000004', expectedRevision: 0, events: [event('e5', { text: 'a"b\\c' })] },
  ];

  it('unpacks to every stream with its expected revision and its events as JSON, in order', () => {
    expect(unpacked(pack(writes))).toEqual(serialised(writes));
  });

  it('measures each text in bytes when IDs, types or metadata are not ASCII', () => {
    const beyondAscii: StreamWrite[] = [
      ...writes,
      // Metadata in Arabic crosses as well as data does; é keeps its string one byte a character.
      { streamId: 'person-é', expectedRevision: 'no_stream', events: [{ ...event('e6', { n: 3 }), metadata: { schemaVersion: 1, registrar: 'مكتب' } }] },
      { streamId: 'person-𝔘', expectedRevision: 'no_stream', events: [{ ...event('e-é', { n: 4 }), type: 'Typeé' }] },
      ...writes,
    ];
    expect(unpacked(pack(beyondAscii))).toEqual(serialised(beyondAscii));
  });

  it('holds data larger than it expects per event', () => {
    const long: StreamWrite[] = [{ streamId: 's', expectedRevision: 'any', events: [event('e1', { name: 'ع'.repeat(5_000) }), event('e2', { n: 1 })] }];
    expect(unpacked(pack(long))).toEqual(serialised(long));
  });

  it('packs the appends of one message into shared chunks, moved to the other thread rather than copied', () => {
    const chunks = new MessageChunks();
    const large: StreamWrite[] = [{ streamId: 'large', expectedRevision: 'any', events: Array.from({ length: 400 }, (_, i) => event(`e${i}`, { text: 'ع'.repeat(300) })) }];
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const appends = [writes, large, writes.slice(2), writes];
    const packed = appends.map((appended, i) => {
      // An append that fails halfway leaves nothing in the next one's texts.
      if (i === 2) expect(() => pack([...writes, { streamId: 's', expectedRevision: 'any', events: [event('e', cyclic)] }], chunks)).toThrow(TypeError);
      // Nor one whose metadata fails after its data was written.
      if (i === 3) expect(() => pack([...writes, { streamId: 's', expectedRevision: 'any', events: [{ ...event('e', {}), metadata: { schemaVersion: 1, n: 1n } }] }], chunks)).toThrow(TypeError);
      return pack(appended, chunks);
    });
    expect(chunks.all().length).toBeGreaterThan(2);
    const moved = structuredClone(packed, { transfer: chunks.all() });
    expect(chunks.all().every((chunk) => chunk.byteLength === 0)).toBe(true);
    expect(moved.map(unpacked)).toEqual(appends.map(serialised));
  });

  it('throws for data JSON cannot write', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => pack([{ streamId: 's', expectedRevision: 'any', events: [event('e', cyclic)] }])).toThrow(TypeError);
  });
});
