import { WrongExpectedRevision } from '../event-store.port';
import { TransactionContext, completeTransaction } from './complete-transaction';
import { JOURNAL_STREAM, RECOVERED_STREAM, TransactionStarted, record } from './transaction-records';

export interface RecoveryReport {
  committed: number;
  aborted: number;
}

/**
 * Finishes every transaction journaled since the last recovery and left without an outcome:
 * rolled forward where each remaining write can still land at its expected revision, aborted
 * otherwise. Safe while other processes write: finishing their in-flight transactions is
 * exactly what they would do themselves.
 */
export async function recover(context: TransactionContext): Promise<RecoveryReport> {
  const { log, outcomes } = context;
  const [mark] = await log.readStream(RECOVERED_STREAM, { direction: 'backwards', maxCount: 1 });
  const fromRevision = mark ? (mark.data as { journalRevision: number }).journalRevision + 1 : 0;
  const journal = await log.readStream(JOURNAL_STREAM, { fromRevision });
  const report: RecoveryReport = { committed: 0, aborted: 0 };
  for (const entry of journal) {
    const started = entry.data as TransactionStarted;
    if ((await outcomes.get(started.transactionId)).state !== 'pending') continue;
    try {
      await completeTransaction(context, started);
      report.committed++;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      report.aborted++;
    }
  }
  if (journal.length > 0) {
    const journalRevision = journal[journal.length - 1].revision;
    await log.appendToStream(RECOVERED_STREAM, [record('RecoveryCompleted', { journalRevision })], {
      expectedRevision: 'any',
    });
  }
  return report;
}
