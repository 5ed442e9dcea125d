import type Database from 'better-sqlite3';
import { mkdirSync } from 'fs';
import { DeclaredFields } from '../declared-fields';
import {
  CheckpointConflict,
  CheckpointExpectation,
  CollectionDefinition,
  Document,
  DocumentJson,
  jsonText,
  Query,
  ReadModelStore,
  ReadModelWrite,
} from '../read-model.port';
import { columnOf, columnValue, defineCollection, dropIndexes, filledFields, openReadModelConnection, quoted } from './read-model-database';
import { ReadModelFiles } from './read-model-files';
import { orderClause, whereClause } from './sql-query';

interface WriteStatements {
  put: Database.Statement;
  delete: Database.Statement;
  /** The indexed fields the put fills, after `id` and `doc`. */
  fields: string[];
}

/** One upsert: a collection without indexed fields binds the ID and JSON alone, with no array of values. */
function putDocument({ put, fields }: WriteStatements, document: Document, json: DocumentJson | undefined): void {
  if (fields.length === 0) put.run(document.id, jsonText(document, json));
  else put.run(document.id, jsonText(document, json), ...fields.map((field) => columnValue(document[field])));
}

/**
 * The embedded read-model store: a folder with a file per projection (ReadModelFiles), a table per
 * collection holding each document as JSON, with a column per indexed field (filled from the
 * document by each put) and an index for each declared index. Statements are prepared once and
 * cached by their SQL; a commit is one transaction however many writes it carries.
 */
export class SqliteReadModelStore implements ReadModelStore {
  private readonly db: Database.Database;
  private readonly files: ReadModelFiles;
  private readonly fields = new DeclaredFields();
  private readonly statements = new Map<string, Database.Statement>();
  private readonly writes = new Map<string, WriteStatements>();
  private readonly fileTransaction: Database.Transaction<(schemas: string[], write: () => void) => void>;

  /** `busyTimeoutMs`: how long a commit waits while another connection writes the same projection's file. */
  constructor(folder: string, busyTimeoutMs?: number) {
    mkdirSync(folder, { recursive: true });
    this.db = openReadModelConnection(busyTimeoutMs);
    this.files = new ReadModelFiles(this.db, folder);
    // Not BEGIN IMMEDIATE, which locks every file of the connection: a server's connection (every
    // projection's file) then locked, at each of its own commits, the files of the projections
    // catching up in rebuild threads, whose commits and index builds under load failed at once
    // with "database is locked". A transaction takes the locks of the files it writes and of no
    // other, first (a delete that deletes nothing), as IMMEDIATE would: it never has to turn a
    // read into a write, which fails without waiting, and what it reads is the latest commit.
    this.fileTransaction = this.db.transaction((schemas, write) => {
      for (const schema of schemas) this.statement(`DELETE FROM ${quoted(schema)}.checkpoints WHERE 0`).run();
      write();
    });
  }

  /**
   * `projection`, when given, owns the collections: they go in its file, with its checkpoint.
   * Every process must name the same owner as the one that wrote them (the engine does).
   */
  async define(collections: CollectionDefinition[], projection?: string): Promise<void> {
    const schema = projection === undefined ? this.files.shared() : this.files.ownedBy(projection);
    // A new index adds a column the puts must fill; a collection in a new file is read through a view.
    this.writes.clear();
    this.statements.clear();
    for (const definition of collections) this.files.place(definition.name, schema);
    // Every file holding one of these collections may get a new index.
    const homes = [...new Set(collections.flatMap((definition) => this.files.homesOf(definition.name)))];
    this.fileTransaction(homes, () => {
      for (const definition of collections) {
        this.fields.add(definition);
        const indexes = this.fields.indexesOf(definition.name);
        for (const home of this.files.homesOf(definition.name)) defineCollection(this.db, home, definition.name, indexes);
        this.files.unite(definition.name, indexes.flat());
      }
    });
  }

  async commit(projection: string, checkpoint: number, writes: ReadModelWrite[], expectation?: CheckpointExpectation): Promise<void> {
    const schema = this.files.of(projection);
    this.fileTransaction([schema], () => {
      if (expectation) {
        const actual = this.readCheckpoint(schema, projection);
        if (actual !== expectation.previous) throw new CheckpointConflict(projection, expectation.previous, actual);
      }
      // Writes come grouped by collection: its statements are looked up once a run.
      let collection: string | undefined;
      let statements: WriteStatements | undefined;
      for (const write of writes) {
        if (write.collection !== collection) {
          collection = write.collection;
          statements = this.writeStatements(schema, collection);
        }
        if (write.kind === 'delete') statements!.delete.run(write.id);
        else putDocument(statements!, write.document, write.json);
      }
      this.statement(`INSERT INTO ${quoted(schema)}.checkpoints (projection, position) VALUES (?, ?)
                      ON CONFLICT (projection) DO UPDATE SET position = excluded.position`).run(projection, checkpoint);
    });
  }

  async checkpoint(projection: string): Promise<number | undefined> {
    return this.readCheckpoint(this.files.of(projection), projection);
  }

