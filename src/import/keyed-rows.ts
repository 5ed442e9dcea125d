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
export function readKeyedRows(path: string, format: ImportFormat): KeyedRows {
  const script = join(__dirname, 'keyed-rows.worker.js');
  return existsSync(script) ? fromWorker(script, path, format) : inThread(path, format);
}

/** Rows being read: `close` ends the reading (its thread), also when the rows were never asked for. */
export interface KeyedRows extends AsyncIterable<KeyedRow[]> {
  close(): Promise<void>;
}

function inThread(path: string, format: ImportFormat): KeyedRows {
  return {
    async *[Symbol.asyncIterator]() {
      for await (const run of readRows(path, format)) yield keyed(run);
    },
    close: async () => undefined,
  };
}

/**
 * The reader thread starts at once, before the rows are asked for: its start (a new isolate,
 * its modules) and its first rows overlap whatever the caller does first.
 */
function fromWorker(script: string, path: string, format: ImportFormat): KeyedRows {
  const worker = new Worker(script, { workerData: { path, format, rowsPerMessage: ROWS_PER_MESSAGE, messagesAhead: MESSAGES_AHEAD } });
  const queue: ReaderMessage[] = [];
  let wake: (() => void) | undefined;
  let failure: unknown;
  let closed = false;
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
  async function* taken(): AsyncGenerator<KeyedRow[]> {
    try {
      for (;;) {
        // A thread ended by `close` may exit with code 0 and without a last message.
        if (closed) return;
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
  return {
    [Symbol.asyncIterator]: taken,
    close: async () => {
      closed = true;
      await worker.terminate();
    },
  };
}
