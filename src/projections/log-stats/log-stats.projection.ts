import type { Projection } from '../../read-models/projection';
import type { Document } from '../../read-models/read-model.port';

export const LOG_STATS = 'log-stats';

/** Events recorded, by type: the first and last position and when the last one was stored. */
export type EventTypeStats = Document & {
  count: number;
  firstPosition: number;
  lastPosition: number;
  lastRecordedAt: string;
};

/** The smallest real projection: proves the engine end to end and answers "what does the log hold?". */
export const logStatsProjection: Projection = {
  name: LOG_STATS,
  collections: [{ name: LOG_STATS, indexes: [['count']] }],
  async apply(events, unitOfWork) {
    for (const event of events) {
      const stats = await unitOfWork.get<EventTypeStats>(LOG_STATS, event.type);
      unitOfWork.put(LOG_STATS, {
        id: event.type,
        count: (stats?.count ?? 0) + 1,
        firstPosition: stats?.firstPosition ?? event.position,
        lastPosition: event.position,
        lastRecordedAt: event.recordedAt,
      });
    }
  },
};
