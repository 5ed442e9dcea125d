import type Database from 'better-sqlite3';
import { DeclaredFields } from '../declared-fields';
import {
  CheckpointConflict,
  CheckpointExpectation,
  CollectionDefinition,
  Document,
  jsonText,
  Query,
  ReadModelStore,
  ReadModelWrite,
} from '../read-model.port';
import { columnOf, columnValue, defineCollection, dropIndexes, filledFields, openReadModelDatabase, tableOf } from './read-model-database';
import { orderClause, whereClause } from './sql-query';

interface WriteStatements {
  put: Database.Statement;
  delete: Database.Statement;
  /** The indexed fields the put fills, after `id` and `doc`. */
  fields: string[];
}

/**
 * The embedded read-model store: a table per collection holding each document as JSON, with a
 * column per indexed field (filled from the document by each put) and an index for each declared
 * index. Statements are prepared once and cached by their SQL; a commit is one transaction however
 * many writes it carries.
 */
export class SqliteReadModelStore implements ReadModelStore {
  private readonly db: Database.Database;
  private readonly fields = new DeclaredFields();
  private readonly statements = new Map<string, Database.Statement>();
  private readonly writes = new Map<string, WriteStatements>();
  private readonly commitTransaction: Database.Transaction<
    (projection: string, checkpoint: number, writes: ReadModelWrite[], expectation?: CheckpointExpectation) => void
  >;

  /** `busyTimeoutMs`: how long a commit waits while another connection writes (rebuild threads). */
  constructor(path: string, busyTimeoutMs?: number) {
    this.db = openReadModelDatabase(path, busyTimeoutMs);
    this.commitTransaction = this.db.transaction((projection, checkpoint, writes, expectation) => {
      if (expectation) {
        const actual = this.readCheckpoint(projection);
        if (actual !== expectation.previous) throw new CheckpointConflict(projection, expectation.previous, actual);
      }
      for (const write of writes) {
        const statements = this.writeStatements(write.collection);
        if (write.kind === 'put') {
          const { document } = write;
          statements.put.run(document.id, jsonText(document, write.json), ...statements.fields.map((field) => columnValue(document[field])));
        } else statements.delete.run(write.id);
      }
      this.statement(`INSERT INTO checkpoints (projection, position) VALUES (?, ?)
                      ON CONFLICT (projection) DO UPDATE SET position = excluded.position`).run(projection, checkpoint);
    });
  }

  async define(collections: CollectionDefinition[]): Promise<void> {
    // A new index adds a column the puts must fill.
    this.writes.clear();
    // IMMEDIATE, as every write here: a transaction that read the schema before another connection
    // (a rebuild thread) committed could not write after it.
    this.db.transaction(() => {
      for (const definition of collections) {
        this.fields.add(definition);
        defineCollection(this.db, definition.name, definition.indexes);
      }
    }).immediate();
  }

  async commit(projection: string, checkpoint: number, writes: ReadModelWrite[], expectation?: CheckpointExpectation): Promise<void> {
    // IMMEDIATE takes the write lock first, so the expectation is checked against the latest commit.
    this.commitTransaction.immediate(projection, checkpoint, writes, expectation);
  }

  async checkpoint(projection: string): Promise<number | undefined> {
    return this.readCheckpoint(projection);
  }

  async get<T extends Document>(collection: string, id: string): Promise<T | undefined> {
    this.fields.assertDefined(collection);
    const row = this.statement(`SELECT doc FROM ${tableOf(collection)} WHERE id = ?`).get(id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as T) : undefined;
  }

  async getMany<T extends Document>(collection: string, ids: string[]): Promise<Map<string, T>> {
    this.fields.assertDefined(collection);
    const rows = this.statement(
      `SELECT id, doc FROM ${tableOf(collection)} WHERE id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ids)) as Array<{ id: string; doc: string }>;
    return new Map(rows.map((row) => [row.id, JSON.parse(row.doc) as T]));
  }

  async find<T extends Document>(collection: string, query: Query = {}): Promise<T[]> {
    this.fields.assertQueryable(collection, query);
    const { sql, params } = whereClause(query.where);
    const paging = query.limit !== undefined || query.offset !== undefined ? ' LIMIT ? OFFSET ?' : '';
    if (paging) params.push(query.limit ?? -1, query.offset ?? 0);
    const rows = this.statement(`SELECT doc FROM ${tableOf(collection)}${sql}${orderClause(query.orderBy)}${paging}`).all(
      ...params,
    ) as Array<{ doc: string }>;
    return rows.map((row) => JSON.parse(row.doc) as T);
  }

  async count(collection: string, where: Query['where'] = {}): Promise<number> {
    this.fields.assertQueryable(collection, { where });
    const { sql, params } = whereClause(where);
    return (this.statement(`SELECT count(*) AS n FROM ${tableOf(collection)}${sql}`).get(...params) as { n: number }).n;
  }

  async reset(projection: string, collections: string[]): Promise<void> {
    this.db.transaction(() => {
      for (const collection of collections) {
        this.fields.assertDefined(collection);
        this.db.exec(`DELETE FROM ${tableOf(collection)}`);
      }
      this.statement('DELETE FROM checkpoints WHERE projection = ?').run(projection);
    }).immediate();
  }

  /**
   * Besides dropping the indexes, commits skip the sync (`synchronous = OFF`): the WAL is still
   * written before a commit counts, so a killed process loses nothing committed and each commit
   * stays atomic with its checkpoint, but an OS crash or power cut during the load may corrupt the
   * file (delete it and rebuild again). This halved SQLite's share of a rebuild. Once the load
   * ends, a checkpoint at NORMAL puts everything on disk.
   */
  async bulkLoad<T>(collections: string[], load: () => Promise<T>): Promise<T> {
    this.db.transaction(() => collections.forEach((collection) => dropIndexes(this.db, collection, this.fields.indexesOf(collection)))).immediate();
    this.db.pragma('synchronous = OFF');
    try {
      return await load();
    } finally {
      this.db.pragma('synchronous = NORMAL');
      this.db.transaction(() =>
        collections.forEach((collection) => defineCollection(this.db, collection, this.fields.indexesOf(collection))),
      ).immediate();
      this.db.pragma('wal_checkpoint(PASSIVE)');
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private readCheckpoint(projection: string): number | undefined {
    const row = this.statement('SELECT position FROM checkpoints WHERE projection = ?').get(projection) as
      | { position: number }
      | undefined;
    return row?.position;
  }

  /** The hot path of a commit: one upsert and one delete statement per collection. */
  private writeStatements(collection: string): WriteStatements {
    let statements = this.writes.get(collection);
    if (!statements) {
      this.fields.assertDefined(collection);
      const table = tableOf(collection);
      const fields = filledFields(this.db, collection);
      const columns = ['id', 'doc', ...fields.map(columnOf)];
      statements = {
        put: this.db.prepare(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
           ON CONFLICT (id) DO UPDATE SET ${columns.slice(1).map((column) => `${column} = excluded.${column}`).join(', ')}`,
        ),
        delete: this.db.prepare(`DELETE FROM ${table} WHERE id = ?`),
        fields,
      };
      this.writes.set(collection, statements);
    }
    return statements;
  }

  /** Queries differ only by shape, so few distinct SQL strings exist: each is prepared once. */
  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      // `in` lists of every length make new shapes: keep the cache bounded.
      if (this.statements.size >= 1_000) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
