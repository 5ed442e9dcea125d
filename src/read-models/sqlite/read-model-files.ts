import type Database from 'better-sqlite3';
import { join } from 'path';
import { attachReadModelFile, columnOf, quoted, tableOf } from './read-model-database';

/** The file of the collections no projection was named for (tests, benches), and their checkpoints. */
const UNOWNED = 'unowned';
const PROJECTION = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * Which file of the store's folder holds what: each projection's collections, checkpoint and
 * version in `<projection>.sqlite`, so that each projection's commit is one file's transaction
 * (SQLite makes a transaction atomic across WAL files only file by file) and two connections
 * writing different projections never wait on one lock nor empty each other's page cache.
 * A file is attached the first time its projection is named, so a rebuild thread holds only its
 * own projections' files. A collection several projections define (the engine's versions) has a
 * table in each of their files, each projection writing its own documents, and is read through a
 * view of them all.
 */
export class ReadModelFiles {
  private readonly owned = new Map<string, string>();
  private unowned?: string;
  private readonly homes = new Map<string, string[]>();

  constructor(
    private readonly db: Database.Database,
    private readonly folder: string,
  ) {}

  /** The schema of the projection's own file, attached now if it was not. */
  ownedBy(projection: string): string {
    if (!PROJECTION.test(projection)) throw new Error(`projection name ${JSON.stringify(projection)} must be letters, digits, _ or -`);
    let schema = this.owned.get(projection);
    if (schema === undefined) {
      schema = this.attach(`p_${projection}`, `${projection}.sqlite`);
      this.owned.set(projection, schema);
    }
    return schema;
  }

  /** The schema a projection commits to and keeps its checkpoint in: its own file once named, else the shared one. */
  of(projection: string): string {
    return this.owned.get(projection) ?? this.shared();
  }

  /** The schema of the file of collections defined for no projection, attached now if it was not. */
  shared(): string {
    return (this.unowned ??= this.attach(UNOWNED, `_${UNOWNED}.sqlite`));
  }

  /** The collection has a table in `schema`. */
  place(collection: string, schema: string): void {
    const homes = this.homes.get(collection) ?? [];
    if (!homes.includes(schema)) this.homes.set(collection, [...homes, schema]);
  }

  /** The collection's table in `schema`, where the projection of that file writes it. */
  writtenTable(collection: string, schema: string): string {
    if (!this.homes.get(collection)?.includes(schema)) {
      throw new Error(`collection ${collection} is not kept in the file of ${schema}: a commit writes only its own projection's collections`);
    }
    return `${quoted(schema)}.${tableOf(collection)}`;
  }

  /** What reads of the collection query: its one table, or the view of its tables in each file. */
  readTable(collection: string): string {
    const homes = this.homes.get(collection)!;
    return homes.length === 1 ? `${quoted(homes[0])}.${tableOf(collection)}` : `temp.${tableOf(collection)}`;
  }

  homesOf(collection: string): string[] {
    return this.homes.get(collection) ?? [];
  }

  /** (Re)makes the view reads of a collection kept in several files go through. */
  unite(collection: string, fields: string[]): void {
    const homes = this.homes.get(collection)!;
    if (homes.length < 2) return;
    const columns = ['id', 'doc', ...fields.filter((field) => field !== 'id').map(columnOf)].join(', ');
    this.db.exec(`DROP VIEW IF EXISTS temp.${tableOf(collection)}`);
    this.db.exec(
      `CREATE TEMP VIEW ${tableOf(collection)} AS ${homes.map((schema) => `SELECT ${columns} FROM ${quoted(schema)}.${tableOf(collection)}`).join(' UNION ALL ')}`,
    );
  }

  private attach(schema: string, file: string): string {
    attachReadModelFile(this.db, join(this.folder, file), schema);
    return schema;
  }
}
