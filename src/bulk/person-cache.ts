import type { PersonState } from '../domain/person/person-state';

/** A person as a committed batch left it: its state (the stream's log included), its revision and its idempotency keys. */
export interface CachedPerson {
  state: PersonState;
  /** The revision of the stream's last event, as committed. */
  revision: number;
  keys: readonly string[];
}

/**
 * The states of the persons a recorder committed recently, keyed by national ID, least recently
 * used evicted first: a long synth or import does not reload and re-fold every person it names in
 * every batch. Valid only while the recorder is the only writer to those streams; every write still
 * expects the cached revision, so another writer's append fails the batch, and the recorder then
 * drops the cache and decides the batch again from the store.
 */
export class PersonCache {
  private readonly entries = new Map<string, CachedPerson>();
  hits = 0;
  misses = 0;

  constructor(readonly limit: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(nationalId: string): CachedPerson | undefined {
    const entry = this.entries.get(nationalId);
    if (entry === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Most recently used last: Map iteration order is insertion order.
    this.entries.delete(nationalId);
    this.entries.set(nationalId, entry);
    return entry;
  }

  set(nationalId: string, entry: CachedPerson): void {
    if (this.limit <= 0) return;
    this.entries.delete(nationalId);
    this.entries.set(nationalId, entry);
    if (this.entries.size > this.limit) {
      const iterator = this.entries.keys();
      for (let excess = this.entries.size - this.limit; excess > 0; excess--) this.entries.delete(iterator.next().value as string);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
