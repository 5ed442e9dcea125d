import type { Projection } from '../../src/read-models/projection';
import type { Document } from '../../src/read-models/read-model.port';

/**
 * A test projection that would show a skipped or doubled event: one document per event, counting
 * how many times it was applied (always 1 when nothing is doubled).
 */
export const eventTally: Projection = {
  name: 'event-tally',
  collections: [{ name: 'event-tally', indexes: [['applied'], ['streamId']] }],
  async apply(events, unitOfWork) {
    for (const event of events) {
      const seen = await unitOfWork.get<Document & { applied: number }>('event-tally', event.id);
      unitOfWork.put('event-tally', { id: event.id, position: event.position, streamId: event.streamId, applied: (seen?.applied ?? 0) + 1 });
    }
  },
};
