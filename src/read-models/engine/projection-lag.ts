import type { EventStore } from '../../event-store/event-store.port';
import type { ReadModelStore } from '../read-model.port';
import { lastEventAfter } from './log-head';

export interface ProjectionLag {
  projection: string;
  /** Log position applied up to (0 before the first commit). */
  checkpoint: number;
  /** Position of the last event in the log. */
  head: number;
  /** Events not yet applied: counted exactly up to 1,000, beyond that the distance in positions. */
  events: number;
  /** Age of the oldest event not yet applied; 0 when caught up. */
  seconds: number;
}

const EXACT_UP_TO = 1_000;

/**
 * How far each projection is behind the log, from the stored checkpoints: the same answer in the
 * API process whether the projections run there or in a separate worker.
 */
export async function projectionLag(
  eventStore: EventStore,
  readModels: ReadModelStore,
  projections: string[],
  now = Date.now(),
): Promise<ProjectionLag[]> {
  const checkpoints = await Promise.all(projections.map(async (name) => (await readModels.checkpoint(name)) ?? 0));
  const head = (await lastEventAfter(eventStore, Math.min(...checkpoints, Number.MAX_SAFE_INTEGER)))?.position;
  return Promise.all(
    projections.map(async (projection, i) => {
      const checkpoint = checkpoints[i];
      if (head === undefined || head <= checkpoint) return { projection, checkpoint, head: Math.max(head ?? 0, checkpoint), events: 0, seconds: 0 };
      const pending = await eventStore.readAll({ after: checkpoint, maxCount: head - checkpoint <= EXACT_UP_TO ? EXACT_UP_TO : 1 });
      const events = head - checkpoint <= EXACT_UP_TO ? pending.filter((e) => e.position <= head).length : head - checkpoint;
      const seconds = pending.length ? Math.max(0, (now - Date.parse(pending[0].recordedAt)) / 1_000) : 0;
      return { projection, checkpoint, head, events, seconds };
    }),
  );
}
