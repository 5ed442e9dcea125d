import { WrongExpectedRevision } from '../../../src/event-store/event-store.port';
import { birth, ContractContext, marriage } from './contract-context';

/** Concurrent appenders: one winner per expected revision, every distinct append kept. */
export function describeConcurrency(ctx: ContractContext): void {
  describe('concurrency', () => {
    it('of concurrent appends at the same expected revision exactly one wins', async () => {
      await ctx.store.appendToStream(ctx.stream('a'), [birth()], { expectedRevision: 'no_stream' });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, () =>
          ctx.store.appendToStream(ctx.stream('a'), [marriage()], { expectedRevision: 0 }),
        ),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      lost.forEach((o) => expect(o.reason).toBeInstanceOf(WrongExpectedRevision));
      expect(await ctx.store.readStream(ctx.stream('a'))).toHaveLength(2);
    });

    it('acknowledges 200 concurrent appends to distinct streams and keeps them all', async () => {
      const start = await ctx.mark();
      const births = Array.from({ length: 200 }, (_, i) => ({ streamId: ctx.stream(`n${i}`), event: birth() }));
      const results = await Promise.all(
        births.map(({ streamId, event }) =>
          ctx.store.appendToStream(streamId, [event], { expectedRevision: 'no_stream' }),
        ),
      );
      expect(results.every((r) => r.nextRevision === 0)).toBe(true);
      expect(new Set(results.map((r) => r.position)).size).toBe(200);

      const all = await ctx.readAllMine(start);
      expect(new Set(all.map((e) => e.id))).toEqual(new Set(births.map((b) => b.event.id)));
      for (const { streamId, event } of births.slice(0, 20)) {
        expect((await ctx.store.readStream(streamId)).map((e) => e.id)).toEqual([event.id]);
      }
    });
  });
}
