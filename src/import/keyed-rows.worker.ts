import { parentPort, workerData } from 'node:worker_threads';
import { keyed, type KeyedRow, type ReaderMessage } from './keyed-rows';
import { readRows, type ImportFormat } from './read-rows';

/**
 * The import's reader thread: parses the file and keys its rows (`readKeyedRows`), sending them
 * in messages of at least `rowsPerMessage` (whole runs), at most `messagesAhead` not yet taken by the importer.
 */
async function main(): Promise<void> {
  const { path, format, rowsPerMessage, messagesAhead } = workerData as {
    path: string;
    format: ImportFormat;
    rowsPerMessage: number;
    messagesAhead: number;
  };
  const port = parentPort!;
  let credit = messagesAhead;
  let resume: (() => void) | undefined;
  port.on('message', () => {
    credit++;
    resume?.();
  });
  const send = async (message: ReaderMessage) => {
    while (credit === 0) {
      await new Promise<void>((resolve) => (resume = resolve));
      resume = undefined;
    }
    credit--;
    port.postMessage(message);
  };
  let rows: KeyedRow[] = [];
  try {
    for await (const run of readRows(path, format)) {
      rows = rows.concat(keyed(run));
      if (rows.length >= rowsPerMessage) {
        await send({ rows });
        rows = [];
      }
    }
    if (rows.length > 0) await send({ rows });
    port.postMessage({ done: true } satisfies ReaderMessage);
  } catch (error) {
    // The rows read before the error first: the importer commits the batches they complete, as in one thread.
    if (rows.length > 0) await send({ rows });
    const { message, code, name } = error as { message?: string; code?: string; name?: string };
    port.postMessage({ error: { message: String(message ?? error), ...(code && { code }), ...(name && { name }) } } satisfies ReaderMessage);
  }
  port.close();
}

void main();
