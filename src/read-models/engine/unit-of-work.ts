import type { ProjectionUnitOfWork } from '../projection';
import { jsonText, type Document, type DocumentJson, type ReadModelStore, type ReadModelWrite } from '../read-model.port';
import { CommittedBudget, type BudgetedCache } from './committed-budget';

const DELETED = null;

/**
 * The documents one runner has committed, as the JSON it committed, kept across batches so the
 * next batch reads them without a store read (population cells and log-stats counters are read
 * by nearly every batch). Only documents a batch read and found are kept (those its writes carry
 * `json` text for): a document read once is read again, while a rebuild's new documents, most of
 * what it writes, are seldom read again, and their JSON is better made during the commit and
 * dropped at once than held. So are documents put with a function making their text (a person's
 * log): a projection says so of large documents met again only far down the log, long after the
 * budget would have evicted them. Bounded by the characters (keys and JSON) held with the other
 * runners' (a CommittedBudget), least recently used first out.
 *
 * It is true only of the checkpoint it was committed at: a unit of work uses it only when its
 * batch starts from that checkpoint (`holds`), and the runner forgets it whenever a commit fails.
 * As every commit expects the checkpoint its batch started from, a commit made elsewhere meanwhile
 * makes ours fail rather than land on stale reads; a commit elsewhere that left the same
 * checkpoint applied the same events, and a projection is deterministic in its events.
 *
 * After a reset (`startEmpty`) it also remembers every document ever committed since, so a
 * document never committed is known not to exist: a rebuild does not ask the store for the
 * thousands of documents its batches create. Up to `maxKeys` documents (a million persons' logs,
 * views and edges would hold hundreds of megabytes); past that, reads go to the store again.
 */
export class CommittedDocuments implements BudgetedCache {
  private known = false;
  private at: number | undefined;
  /**
   * By collection, then ID: a key joined from both for each of a rebuild's hundreds of thousands
   * of writes was half of this bookkeeping's cost. Each collection's in the order last used,
   * oldest first; `used` orders them across collections.
   */
  private readonly entries = new Map<string, Map<string, Kept>>();
  private uses = 0;
  private size = 0;
  /** The IDs committed since the collections were empty, by collection; undefined when not known from empty. */
  private everCommitted?: Map<string, Set<string>>;
  private everCommittedCount = 0;

  constructor(
    private readonly budget = new CommittedBudget(),
    private readonly maxKeys = 1_000_000,
  ) {
    budget.join(this);
  }

  get chars(): number {
    return this.size;
  }

  /** Whether this is the state at `checkpoint`, the checkpoint a batch starts from. */
  holds(checkpoint: number | undefined): boolean {
    return this.known && this.at === checkpoint;
  }

  /** The projection's collections were just emptied and its checkpoint forgotten. */
  startEmpty(): void {
    this.clear();
    this.known = true;
    this.everCommitted = new Map();
  }

  /** The committed JSON (`null`: known absent), or undefined when not known here. */
  lookup(collection: string, id: string): string | typeof DELETED | undefined {
    const documents = this.entries.get(collection);
    const entry = documents?.get(id);
    if (entry !== undefined) {
      // Most recently used last.
      documents!.delete(id);
      entry.used = ++this.uses;
      documents!.set(id, entry);
      return entry.json;
    }
    if (this.everCommitted === undefined) return undefined;
    return this.everCommitted.get(collection)?.has(id) ? undefined : DELETED;
  }

  /** Records a successful commit: its writes as the store now holds them, at its checkpoint. */
  committed(at: number, writes: ReadModelWrite[]): void {
    this.known = true;
    this.at = at;
    // Writes come grouped by collection: each collection's maps are looked up once a run.
    let collection: string | undefined;
    let documents: Map<string, Kept> | undefined;
    let ever: Set<string> | undefined;
    for (const write of writes) {
      if (write.collection !== collection) {
        collection = write.collection;
        documents = this.entries.get(collection);
        ever = this.everCommitted && kept(this.everCommitted, collection, () => new Set());
      }
      const id = write.kind === 'put' ? write.document.id : write.id;
      const stale = documents?.get(id);
      if (stale !== undefined) {
        this.size -= charsOf(collection, id, stale.json);
        documents!.delete(id);
      }
      if (ever !== undefined) {
        const before = ever.size;
        this.everCommittedCount += ever.add(id).size - before;
      }
      // A put without its JSON text is not kept: what was kept of it is stale now.
      const json = write.kind === 'put' ? write.json : DELETED;
      if (json === undefined || typeof json === 'function') continue;
      documents ??= kept(this.entries, collection, () => new Map());
      documents.set(id, { json, used: ++this.uses });
      this.size += charsOf(collection, id, json);
    }
    if (this.everCommittedCount > this.maxKeys) this.everCommitted = undefined;
    this.budget.settle();
  }

