import type { RecordedEvent } from '../../../event-store/event-store.port';
import { DeclaredFields } from '../../../read-models/declared-fields';
import type { Projection, ProjectionUnitOfWork } from '../../../read-models/projection';
import type { Condition, Document, Query, ReadModelStore, ReadModelWrite, Scalar } from '../../../read-models/read-model.port';

/**
 * A Map-backed read-model store for unit tests of projections and their queries: it answers
 * the port's queries by scanning, and refuses the same undeclared queries the real adapters do.
 */
export class MemoryReadModelStore implements ReadModelStore {
  readonly collections = new Map<string, Map<string, Document>>();
  private readonly fields = new DeclaredFields();
  private readonly checkpoints = new Map<string, number>();

  async define(collections: Array<{ name: string; indexes: string[][] }>): Promise<void> {
    for (const definition of collections) {
      this.fields.add(definition);
      if (!this.collections.has(definition.name)) this.collections.set(definition.name, new Map());
    }
  }

  async commit(projection: string, checkpoint: number, writes: ReadModelWrite[]): Promise<void> {
    for (const write of writes) {
      const documents = this.collection(write.collection);
      if (write.kind === 'put') documents.set(write.document.id, structuredClone(write.document));
      else documents.delete(write.id);
    }
    this.checkpoints.set(projection, checkpoint);
  }

  async checkpoint(projection: string): Promise<number | undefined> {
    return this.checkpoints.get(projection);
  }

  async get<T extends Document>(collection: string, id: string): Promise<T | undefined> {
    const document = this.collection(collection).get(id);
    return document === undefined ? undefined : (structuredClone(document) as T);
  }

  async getMany<T extends Document>(collection: string, ids: string[]): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    for (const id of ids) {
      const document = await this.get<T>(collection, id);
      if (document !== undefined) found.set(id, document);
    }
    return found;
  }

  async find<T extends Document>(collection: string, query: Query = {}): Promise<T[]> {
    this.fields.assertQueryable(collection, query);
    const matching = [...this.collection(collection).values()].filter((document) =>
      Object.entries(query.where ?? {}).every(([field, condition]) => holds(document[field], condition as Condition)),
    );
    const order = [...(query.orderBy ?? []), ['id', 'asc'] as ['id', 'asc']];
    matching.sort((a, b) => {
      for (const [field, direction] of order) {
        const c = compare(a[field] as Scalar, b[field] as Scalar);
        if (c !== 0) return direction === 'asc' ? c : -c;
      }
      return 0;
    });
    const start = query.offset ?? 0;
    return matching.slice(start, query.limit === undefined ? undefined : start + query.limit).map((d) => structuredClone(d) as T);
  }

  async count(collection: string, where: Query['where'] = {}): Promise<number> {
    return (await this.find(collection, { where })).length;
  }

  /** Scans hold no indexes to defer. */
  bulkLoad<T>(_collections: string[], load: () => Promise<T>): Promise<T> {
    return load();
  }

  async reset(projection: string, collections: string[]): Promise<void> {
    for (const name of collections) this.collection(name).clear();
    this.checkpoints.delete(projection);
  }

  async close(): Promise<void> {}

  private collection(name: string): Map<string, Document> {
    this.fields.assertDefined(name);
    return this.collections.get(name)!;
  }
}

function compare(a: Scalar | undefined, b: Scalar | undefined): number {
  const x = a ?? null;
  const y = b ?? null;
  if (x === y) return 0;
  if (x === null) return -1;
  if (y === null) return 1;
  return x < y ? -1 : 1;
}

function holds(value: unknown, condition: Condition): boolean {
  const actual = (value ?? null) as Scalar;
  if (condition === null || typeof condition !== 'object') return actual === condition;
  if ('in' in condition) return condition.in.includes(actual);
  if (actual === null) return false;
  const { gte, gt, lte, lt } = condition;
  return (
    (gte === undefined || (gte !== null && actual >= gte)) &&
    (gt === undefined || (gt !== null && actual > gt)) &&
    (lte === undefined || (lte !== null && actual <= lte)) &&
    (lt === undefined || (lt !== null && actual < lt))
  );
}

/** Applies a batch through a unit of work that reads its own staged writes, then commits it. */
export async function applyBatch(store: ReadModelStore, projection: Projection, events: RecordedEvent[]): Promise<void> {
  const staged = new Map<string, Document | null>();
  const key = (collection: string, id: string) => `${collection}\u0000${id}`;
  const unitOfWork: ProjectionUnitOfWork = {
    async get<T extends Document>(collection: string, id: string) {
      const document = staged.get(key(collection, id));
      if (document !== undefined) return (document ?? undefined) as T | undefined;
      return store.get<T>(collection, id);
    },
    put(collection, document) {
      staged.set(key(collection, document.id), document);
    },
    delete(collection, id) {
      staged.set(key(collection, id), null);
    },
  };
  await projection.apply(events, unitOfWork);
  const writes: ReadModelWrite[] = [...staged].map(([k, document]) => {
    const [collection, id] = k.split('\u0000') as [string, string];
    return document === null ? { kind: 'delete', collection, id } : { kind: 'put', collection, document };
  });
  await store.commit(projection.name, events.at(-1)?.position ?? 0, writes);
}
