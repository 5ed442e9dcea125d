import type { ExpectedRevision, StreamWrite } from '../event-store.port';
import { writeJson } from './utf8-json';
import { writeText } from './utf8-text';
import { Utf8Writer } from './utf8-writer';

/**
 * A text as the writer thread binds it: its UTF-8 bytes, stored by SQLite as the very TEXT that
 * binding the string stored (`CAST(? AS TEXT)`, `event-statements.ts`).
 */
export type Utf8 = Uint8Array;

/** An event as the log stores it: data and metadata already JSON. */
export interface SerialisedEvent {
  id: Utf8;
  type: Utf8;
  data: Utf8;
  metadata: Utf8;
}

export interface SerialisedWrite {
  streamId: Utf8;
  expectedRevision: ExpectedRevision;
  events: SerialisedEvent[];
}

/**
 * An append as it crosses to the writer thread: each stream's ID, then each of its events' ID,
 * type and metadata JSON, as UTF-8 in `texts`, and the events' data JSON in `data`, both cut by
 * `lengths` (in bytes); each stream's expected revision and event count in typed arrays. A
 * structured clone of thousands of nested event objects cost the writer thread about 16 µs an
 * event to rebuild, more than its insert; the JSON had to be written anyway. The texts cross as
 * bytes in buffers transferred, not copied: as strings (the data's two bytes a character, for
 * the Arabic names) they were flattened and copied by the post, copied again on arrival, and
 * turned into UTF-8 when bound, each text on its own. Each text, the JSON included, is encoded
 * into its chunk as it is read, no string made of it (`utf8-text.ts`, `utf8-json.ts`).
 */
export interface PackedAppend {
  texts: ArrayBuffer;
  /** Where the append's texts start in `texts`, which holds other appends' as well (`MessageChunks`). */
  textsAt: number;
  data: ArrayBuffer;
  dataAt: number;
  lengths: Uint32Array;
  /** Each stream's expected revision: the number, or one of `namedRevisions` as -1, -2, -3. */
  revisions: Float64Array;
  events: Uint32Array;
}

const namedRevisions: readonly ExpectedRevision[] = ['no_stream', 'any', 'stream_exists'];

const revisionCode = (revision: ExpectedRevision): number => (typeof revision === 'number' ? revision : -1 - namedRevisions.indexOf(revision));

const revisionOf = (code: number): ExpectedRevision => (code >= 0 ? code : namedRevisions[-1 - code]!);

/** The chunks the appends of one message to the writer thread are packed into, moved with it. */
export class MessageChunks {
  readonly texts = new Utf8Writer();
  readonly data = new Utf8Writer();

  all(): ArrayBuffer[] {
    return [...this.texts.all(), ...this.data.all()];
  }
}

/** Throws what `JSON.stringify` throws for an event it cannot write (the append then fails alone). */
export function pack(writes: StreamWrite[], chunks = new MessageChunks()): PackedAppend {
  try {
    return packInto(writes, chunks);
  } catch (error) {
    // What the append wrote is no part of the next append's.
    chunks.texts.run();
    chunks.data.run();
    throw error;
  }
}

function packInto(writes: StreamWrite[], { texts, data }: MessageChunks): PackedAppend {
  let count = 0;
  for (const write of writes) count += write.events.length;
  // Each text is encoded where it is read, its length in bytes counted as it is written.
  const lengths = new Uint32Array(writes.length + count * 4);
  const revisions = new Float64Array(writes.length);
  const events = new Uint32Array(writes.length);
  let part = 0;
  writes.forEach(({ streamId, expectedRevision, events: written }, stream) => {
    lengths[part++] = writeText(texts, streamId);
    revisions[stream] = revisionCode(expectedRevision);
    events[stream] = written.length;
    for (const event of written) {
      lengths[part++] = writeText(texts, event.id);
      lengths[part++] = writeText(texts, event.type);
      lengths[part++] = writeJson(data, event.data);
      lengths[part++] = writeJson(texts, event.metadata);
    }
  });
  const { chunk: textsChunk, at: textsAt } = texts.run();
  const { chunk: dataChunk, at: dataAt } = data.run();
  return { texts: textsChunk, textsAt, data: dataChunk, dataAt, lengths, revisions, events };
}

/**
 * Views on the buffers, nothing copied. Plain loops over arrays made at their length: `Array.from`
 * with a mapping closure per stream and per event cost the writer thread 0.46–0.55 µs an event,
 * these 0.09–0.18 (the import's events).
 */
export function unpack({ texts, textsAt, data, dataAt: dataStart, lengths, revisions, events }: PackedAppend): SerialisedWrite[] {
  let at = textsAt;
  let dataAt = dataStart;
  let part = 0;
  const text = (): Utf8 => {
    const length = lengths[part++]!;
    return new Uint8Array(texts, (at += length) - length, length);
  };
  const writes: SerialisedWrite[] = new Array(revisions.length);
  for (let stream = 0; stream < revisions.length; stream++) {
    const streamId = text();
    const written: SerialisedEvent[] = new Array(events[stream]!);
    for (let i = 0; i < written.length; i++) {
      const id = text();
      const type = text();
      const length = lengths[part++]!;
      const eventData = new Uint8Array(data, (dataAt += length) - length, length);
      written[i] = { id, type, data: eventData, metadata: text() };
    }
    writes[stream] = { streamId, expectedRevision: revisionOf(revisions[stream]!), events: written };
  }
  return writes;
}

const decoder = new TextDecoder();

/** A text back as a string, for what the log answers with it (an error naming a stream or an event). */
export const stringOf = (text: Utf8): string => decoder.decode(text);
