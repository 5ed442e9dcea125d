import type { ProjectionUnitOfWork } from '../projection';
import type { Document, ReadModelStore, ReadModelWrite } from '../read-model.port';

const DELETED = null;

/**
 * One batch's view of the read model: reads go through to the store once and are remembered,
 * writes are staged (the last one per document wins) and handed to the store's commit together
 * with the checkpoint. Only this projection writes its collections, so what it read stays true
 * until its own commit.
 */
export class StagedUnitOfWork implements ProjectionUnitOfWork {
  private readonly documents = new Map<string, Map<string, Document | typeof DELETED>>();
  private readonly written = new Map<string, Set<string>>();

  constructor(private readonly store: ReadModelStore) {}

  async get<T extends Document>(collection: string, id: string): Promise<T | undefined> {
    const known = this.collection(collection);
    if (known.has(id)) return (known.get(id) ?? undefined) as T | undefined;
    const document = await this.store.get<T>(collection, id);
    // Another get for the same document may have raced this one, or a put landed meanwhile.
    if (!known.has(id)) known.set(id, document ?? DELETED);
    return (known.get(id) ?? undefined) as T | undefined;
  }

  put(collection: string, document: Document): void {
    this.collection(collection).set(document.id, document);
    this.markWritten(collection, document.id);
  }

  delete(collection: string, id: string): void {
    this.collection(collection).set(id, DELETED);
    this.markWritten(collection, id);
  }

  /** The staged writes, one per document touched. */
  writes(): ReadModelWrite[] {
    const writes: ReadModelWrite[] = [];
    for (const [collection, ids] of this.written) {
      const documents = this.collection(collection);
      for (const id of ids) {
        const document = documents.get(id);
        writes.push(document ? { kind: 'put', collection, document } : { kind: 'delete', collection, id });
      }
    }
    return writes;
  }

  private collection(name: string): Map<string, Document | typeof DELETED> {
    let documents = this.documents.get(name);
    if (!documents) this.documents.set(name, (documents = new Map()));
    return documents;
  }

  private markWritten(collection: string, id: string): void {
    let ids = this.written.get(collection);
    if (!ids) this.written.set(collection, (ids = new Set()));
    ids.add(id);
  }
}
