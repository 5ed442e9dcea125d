import { MongoClient } from 'mongodb';
import { MongoReadModelStore } from '../../src/read-models/mongodb/mongodb-read-model-store';
import { mongoDbServer } from './mongodb-server';
import { describeReadModelContract } from './read-model.contract';

/** The MongoDB adapter on a real replica set only: the same contract as SQLite. */
const server = mongoDbServer();

if (!server.available) {
  describe.skip(`MongoDB read-model adapter — skipped: ${server.reason}`, () => {
    it('runs the ReadModelStore contract', () => undefined);
  });
} else {
  jest.setTimeout(30_000);
  let url: string;
  let stop: () => Promise<unknown>;
  let database: string;
  let counter = 0;

  beforeAll(async () => {
    ({ url, stop } = await server.start());
  }, 180_000);
  afterAll(() => stop?.());

  describeReadModelContract('MongoDB', {
    open: async () => {
      database = `sijil_contract_${process.pid}_${counter++}`;
      return MongoReadModelStore.connect(url, database);
    },
    reopen: async () => MongoReadModelStore.connect(url, database),
    cleanup: async () => {
      const client = await new MongoClient(url).connect();
      await client.db(database).dropDatabase();
      await client.close();
    },
  });
}
