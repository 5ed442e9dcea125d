import type { AllStreamResolvedEvent, ResolvedEvent } from '@eventstore/db-client';
import { EventMetadata, RecordedEvent, isSystemStream } from '../event-store.port';

type ClientEvent = NonNullable<ResolvedEvent['event']>;

/**
 * The port's event from the client's. The global position is the commit position: each event
 * of a (non-legacy-transaction) append has its own, and it is the one `$all` reads resume from.
 */
export function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent {
  const event = resolved.event as ClientEvent;
  const commit = event.position?.commit ?? resolved.commitPosition;
  if (commit === undefined) {
    // Servers before 22.6 leave positions out of stream reads; the port needs them.
    throw new Error(`EventStoreDB returned no position for ${event.streamId}@${event.revision}`);
  }
  return {
    id: event.id,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: Number(commit),
    type: event.type,
    data: event.data,
    metadata: event.metadata as EventMetadata,
    recordedAt: event.created.toISOString(),
  };
}

/** Link events and system streams are the server's bookkeeping, never facts. */
export const isFact = (resolved: ResolvedEvent | AllStreamResolvedEvent): boolean =>
  resolved.event !== undefined && !isSystemStream(resolved.event.streamId);

/** `{commit, prepare}` from the port's number: appends here never split the two. */
export const toClientPosition = (position: number) => ({
  commit: BigInt(position),
  prepare: BigInt(position),
});
