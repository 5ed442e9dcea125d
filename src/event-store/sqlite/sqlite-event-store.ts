import type Database from 'better-sqlite3';
import {
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
} from '../event-store.port';
import { EventDatabaseOptions, openEventDatabase } from './event-database';
import { ReadStatements, prepareReadStatements, toRecordedEvent } from './event-statements';
import { eventsAfter } from './events-after';
import { GroupCommit } from './group-commit';
import { PollingSubscription } from './polling-subscription';

export interface SqliteEventStoreOptions extends EventDatabaseOptions {
  /** How often subscriptions look for events appended by other processes. */
  pollIntervalMs?: number;
  /** Events per catch-up batch handed to a subscriber. */
  subscriptionPageSize?: number;
  /**
   * Where `recordedAt` comes from: the wall clock unless a caller that owns time says otherwise
   * (a seeded synthetic country, whose log must be byte-identical for a seed; tests recording
   * facts at chosen instants).
   */
  clock?: () => Date;
}

/** The embedded event store: one SQLite file, shareable by several processes. */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly statements: ReadStatements;
  private readonly writer: GroupCommit;
  private readonly subscriptions = new Set<PollingSubscription>();
  private closed = false;

  constructor(
    path: string,
    private readonly options: SqliteEventStoreOptions = {},
  ) {
    this.db = openEventDatabase(path, options);
    this.statements = prepareReadStatements(this.db);
    this.writer = new GroupCommit(
      path,
      { busyTimeoutMs: options.busyTimeoutMs },
      () => this.subscriptions.forEach((subscription) => subscription.notify()),
      options.clock,
    );
  }

  async appendToStream(
    streamId: string,
    events: NewEvent[],
    { expectedRevision }: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    const [result] = await this.appendToStreams([{ streamId, expectedRevision, events }]);
    return result;
  }

  appendToStreams(writes: StreamWrite[], options: AppendOptions = {}): Promise<AppendResult[]> {
    if (this.closed) return Promise.reject(new Error('the event store is closed'));
    return this.writer.submit(writes, options.after);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.maxCount ?? -1;
    const rows =
      options.direction === 'backwards'
        ? this.statements.streamBackwards.all(streamId, options.fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
        : this.statements.streamForwards.all(streamId, options.fromRevision ?? 0, limit);
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const [after, maxCount] = [options.after ?? 0, options.maxCount ?? -1];
    if (options.types === undefined) return this.readAllPage(after, maxCount);
    const types = JSON.stringify(options.types);
    return eventsAfter((from, limit) => this.statements.allOfTypes.all(from, types, limit), after, maxCount);
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    const subscription: PollingSubscription = new PollingSubscription(
      {
        readPage: (after, maxCount) => this.readAllPage(after, maxCount),
        pageSize: this.options.subscriptionPageSize ?? 500,
        pollIntervalMs: this.options.pollIntervalMs ?? 100,
      },
      options,
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Commits what is queued, stops the subscriptions, then releases the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writer.close();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.db.close();
  }

  private readAllPage(after: number, maxCount: number): RecordedEvent[] {
    return eventsAfter((from, limit) => this.statements.all.all(from, limit), after, maxCount);
  }
}
