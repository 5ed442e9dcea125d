import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  streamNameFilter,
} from '@eventstore/db-client';
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
} from '../event-store.port';
import { CatchUpSubscription } from './catch-up-subscription';
import { toClientRevision, translateAppendError } from './expected-revision';
import { isFact, toClientPosition, toRecordedEvent } from './recorded-event';

/**
 * The log on an EventStoreDB server or cluster, e.g. `esdb://localhost:2113?tls=false`.
 * EventStoreDB appends to one stream atomically and no more: `appendToStreams` is only honest
 * through the multi-stream transaction decorator, which `createEventStore` always adds.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;

  constructor(connectionString: string) {
    this.client = EventStoreDBClient.connectionString(connectionString);
  }

  async appendToStream(
    streamId: string,
    events: NewEvent[],
    { expectedRevision }: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    const toClient = events.map((event) => ({ ...event, contentType: 'application/json' as const }));
    try {
      const result = await this.client.appendToStream(streamId, toClient as never, {
        expectedRevision: toClientRevision(expectedRevision),
      });
      return {
        nextRevision: Number(result.nextExpectedRevision),
        position: result.position === undefined ? -1 : Number(result.position.commit),
      };
    } catch (error) {
      translateAppendError(error, streamId, expectedRevision);
    }
  }

  appendToStreams(writes: StreamWrite[], options: AppendOptions = {}): Promise<AppendResult[]> {
    if (writes.length > 1) {
      return Promise.reject(
        new Error('EventStoreDB appends to one stream atomically: wrap it in the multi-stream transaction decorator'),
      );
    }
    return appendAfter(options.after, () =>
      Promise.all(writes.map((w) => this.appendToStream(w.streamId, w.events, { expectedRevision: w.expectedRevision }))),
    );
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const read = this.client.readStream(streamId, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
      ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
    });
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of read) if (resolved.event) events.push(toRecordedEvent(resolved));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  /** `$all` has no server-side filter for reads in this client: system events and other types are skipped here. */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after;
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const read = this.client.readAll({
      direction: FORWARDS,
      fromPosition: after === undefined ? START : toClientPosition(after),
    });
    const events: RecordedEvent[] = [];
    for await (const resolved of read) {
      if (!isFact(resolved)) continue;
      const event = toRecordedEvent(resolved);
      // A forward read starts at the given position inclusive; the port's `after` is exclusive.
      if (after !== undefined && event.position <= after) continue;
      if (options.types && !options.types.includes(event.type)) continue;
      events.push(event);
      if (events.length >= maxCount) break;
    }
    return events;
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    const source = this.client.subscribeToAll({
      fromPosition: options.after === undefined ? START : toClientPosition(options.after),
      filter: streamNameFilter({ regex: '^[^$]' }),
    });
    return new CatchUpSubscription(source, options);
  }

  close(): Promise<void> {
    return this.client.dispose();
  }
}
