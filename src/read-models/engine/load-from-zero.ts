import type { EventStore } from '../../event-store/event-store.port';
import type { Projection } from '../projection';
import type { ReadModelStore } from '../read-model.port';
import { lastEventAfter } from './log-head';
import type { ProjectionRunner } from './projection-runner';
import type { RebuildProgress } from './rebuild-progress';

export interface LoadFromZero {
  eventStore: EventStore;
  readModels: ReadModelStore;
  /** Runners whose models are empty and whose committed documents know it (startEmpty). */
  runners: ProjectionRunner[];
  /** Events per page, and per commit of each projection. */
  pageSize: number;
  onProgress?: (progress: RebuildProgress) => void;
  /** Asked before each page: once true, the load ends at the last page committed (a restart resumes from there). */
  stopped?: () => boolean;
}

/**
 * Applies the log from position zero to empty models as a bulk load (`bulkLoad`: indexes built
 * once at the end), reading it once for all of them: each page goes to every projection, each
 * committing it with its own checkpoint. Ends at the log's head, including what was appended
 * meanwhile. Both a rebuild and a catch-up from an empty read side load this way.
 */
export async function loadFromZero({ eventStore, readModels, runners, pageSize, onProgress, stopped }: LoadFromZero): Promise<void> {
  const projection = runners.map((runner) => runner.projection.name).join(', ');
  const collections = runners.flatMap((runner) => runner.projection.collections.map((collection) => collection.name));
  const types = typesRead(runners.map((runner) => runner.projection));
  let head = (await lastEventAfter(eventStore))?.position ?? 0;
  await readModels.bulkLoad(collections, async () => {
    let [position, events] = [0, 0];
    onProgress?.({ projection, position, head, events });
    for (;;) {
      if (stopped?.()) return;
      const page = await eventStore.readAll({ after: position, maxCount: pageSize, types });
      if (page.length > 0) {
        for (const runner of runners) {
          await runner.applyAndCommit(page);
          // The embedded stores answer synchronously: a `serve` catching up answers requests
          // between two projections' commits rather than after a whole page for all of them.
          await new Promise((resolve) => setImmediate(resolve));
        }
        position = page[page.length - 1].position;
        events += page.length;
        onProgress?.({ projection, position, head: Math.max(head, position), events });
      }
      if (page.length === pageSize) continue;
      // Every event of these types up to `head`, found before this short page was read, is
      // applied: the checkpoints pass over the others, so the projections end at the log's head.
      if (head > position) {
        for (const runner of runners) await runner.applyAndCommit([], head);
        position = head;
        onProgress?.({ projection, position, head, events });
      }
      const last = await lastEventAfter(eventStore, position);
      if (last === undefined) return;
      head = last.position;
    }
  });
}

/** The event types the projections read between them; undefined when one reads them all. */
function typesRead(projections: Projection[]): string[] | undefined {
  if (projections.some((projection) => projection.eventTypes === undefined)) return undefined;
  return [...new Set(projections.flatMap((projection) => projection.eventTypes!))];
}
