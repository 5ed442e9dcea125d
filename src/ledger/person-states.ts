import { stateOf } from '../domain/person/person-state';
import type { EventStore } from '../event-store/event-store.port';
import { personStreamId, toRecordedPersonEvent, type LoadedPerson } from './person-stream';

interface Remembered extends LoadedPerson {
  /** The ID of the stream's last event when the state was computed. */
  tipId: string;
}

/**
 * How far a remembered state is trusted. 'confirming' first reads the stream's last event;
 * 'trusting' hands the state out as remembered, for a command's first attempt only: its append
 * asserts the revision of every state it read, so a stale one makes the command run again
 * confirming, and a refusal is decided again confirming before it is answered.
 */
export type Recall = 'trusting' | 'confirming';

/** The person reads of one attempt at a command. */
export interface PersonReads {
  load(nationalId: string): Promise<LoadedPerson>;
}

/**
 * Persons' states as commands decide on them, replayed from their streams and remembered: a
 * stream only grows, so while its last event is the one the state was computed from, the state
 * is still exact. A confirming load asks the store for that last event alone (one indexed row)
 * instead of replaying the whole stream; the least recently used states are forgotten beyond
 * `capacity`.
 */
export class PersonStates {
  private readonly remembered = new Map<string, Remembered>();

  constructor(
    private readonly store: EventStore,
    // A state holds its whole log, about 5 KB: 10,000 bound the server's share to some 50 MB.
    private readonly capacity = 10_000,
  ) {}

  async load(nationalId: string, recall: Recall = 'confirming'): Promise<LoadedPerson> {
    const streamId = personStreamId(nationalId);
    const known = this.remembered.get(streamId);
    if (known) {
      // The tip read costs more than a birth's whole decision (a read transaction on a log being written).
      const tipId = recall === 'trusting' ? known.tipId : await this.tipIdOf(streamId);
      this.remembered.delete(streamId);
      if (tipId === known.tipId) {
        this.remembered.set(streamId, known);
        return known;
      }
    }
    const events = await this.store.readStream(streamId);
    const loaded = {
      state: stateOf(events.map(toRecordedPersonEvent)),
      revision: events.length === 0 ? ('no_stream' as const) : events[events.length - 1].revision,
    };
    // An unknown ID is not remembered: requests naming wrong IDs must not push real persons out.
    if (events.length > 0) this.remember(streamId, { ...loaded, tipId: events[events.length - 1].id });
    return loaded;
  }

  private async tipIdOf(streamId: string): Promise<string | undefined> {
    const [tip] = await this.store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    return tip?.id;
  }

  reads(recall: Recall): PersonReads {
    return { load: (nationalId) => this.load(nationalId, recall) };
  }

  /** This process has appended to the stream: what it remembers of it is behind. */
  forget(streamId: string): void {
    this.remembered.delete(streamId);
  }

  private remember(streamId: string, state: Remembered): void {
    this.remembered.set(streamId, state);
    if (this.remembered.size > this.capacity) this.remembered.delete(this.remembered.keys().next().value!);
  }
}
