import { MongoClient, type AnyBulkWriteOperation, type Collection, type Db } from 'mongodb';
import { DeclaredFields } from '../declared-fields';
import {
  CheckpointConflict,
  CheckpointExpectation,
  CollectionDefinition,
  Document,
  Query,
  ReadModelStore,
  ReadModelWrite,
} from '../read-model.port';
import { mongoFilter, mongoSort } from './mongo-query';

type Stored = Record<string, unknown> & { _id: string };
interface CheckpointDocument {
  _id: string;
  position?: number;
  /** Set while a reset runs: an interrupted reset is finished before the checkpoint is read. */
  resetting?: string[];
}

const WITHOUT_ID = { projection: { _id: 0 } } as const;

/**
 * Read models on a MongoDB replica set: a collection per read-model collection (prefixed `rm_`),
 * indexes created by `define`, and each commit one multi-document transaction together with the
 * projection's checkpoint document.
 */
export class MongoReadModelStore implements ReadModelStore {
  private readonly fields = new DeclaredFields();

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {}

  /** Connects to a replica set (transactions need one); the database is the URL's, else `sijil`. */
  static async connect(url: string, database?: string): Promise<MongoReadModelStore> {
    const client = await new MongoClient(url).connect();
    const name = database ?? (client.options.dbName && client.options.dbName !== 'test' ? client.options.dbName : 'sijil');
    return new MongoReadModelStore(client, client.db(name));
  }

  async define(collections: CollectionDefinition[]): Promise<void> {
    const existing = new Set((await this.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
    for (const definition of collections) {
      this.fields.add(definition);
      const name = `rm_${definition.name}`;
      // Collections must exist before a transaction writes to them.
      if (!existing.has(name)) await this.db.createCollection(name).catch(ignoreExisting);
      await this.createIndexes(definition.name, definition.indexes);
    }
    if (!existing.has('projection_checkpoints')) await this.db.createCollection('projection_checkpoints').catch(ignoreExisting);
  }

  async commit(projection: string, checkpoint: number, writes: ReadModelWrite[], expectation?: CheckpointExpectation): Promise<void> {
    const byCollection = new Map<string, AnyBulkWriteOperation<Stored>[]>();
    for (const write of writes) {
      this.fields.assertDefined(write.collection);
      const operations = byCollection.get(write.collection) ?? [];
      operations.push(
        write.kind === 'put'
          ? { replaceOne: { filter: { _id: write.document.id }, replacement: { ...write.document, _id: write.document.id }, upsert: true } }
          : { deleteOne: { filter: { _id: write.id } } },
      );
      byCollection.set(write.collection, operations);
    }
    const session = this.client.startSession();
    try {
      await session.withTransaction(
        async () => {
          if (expectation) {
            const actual = (await this.checkpoints().findOne({ _id: projection }, { session }))?.position;
            if (actual !== expectation.previous) throw new CheckpointConflict(projection, expectation.previous, actual);
          }
          for (const [collection, operations] of byCollection) {
            await this.collection(collection).bulkWrite(operations, { session, ordered: true });
          }
          await this.checkpoints().updateOne({ _id: projection }, { $set: { position: checkpoint } }, { session, upsert: true });
        },
        { readConcern: { level: 'snapshot' }, writeConcern: { w: 'majority' } },
      );
    } finally {
      await session.endSession();
    }
  }

  async checkpoint(projection: string): Promise<number | undefined> {
    const stored = await this.checkpoints().findOne({ _id: projection });
    if (stored?.resetting) {
      await this.reset(projection, stored.resetting);
      return undefined;
    }
    return stored?.position;
  }

  async get<T extends Document>(collection: string, id: string): Promise<T | undefined> {
    this.fields.assertDefined(collection);
    return ((await this.collection(collection).findOne({ _id: id }, WITHOUT_ID)) ?? undefined) as T | undefined;
  }

  async getMany<T extends Document>(collection: string, ids: string[]): Promise<Map<string, T>> {
    this.fields.assertDefined(collection);
    const documents = (await this.collection(collection).find({ _id: { $in: ids } }, WITHOUT_ID).toArray()) as unknown as T[];
    return new Map(documents.map((document) => [document.id, document]));
  }

  async find<T extends Document>(collection: string, query: Query = {}): Promise<T[]> {
    this.fields.assertQueryable(collection, query);
    let cursor = this.collection(collection).find(mongoFilter<Stored>(query.where), WITHOUT_ID).sort(mongoSort(query.orderBy));
    if (query.offset) cursor = cursor.skip(query.offset);
    if (query.limit !== undefined) cursor = cursor.limit(query.limit);
    return (await cursor.toArray()) as unknown as T[];
  }

  async count(collection: string, where: Query['where'] = {}): Promise<number> {
    this.fields.assertQueryable(collection, { where });
    return this.collection(collection).countDocuments(mongoFilter<Stored>(where));
  }

  /**
   * Too large for one transaction, so the reset is marked first: if it is interrupted, the next
   * `checkpoint` read finishes it before the projection starts again from zero.
   */
  async reset(projection: string, collections: string[]): Promise<void> {
    collections.forEach((collection) => this.fields.assertDefined(collection));
    await this.checkpoints().updateOne(
      { _id: projection },
      { $set: { resetting: collections }, $unset: { position: '' } },
      { upsert: true, writeConcern: { w: 'majority' } },
    );
    for (const collection of collections) await this.collection(collection).deleteMany({}, { writeConcern: { w: 'majority' } });
    await this.checkpoints().deleteOne({ _id: projection }, { writeConcern: { w: 'majority' } });
  }

  async bulkLoad<T>(collections: string[], load: () => Promise<T>): Promise<T> {
    for (const collection of collections) {
      for (const index of this.fields.indexesOf(collection)) {
        await this.collection(collection).dropIndex(index.join('__')).catch(ignoreMissingIndex);
      }
    }
    try {
      return await load();
    } finally {
      for (const collection of collections) await this.createIndexes(collection, this.fields.indexesOf(collection));
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private async createIndexes(collection: string, indexes: string[][]): Promise<void> {
    for (const index of indexes) {
      await this.collection(collection).createIndex(Object.fromEntries(index.map((field) => [field, 1])), { name: index.join('__') });
    }
  }

  private collection(name: string): Collection<Stored> {
    return this.db.collection<Stored>(`rm_${name}`);
  }

  private checkpoints(): Collection<CheckpointDocument> {
    return this.db.collection<CheckpointDocument>('projection_checkpoints');
  }
}

/** Code 48: NamespaceExists, when another process created the collection first. */
const ignoreExisting = (error: { code?: number }) => {
  if (error.code !== 48) throw error;
};

/** Code 27: IndexNotFound, when an interrupted load had dropped it already. */
const ignoreMissingIndex = (error: { code?: number }) => {
  if (error.code !== 27) throw error;
};
