import { EventStoreDbEventStore } from '../../src/event-store/eventstoredb/eventstoredb-event-store';
import { TransactionalEventStore } from '../../src/event-store/multi-stream-transaction/transactional-event-store';
import { describeEventStoreContract } from './event-store.contract';
import { eventStoreDbServer } from './eventstoredb-server';
import { describeTransactionCrashRecovery } from './transaction-crash';

/**
 * The EventStoreDB adapter, always behind the transaction decorator as `createEventStore` builds
 * it: the shared contract and the crash-recovery suite, on a real server only.
 */
const server = eventStoreDbServer();

if (!server.available) {
  describe.skip(`EventStoreDB adapter — skipped: ${server.reason}`, () => {
    it('runs the EventStore contract through the multi-stream transaction decorator', () => undefined);
    it('runs the multi-stream transaction crash-recovery suite', () => undefined);
  });
} else {
  jest.setTimeout(30_000);
  let url: string;
  let stop: () => Promise<unknown>;

  beforeAll(async () => {
    ({ url, stop } = await server.start());
  }, 180_000);
  afterAll(() => stop?.());

  describeEventStoreContract('EventStoreDB with multi-stream transactions', async () => {
    const store = new TransactionalEventStore(new EventStoreDbEventStore(url));
    await store.recover();
    return store;
  });
  describeTransactionCrashRecovery('over EventStoreDB', async () => new EventStoreDbEventStore(url));
}
