/**
 * Where projections keep what they derive from the log. Documents in named collections, read by
 * ID or by equality and range on declared indexes: small enough that the embedded SQLite store
 * and a MongoDB replica set implement it alike, and one contract suite runs against both.
 */

export type Scalar = string | number | boolean | null;

/** A document is plain JSON; `id` is its key within the collection. */
export type Document = Record<string, unknown> & { id: string };

export interface CollectionDefinition {
  name: string;
  /** Each index is a list of top-level scalar fields; queries may filter and sort only on them. */
  indexes: string[][];
}

export type Condition = Scalar | { in: Scalar[] } | { gte?: Scalar; gt?: Scalar; lte?: Scalar; lt?: Scalar };

/**
 * `id` and the fields of declared indexes may be filtered and sorted on; any other field is a
 * programming error (`UndeclaredQuery`). Results are ordered by `orderBy`, then by `id` ascending,
 * so pages are stable. `null` equality also matches a missing field.
 */
export interface Query {
  /** Every condition must hold (AND); a scalar means equality; an undefined condition is none. */
  where?: Record<string, Condition | undefined>;
  orderBy?: Array<[field: string, direction: 'asc' | 'desc']>;
  limit?: number;
  offset?: number;
}

/**
 * `JSON.stringify(document)` as its owner makes it, more cheaply than serialising the document
 * (text that parses to an equal document will do): the text, or what makes it when the store
 * writes it, so that a large document's text is not held meanwhile.
 */
export type DocumentJson = string | (() => string);

/** The document's JSON text: `json`'s, else the document serialised. */
export const jsonText = (document: Document, json?: DocumentJson): string =>
  json === undefined ? JSON.stringify(document) : typeof json === 'string' ? json : json();

export type ReadModelWrite =
  /** `json`, when given, is the document's: an adapter storing JSON writes it, one storing objects the document. */
  | { kind: 'put'; collection: string; document: Document; json?: DocumentJson }
  | { kind: 'delete'; collection: string; id: string };

/**
 * The checkpoint a batch was computed from. When given, `commit` refuses with
 * `CheckpointConflict` unless the stored checkpoint is still exactly that (undefined: none yet),
 * so two processes running the same projection can never both apply a batch.
 */
export interface CheckpointExpectation {
  previous: number | undefined;
}

export interface ReadModelStore {
  /**
   * Creates the collections and their indexes if missing (run at start; idempotent). `projection`
   * names the one that owns and commits them: a store may keep each projection's collections with
   * its checkpoint (the embedded one keeps a file per projection). A collection several projections
   * define holds documents of each, every projection writing only its own.
   */
  define(collections: CollectionDefinition[], projection?: string): Promise<void>;

  /**
   * Applies the writes and moves the projection's checkpoint (a log position) in one atomic
   * unit: after a crash either both happened or neither did, so no event is skipped or doubled.
   */
  commit(
    projection: string,
    checkpoint: number,
    writes: ReadModelWrite[],
    expectation?: CheckpointExpectation,
  ): Promise<void>;

  /** The log position the projection has applied up to; undefined before its first commit. */
  checkpoint(projection: string): Promise<number | undefined>;

  get<T extends Document>(collection: string, id: string): Promise<T | undefined>;
  getMany<T extends Document>(collection: string, ids: string[]): Promise<Map<string, T>>;
  find<T extends Document>(collection: string, query?: Query): Promise<T[]>;
  count(collection: string, where?: Query['where']): Promise<number>;

  /** Empties the collections and forgets the projection's checkpoint: a rebuild starts at zero. */
  reset(projection: string, collections: string[]): Promise<void>;

  /**
   * Runs `load`, a rebuild refilling these (just reset) collections from empty, with their
   * secondary indexes dropped and built again once it ends, even if it fails: one sorted build
   * instead of an index update per write. Queries meanwhile are answered, more slowly. Commits stay
   * atomic with their checkpoints. `define` builds again whatever indexes an interrupted load left
   * missing.
   */
  bulkLoad<T>(collections: string[], load: () => Promise<T>): Promise<T>;

  close(): Promise<void>;
}

/** Another process committed this projection since the batch began: nothing was written. */
export class CheckpointConflict extends Error {
  constructor(
    readonly projection: string,
    readonly expected: number | undefined,
    readonly actual: number | undefined,
  ) {
    super(`projection ${projection}: expected checkpoint ${String(expected)}, found ${String(actual)}`);
    this.name = 'CheckpointConflict';
  }
}

/** A query names a field that no declared index covers, or a collection never defined. */
export class UndeclaredQuery extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UndeclaredQuery';
  }
}
