import type { PersonEvent, RecordedPersonEvent, Sex } from '../../domain/person/person-events';
import { effectiveFacts, factsOf, isRegistration } from '../../domain/person/person-facts';
import { keptData, keptTypes, type KeptFields } from '../kept-facts';
import { ageInYear, ageOn, dayOf, monthDayOf, resolveBirthDate } from './civil-days';

export type FlowKind = 'birth' | 'death' | 'immigration' | 'emigration' | 'move-in' | 'move-out';
export const FLOW_KINDS: readonly FlowKind[] = ['birth', 'death', 'immigration', 'emigration', 'move-in', 'move-out'];

/** A fact the population model keeps, with only the fields it reads. */
export interface KeptEvent {
  eventId: string;
  type: PersonEvent['type'];
  data: Record<string, unknown>;
}

export interface BirthOf {
  year: number;
  monthDay: number;
}

/** A birth as one number, `year·10000 + MMDD` (1961-03-05: 19610305): a few characters of JSON. */
export const packBirth = ({ year, monthDay }: BirthOf): number => year * 10_000 + monthDay;

export const unpackBirth = (packed: number): BirthOf => ({ year: Math.floor(packed / 10_000), monthDay: packed % 10_000 });

/**
 * What one person adds to the population model. `presence` opens (+1) and closes (−1) the person's
 * stay in an area on a day; `flows` are the counted events, each at the person's age then, except
 * a birth, which is counted at the mother's age (−1 when the mother is unknown).
 */
export interface Life {
  sex: Sex;
  birth: BirthOf;
  motherId?: string;
  presence: Array<[area: string, day: number, delta: 1 | -1]>;
  flows: Array<[kind: FlowKind, area: string, day: number, age: number]>;
}

const KEPT_FIELDS: KeptFields = new Map([
  ['BirthRegistered', ['sex', 'dateOfBirth', 'placeOfBirth', 'motherId']],
  ['PersonEnrolled', ['sex', 'dateOfBirth', 'placeOfBirth', 'motherId', 'source']],
  ['DeathRegistered', ['dateOfDeath']],
  ['ResidenceChanged', ['area', 'date']],
  ['Emigrated', ['date']],
  ['Immigrated', ['area', 'date']],
]);

/** The types of the events keptEvent may keep: the population model reads no others. */
export const KEPT_TYPES = keptTypes(KEPT_FIELDS);

/**
 * The slim copy of an event worth keeping (see keptData), or undefined. Of an enrolment's source
 * only the kind is read (a residence permit is no birth here), not its reference.
 */
export function keptEvent(eventId: string, type: string, data: Record<string, unknown>, kept: KeptEvent[]): KeptEvent | undefined {
  const slim = keptData(KEPT_FIELDS, type, data, (target) => kept.find((event) => event.eventId === target)?.type);
  if (slim === undefined) return undefined;
  if (slim.source !== undefined) slim.source = { kind: (slim.source as { kind: string }).kind };
  return { eventId, type: type as KeptEvent['type'], data: slim };
}

/**
 * The kept facts that count, corrections applied, in civil-date order. A person's first kept fact
 * is never a correction or an annulment (keptEvent keeps those only when they name a kept fact),
 * so a lone fact counts as it is, without the domain's derivation (nearly half the persons).
 */
function countingFacts(kept: KeptEvent[]): PersonEvent[] {
  if (kept.length === 1) return [{ type: kept[0]!.type, data: kept[0]!.data } as PersonEvent];
  const log: RecordedPersonEvent[] = kept.map(({ eventId, type, data }) => ({ eventId, recordedAt: '', event: { type, data } as PersonEvent }));
  return effectiveFacts(factsOf(log)).map(({ event }) => event);
}

/** Where a person is present from birth: registered at birth, or enrolled without a later arrival. */
function presentFromBirth(registration: PersonEvent, facts: PersonEvent[]): boolean {
  if (registration.type === 'BirthRegistered') return true;
  const firstMigration = facts.find(({ type }) => type === 'Immigrated' || type === 'Emigrated');
  return firstMigration?.type !== 'Immigrated';
}

/**
 * The person's life as the facts that count tell it (corrections applied, annulments ignored),
 * or undefined when no registration counts. `motherBirth` dates the birth at the mother's age.
 */
export function lifeOf(kept: KeptEvent[], motherBirth?: BirthOf): Life | undefined {
  const facts = countingFacts(kept);
  const registration = facts.find(isRegistration);
  if (!registration) return undefined;
  const born = resolveBirthDate(registration.data.dateOfBirth);
  const birth = { year: Number(born.slice(0, 4)), monthDay: monthDayOf(born) };
  const life: Life = { sex: registration.data.sex, birth, presence: [], flows: [] };
  if (registration.data.motherId) life.motherId = registration.data.motherId;
  const age = (date: string) => ageOn(birth.year, birth.monthDay, date);
  const move = (kind: FlowKind, area: string, date: string, delta: 1 | -1) => {
    const day = dayOf(date);
    life.presence.push([area, day, delta]);
    life.flows.push([kind, area, day, age(date)]);
  };

  let area = registration.data.placeOfBirth;
  let present = presentFromBirth(registration, facts);
  if (present) {
    const day = dayOf(born);
    life.presence.push([area, day, 1]);
    const counted = registration.type === 'BirthRegistered' || registration.data.source?.kind !== 'residence-permit';
    if (counted) life.flows.push(['birth', area, day, -1]);
  }
  for (const fact of facts) {
    if (fact.type === 'DeathRegistered') {
      if (present) move('death', area, fact.data.dateOfDeath, -1);
      break;
    } else if (fact.type === 'Emigrated' && present) {
      move('emigration', area, fact.data.date, -1);
      present = false;
    } else if (fact.type === 'Immigrated' && !present) {
      area = fact.data.area;
      move('immigration', area, fact.data.date, 1);
      present = true;
    } else if ((fact.type === 'Immigrated' || fact.type === 'ResidenceChanged') && fact.data.area !== area) {
      if (present) {
        move('move-out', area, fact.data.date, -1);
        move('move-in', fact.data.area, fact.data.date, 1);
      }
      area = fact.data.area;
    }
  }
  if (motherBirth) countAtMotherAge(life, motherBirth);
  return life;
}

/**
 * Counts the life's birth, if it is counted, at the age of a mother born on `motherBirth` (−1
 * while she is unknown): the one thing in a life the mother's birth changes, so a life is derived
 * once and then aged rather than derived again.
 */
export function countAtMotherAge(life: Life, motherBirth: BirthOf): void {
  // A counted birth is the first flow of a life, dated on the day of birth.
  const birth = life.flows[0];
  if (birth?.[0] !== 'birth') return;
  birth[3] = ageInYear(motherBirth.year, motherBirth.monthDay, life.birth.year, life.birth.monthDay);
}
