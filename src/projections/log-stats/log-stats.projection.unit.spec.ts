import type { RecordedEvent } from '../../event-store/event-store.port';
import { MapUnitOfWork } from '../../../test/projections/map-unit-of-work';
import { LOG_STATS, logStatsProjection } from './log-stats.projection';

const event = (position: number, type: string): RecordedEvent => ({
  id: `e${position}`,
  streamId: `person-${position % 3}`,
  revision: 0,
  position,
  type,
  data: {},
  metadata: { schemaVersion: 1 },
  recordedAt: `2026-01-01T00:00:${String(position).padStart(2, '0')}Z`,
});

const types = ['PersonEnrolled', 'ResidenceChanged', 'PersonEnrolled', 'MarriageRegistered', 'ResidenceChanged', 'PersonEnrolled'];
const log = types.map((type, index) => event(index + 1, type));

async function applied(batches: RecordedEvent[][]): Promise<MapUnitOfWork> {
  const unitOfWork = new MapUnitOfWork();
  for (const batch of batches) await logStatsProjection.apply(batch, unitOfWork);
  return unitOfWork;
}

describe('log-stats projection', () => {
  it('counts each type with its first and last position and the last instant', async () => {
    const stats = (await applied([log])).all(LOG_STATS);
    expect(stats.get('PersonEnrolled')).toEqual({
      id: 'PersonEnrolled',
      count: 3,
      firstPosition: 1,
      lastPosition: 6,
      lastRecordedAt: '2026-01-01T00:00:06Z',
    });
    expect(stats.get('MarriageRegistered')).toMatchObject({ count: 1, firstPosition: 4, lastPosition: 4 });
  });

  it('stores the same text whether the log comes in one batch, event by event or in uneven batches', async () => {
    const whole = (await applied([log])).collections.get(LOG_STATS);
    expect((await applied(log.map((one) => [one]))).collections.get(LOG_STATS)).toEqual(whole);
    expect((await applied([log.slice(0, 4), log.slice(4)])).collections.get(LOG_STATS)).toEqual(whole);
  });
});
