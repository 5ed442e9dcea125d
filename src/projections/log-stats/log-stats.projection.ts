import type { RecordedEvent } from '../../event-store/event-store.port';
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

/** A batch's events of one type: how many, the first and the last. */
interface BatchTally {
  count: number;
  first: RecordedEvent;
  last: RecordedEvent;
}

/**
 * The batch's events tallied by type, in the order each type first appears. A batch holds
 * thousands of events of about twenty types: one read and one put per type instead of one await
 * and one staged document per event.
 */
function tallyByType(events: RecordedEvent[]): Map<string, BatchTally> {
  const tallies = new Map<string, BatchTally>();
  for (const event of events) {
    const tally = tallies.get(event.type);
    if (tally) {
      tally.count++;
      tally.last = event;
    } else tallies.set(event.type, { count: 1, first: event, last: event });
  }
  return tallies;
}

/** The smallest real projection: proves the engine end to end and answers "what does the log hold?". */
export const logStatsProjection: Projection = {
  name: LOG_STATS,
  collections: [{ name: LOG_STATS, indexes: [['count']] }],
  async apply(events, unitOfWork) {
    for (const [type, { count, first, last }] of tallyByType(events)) {
      const stats = await unitOfWork.get<EventTypeStats>(LOG_STATS, type);
      unitOfWork.put(LOG_STATS, {
        id: type,
        count: (stats?.count ?? 0) + count,
        firstPosition: stats?.firstPosition ?? first.position,
        lastPosition: last.position,
        lastRecordedAt: last.recordedAt,
      });
    }
  },
};
