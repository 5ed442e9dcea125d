import type { ExpectedRevision, StreamWrite } from '../event-store.port';

/** An event as the log stores it: data and metadata already JSON. */
export interface SerialisedEvent {
  id: string;
  type: string;
  data: string;
  metadata: string;
}

export interface SerialisedWrite {
  streamId: string;
  expectedRevision: ExpectedRevision;
  events: SerialisedEvent[];
}

/**
 * An append as it crosses to the writer thread: every event's ID, type, data JSON and metadata
 * JSON in one string, cut by `lengths` (four a event). A structured clone of thousands of nested
 * event objects cost the writer thread about 16 µs an event to rebuild, more than its insert; one
 * string is a copy, and the JSON had to be written anyway.
 */
export interface PackedAppend {
  streams: { streamId: string; expectedRevision: ExpectedRevision; events: number }[];
  texts: string;
  lengths: Uint32Array;
}

/** Throws what `JSON.stringify` throws for an event it cannot write (the append then fails alone). */
export function pack(writes: StreamWrite[]): PackedAppend {
  let count = 0;
  for (const write of writes) count += write.events.length;
  // Each event's four texts go straight onto the packed string and their lengths into one array:
  // no array of parts to join and measure again (thousands of events a bulk batch).
  const lengths = new Uint32Array(count * 4);
  let texts = '';
  let part = 0;
  const streams = writes.map(({ streamId, expectedRevision, events }) => {
    for (const { id, type, data, metadata } of events) {
      const dataJson = JSON.stringify(data);
      const metadataJson = JSON.stringify(metadata);
      texts += id + type + dataJson + metadataJson;
      lengths[part++] = id.length;
      lengths[part++] = type.length;
      lengths[part++] = dataJson.length;
      lengths[part++] = metadataJson.length;
    }
    return { streamId, expectedRevision, events: events.length };
  });
  return { streams, texts, lengths };
}

export function unpack({ streams, texts, lengths }: PackedAppend): SerialisedWrite[] {
  let at = 0;
  let part = 0;
  const next = () => texts.slice(at, (at += lengths[part++]!));
  return streams.map(({ streamId, expectedRevision, events }) => ({
    streamId,
    expectedRevision,
    events: Array.from({ length: events }, () => ({ id: next(), type: next(), data: next(), metadata: next() })),
  }));
}
