import type { EventStore, ExpectedRevision, StreamWrite } from '../event-store/event-store.port';

/** A rejected row as the rejects file holds it. */
export interface Reject {
  row: number;
  line: number;
  record: Record<string, string>;
  reason: { code: string; message: string; field?: string; column?: string };
}

export interface ImportTotals {
  /** Rows of the file handled, from the first: a resumed import starts after them. */
  rowsDone: number;
  recorded: number;
  /** Rows whose facts the ledger already held under the same key (an earlier import). */
  duplicates: number;
  rejected: number;
}

interface BatchCommitted extends ImportTotals {
  file: string;
  sha256: string;
  complete: boolean;
  /** This batch's rejects: the rejects file is rewritten from them when an import resumes. */
  rejects: Reject[];
}

export interface ImportProgress {
  totals: ImportTotals;
  complete: boolean;
  rejects: Reject[];
  revision: ExpectedRevision;
}

/**
 * An import's progress lives in the log, in a system stream named by the file's content hash,
 * one event per batch appended in the same transaction as the batch's facts: the facts and the
 * progress that says they are recorded commit together or not at all, so a crash or a kill at
 * any instant resumes exactly after the last committed batch.
 */
export const importStreamId = (sha256: string): string => `$import-${sha256}`;

export async function readProgress(store: EventStore, sha256: string): Promise<ImportProgress> {
  const events = await store.readStream(importStreamId(sha256));
  const batches = events.map((event) => event.data as BatchCommitted);
  const last = batches[batches.length - 1];
  return {
    totals: last ? { rowsDone: last.rowsDone, recorded: last.recorded, duplicates: last.duplicates, rejected: last.rejected } : { rowsDone: 0, recorded: 0, duplicates: 0, rejected: 0 },
    complete: last?.complete ?? false,
    rejects: batches.flatMap((batch) => batch.rejects),
    revision: events.length === 0 ? 'no_stream' : events[events.length - 1]!.revision,
  };
}

export function progressWrite(
  eventId: string,
  file: { name: string; sha256: string },
  revision: ExpectedRevision,
  totals: ImportTotals,
  complete: boolean,
  rejects: Reject[],
): StreamWrite {
  const data: BatchCommitted = { file: file.name, sha256: file.sha256, ...totals, complete, rejects };
  return {
    streamId: importStreamId(file.sha256),
    expectedRevision: revision,
    events: [{ id: eventId, type: 'ImportBatchCommitted', data, metadata: { schemaVersion: 1 } }],
  };
}
