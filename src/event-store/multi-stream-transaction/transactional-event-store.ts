import { newEventId } from '../event-id';
import {
  appendAfter,
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamWrite,
  SubscribeOptions,
  Subscription,
  WrongExpectedRevision,
} from '../event-store.port';
import { TransactionContext, completeTransaction } from './complete-transaction';
import { RecoveryReport, recover } from './recover';
import { recordedBefore, unchanged } from './recorded-before';
import { SingleStreamLog } from './single-stream-log';
import { placeFor, readStreamState } from './stream-state';
import { TransactionOutcomes } from './transaction-outcomes';
import {
  JOURNAL_STREAM,
  TRANSACTION_STARTED,
  TransactionStarted,
  isBookkeepingStream,
  record,
  tagWrites,
} from './transaction-records';
import { readVisiblePages, visibleInLog, visibleInStream } from './visible-events';

/**
 * Makes a log that appends to one stream atomically into a full EventStore. A multi-stream append
 * is journaled, lands stream by stream with its events tagged by transaction, and becomes visible
 * all at once when its commit records are appended; until then readers do not see its events.
 * Run `recover()` at start so that a crash mid-way leaves no fact half-recorded.
 */
export class TransactionalEventStore implements EventStore {
  private readonly context: TransactionContext;

  constructor(private readonly log: SingleStreamLog) {
    this.context = { log, outcomes: new TransactionOutcomes(log) };
  }

  recover(): Promise<RecoveryReport> {
    return recover(this.context);
  }

  async appendToStream(
    streamId: string,
    events: NewEvent[],
    { expectedRevision }: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    refuseBookkeeping(streamId);
    try {
      return await this.log.appendToStream(streamId, events, { expectedRevision });
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      // Hidden events may sit past the tip the caller saw: retry at the physical end if what
      // readers see matches the caller's expectation.
      const state = await readStreamState(this.log, this.context.outcomes, streamId);
      return this.log.appendToStream(streamId, events, { expectedRevision: placeFor(state, expectedRevision) });
    }
  }

  appendToStreams(writes: StreamWrite[], options: AppendOptions = {}): Promise<AppendResult[]> {
    // The journal's records must follow the earlier transaction's: it is waited for, not queued.
    return appendAfter(options.after, () => this.appendTransaction(writes));
  }

  private async appendTransaction(writes: StreamWrite[]): Promise<AppendResult[]> {
    writes.forEach(({ streamId }) => refuseBookkeeping(streamId));
    const states = await Promise.all(
      writes.map(({ streamId }) => readStreamState(this.log, this.context.outcomes, streamId)),
    );
    const retried = await recordedBefore(this.context.outcomes, writes, states);
    if (retried) return retried;
    // Checked before journaling: a refused fact, the usual conflict, then leaves no trace at all.
    states.forEach((state, i) => placeFor(state, writes[i].expectedRevision));
    if (writes.every((write) => write.events.length === 0)) return states.map((s) => unchanged(s.visible));

    const transactionId = newEventId();
    const started: TransactionStarted = { transactionId, writes: tagWrites(transactionId, writes) };
    await this.log.appendToStream(JOURNAL_STREAM, [record(TRANSACTION_STARTED, started)], {
      expectedRevision: 'any',
    });
    return completeTransaction(this.context, started, states);
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    return readVisiblePages(
      (fromRevision, maxCount) => this.log.readStream(streamId, { ...options, fromRevision, maxCount }),
      (page) => visibleInStream(this.context.outcomes, page),
      (last) => (backwards ? (last.revision > 0 ? last.revision - 1 : undefined) : last.revision + 1),
      options.fromRevision,
      options.maxCount,
    );
  }

  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { types } = options;
    return readVisiblePages(
      // All types from the log: a commit record stands for events of any type.
      (after, maxCount) => this.log.readAll({ after, maxCount }),
      types === undefined ? visibleInLog : (page) => visibleInLog(page).filter((event) => types.includes(event.type)),
      (last) => last.position,
      options.after,
      options.maxCount,
    );
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    return this.log.subscribeToAll({
      after: options.after,
      onError: options.onError,
      onEvents: async (events) => {
        const visible = visibleInLog(events);
        if (visible.length > 0) await options.onEvents(visible);
      },
    });
  }

  close(): Promise<void> {
    return this.log.close();
  }
}

function refuseBookkeeping(streamId: string): void {
  if (isBookkeepingStream(streamId)) throw new Error(`stream ${streamId} is reserved for transaction bookkeeping`);
}
