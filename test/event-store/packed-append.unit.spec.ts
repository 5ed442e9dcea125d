import type { StreamWrite } from '../../src/event-store/event-store.port';
import { pack, unpack } from '../../src/event-store/sqlite/packed-append';

const event = (id: string, data: unknown) => ({ id, type: 'PersonEnrolled', data, metadata: { schemaVersion: 1, registrar: 'legacy-import', commandId: `c-${id}` } });

describe('an append packed for the writer thread', () => {
  it('unpacks to every stream with its expected revision and its events as JSON, in order', () => {
    const writes: StreamWrite[] = [
      { streamId: 'person-100000000001', expectedRevision: 'no_stream', events: [event('e1', { name: { given: 'فاطمة' } })] },
      // A stream a decision only read: no events, its revision still asserted.
      { streamId: 'person-100000000002', expectedRevision: 7, events: [] },
      { streamId: 'marriage-x', expectedRevision: 'any', events: [event('e2', { n: 1 }), event('e3', { n: 2 })] },
      { streamId: 'person-100000000003', expectedRevision: 'stream_exists', events: [event('e4', {})] },
      { streamId: 'person-100000000004', expectedRevision: 0, events: [event('e5', { text: 'a"b\\c' })] },
      // Metadata in Arabic crosses as well as data does.
      { streamId: 'person-100000000005', expectedRevision: 'no_stream', events: [{ ...event('e6', { n: 3 }), metadata: { schemaVersion: 1, registrar: 'مكتب' } }] },
    ];

    expect(unpack(pack(writes))).toEqual(
      writes.map(({ streamId, expectedRevision, events }) => ({
        streamId,
        expectedRevision,
        events: events.map(({ id, type, data, metadata }) => ({ id, type, data: JSON.stringify(data), metadata: JSON.stringify(metadata) })),
      })),
    );
  });

  it('keeps the data apart from the IDs, types and metadata, so Arabic names do not make those two bytes a character', () => {
    const packed = pack([{ streamId: 'person-100000000001', expectedRevision: 'no_stream', events: [event('e1', { name: 'فاطمة' }), event('e2', { n: 1 })] }]);

    expect(packed.data).toBe('{"name":"فاطمة"}{"n":1}');
    expect(packed.texts).not.toMatch(/[^\x00-\x7f]/);
  });

  it('throws for data JSON cannot write', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => pack([{ streamId: 's', expectedRevision: 'any', events: [event('e', cyclic)] }])).toThrow(TypeError);
  });
});
