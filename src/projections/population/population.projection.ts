import type { RecordedEvent } from '../../event-store/event-store.port';
import { nationalIdOfStream } from '../../ledger/person-stream';
import type { Projection, ProjectionUnitOfWork } from '../../read-models/projection';
import type { Document } from '../../read-models/read-model.port';
import { upcast } from '../../domain/events/upcasters';
import type { PersonEventType } from '../../domain/person/person-events';
import { KEPT_TYPES, keptEvent, lifeOf, type BirthOf, type KeptEvent, type Life } from './person-life';
import {
  NATION,
  cohortId,
  cohortKey,
  flowId,
  flowKey,
  yearOfDay,
  type CohortDocument,
  type FlowDocument,
} from './population-cells';

export const PERSONS = 'population_persons';
export const COHORTS = 'population_cohorts';
export const FLOWS = 'population_flows';

interface PersonDocument extends Document {
  kept: KeptEvent[];
  life?: Life;
  children?: string[];
}

const sameBirth = (a?: BirthOf, b?: BirthOf) => a?.year === b?.year && a?.monthDay === b?.monthDay;

/** Documents read and written in one batch: each read once, each written once at the end. */
class Batch {
  private readonly docs = new Map<string, Map<string, Document | undefined>>();
  private readonly dirty = new Map<string, Set<string>>();
  /** Cells a change was taken out of: only these may have emptied (the rest are not enumerated). */
  private readonly emptied = new Set<Document>();

  constructor(private readonly unitOfWork: ProjectionUnitOfWork) {}

  async get<T extends Document>(collection: string, id: string): Promise<T | undefined> {
    let docs = this.docs.get(collection);
    if (!docs) this.docs.set(collection, (docs = new Map()));
    // The unit of work gives the batch its own copy: cells are changed in place, then put.
    if (!docs.has(id)) docs.set(id, await this.unitOfWork.get<T>(collection, id));
    return docs.get(id) as T | undefined;
  }

  /** A document already read in this batch, without waiting (cells are read before they change). */
  cached<T extends Document>(collection: string, id: string): T | undefined {
    return this.docs.get(collection)?.get(id) as T | undefined;
  }

  set(collection: string, document: Document): void {
    this.docs.get(collection)!.set(document.id, document);
    this.touch(collection, document.id);
  }

  /** A cell whose change was taken out: deleted at the flush if nothing is left in it. */
  takenOut(cell: Document): void {
    this.emptied.add(cell);
  }

  touch(collection: string, id: string): void {
    let ids = this.dirty.get(collection);
    if (!ids) this.dirty.set(collection, (ids = new Set()));
    ids.add(id);
  }

  flush(): void {
    for (const [collection, ids] of this.dirty) {
      for (const id of ids) {
        const document = this.docs.get(collection)!.get(id)!;
        const empty = this.emptied.has(document) && isEmpty('changes' in document ? document.changes : document.counts);
        if (empty) this.unitOfWork.delete(collection, id);
        else this.unitOfWork.put(collection, document);
      }
    }
  }
}

function isEmpty(record: unknown): boolean {
  for (const _ in record as object) return false;
  return true;
}

/** Adds `delta` to a cell's count; true when the count is taken out, back to zero. */
function bump(record: Record<string, number>, key: number, delta: number): boolean {
  const value = (record[key] ?? 0) + delta;
  if (value !== 0) record[key] = value;
  else delete record[key];
  return value === 0;
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
    for (const nationalId of changed) await this.relive(batch, (await batch.get<PersonDocument>(PERSONS, nationalId))!);
    batch.flush();
  }

  /** Adds the event to the person's kept facts; false when it is not one the model keeps. */
  private async keep(batch: Batch, nationalId: string, event: RecordedEvent): Promise<boolean> {
    const person = await batch.get<PersonDocument>(PERSONS, nationalId);
    const kept = person?.kept ?? [];
    const data = upcast(event.type as PersonEventType, event.metadata.schemaVersion, event.data) as Record<string, unknown>;
    const next = keptEvent(event.id, event.type, data, kept);
    if (!next) return false;
    // The batch's own copy (or a new document): kept grows in place.
    if (person) kept.push(next);
    else batch.set(PERSONS, { id: nationalId, kept: [next] });
    return true;
  }

  /** Re-derives a person's life and swaps its contribution; follows on to mothers and children. */
  private async relive(batch: Batch, person: PersonDocument): Promise<void> {
    const before = person.life;
    const unaged = lifeOf(person.kept);
    const mother = unaged?.motherId ? await batch.get<PersonDocument>(PERSONS, unaged.motherId) : undefined;
    // Without a mother's birth the birth is counted at age −1: the life is the one just derived.
    const after = mother?.life?.birth ? lifeOf(person.kept, mother.life.birth) : unaged;
    if (before) await this.contribute(batch, before, -1);
    if (after) await this.contribute(batch, after, 1);
    const { life: _, ...rest } = person;
    batch.set(PERSONS, after ? { ...rest, life: after } : rest);

    if (before?.motherId !== after?.motherId) {
      await this.adopt(batch, before?.motherId, person.id, false);
      await this.adopt(batch, after?.motherId, person.id, true);
    }
    if (!sameBirth(before?.birth, after?.birth)) {
      for (const childId of person.children ?? []) {
        const child = await batch.get<PersonDocument>(PERSONS, childId);
        if (child) await this.relive(batch, child);
      }
    }
  }

  private async adopt(batch: Batch, motherId: string | undefined, childId: string, add: boolean): Promise<void> {
    if (!motherId) return;
    const mother = (await batch.get<PersonDocument>(PERSONS, motherId)) ?? { id: motherId, kept: [] };
    const children = (mother.children ?? []).filter((id) => id !== childId);
    // Sorted, so the list does not depend on how the log was cut into batches.
    batch.set(PERSONS, { ...mother, children: add ? [...children, childId].sort() : children });
  }

  private async contribute(batch: Batch, life: Life, sign: 1 | -1): Promise<void> {
    for (const [area, day, delta] of life.presence) {
      for (const where of [area, NATION]) {
        const id = cohortId(where, life.sex, life.birth.year);
        const cohort =
          batch.cached<CohortDocument>(COHORTS, id) ??
          (await batch.get<CohortDocument>(COHORTS, id)) ??
          { id, area: where, sex: life.sex, birthYear: life.birth.year, changes: {} };
        if (bump(cohort.changes, cohortKey(day, life.birth.monthDay), sign * delta)) batch.takenOut(cohort);
        batch.set(COHORTS, cohort);
      }
    }
    for (const [kind, area, day, age] of life.flows) {
      const year = yearOfDay(day);
      for (const where of [area, NATION]) {
        const id = flowId(where, kind, year);
        const flow =
          batch.cached<FlowDocument>(FLOWS, id) ?? (await batch.get<FlowDocument>(FLOWS, id)) ?? { id, area: where, kind, year, counts: {} };
        if (bump(flow.counts, flowKey(day, life.sex, age), sign)) batch.takenOut(flow);
        batch.set(FLOWS, flow);
      }
    }
  }
}
