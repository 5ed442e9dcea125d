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
 * An append as it crosses to the writer thread: each stream's ID, then each of its events' ID,
 * type and metadata JSON, in one string, and the events' data JSON in another, both cut by
 * `lengths`; each stream's expected revision and event count in typed arrays. A structured clone
 * of thousands of nested event objects cost the writer thread about 16 µs an event to rebuild,
 * more than its insert; a string is a copy, and the JSON had to be written anyway. The streams
 * cross the same way: an object per stream (most bulk streams hold one new event) was cloned
 * field by field on both threads. The data is apart because it holds the names, in Arabic: a
 * string holding one Arabic letter is two bytes a character throughout, and the IDs, types and
 * metadata (about 40% of the text, ASCII) would be copied, posted and bound at twice their size.
 */
export interface PackedAppend {
  texts: string;
  data: string;
  lengths: Uint32Array;
  /** Each stream's expected revision: the number, or one of `namedRevisions` as -1, -2, -3. */
  revisions: Float64Array;
  events: Uint32Array;
}

const namedRevisions: readonly ExpectedRevision[] = ['no_stream', 'any', 'stream_exists'];

const revisionCode = (revision: ExpectedRevision): number => (typeof revision === 'number' ? revision : -1 - namedRevisions.indexOf(revision));

const revisionOf = (code: number): ExpectedRevision => (code >= 0 ? code : namedRevisions[-1 - code]!);

/** Throws what `JSON.stringify` throws for an event it cannot write (the append then fails alone). */
export function pack(writes: StreamWrite[]): PackedAppend {
  let count = 0;
  for (const write of writes) count += write.events.length;
  // Each text goes straight onto the packed string and its length into one array: no array of
  // parts to join and measure again (thousands of events a bulk batch).
  const lengths = new Uint32Array(writes.length + count * 4);
  const revisions = new Float64Array(writes.length);
  const events = new Uint32Array(writes.length);
  let texts = '';
  let data = '';
  let part = 0;
  writes.forEach(({ streamId, expectedRevision, events: written }, stream) => {
    texts += streamId;
    lengths[part++] = streamId.length;
    revisions[stream] = revisionCode(expectedRevision);
    events[stream] = written.length;
    for (const event of written) {
      const dataJson = JSON.stringify(event.data);
      const metadataJson = JSON.stringify(event.metadata);
      texts += event.id + event.type + metadataJson;
      data += dataJson;
      lengths[part++] = event.id.length;
      lengths[part++] = event.type.length;
      lengths[part++] = dataJson.length;
      lengths[part++] = metadataJson.length;
    }
  });
  return { texts, data, lengths, revisions, events };
}

/**
 * Plain loops over arrays made at their length: `Array.from` with a mapping closure per stream and
 * per event cost the writer thread 0.46–0.55 µs an event, these 0.09–0.18 (the import's events).
 */
export function unpack({ texts, data, lengths, revisions, events }: PackedAppend): SerialisedWrite[] {
  let at = 0;
  let dataAt = 0;
  let part = 0;
  const writes: SerialisedWrite[] = new Array(revisions.length);
  for (let stream = 0; stream < revisions.length; stream++) {
    const streamId = texts.slice(at, (at += lengths[part++]!));
    const written: SerialisedEvent[] = new Array(events[stream]!);
    for (let i = 0; i < written.length; i++) {
      const id = texts.slice(at, (at += lengths[part++]!));
      const type = texts.slice(at, (at += lengths[part++]!));
      const eventData = data.slice(dataAt, (dataAt += lengths[part++]!));
      const metadata = texts.slice(at, (at += lengths[part++]!));
      written[i] = { id, type, data: eventData, metadata };
    }
    writes[stream] = { streamId, expectedRevision: revisionOf(revisions[stream]!), events: written };
  }
  return writes;
}
