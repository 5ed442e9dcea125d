import type { EventStore } from '../../event-store/event-store.port';
import type { ReadModelStore } from '../read-model.port';
import { lastEventAfter } from './log-head';

export interface WaitOptions {
  /** The projections to wait for; all of them by default. */
  projections?: string[];
  /** Default 5 s. */
  timeoutMs?: number;
}

export class ProjectionTimeout extends Error {
  constructor(
    readonly position: number,
    readonly behind: string[],
  ) {
    super(`projections ${behind.join(', ')} did not reach log position ${position} in time`);
    this.name = 'ProjectionTimeout';
  }
}

/**
 * Read-your-writes: resolves once the projections have applied the log up to a position. Reads the
 * stored checkpoints, so it works in an API process whose projections run in a separate worker;
 * a local engine wakes it on each commit, otherwise it polls.
 */
export class ProjectionProgress {
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly eventStore: EventStore,
    private readonly readModels: ReadModelStore,
    private readonly projections: string[],
    private readonly pollMs = 20,
  ) {}

  /** A projection committed in this process. */
  notify(): void {
    this.waiters.forEach((wake) => wake());
  }

  async waitFor(position: number, options: WaitOptions = {}): Promise<void> {
    const names = options.projections ?? this.projections;
    const deadline = Date.now() + (options.timeoutMs ?? 5_000);
    for (;;) {
      const behind = await this.behind(names, position);
      if (behind.length === 0) return;
      if (Date.now() >= deadline) throw new ProjectionTimeout(position, behind);
      await this.nextCommitOrPoll(deadline);
    }
  }

  /** Waits until the projections have applied everything the log held when called. */
  async waitForHead(options: WaitOptions = {}): Promise<void> {
    const head = await lastEventAfter(this.eventStore);
    if (head) await this.waitFor(head.position, options);
  }

  /**
   * A projection has reached the position when its checkpoint is there, or when no event lies
   * between its checkpoint and the position (the position may be a system event, never delivered).
   */
  private async behind(names: string[], position: number): Promise<string[]> {
    const reached = await Promise.all(
      names.map(async (name) => {
        const checkpoint = (await this.readModels.checkpoint(name)) ?? 0;
        if (checkpoint >= position) return true;
        const [next] = await this.eventStore.readAll({ after: checkpoint, maxCount: 1 });
        return next === undefined || next.position > position;
      }),
    );
    return names.filter((_, i) => !reached[i]);
  }

  private nextCommitOrPoll(deadline: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, Math.max(1, Math.min(this.pollMs, deadline - Date.now())));
      this.waiters.add(wake);
    });
  }
}
