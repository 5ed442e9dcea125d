import type { ProjectionUnitOfWork } from '../../src/read-models/projection';
import { jsonText, type Document, type DocumentJson } from '../../src/read-models/read-model.port';

/**
 * A test double of the projection's unit of work over plain Maps, for the pure `apply` specs:
 * reads see the writes at once, and documents go in and out as JSON copies, as a store's would.
 */
export class MapUnitOfWork implements ProjectionUnitOfWork {
  readonly collections = new Map<string, Map<string, string>>();

  private collection(name: string): Map<string, string> {
    let collection = this.collections.get(name);
    if (!collection) this.collections.set(name, (collection = new Map()));
    return collection;
  }

  async get<T extends Document>(collection: string, id: string): Promise<T | undefined> {
    const json = this.collection(collection).get(id);
    return json === undefined ? undefined : (JSON.parse(json) as T);
  }

  put(collection: string, document: Document, json?: DocumentJson): void {
    this.collection(collection).set(document.id, jsonText(document, json));
  }

  delete(collection: string, id: string): void {
    this.collection(collection).delete(id);
  }

  /** Every document of a collection, by ID. */
  all<T extends Document>(collection: string): Map<string, T> {
    return new Map([...this.collection(collection)].map(([id, json]) => [id, JSON.parse(json) as T]));
  }
}
