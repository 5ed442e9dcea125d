import type { RecordedEvent } from '../../event-store/event-store.port';
import { nationalIdOfStream } from '../../ledger/person-stream';
import type { Projection, ProjectionUnitOfWork } from '../../read-models/projection';
import type { Document } from '../../read-models/read-model.port';
import { upcast } from '../../domain/events/upcasters';
import type { PersonEventType } from '../../domain/person/person-events';
import { CellChanges } from './cell-changes';
import { KEPT_TYPES, countAtMotherAge, keptEvent, lifeOf, packBirth, unpackBirth, type BirthOf, type KeptEvent, type Life } from './person-life';

export const PERSONS = 'population_persons';
export const COHORTS = 'population_cohorts';
export const FLOWS = 'population_flows';

/**
 * A person's kept facts and what is needed to derive again the life they contribute to the cells:
 * not the life itself (it was 40% of the model's bytes), which a batch derives only for a stored
 * person it changes, from the facts as stored and the mother's birth the life was counted with.
 */
interface PersonDocument extends Document {
  kept: KeptEvent[];
  children?: string[];
  /** The birth of the life the person contributes (packBirth; none when no registration counts): their children's births are counted at her age. */
  birth?: number;
  /** The mother's birth that life was counted with, when one was known (packBirth). */
  motherBirth?: number;
}

const sameBirth = (a?: BirthOf, b?: BirthOf) => a?.year === b?.year && a?.monthDay === b?.monthDay;

/** The persons read and written in one batch: each read once, each written once at the end. */
class Batch {
  private readonly persons = new Map<string, PersonDocument | undefined>();
  private readonly dirty = new Set<string>();
  /** How many kept facts each stored person had before the batch added its own. */
  private readonly storedFacts = new Map<string, number>();
  /** The lives the batch derived, by person: what each contributes now. */
  private readonly lives = new Map<string, Life | undefined>();
  /** What the lives the batch swapped add to the cells and take out of them. */
  readonly cells = new CellChanges();

  constructor(private readonly unitOfWork: ProjectionUnitOfWork) {}

  async get(id: string): Promise<PersonDocument | undefined> {
    // The unit of work gives the batch its own copy: a person's kept facts grow in place.
    if (!this.persons.has(id)) {
      const person = await this.unitOfWork.get<PersonDocument>(PERSONS, id);
      this.persons.set(id, person);
      if (person) this.storedFacts.set(id, person.kept.length);
    }
    return this.persons.get(id);
  }

  /**
   * The life the person contributes to the cells now: the one this batch derived, else the stored
   * one, derived again from the facts and the mother's birth it was counted with (the same
   * deterministic derivation, so the same life).
   */
  lifeNow(person: PersonDocument): Life | undefined {
    if (this.lives.has(person.id)) return this.lives.get(person.id);
    if (person.birth === undefined) return undefined;
    const stored = person.kept.slice(0, this.storedFacts.get(person.id));
    return lifeOf(stored, person.motherBirth === undefined ? undefined : unpackBirth(person.motherBirth));
  }

  /** The person now contributes `life`, counted with `motherBirth`. */
  relived(person: PersonDocument, life: Life | undefined, motherBirth: number | undefined): void {
    this.lives.set(person.id, life);
    this.set(personDocument(person.id, person.kept, person.children, life && packBirth(life.birth), motherBirth));
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
  /** 2: persons keep their birth and their mother's instead of their life. */
  readonly version = 2;
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
    const before = batch.lifeNow(person);
    const after = lifeOf(person.kept);
    const motherBirth = after?.motherId ? (await batch.get(after.motherId))?.birth : undefined;
    if (motherBirth !== undefined) countAtMotherAge(after!, unpackBirth(motherBirth));
    if (before) batch.cells.add(before, -1);
    if (after) batch.cells.add(after, 1);
    batch.relived(person, after, motherBirth);

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
    // Sorted, and none once empty, so the list does not depend on how the log was cut into batches.
    const next = add ? [...children, childId].sort() : children;
    batch.set(personDocument(motherId, mother.kept, next, mother.birth, mother.motherBirth));
  }
}

/**
 * A person document built key by key rather than by spreads (V8's slow path), its keys always in
 * this order: no empty list of children, no mother's birth without a birth.
 */
function personDocument(id: string, kept: KeptEvent[], children: string[] | undefined, birth?: number, motherBirth?: number): PersonDocument {
  const person: PersonDocument = { id, kept };
  if (children !== undefined && children.length > 0) person.children = children;
  if (birth === undefined) return person;
  person.birth = birth;
  if (motherBirth !== undefined) person.motherBirth = motherBirth;
  return person;
}
