import type { AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';
import { RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';
import { isFact, toRecordedEvent } from './recorded-event';

const MAX_BATCH = 500;

/**
 * Drives a client `$all` subscription: what the client has already buffered goes out as one batch,
 * and the next batch is only pulled once the handler's promise settled. Pulling through the async
 * iterator pauses the gRPC stream meanwhile, which is the back-pressure the port promises.
 */
export class CatchUpSubscription implements Subscription {
  private readonly running: Promise<void>;
  private stopped = false;

  constructor(
    private readonly source: AllStreamSubscription,
    private readonly options: SubscribeOptions,
  ) {
    this.running = this.deliver();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.source.unsubscribe();
    await this.running;
  }

  private async deliver(): Promise<void> {
    const after = this.options.after ?? -1;
    try {
      for await (const first of this.source) {
        const batch = [first as AllStreamResolvedEvent, ...this.drainBuffered()]
          .filter(isFact)
          .map(toRecordedEvent)
          // The server's start is exclusive already; this guards a server that repeats the checkpoint.
          .filter((event: RecordedEvent) => event.position > after);
        if (this.stopped) return;
        if (batch.length > 0) await this.options.onEvents(batch);
      }
    } catch (error) {
      if (!this.stopped) (this.options.onError ?? rethrowOutside)(error);
    }
  }

  private drainBuffered(): AllStreamResolvedEvent[] {
    const buffered: AllStreamResolvedEvent[] = [];
    for (let next; buffered.length < MAX_BATCH - 1 && (next = this.source.read()) !== null; ) {
      buffered.push(next as AllStreamResolvedEvent);
    }
    return buffered;
  }
}

/** Without an error handler a failed subscription must not fail silently. */
const rethrowOutside = (error: unknown): void =>
  process.nextTick(() => {
    throw error;
  });
