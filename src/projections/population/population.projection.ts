import type { RecordedEvent } from '../../event-store/event-store.port';
import { nationalIdOfStream } from '../../ledger/person-stream';
import type { Projection, ProjectionUnitOfWork } from '../../read-models/projection';
import type { Document } from '../../read-models/read-model.port';
import { upcast } from '../../domain/events/upcasters';
import type { PersonEventType } from '../../domain/person/person-events';
import { CellChanges } from './cell-changes';
import { KEPT_TYPES, keptEvent, lifeOf, type BirthOf, type KeptEvent, type Life } from './person-life';

export const PERSONS = 'population_persons';
export const COHORTS = 'population_cohorts';
export const FLOWS = 'population_flows';

interface PersonDocument extends Document {
  kept: KeptEvent[];
  life?: Life;
  children?: string[];
}

const sameBirth = (a?: BirthOf, b?: BirthOf) => a?.year === b?.year && a?.monthDay === b?.monthDay;

/** The persons read and written in one batch: each read once, each written once at the end. */
class Batch {
  private readonly persons = new Map<string, PersonDocument | undefined>();
  private readonly dirty = new Set<string>();
  /** What the lives the batch swapped add to the cells and take out of them. */
  readonly cells = new CellChanges();

  constructor(private readonly unitOfWork: ProjectionUnitOfWork) {}

  async get(id: string): Promise<PersonDocument | undefined> {
    // The unit of work gives the batch its own copy: a person's kept facts grow in place.
    if (!this.persons.has(id)) this.persons.set(id, await this.unitOfWork.get<PersonDocument>(PERSONS, id));
    return this.persons.get(id);
  }

  set(person: PersonDocument): void {
    this.persons.set(person.id, person);
    this.dirty.add(person.id);
  }

  async flush(): Promise<void> {
    for (const id of this.dirty) this.unitOfWork.put(PERSONS, this.persons.get(id)!);
    await this.cells.write(this.unitOfWork, COHORTS, FLOWS);
  }
}

/**
 * The population read model (issue 5): a running stock per area, sex and birth cohort, and the
 * counts of births, deaths and migrations, kept current fact by fact. A correction or annulment
 * re-derives the person's life and swaps the old contribution for the new one, so a corrected
 * birth date moves the person to another cohort; a mother's corrected birth date re-ages the
 * births she gave.
 */
export class PopulationProjection implements Projection {
  readonly name = 'population';
  readonly collections = [
    { name: PERSONS, indexes: [] },
    { name: COHORTS, indexes: [['area']] },
    { name: FLOWS, indexes: [['area', 'year']] },
  ];
  readonly eventTypes = KEPT_TYPES;

  /**
   * Keeps each event's fact first, then re-derives each person the batch changed once: a life
   * swapped once per batch rather than once per fact. The cells sum the lives as they end, and a
   * mother's new birth re-ages her children whatever the order, so the result is the same.
   */
  async apply(events: RecordedEvent[], unitOfWork: ProjectionUnitOfWork): Promise<void> {
    const batch = new Batch(unitOfWork);
    const changed = new Set<string>();
    for (const event of events) {
      const nationalId = nationalIdOfStream(event.streamId);
      if (nationalId && (await this.keep(batch, nationalId, event))) changed.add(nationalId);
    }
    for (const nationalId of changed) await this.relive(batch, (await batch.get(nationalId))!);
    await batch.flush();
  }

  /** Adds the event to the person's kept facts; false when it is not one the model keeps. */
  private async keep(batch: Batch, nationalId: string, event: RecordedEvent): Promise<boolean> {
    const person = await batch.get(nationalId);
    const kept = person?.kept ?? [];
    const data = upcast(event.type as PersonEventType, event.metadata.schemaVersion, event.data) as Record<string, unknown>;
    const next = keptEvent(event.id, event.type, data, kept);
    if (!next) return false;
    // The batch's own copy (or a new document): kept grows in place.
    if (person) kept.push(next);
    else batch.set({ id: nationalId, kept: [next] });
    return true;
  }

  /** Re-derives a person's life and swaps its contribution; follows on to mothers and children. */
  private async relive(batch: Batch, person: PersonDocument): Promise<void> {
    const before = person.life;
    const unaged = lifeOf(person.kept);
    const mother = unaged?.motherId ? await batch.get(unaged.motherId) : undefined;
    // Without a mother's birth the birth is counted at age −1: the life is the one just derived.
    const after = mother?.life?.birth ? lifeOf(person.kept, mother.life.birth) : unaged;
    if (before) batch.cells.add(before, -1);
    if (after) batch.cells.add(after, 1);
    batch.set(withLife(person, after));

    if (before?.motherId !== after?.motherId) {
      await this.adopt(batch, before?.motherId, person.id, false);
      await this.adopt(batch, after?.motherId, person.id, true);
    }
    if (!sameBirth(before?.birth, after?.birth)) {
      for (const childId of person.children ?? []) {
        const child = await batch.get(childId);
        if (child) await this.relive(batch, child);
      }
    }
  }

  private async adopt(batch: Batch, motherId: string | undefined, childId: string, add: boolean): Promise<void> {
    if (!motherId) return;
    const mother = (await batch.get(motherId)) ?? { id: motherId, kept: [] };
    const children = (mother.children ?? []).filter((id) => id !== childId);
    // Sorted, so the list does not depend on how the log was cut into batches.
    batch.set({ ...mother, children: add ? [...children, childId].sort() : children });
  }
}

/**
 * The person with `life` in place of the one before, built key by key rather than by spreads
 * (V8's slow path): the keys in the order a spread of the rest and then `life` gives them.
 */
function withLife(person: PersonDocument, life: Life | undefined): PersonDocument {
  const next: PersonDocument = { id: person.id, kept: person.kept };
  if (person.children !== undefined) next.children = person.children;
  if (life !== undefined) next.life = life;
  return next;
}
