import { EarlierAppendFailed, WrongExpectedRevision } from '../../../src/event-store/event-store.port';
import { birth, ContractContext } from './contract-context';

/** `appendToStreams(writes, { after })`: an append queued behind an earlier one, recorded only if that one was. */
export function describeAppendAfter(ctx: ContractContext): void {
  describe('an append after an earlier one', () => {
    const write = (suffix: string, expectedRevision: 'no_stream' | number = 'no_stream') => ({
      streamId: ctx.stream(suffix),
      expectedRevision,
      events: [birth(), birth()],
    });

    it('is recorded after it, in that order, when both are handed over at once', async () => {
      const mark = await ctx.mark();
      const first = ctx.store.appendToStreams([write('a'), write('b')]);
      const second = ctx.store.appendToStreams([write('c')], { after: first });
      const third = ctx.store.appendToStreams([write('d')], { after: second });
      const [one, two, three] = await Promise.all([first, second, third]);
      expect(one[1]!.position).toBeLessThan(two[0]!.position);
      expect(two[0]!.position).toBeLessThan(three[0]!.position);
      expect((await ctx.readAllMine(mark)).map((event) => event.streamId)).toEqual(
        ['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd'].map(ctx.stream),
      );
    });

    it('records nothing and fails when the earlier one failed, and so do the appends after it', async () => {
      const mark = await ctx.mark();
      await ctx.store.appendToStreams([write('taken')]);
      const refused = ctx.store.appendToStreams([write('e'), write('taken')]);
      const second = ctx.store.appendToStreams([write('f')], { after: refused });
      const third = ctx.store.appendToStreams([write('g')], { after: second });
      const unrelated = ctx.store.appendToStreams([write('h')]);
      const outcomes = await Promise.allSettled([refused, second, third, unrelated]);
      expect(outcomes.map((outcome) => (outcome.status === 'rejected' ? outcome.reason.constructor : outcome.status))).toEqual([
        WrongExpectedRevision,
        EarlierAppendFailed,
        EarlierAppendFailed,
        'fulfilled',
      ]);
      expect((await ctx.readAllMine(mark)).map((event) => event.streamId)).toEqual(['taken', 'taken', 'h', 'h'].map(ctx.stream));
    });

    it('fails at once after an earlier one already known to have failed, and runs after one already recorded', async () => {
      const mark = await ctx.mark();
      const refused = ctx.store.appendToStreams([write('i', 5)]);
      await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevision);
      await expect(ctx.store.appendToStreams([write('j')], { after: refused })).rejects.toBeInstanceOf(EarlierAppendFailed);
      const recorded = ctx.store.appendToStreams([write('k')]);
      await recorded;
      await ctx.store.appendToStreams([write('l')], { after: recorded });
      expect((await ctx.readAllMine(mark)).map((event) => event.streamId)).toEqual(['k', 'k', 'l', 'l'].map(ctx.stream));
    });

    it('follows any promise: it waits for it, and fails when it rejects', async () => {
      const mark = await ctx.mark();
      let settle!: () => void;
      const gate = new Promise<void>((resolve) => (settle = resolve));
      const waiting = ctx.store.appendToStreams([write('m')], { after: gate });
      await ctx.store.appendToStreams([write('n')]);
      settle();
      await waiting;
      await expect(ctx.store.appendToStreams([write('o')], { after: Promise.reject(new Error('no')) })).rejects.toBeInstanceOf(EarlierAppendFailed);
      expect((await ctx.readAllMine(mark)).map((event) => event.streamId)).toEqual(['n', 'n', 'm', 'm'].map(ctx.stream));
    });
  });
}
