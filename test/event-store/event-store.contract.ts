import { newEventId } from '../../src/event-store/event-id';
import { EventStore } from '../../src/event-store/event-store.port';
import { describeAppendAfter } from './contract/append-after.contract';
import { describeAppends } from './contract/appends.contract';
import { describeConcurrency } from './contract/concurrency.contract';
import { ContractContext } from './contract/contract-context';
import { describeReads } from './contract/reads.contract';
import { describeSubscriptions } from './contract/subscriptions.contract';

/** The one contract every EventStore adapter must keep; each adapter's spec calls this. */
export function describeEventStoreContract(
  name: string,
  makeStore: () => Promise<EventStore>,
  cleanup?: () => Promise<void> | void,
): void {
  describe(`EventStore contract: ${name}`, () => {
    const ctx = new ContractContext();

    beforeEach(async () => {
      ctx.prefix = `person_${newEventId().replace(/-/g, '')}`;
      ctx.store = await makeStore();
    });

    afterEach(async () => {
      await ctx.store.close();
      await cleanup?.();
    });

    describeAppends(ctx);
    describeAppendAfter(ctx);
    describeReads(ctx);
    describeSubscriptions(ctx);
    describeConcurrency(ctx);
  });
}
