import { CollectionDefinition, Query, UndeclaredQuery } from './read-model.port';

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;
const COLLECTION = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * The fields a collection may be queried on: `id` and every field of its declared indexes; and
 * the indexes themselves, which a bulk load drops and builds again.
 */
export class DeclaredFields {
  private readonly byCollection = new Map<string, Set<string>>();
  private readonly indexes = new Map<string, Map<string, string[]>>();

  /** Records the definition (merged with earlier ones); field names must be plain identifiers. */
  add(definition: CollectionDefinition): void {
    if (!COLLECTION.test(definition.name)) {
      throw new Error(`collection name ${JSON.stringify(definition.name)} must be letters, digits, _ or -`);
    }
    const fields = this.byCollection.get(definition.name) ?? new Set(['id']);
    for (const index of definition.indexes) {
      if (index.length === 0) throw new Error(`collection ${definition.name}: an index needs at least one field`);
      index.forEach((field) => fields.add(assertName(field, 'field')));
    }
    this.byCollection.set(definition.name, fields);
    const indexes = this.indexes.get(definition.name) ?? new Map<string, string[]>();
    for (const index of definition.indexes) indexes.set(index.join('\u0000'), index);
    this.indexes.set(definition.name, indexes);
  }

  /** Every index declared for the collection so far. */
  indexesOf(collection: string): string[][] {
    this.assertDefined(collection);
    return [...this.indexes.get(collection)!.values()];
  }

  assertDefined(collection: string): void {
    if (!this.byCollection.has(collection)) throw new UndeclaredQuery(`collection ${collection} is not defined`);
  }

  /** Throws unless every field the query filters or sorts on is declared. */
  assertQueryable(collection: string, query: Query): void {
    const fields = this.byCollection.get(collection);
    if (!fields) throw new UndeclaredQuery(`collection ${collection} is not defined`);
    const used = [...Object.keys(query.where ?? {}).filter((field) => query.where?.[field] !== undefined), ...(query.orderBy ?? []).map(([field]) => field)];
    for (const field of used) {
      if (!fields.has(field)) {
        throw new UndeclaredQuery(`collection ${collection}: ${field} is not in a declared index (declared: ${[...fields].join(', ')})`);
      }
    }
    for (const [, direction] of query.orderBy ?? []) {
      if (direction !== 'asc' && direction !== 'desc') throw new UndeclaredQuery(`order must be asc or desc, not ${String(direction)}`);
    }
  }
}

function assertName(name: string, what: string): string {
  if (!FIELD.test(name)) throw new Error(`${what} name ${JSON.stringify(name)} must be a plain identifier`);
  return name;
}
