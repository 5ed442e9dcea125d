import { newEventId } from '../../../src/event-store/event-id';
import { NewEvent } from '../../../src/event-store/event-store.port';
import { birth, ContractContext, ids, isIncreasing, marriage } from './contract-context';

/** Reading one stream and the whole log. */
export function describeReads(ctx: ContractContext): void {
  describe('readStream', () => {
    it('returns an empty array for a missing stream', async () => {
      expect(await ctx.store.readStream(ctx.stream('nobody'))).toEqual([]);
    });

    it('returns the recorded events with their data, metadata and times', async () => {
      const event: NewEvent = {
        id: newEventId(),
        type: 'PersonBorn',
        data: { name: { given: 'محمد', family: 'الترهوني' }, sex: 'M', occurredOn: '1950-03' },
        metadata: { schemaVersion: 2, office: 'LY-BA-03-OFF1', commandId: 'c-1' },
      };
      const before = Date.now();
      await ctx.store.appendToStream(ctx.stream('a'), [event], { expectedRevision: 'no_stream' });
      const [recorded] = await ctx.store.readStream(ctx.stream('a'));
      expect(recorded).toMatchObject({ ...event, streamId: ctx.stream('a'), revision: 0 });
      expect(recorded.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      expect(Date.parse(recorded.recordedAt)).toBeGreaterThanOrEqual(before - 1000);
    });

    it('reads forwards and backwards, from a revision, a page at a time', async () => {
      const events = Array.from({ length: 10 }, () => birth());
      await ctx.store.appendToStream(ctx.stream('a'), events, { expectedRevision: 'no_stream' });

      const forwards = await ctx.store.readStream(ctx.stream('a'));
      expect(forwards.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(forwards.map((e) => e.id)).toEqual(ids(events));
      expect(isIncreasing(forwards.map((e) => e.position))).toBe(true);

      const page = await ctx.store.readStream(ctx.stream('a'), { fromRevision: 3, maxCount: 4 });
      expect(page.map((e) => e.revision)).toEqual([3, 4, 5, 6]);

      const backwards = await ctx.store.readStream(ctx.stream('a'), { direction: 'backwards' });
      expect(backwards.map((e) => e.revision)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);

      const backPage = await ctx.store.readStream(ctx.stream('a'), {
        direction: 'backwards',
        fromRevision: 5,
        maxCount: 3,
      });
      expect(backPage.map((e) => e.revision)).toEqual([5, 4, 3]);

      const last = await ctx.store.readStream(ctx.stream('a'), { direction: 'backwards', maxCount: 1 });
      expect(last.map((e) => e.revision)).toEqual([9]);

      expect(await ctx.store.readStream(ctx.stream('a'), { fromRevision: 10 })).toEqual([]);
    });
  });

  describe('readAll', () => {
    it('returns the log in commit order after an exclusive position, a page at a time', async () => {
      const start = await ctx.mark();
      await ctx.store.appendToStream(ctx.stream('a'), [birth()], { expectedRevision: 'any' });
      await ctx.store.appendToStream(ctx.stream('b'), [birth(), birth()], { expectedRevision: 'any' });
      await ctx.store.appendToStream(ctx.stream('a'), [marriage()], { expectedRevision: 'any' });

      const all = await ctx.readAllMine(start);
      expect(all.map((e) => [e.streamId, e.revision])).toEqual([
        [ctx.stream('a'), 0],
        [ctx.stream('b'), 0],
        [ctx.stream('b'), 1],
        [ctx.stream('a'), 1],
      ]);
      expect(isIncreasing(all.map((e) => e.position))).toBe(true);

      const afterSecond = ctx.mine(await ctx.store.readAll({ after: all[1].position }));
      expect(afterSecond.map((e) => e.id)).toEqual(all.slice(2).map((e) => e.id));

      const one = await ctx.store.readAll({ after: start, maxCount: 1 });
      expect(one).toHaveLength(1);
    });

    it('reads only the types asked for, counting only those against maxCount', async () => {
      const start = await ctx.mark();
      await ctx.store.appendToStream(ctx.stream('a'), [birth(), marriage(), birth(), marriage()], { expectedRevision: 'any' });
      const all = await ctx.readAllMine(start);
      const marriages = ctx.mine(await ctx.store.readAll({ after: start, types: ['MarriageRecorded'] }));
      expect(marriages.map((e) => e.id)).toEqual([all[1].id, all[3].id]);
      expect(marriages[0]).toEqual(all[1]);
      const [first] = await ctx.store.readAll({ after: all[0].position, maxCount: 1, types: ['MarriageRecorded'] });
      expect(first.id).toBe(all[1].id);
    });

    it('leaves out system streams', async () => {
      const start = await ctx.mark();
      await ctx.store.appendToStream(`$${ctx.stream('bookkeeping')}`, [birth()], {
        expectedRevision: 'any',
      });
      await ctx.store.appendToStream(ctx.stream('a'), [birth()], { expectedRevision: 'any' });
      const all = await ctx.store.readAll({ after: start });
      expect(all.some((e) => e.streamId.startsWith('$'))).toBe(false);
      expect(ctx.mine(all).map((e) => e.streamId)).toEqual([ctx.stream('a')]);
    });
  });
}
