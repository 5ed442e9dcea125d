import type { PersonEvent } from '../../domain/person/person-events';
import { requireRegistered } from '../../domain/person/registration';
import type { CommandMetadata } from '../../domain/shared/command-metadata';
import type { StreamWrite } from '../../event-store/event-store.port';
import type { PersonReads } from '../../ledger/person-states';
import { personStreamId, toNewEvents, type LoadedPerson } from '../../ledger/person-stream';
import type { RecordedFact } from './person-facts';

/** The persons one decision read, by national ID: each with the revision it was read at. */
export type LoadedPersons = Map<string, LoadedPerson>;

/** Loads the persons not loaded yet into `into` (each stream read once per attempt). */
export async function loadPersons(persons: PersonReads, ids: Iterable<string>, into: LoadedPersons = new Map()): Promise<LoadedPersons> {
  const missing = [...new Set(ids)].filter((id) => !into.has(id));
  const loaded = await Promise.all(missing.map((id) => persons.load(id)));
  missing.forEach((id, i) => into.set(id, loaded[i]!));
  return into;
}

/** The persons a fact is about (the spouses): each must be registered, else a 404 naming the ID. */
export async function loadRegistered(persons: PersonReads, ids: string[]): Promise<LoadedPersons> {
  const read = await loadPersons(persons, ids);
  for (const id of ids) requireRegistered(read.get(id)!.state, id);
  return read;
}

export interface SeveralPersonsWrites {
  writes: StreamWrite[];
  /** What was recorded in each decided person's stream, in the order decided. */
  facts: RecordedFact[];
}

/**
 * One fact about several persons as the writes of one atomic append. Each decided person's
 * events go at the revision the decision read; every other person it read (a parent for the
 * prohibited degrees, a spouse whose death frees a place) is asserted unchanged, so a concurrent
 * change to any of them makes the command run again on fresh state.
 */
export function severalPersonsWrites(
  decided: Record<string, PersonEvent[]>,
  read: LoadedPersons,
  metadata: CommandMetadata,
  commandId: string,
): SeveralPersonsWrites {
  const facts: RecordedFact[] = [];
  const writes: StreamWrite[] = Object.entries(decided).map(([nationalId, events]) => {
    const newEvents = toNewEvents(events, metadata, commandId);
    facts.push({ nationalId, eventIds: newEvents.map((event) => event.id) });
    return { streamId: personStreamId(nationalId), expectedRevision: revisionOf(read, nationalId), events: newEvents };
  });
  const checks: StreamWrite[] = [...read]
    .filter(([nationalId]) => !(nationalId in decided))
    .map(([nationalId, { revision }]) => ({ streamId: personStreamId(nationalId), expectedRevision: revision, events: [] }));
  return { writes: [...writes, ...checks], facts };
}

function revisionOf(read: LoadedPersons, nationalId: string): LoadedPerson['revision'] {
  const loaded = read.get(nationalId);
  if (!loaded) throw new Error(`${nationalId} was decided on without being loaded`);
  return loaded.revision;
}
