import { RecordedEvent } from '../../../src/event-store/event-store.port';
import { birth, ContractContext, marriage, waitUntil, withTimeout } from './contract-context';

/** Catch-up, live delivery and resumption from a checkpoint. */
export function describeSubscriptions(ctx: ContractContext): void {
  describe('subscribeToAll', () => {
    /** Collects this test's events until `count` arrived; checks handler calls never overlap. */
    const collect = (after: number, count: number) => {
      const received: RecordedEvent[] = [];
      let inFlight = 0;
      let overlapped = false;
      let reached!: () => void;
      const done = new Promise<void>((resolve) => (reached = resolve));
      const subscription = ctx.store.subscribeToAll({
        after,
        onEvents: async (events) => {
          overlapped ||= ++inFlight > 1;
          await new Promise((resolve) => setTimeout(resolve, 1));
          received.push(...ctx.mine(events).filter((e) => e.streamId !== ctx.stream('marker')));
          inFlight--;
          if (received.length >= count) reached();
        },
      });
      return { received, done: () => withTimeout(done, 4_000), subscription, overlapped: () => overlapped };
    };

    it('catches up from a checkpoint, then follows live appends, in log order', async () => {
      const start = await ctx.mark();
      for (let i = 0; i < 5; i++) {
        await ctx.store.appendToStream(ctx.stream(`p${i}`), [birth(), birth()], { expectedRevision: 'any' });
      }
      const { received, done, subscription, overlapped } = collect(start, 16);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await ctx.store.appendToStreams([
        { streamId: ctx.stream('groom'), expectedRevision: 'any', events: [marriage()] },
        { streamId: ctx.stream('bride'), expectedRevision: 'any', events: [marriage()] },
      ]);
      for (let i = 0; i < 4; i++) {
        await ctx.store.appendToStream(ctx.stream(`p${i}`), [marriage()], { expectedRevision: 'any' });
      }
      await done();
      await subscription.stop();

      expect(overlapped()).toBe(false);
      expect(received.map((e) => e.id)).toEqual((await ctx.readAllMine(start)).map((e) => e.id));
      expect(received).toHaveLength(16);
    });

    it('resumes from the checkpoint of the last handled batch without skipping or doubling', async () => {
      const start = await ctx.mark();
      await ctx.store.appendToStream(ctx.stream('a'), [birth(), birth(), birth()], {
        expectedRevision: 'no_stream',
      });
      const first = collect(start, 3);
      await first.done();
      await first.subscription.stop();
      const checkpoint = first.received[first.received.length - 1].position;

      await ctx.store.appendToStream(ctx.stream('a'), [marriage(), marriage()], { expectedRevision: 2 });
      const second = collect(checkpoint, 2);
      await second.done();
      await ctx.store.appendToStream(ctx.stream('b'), [birth()], { expectedRevision: 'no_stream' });
      await withTimeout(waitUntil(() => second.received.length === 3), 4_000);
      await second.subscription.stop();

      const delivered = [...first.received, ...second.received].map((e) => e.id);
      expect(delivered).toEqual((await ctx.readAllMine(start)).map((e) => e.id));
      expect(new Set(delivered).size).toBe(6);
    });

    it('delivers nothing after stop', async () => {
      const start = await ctx.mark();
      const { received, subscription } = collect(start, 1);
      await subscription.stop();
      await ctx.store.appendToStream(ctx.stream('a'), [birth()], { expectedRevision: 'any' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(received).toEqual([]);
    });
  });
}
