import { parentPort, workerData } from 'node:worker_threads';
import { BatchWriter, replyOf } from './commit-batch';
import { openWriterDatabase, type EventDatabaseOptions } from './event-database';
import { prepareWriteStatements } from './event-statements';
import type { WriterReply, WriterRequest } from './writer-messages';

/**
 * The log's one writer, on its own thread: it writes each batch the main thread sends as its
 * pieces arrive and answers once the commit (and its fsync) returned, so the main thread's event
 * loop keeps parsing, validating and deciding requests while the disk syncs.
 */
const { path, options } = workerData as { path: string; options: EventDatabaseOptions };
const db = openWriterDatabase(path, options);
const batch = new BatchWriter(db, prepareWriteStatements(db));
const port = parentPort!;

port.on('message', (request: WriterRequest) => {
  if (request.kind === 'close') {
    db.close();
    port.close();
    return;
  }
  batch.write(request.pieces, request.recordedAt);
  if (!request.commit) return;
  const reply: WriterReply = replyOf(batch.commit());
  port.postMessage(reply);
});