  async get<T extends Document>(collection: string, id: string): Promise<T | undefined> {
    this.fields.assertDefined(collection);
    const row = this.statement(`SELECT doc FROM ${this.files.readTable(collection)} WHERE id = ?`).get(id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as T) : undefined;
  }

  async getMany<T extends Document>(collection: string, ids: string[]): Promise<Map<string, T>> {
    this.fields.assertDefined(collection);
    const rows = this.statement(
      `SELECT id, doc FROM ${this.files.readTable(collection)} WHERE id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ids)) as Array<{ id: string; doc: string }>;
    return new Map(rows.map((row) => [row.id, JSON.parse(row.doc) as T]));
  }

  async find<T extends Document>(collection: string, query: Query = {}): Promise<T[]> {
    this.fields.assertQueryable(collection, query);
    const { sql, params } = whereClause(query.where);
    const paging = query.limit !== undefined || query.offset !== undefined ? ' LIMIT ? OFFSET ?' : '';
    if (paging) params.push(query.limit ?? -1, query.offset ?? 0);
    const rows = this.statement(`SELECT doc FROM ${this.files.readTable(collection)}${sql}${orderClause(query.orderBy)}${paging}`).all(
      ...params,
    ) as Array<{ doc: string }>;
    return rows.map((row) => JSON.parse(row.doc) as T);
  }

  async count(collection: string, where: Query['where'] = {}): Promise<number> {
    this.fields.assertQueryable(collection, { where });
    const { sql, params } = whereClause(where);
    return (this.statement(`SELECT count(*) AS n FROM ${this.files.readTable(collection)}${sql}`).get(...params) as { n: number }).n;
  }

  async reset(projection: string, collections: string[]): Promise<void> {
    const schema = this.files.of(projection);
    this.fileTransaction([schema], () => {
      for (const collection of collections) {
        this.fields.assertDefined(collection);
        this.db.exec(`DELETE FROM ${this.files.writtenTable(collection, schema)}`);
      }
      this.statement(`DELETE FROM ${quoted(schema)}.checkpoints WHERE projection = ?`).run(projection);
    });
  }

  /**
   * Besides dropping the indexes, commits to the collections' files skip the sync (`synchronous =
   * OFF`): the WAL is still written before a commit counts, so a killed process loses nothing
   * committed and each commit stays atomic with its checkpoint, but an OS crash or power cut during
   * the load may corrupt a file (delete the folder and rebuild again). This halved SQLite's share of
   * a rebuild. Once the load ends, a checkpoint at NORMAL puts everything on disk.
   */
  async bulkLoad<T>(collections: string[], load: () => Promise<T>): Promise<T> {
    const homes = collections.flatMap((collection) => this.files.homesOf(collection).map((schema): [string, string] => [schema, collection]));
    const schemas = [...new Set(homes.map(([schema]) => schema))];
    this.fileTransaction(schemas, () => homes.forEach(([schema, collection]) => dropIndexes(this.db, schema, collection, this.fields.indexesOf(collection))));
    schemas.forEach((schema) => this.db.pragma(`${quoted(schema)}.synchronous = OFF`));
    let loaded: T;
    try {
      loaded = await load();
    } catch (error) {
      try {
        this.endBulkLoad(homes, schemas);
      } catch {
        // The load's error is the one told: the index build may have failed for the same cause
        // (a "database is locked" once looked like an index build's), and the next `define` builds
        // any index still missing.
      }
      throw error;
    }
    this.endBulkLoad(homes, schemas);
    return loaded;
  }

  /** Syncs again, builds the indexes the load went without, and puts what it wrote in the files. */
  private endBulkLoad(homes: Array<[string, string]>, schemas: string[]): void {
    schemas.forEach((schema) => this.db.pragma(`${quoted(schema)}.synchronous = NORMAL`));
    this.fileTransaction(schemas, () =>
      homes.forEach(([schema, collection]) => defineCollection(this.db, schema, collection, this.fields.indexesOf(collection))),
    );
    schemas.forEach((schema) => this.db.pragma(`${quoted(schema)}.wal_checkpoint(PASSIVE)`));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private readCheckpoint(schema: string, projection: string): number | undefined {
    const row = this.statement(`SELECT position FROM ${quoted(schema)}.checkpoints WHERE projection = ?`).get(projection) as
      | { position: number }
      | undefined;
    return row?.position;
  }

  /** The hot path of a commit: one upsert and one delete statement per collection and file. */
  private writeStatements(schema: string, collection: string): WriteStatements {
    const key = `${schema}.${collection}`;
    let statements = this.writes.get(key);
    if (!statements) {
      this.fields.assertDefined(collection);
      const table = this.files.writtenTable(collection, schema);
      const fields = filledFields(this.db, schema, collection);
      const columns = ['id', 'doc', ...fields.map(columnOf)];
      statements = {
        put: this.db.prepare(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
           ON CONFLICT (id) DO UPDATE SET ${columns.slice(1).map((column) => `${column} = excluded.${column}`).join(', ')}`,
        ),
        delete: this.db.prepare(`DELETE FROM ${table} WHERE id = ?`),
        fields,
      };
      this.writes.set(key, statements);
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
