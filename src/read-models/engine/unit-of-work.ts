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
  private readonly entries = new Map<string, string | typeof DELETED>();
  private size = 0;
  /** Every key committed since the collections were empty; undefined when not known from empty. */
  private everCommitted?: Set<string>;

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
    this.everCommitted = new Set();
  }

  /** The committed JSON (`null`: known absent), or undefined when not known here. */
  lookup(collection: string, id: string): string | typeof DELETED | undefined {
    const key = `${collection}\u0000${id}`;
    const json = this.entries.get(key);
    if (json !== undefined) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, json);
      return json;
    }
    return this.everCommitted && !this.everCommitted.has(key) ? DELETED : undefined;
  }

  /** Records a successful commit: its writes as the store now holds them, at its checkpoint. */
  committed(at: number, writes: ReadModelWrite[]): void {
    this.known = true;
    this.at = at;
    for (const write of writes) {
      const id = write.kind === 'put' ? write.document.id : write.id;
      const key = `${write.collection}\u0000${id}`;
      this.size -= charsOf(key, this.entries.get(key));
      this.entries.delete(key);
      this.everCommitted?.add(key);
      // A put without its JSON text is not kept: what was kept of it is stale now.
      const json = write.kind === 'put' ? write.json : DELETED;
      if (json === undefined || typeof json === 'function') continue;
      this.entries.set(key, json);
      this.size += charsOf(key, json);
    }
    if ((this.everCommitted?.size ?? 0) > this.maxKeys) this.everCommitted = undefined;
    this.budget.settle();
  }

  evictOldest(chars: number): number {
    let released = 0;
    for (const [key, json] of this.entries) {
      if (released >= chars) break;
      this.entries.delete(key);
      released += charsOf(key, json);
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
  }
}

/** What an entry holds: its key and its JSON (a known-absent document, its key alone). */
const charsOf = (key: string, json: string | typeof DELETED | undefined): number =>
  json === undefined ? 0 : key.length + (json?.length ?? 0);

/**
 * One batch's view of the read model: reads go through to the runner's committed documents or
 * the store once and are remembered, writes are staged (the last one per document wins, so a
 * document staged many times is serialised once) and handed to the store's commit together with
 * the checkpoint. Only this projection writes its collections, so what it read stays true until
 * its own commit. Each document a read returns is this batch's own copy (parsed afresh).
 */
export class StagedUnitOfWork implements ProjectionUnitOfWork {
  private readonly documents = new Map<string, Map<string, Document | typeof DELETED>>();
  private readonly written = new Map<string, Set<string>>();
  /** Documents read and found, by collection: the ones worth keeping once committed. */
  private readonly found = new Map<string, Set<string>>();
  /** The JSON a put came with, by collection and ID, while the document stands as put. */
  private readonly json = new Map<string, Map<string, DocumentJson>>();

  /** `committed`, when given, must hold the state at the checkpoint the batch starts from. */
  constructor(
    private readonly store: ReadModelStore,
    private readonly committed?: CommittedDocuments,
  ) {}

  async get<T extends Document>(collection: string, id: string): Promise<T | undefined> {
    const known = this.collection(collection);
    if (known.has(id)) return (known.get(id) ?? undefined) as T | undefined;
    const json = this.committed?.lookup(collection, id);
    if (json !== undefined) {
      const document = json === DELETED ? DELETED : (JSON.parse(json) as T);
      known.set(id, document);
      if (document) this.markFound(collection, id);
      return document ?? undefined;
    }
    const document = await this.store.get<T>(collection, id);
    // Another get for the same document may have raced this one, or a put landed meanwhile.
    if (!known.has(id)) {
      known.set(id, document ?? DELETED);
      if (document) this.markFound(collection, id);
    }
    return (known.get(id) ?? undefined) as T | undefined;
  }

  put(collection: string, document: Document, json?: DocumentJson): void {
    this.collection(collection).set(document.id, document);
    if (json === undefined) this.json.get(collection)?.delete(document.id);
    else kept(this.json, collection, () => new Map()).set(document.id, json);
    this.markWritten(collection, document.id);
  }

  delete(collection: string, id: string): void {
    this.collection(collection).set(id, DELETED);
    this.json.get(collection)?.delete(id);
    this.markWritten(collection, id);
  }

  /**
   * The staged writes, one per document touched. A put carries the JSON it was put with; when the
   * batch read and found the document, its JSON is made here, to be kept once committed, unless it
   * was put with a function making it (not worth keeping: see CommittedDocuments). The store makes
   * the others' as it writes them.
   */
  writes(): ReadModelWrite[] {
    const writes: ReadModelWrite[] = [];
    for (const [collection, ids] of this.written) {
      const documents = this.collection(collection);
      const found = this.found.get(collection);
      const given = this.json.get(collection);
      for (const id of ids) {
        const document = documents.get(id);
        if (!document) {
          writes.push({ kind: 'delete', collection, id });
          continue;
        }
        const json = given?.get(id);
        const text = found?.has(id) && typeof json !== 'function' ? jsonText(document, json) : json;
        writes.push(text === undefined ? { kind: 'put', collection, document } : { kind: 'put', collection, document, json: text });
      }
    }
    return writes;
  }

  private collection(name: string): Map<string, Document | typeof DELETED> {
    return kept(this.documents, name, () => new Map());
  }

  private markFound(collection: string, id: string): void {
    kept(this.found, collection, () => new Set()).add(id);
  }

  private markWritten(collection: string, id: string): void {
    kept(this.written, collection, () => new Set()).add(id);
  }
}

/** The value kept at `key`, made by `create` the first time it is asked for. */
function kept<V>(map: Map<string, V>, key: string, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = create()));
  return value;
}
