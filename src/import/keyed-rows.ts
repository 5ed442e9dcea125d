import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { keyed, type KeyedRow } from './keyed-row';
import { unpackRows, type PackedRows } from './packed-rows';
import { readRows, type ImportFormat } from './read-rows';

/** Rows per message from the reader thread (at least: whole runs of rows), and messages it may send ahead of the importer. */
const ROWS_PER_MESSAGE = 500;
const MESSAGES_AHEAD = 8;

export type ReaderMessage = { rows: PackedRows } | { done: true } | { error: { message: string; code?: string; name?: string } };

/**
 * The file's rows with their keys, in runs of rows (an `await` per row, through an async
 * generator, cost the importer's main thread more than some rules). Parsing and hashing run in a
 * worker thread, a few thousand rows ahead, so the second core works while the main thread
 * decides and commits; the rows, their order and a parse error (with its message, after the rows
 * before it) are those `readRows` gives. Where the worker's compiled script is not at hand (the
 * sources run under ts-jest), the rows are read in this thread.
 */
export function readKeyedRows(path: string, format: ImportFormat): AsyncIterable<KeyedRow[]> {
  const script = join(__dirname, 'keyed-rows.worker.js');
  return existsSync(script) ? fromWorker(script, path, format) : inThread(path, format);
}

async function* inThread(path: string, format: ImportFormat): AsyncIterable<KeyedRow[]> {
  for await (const run of readRows(path, format)) yield keyed(run);
}

async function* fromWorker(script: string, path: string, format: ImportFormat): AsyncIterable<KeyedRow[]> {
  const worker = new Worker(script, { workerData: { path, format, rowsPerMessage: ROWS_PER_MESSAGE, messagesAhead: MESSAGES_AHEAD } });
  const queue: ReaderMessage[] = [];
  let wake: (() => void) | undefined;
  let failure: unknown;
  worker.on('message', (message: ReaderMessage) => {
    queue.push(message);
    wake?.();
  });
  worker.on('error', (error) => {
    failure = error;
    wake?.();
  });
  worker.on('exit', (code) => {
    if (code !== 0) failure ??= new Error(`the row reader stopped with code ${code}`);
    wake?.();
  });
  try {
    for (;;) {
      while (queue.length === 0) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
      const message = queue.shift()!;
      if ('done' in message) return;
      if ('error' in message) throw Object.assign(new Error(message.error.message), message.error);
      // One message taken: the reader may send one more.
      worker.postMessage('more');
      yield unpackRows(message.rows);
    }
  } finally {
    // Also when the importer stops early (Ctrl-C after a batch): the reader thread ends with it.
    await worker.terminate();
  }
}
