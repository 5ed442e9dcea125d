import type { EventStore, RecordedEvent, Subscription } from '../../event-store/event-store.port';
import type { Projection } from '../projection';
import type { ReadModelStore } from '../read-model.port';
import type { CommittedBudget } from './committed-budget';
import { storedVersion, versionOf, versionWrite } from './projection-versions';
import { CommittedDocuments, StagedUnitOfWork } from './unit-of-work';

/** `rebuilding`: catching up from position zero because the stored model is of another version. */
export type ProjectionStatus = 'stopped' | 'catching-up' | 'rebuilding' | 'live' | 'failed';

export interface RunnerOptions {
  /** Events per commit while catching up. */
  batchSize: number;
  /** First wait before restarting a failed projection; doubles up to 30 s. */
  retryMs: number;
  onCommitted: (projection: string, position: number) => void;
  onError: (projection: string, error: unknown) => void;
  /** Bounds what this runner keeps of its commits together with the other runners'. */
  committedBudget: CommittedBudget;
}

/**
 * Runs one projection from its stored checkpoint: catches up in large batches read from the log,
 * then follows it live through a subscription. Each batch is applied to a unit of work and
 * committed with the position of its last event, expecting the checkpoint it started from. A
 * stored model built by another version of the projection is reset first and rebuilt from zero;
 * the first commit after a reset records the projection's version with its checkpoint.
 */
export class ProjectionRunner {
  status: ProjectionStatus = 'stopped';
  checkpoint: number | undefined;
  lastError?: string;
  private subscription?: Subscription;
  private retry?: NodeJS.Timeout;
  private failures = 0;
  private running = false;
  private current: Promise<void> = Promise.resolve();
  /** What this runner last committed, read by the next batch instead of the store. */
  private readonly committed: CommittedDocuments;
  /** The types the projection reads, when it reads only some (Projection.eventTypes). */
  private readonly types?: ReadonlySet<string>;
  /** The next commit records the projection's version: the model is being built from empty. */
  private versionToRecord = false;

  constructor(
    readonly projection: Projection,
    private readonly eventStore: EventStore,
    private readonly readModels: ReadModelStore,
    private readonly options: RunnerOptions,
  ) {
    versionOf(projection);
    this.committed = new CommittedDocuments(options.committedBudget);
    if (projection.eventTypes) this.types = new Set(projection.eventTypes);
  }

  /** Starts in the background: catch up, then follow live; failures are retried with backoff. */
  start(): void {
    this.running = true;
    this.current = this.run();
  }

  /** Stops after the batch in flight (if any) committed or failed. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.retry);
    await this.current;
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    this.status = 'stopped';
  }

  /**
   * Applies the log from the stored checkpoint until nothing follows (or `stop` was called while
   * running); `onBatch` after each commit.
   */
  async catchUp(onBatch?: (position: number, events: number) => void): Promise<void> {
    const interruptible = this.running;
    this.checkpoint = await this.readModels.checkpoint(this.projection.name);
    for (;;) {
      if (interruptible && !this.running) return;
      const events = await this.eventStore.readAll({ after: this.checkpoint ?? 0, maxCount: this.options.batchSize });
      if (events.length === 0) return;
      await this.applyAndCommit(events);
      onBatch?.(this.checkpoint!, events.length);
      // The embedded stores answer synchronously: without this the catch-up would hold the event
      // loop (and every HTTP request of `serve`) until the whole log was applied.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** The projection's collections and checkpoint were just reset: it starts again from nothing. */
  startEmpty(): void {
    this.checkpoint = undefined;
    this.committed.startEmpty();
    this.versionToRecord = true;
  }

  /** Another process or thread commits this projection now: what this runner remembers may not hold. */
  forget(): void {
    this.committed.clear();
  }

  /**
   * Applies the events of the types the projection reads and commits the checkpoint at `position`:
   * the events up to there are applied or passed over (of other types, or not read at all).
   */
  async applyAndCommit(events: RecordedEvent[], position = events[events.length - 1].position): Promise<void> {
    // The committed documents hold only if the batch starts where this runner last committed.
    if (!this.committed.holds(this.checkpoint)) this.committed.clear();
    const unitOfWork = new StagedUnitOfWork(this.readModels, this.committed);
    const types = this.types;
    const applied = types ? events.filter((event) => types.has(event.type)) : events;
    if (applied.length > 0) await this.projection.apply(applied, unitOfWork);
    const writes = unitOfWork.writes();
    if (this.versionToRecord) writes.push(versionWrite(this.projection));
    try {
      await this.readModels.commit(this.projection.name, position, writes, { previous: this.checkpoint });
    } catch (error) {
      this.committed.clear();
      throw error;
    }
    this.committed.committed(position, writes);
    this.versionToRecord = false;
    this.checkpoint = position;
    this.options.onCommitted(this.projection.name, position);
  }

  private async run(): Promise<void> {
    try {
      const stale = await this.staleVersion();
      if (stale === undefined) {
        this.status = 'catching-up';
        await this.catchUp();
      } else {
        await this.rebuildFrom(stale);
      }
      if (!this.running) return;
      // Live batches are small: what the catch-up kept (and every document it knew committed since
      // a reset) would only hold the server's memory.
      this.committed.clear();
      this.status = 'live';
      this.failures = 0;
      this.lastError = undefined;
      this.subscription = this.eventStore.subscribeToAll({
        after: this.checkpoint ?? 0,
        onEvents: (events) => this.applyAndCommit(events),
        onError: (error) => this.fail(error),
      });
    } catch (error) {
      this.fail(error);
    }
  }

  /**
   * The version the stored model was built by, when it is not the projection's. A store without a
   * checkpoint for it holds nothing of it: its first commit records the version.
   */
  private async staleVersion(): Promise<number | undefined> {
    const stored = await storedVersion(this.readModels, this.projection.name);
    if (stored === versionOf(this.projection)) return undefined;
    if ((await this.readModels.checkpoint(this.projection.name)) !== undefined) return stored;
    this.versionToRecord = true;
    return undefined;
  }

  /**
   * Resets the model and catches up from zero as a bulk load (indexes built once at the end). A
   * stop or a crash meanwhile leaves a checkpoint and the new version committed together (or the
   * old version and an empty model): a restart resumes or starts the rebuild again.
   */
  private async rebuildFrom(stored: number): Promise<void> {
    const { name } = this.projection;
    this.status = 'rebuilding';
    console.log(`projection ${name} rebuilding: version ${stored} → ${versionOf(this.projection)}`);
    const collections = this.projection.collections.map((collection) => collection.name);
    await this.readModels.reset(name, collections);
    this.startEmpty();
    await this.readModels.bulkLoad(collections, () => this.catchUp());
  }

  private fail(error: unknown): void {
    this.status = 'failed';
    this.lastError = error instanceof Error ? error.message : String(error);
    this.options.onError(this.projection.name, error);
    const subscription = this.subscription;
    this.subscription = undefined;
    if (!this.running) return;
    const delay = Math.min(this.options.retryMs * 2 ** this.failures++, 30_000);
    // The subscription's handler is what failed: it has stopped delivering by now.
    void subscription?.stop().catch(() => undefined);
    this.retry = setTimeout(() => (this.current = this.run()), delay);
  }
}
