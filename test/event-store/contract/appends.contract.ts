import { WrongExpectedRevision } from '../../../src/event-store/event-store.port';
import { birth, ContractContext, expectWrongRevision, ids, marriage } from './contract-context';

/** Expected revisions, idempotent retries and atomic writes to several streams. */
export function describeAppends(ctx: ContractContext): void {
  describe('expected revision', () => {
    it('no_stream creates a stream and refuses an existing one', async () => {
      const result = await ctx.store.appendToStream(ctx.stream('a'), [birth(), birth()], {
        expectedRevision: 'no_stream',
      });
      expect(result.nextRevision).toBe(1);

      await expectWrongRevision(
        ctx.store.appendToStream(ctx.stream('a'), [birth()], { expectedRevision: 'no_stream' }),
        { streamId: ctx.stream('a'), expected: 'no_stream', actual: 1 },
      );
    });

    it('stream_exists refuses a missing stream and accepts an existing one', async () => {
      await expectWrongRevision(
        ctx.store.appendToStream(ctx.stream('a'), [birth()], { expectedRevision: 'stream_exists' }),
        { streamId: ctx.stream('a'), expected: 'stream_exists', actual: 'no_stream' },
      );
      await ctx.store.appendToStream(ctx.stream('a'), [birth()], { expectedRevision: 'no_stream' });
      const result = await ctx.store.appendToStream(ctx.stream('a'), [birth()], {
        expectedRevision: 'stream_exists',
      });
      expect(result.nextRevision).toBe(1);
    });

    it('any appends whatever the stream holds', async () => {
      expect(
        (await ctx.store.appendToStream(ctx.stream('a'), [birth()], { expectedRevision: 'any' }))
          .nextRevision,
      ).toBe(0);
      expect(
        (await ctx.store.appendToStream(ctx.stream('a'), [birth()], { expectedRevision: 'any' }))
          .nextRevision,
      ).toBe(1);
    });

    it('an exact revision must be the revision of the last event', async () => {
      await ctx.store.appendToStream(ctx.stream('a'), [birth(), birth()], { expectedRevision: 'no_stream' });
      await expectWrongRevision(
        ctx.store.appendToStream(ctx.stream('a'), [birth()], { expectedRevision: 0 }),
        { streamId: ctx.stream('a'), expected: 0, actual: 1 },
      );
      const result = await ctx.store.appendToStream(ctx.stream('a'), [birth()], { expectedRevision: 1 });
      expect(result.nextRevision).toBe(2);
      expect(await ctx.store.readStream(ctx.stream('a'))).toHaveLength(3);
    });

    it('an exact revision refuses a missing stream', async () => {
      await expectWrongRevision(
        ctx.store.appendToStream(ctx.stream('a'), [birth()], { expectedRevision: 0 }),
        { streamId: ctx.stream('a'), expected: 0, actual: 'no_stream' },
      );
      expect(await ctx.store.readStream(ctx.stream('a'))).toEqual([]);
    });

    it('a refused append records nothing', async () => {
      await ctx.store.appendToStream(ctx.stream('a'), [birth()], { expectedRevision: 'no_stream' });
      await expect(
        ctx.store.appendToStream(ctx.stream('a'), [birth(), birth()], { expectedRevision: 5 }),
      ).rejects.toBeInstanceOf(WrongExpectedRevision);
      expect(await ctx.store.readStream(ctx.stream('a'))).toHaveLength(1);
    });

    it('positions grow with each append', async () => {
      const first = await ctx.store.appendToStream(ctx.stream('a'), [birth()], { expectedRevision: 'any' });
      const second = await ctx.store.appendToStream(ctx.stream('b'), [birth()], { expectedRevision: 'any' });
      expect(second.position).toBeGreaterThan(first.position);
    });
  });

  describe('idempotent re-append', () => {
    it('re-appending the same events at the same place records them once', async () => {
      const events = [birth(), birth()];
      const first = await ctx.store.appendToStream(ctx.stream('a'), events, {
        expectedRevision: 'no_stream',
      });
      const retry = await ctx.store.appendToStream(ctx.stream('a'), events, {
        expectedRevision: 'no_stream',
      });
      expect(retry.nextRevision).toBe(first.nextRevision);
      expect((await ctx.store.readStream(ctx.stream('a'))).map((e) => e.id)).toEqual(ids(events));
    });

    it('a retry with expected revision any is also recorded once', async () => {
      const events = [birth()];
      await ctx.store.appendToStream(ctx.stream('a'), events, { expectedRevision: 'any' });
      await ctx.store.appendToStream(ctx.stream('a'), events, { expectedRevision: 'any' });
      expect(await ctx.store.readStream(ctx.stream('a'))).toHaveLength(1);
    });

    it('a retried exact-revision append after a later one still succeeds once', async () => {
      const first = [birth()];
      await ctx.store.appendToStream(ctx.stream('a'), [birth()], { expectedRevision: 'no_stream' });
      await ctx.store.appendToStream(ctx.stream('a'), first, { expectedRevision: 0 });
      await ctx.store.appendToStream(ctx.stream('a'), [birth()], { expectedRevision: 1 });
      const retry = await ctx.store.appendToStream(ctx.stream('a'), first, { expectedRevision: 0 });
      expect(retry.nextRevision).toBe(1);
      expect(await ctx.store.readStream(ctx.stream('a'))).toHaveLength(3);
    });
  });

  describe('atomic append to several streams', () => {
    it('records every write with its own revision', async () => {
      await ctx.store.appendToStream(ctx.stream('groom'), [birth()], { expectedRevision: 'no_stream' });
      const results = await ctx.store.appendToStreams([
        { streamId: ctx.stream('groom'), expectedRevision: 0, events: [marriage()] },
        { streamId: ctx.stream('bride'), expectedRevision: 'no_stream', events: [birth(), marriage()] },
      ]);
      expect(results.map((r) => r.nextRevision)).toEqual([1, 1]);
      expect(await ctx.store.readStream(ctx.stream('groom'))).toHaveLength(2);
      expect(await ctx.store.readStream(ctx.stream('bride'))).toHaveLength(2);
    });

    it('a failing second write leaves the first stream untouched', async () => {
      await ctx.store.appendToStream(ctx.stream('groom'), [birth()], { expectedRevision: 'no_stream' });
      await ctx.store.appendToStream(ctx.stream('bride'), [birth()], { expectedRevision: 'no_stream' });
      await expectWrongRevision(
        ctx.store.appendToStreams([
          { streamId: ctx.stream('groom'), expectedRevision: 0, events: [marriage()] },
          { streamId: ctx.stream('bride'), expectedRevision: 7, events: [marriage()] },
        ]),
        { streamId: ctx.stream('bride'), expected: 7, actual: 0 },
      );
      expect(await ctx.store.readStream(ctx.stream('groom'))).toHaveLength(1);
      expect(await ctx.store.readStream(ctx.stream('bride'))).toHaveLength(1);
    });

    it('a write without events only asserts its expected revision', async () => {
      await ctx.store.appendToStream(ctx.stream('deceased'), [birth()], { expectedRevision: 'no_stream' });
      await expectWrongRevision(
        ctx.store.appendToStreams([
          { streamId: ctx.stream('widow'), expectedRevision: 'any', events: [marriage()] },
          { streamId: ctx.stream('deceased'), expectedRevision: 'no_stream', events: [] },
        ]),
        { streamId: ctx.stream('deceased'), expected: 'no_stream', actual: 0 },
      );
      expect(await ctx.store.readStream(ctx.stream('widow'))).toEqual([]);

      await ctx.store.appendToStreams([
        { streamId: ctx.stream('widow'), expectedRevision: 'any', events: [marriage()] },
        { streamId: ctx.stream('deceased'), expectedRevision: 0, events: [] },
      ]);
      expect(await ctx.store.readStream(ctx.stream('widow'))).toHaveLength(1);
      expect(await ctx.store.readStream(ctx.stream('deceased'))).toHaveLength(1);
    });

    it('an append of no writes records nothing and answers nothing', async () => {
      await ctx.store.appendToStream(ctx.stream('a'), [birth()], { expectedRevision: 'no_stream' });
      expect(await ctx.store.appendToStreams([])).toEqual([]);
      expect(await ctx.store.readStream(ctx.stream('a'))).toHaveLength(1);
      expect(await ctx.store.readAll()).toHaveLength(1);
    });
  });
}