  evictOldest(chars: number): number {
    // One iterator per collection for the whole pass (a new one per document would walk again
    // over the holes the evictions before it left), the oldest of their heads going first.
    const heads = [...this.entries].map(([collection, documents]) => {
      const iterator = documents.entries();
      return { collection, documents, iterator, head: iterator.next() };
    });
    let released = 0;
    while (released < chars) {
      let oldest: (typeof heads)[number] | undefined;
      for (const head of heads) {
        if (!head.head.done && (oldest === undefined || head.head.value[1].used < oldest.head.value![1].used)) oldest = head;
      }
      if (oldest === undefined) break;
      const [id, entry] = oldest.head.value!;
      oldest.documents.delete(id);
      released += charsOf(oldest.collection, id, entry.json);
      oldest.head = oldest.iterator.next();
    }
    this.size -= released;
    return released;
  }

  clear(): void {
    this.entries.clear();
    this.size = 0;
    this.known = false;
    this.at = undefined;
    this.everCommitted = undefined;
    this.everCommittedCount = 0;
  }
}

/** A document kept: its committed JSON (null: known absent) and when it was last used. */
interface Kept {
  json: string | typeof DELETED;
  used: number;
}

/** What an entry holds: its key (collection, a separator, ID) and its JSON (a known-absent document, its key alone). */
const charsOf = (collection: string, id: string, json: string | typeof DELETED): number =>
  collection.length + 1 + id.length + (json?.length ?? 0);

/**
 * One batch's view of the read model: reads go through to the runner's committed documents or
 * the store once and are remembered, writes are staged (the last one per document wins, so a
 * document staged many times is serialised once) and handed to the store's commit together with
 * the checkpoint. Only this projection writes its collections, so what it read stays true until
 * its own commit. Each document a read returns is this batch's own copy (parsed afresh).
 */
export class StagedUnitOfWork implements ProjectionUnitOfWork {
  private readonly staged = new Map<string, StagedCollection>();
  /** The collections written, in the order of their first write (the order of the commit's writes). */
  private readonly written: StagedCollection[] = [];
  /** The collection last touched: a batch mostly touches one collection many times in a row. */
  private last?: StagedCollection;

  /** `committed`, when given, must hold the state at the checkpoint the batch starts from. */
  constructor(
    private readonly store: ReadModelStore,
    private readonly committed?: CommittedDocuments,
  ) {}

  async get<T extends Document>(collection: string, id: string): Promise<T | undefined> {
    const staged = this.collection(collection);
    const known = staged.documents;
    if (known.has(id)) return (known.get(id) ?? undefined) as T | undefined;
    const json = this.committed?.lookup(collection, id);
    if (json !== undefined) {
      const document = json === DELETED ? DELETED : (JSON.parse(json) as T);
      known.set(id, document);
      if (document) staged.found.add(id);
      return document ?? undefined;
    }
    const document = await this.store.get<T>(collection, id);
    // Another get for the same document may have raced this one, or a put landed meanwhile.
    if (!known.has(id)) {
      known.set(id, document ?? DELETED);
      if (document) staged.found.add(id);
    }
    return (known.get(id) ?? undefined) as T | undefined;
  }

  put(collection: string, document: Document, json?: DocumentJson): void {
    const staged = this.collection(collection);
    staged.documents.set(document.id, document);
    if (json !== undefined) staged.json.set(document.id, json);
    else if (staged.json.size > 0) staged.json.delete(document.id);
    this.markWritten(staged, document.id);
  }

  delete(collection: string, id: string): void {
    const staged = this.collection(collection);
    staged.documents.set(id, DELETED);
    staged.json.delete(id);
    this.markWritten(staged, id);
  }

  /**
   * The staged writes, one per document touched. A put carries the JSON it was put with; when the
   * batch read and found the document, its JSON is made here, to be kept once committed, unless it
   * was put with a function making it (not worth keeping: see CommittedDocuments). The store makes
   * the others' as it writes them.
   */
  writes(): ReadModelWrite[] {
    const writes: ReadModelWrite[] = [];
    for (const { name: collection, documents, written, found, json: given } of this.written) {
      for (const id of written) {
        const document = documents.get(id);
        if (!document) {
          writes.push({ kind: 'delete', collection, id });
          continue;
        }
        const json = given.get(id);
        const text = found.has(id) && typeof json !== 'function' ? jsonText(document, json) : json;
        writes.push(text === undefined ? { kind: 'put', collection, document } : { kind: 'put', collection, document, json: text });
      }
    }
    return writes;
  }

  private collection(name: string): StagedCollection {
    if (this.last?.name === name) return this.last;
    return (this.last = kept(this.staged, name, () => new StagedCollection(name)));
  }

  private markWritten(staged: StagedCollection, id: string): void {
    if (staged.written.size === 0) this.written.push(staged);
    staged.written.add(id);
  }
}

/** What a batch holds of one collection. */
class StagedCollection {
  readonly documents = new Map<string, Document | typeof DELETED>();
  readonly written = new Set<string>();
  /** Documents read and found: the ones worth keeping once committed. */
  readonly found = new Set<string>();
  /** The JSON a put came with, by ID, while the document stands as put. */
  readonly json = new Map<string, DocumentJson>();

  constructor(readonly name: string) {}
}

/** The value kept at `key`, made by `create` the first time it is asked for. */
function kept<V>(map: Map<string, V>, key: string, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = create()));
  return value;
}
