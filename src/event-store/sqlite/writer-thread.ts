import { parentPort, workerData } from 'node:worker_threads';
import { batchCommitter } from './commit-batch';
import { openEventDatabase, type EventDatabaseOptions } from './event-database';
import { prepareWriteStatements } from './event-statements';
import { unpack } from './packed-append';
import { carry, type WriterReply, type WriterRequest } from './writer-messages';

/**
 * The log's one writer, on its own thread: it commits each batch the main thread sends and
 * answers once the commit (and its fsync) returned, so the main thread's event loop keeps
 * parsing, validating and deciding requests while the disk syncs.
 */
const { path, options } = workerData as { path: string; options: EventDatabaseOptions };
const db = openEventDatabase(path, options);
const commit = batchCommitter(db, prepareWriteStatements(db));
const port = parentPort!;

port.on('message', (request: WriterRequest) => {
  if (request.kind === 'close') {
    db.close();
    port.close();
    return;
  }
  let reply: WriterReply;
  try {
    const outcomes = commit(request.appends.map(unpack), request.recordedAt);
    reply = { outcomes: outcomes.map((outcome) => ('results' in outcome ? outcome : { error: carry(outcome.error) })) };
  } catch (error) {
    reply = { failed: carry(error) };
  }
  port.postMessage(reply);
});
