/** What a CommittedBudget asks of each cache it bounds. */
export interface BudgetedCache {
  /** Characters of JSON held. */
  readonly chars: number;
  /**
   * Drops least recently used documents, oldest first, until at least `chars` characters are
   * released or nothing is left; the characters released.
   */
  evictOldest(chars: number): number;
}

/**
 * Characters of committed JSON the runners of one engine keep between them: one bound for the
 * process, whatever the number of projections (JSON holding Arabic names takes two bytes a
 * character, so the default is at most 32 MB). Past it, the caches holding the most give up their
 * least recently used documents first, so a runner whose reads repeat (population cells) keeps
 * them while another's one-off reads (logs of persons met again) go.
 */
export class CommittedBudget {
  private readonly caches = new Set<BudgetedCache>();

  constructor(readonly maxChars = 16_000_000) {}

  join(cache: BudgetedCache): void {
    this.caches.add(cache);
  }

  /** Evicts until every cache together holds at most `maxChars`. */
  settle(): void {
    let total = 0;
    for (const cache of this.caches) total += cache.chars;
    while (total > this.maxChars) {
      let [largest, runnerUp]: Array<BudgetedCache | undefined> = [];
      for (const cache of this.caches) {
        if (!largest || cache.chars > largest.chars) [largest, runnerUp] = [cache, largest];
        else if (!runnerUp || cache.chars > runnerUp.chars) runnerUp = cache;
      }
      // The largest gives up documents until it is no longer the largest (at least one document)
      // or the total fits, in one pass: a pass per document rescanned the holes the evictions
      // before it left at the front of the cache, quadratic in the documents evicted at once
      // (3.3 s of a persons rebuild whose persons are spread across the log).
      const released = largest!.evictOldest(Math.min(total - this.maxChars, Math.max(1, largest!.chars - (runnerUp?.chars ?? 0))));
      if (released === 0) return;
      total -= released;
    }
  }
}
