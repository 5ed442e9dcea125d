import type { ProjectionUnitOfWork } from '../../read-models/projection';
import type { Condition, Document, Query, Scalar } from '../../read-models/read-model.port';

function holds(value: unknown, condition: Condition): boolean {
  if (condition === null || typeof condition !== 'object') return value === condition;
  if ('in' in condition) return condition.in.includes(value as Scalar);
  const v = value as number | string;
  const { gte, gt, lte, lt } = condition as { gte?: Scalar; gt?: Scalar; lte?: Scalar; lt?: Scalar };
  return (gte == null || v >= gte) && (gt == null || v > gt) && (lte == null || v <= lte) && (lt == null || v < lt);
}

/**
 * Read-model documents held in memory, with the reads the population queries make and a unit of
 * work that commits with its checkpoint. Tests use it to drive a projection's `apply`; the
 * statistics routes use it until the projection engine serves them from the durable store.
 */
export class MemoryDocuments {
  private readonly collections = new Map<string, Map<string, Document>>();
  position: number | undefined;

  private collection(name: string): Map<string, Document> {
    let documents = this.collections.get(name);
    if (!documents) this.collections.set(name, (documents = new Map()));
    return documents;
  }

  async get<T extends Document>(collection: string, id: string): Promise<T | undefined> {
    return this.collection(collection).get(id) as T | undefined;
  }

  async find<T extends Document>(collection: string, query: Query = {}): Promise<T[]> {
    const conditions = Object.entries(query.where ?? {});
    const found: T[] = [];
    for (const document of this.collection(collection).values()) {
      if (conditions.every(([field, condition]) => holds(document[field], condition!))) found.push(document as T);
    }
    return found;
  }

  findAll(collection: string): Document[] {
    return [...this.collection(collection).values()];
  }

  size(collection: string): number {
    return this.collection(collection).size;
  }

  /** Staged writes, visible to the batch's reads, applied with the checkpoint on `commit`. */
  unitOfWork(): ProjectionUnitOfWork & { commit(position?: number): void } {
    const staged = new Map<string, Document | null>();
    // Each document read is the batch's own copy, as the port says: changed in place, it counts once put.
    const read = new Map<string, Document | undefined>();
    const key = (collection: string, id: string) => `${collection}\u0000${id}`;
    return {
      get: async <T extends Document>(collection: string, id: string) => {
        const at = key(collection, id);
        const write = staged.get(at);
        if (write !== undefined) return (write ?? undefined) as T | undefined;
        if (!read.has(at)) {
          const stored = this.collection(collection).get(id);
          read.set(at, stored && structuredClone(stored));
        }
        return read.get(at) as T | undefined;
      },
      put: (collection, document) => void staged.set(key(collection, document.id), document),
      delete: (collection, id) => void staged.set(key(collection, id), null),
      commit: (position) => {
        for (const [staging, document] of staged) {
          const [collection, id] = staging.split('\u0000') as [string, string];
          if (document) this.collection(collection).set(id, document);
          else this.collection(collection).delete(id);
        }
        if (position !== undefined) this.position = position;
      },
    };
  }
}
