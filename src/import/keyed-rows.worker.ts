import { parentPort, workerData } from 'node:worker_threads';
import type { ReaderMessage } from './keyed-rows';
import { packedRuns, RowPacker } from './packed-rows';
import type { ImportFormat } from './read-rows';

/**
 * The import's reader thread: parses the file and keys its rows (`readKeyedRows`), sending them
 * packed in messages of at least `rowsPerMessage` (whole runs), at most `messagesAhead` not yet taken by the importer.
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
  const packer = new RowPacker();
  const send = async () => {
    while (credit === 0) {
      await new Promise<void>((resolve) => (resume = resolve));
      resume = undefined;
    }
    credit--;
    const rows = packer.take();
    port.postMessage({ rows } satisfies ReaderMessage, [rows.numbers.buffer]);
  };
  try {
    for await (const _ of packedRuns(path, format, packer)) if (packer.count >= rowsPerMessage) await send();
    if (packer.count > 0) await send();
    port.postMessage({ done: true } satisfies ReaderMessage);
  } catch (error) {
    // The rows read before the error first: the importer commits the batches they complete, as in one thread.
    if (packer.count > 0) await send();
    const { message, code, name } = error as { message?: string; code?: string; name?: string };
    port.postMessage({ error: { message: String(message ?? error), ...(code && { code }), ...(name && { name }) } } satisfies ReaderMessage);
  }
  port.close();
}

void main();
