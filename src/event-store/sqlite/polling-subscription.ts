import { RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';

export interface SubscriptionSource {
  /** Up to `maxCount` events strictly after `after`, in log order. */
  readPage(after: number, maxCount: number): RecordedEvent[];
  pageSize: number;
  /** Another process may append to the same file: look for new positions at least this often. */
  pollIntervalMs: number;
}

/**
 * Catches up a page at a time, then waits for new events: woken at once by a commit in this
 * process, or by the poll timer for commits made by other processes.
 */
export class PollingSubscription implements Subscription {
  private stopped = false;
  private wake?: () => void;
  private readonly running: Promise<void>;

  constructor(
    private readonly source: SubscriptionSource,
    private readonly options: SubscribeOptions,
    onEnded: () => void,
  ) {
    this.running = this.deliver().finally(onEnded);
  }

  /** A commit happened in this process. */
  notify(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
  }

  private async deliver(): Promise<void> {
    let checkpoint = this.options.after ?? 0;
    try {
      while (!this.stopped) {
        const page = this.source.readPage(checkpoint, this.source.pageSize);
        if (page.length === 0) {
          await this.sleep();
          continue;
        }
        await this.options.onEvents(page);
        checkpoint = page[page.length - 1].position;
      }
    } catch (error) {
      this.stopped = true;
      (this.options.onError ?? rethrowOutside)(error);
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake?.(), this.source.pollIntervalMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }
}

/** Without an error handler a failed subscription must not fail silently, as with an EventEmitter. */
const rethrowOutside = (error: unknown): void =>
  process.nextTick(() => {
    throw error;
  });
