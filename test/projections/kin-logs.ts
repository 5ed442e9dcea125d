import type { PersonEvent, RecordedPersonEvent } from '../../src/domain/person/person-events';
import type { DeceasedPerson, RegisteredPerson } from '../../src/domain/person/person-state';
import type { Kinfolk } from '../../src/projections/family/kinfolk';
import { parentsEverNamed } from '../../src/projections/persons/named-relatives';
import { stateAt, type ReadPoint } from '../../src/projections/person-read/read-point';
import { married, recorded } from './person-log';

/**
 * Families as logs for the pure family and heirs specs: each person a stream of recorded events,
 * and a Kinfolk over them at a read point, as the read model's loader would give.
 */
export class Families {
  readonly logs = new Map<string, RecordedPersonEvent[]>();
  private next = 0;
  private instant = Date.parse('2026-01-01T00:00:00Z');

  private record(nationalId: string, event: PersonEvent, eventId?: string): RecordedPersonEvent {
    this.instant += 60_000;
    const entry = recorded(new Date(this.instant).toISOString(), event, eventId);
    this.logs.set(nationalId, [...(this.logs.get(nationalId) ?? []), entry]);
    return entry;
  }

  /** Registers a person born on `dateOfBirth` to the given parents; returns their ID. */
  person(sex: 'F' | 'M', dateOfBirth: string, parents: { mother?: string; father?: string } = {}): string {
    const nationalId = `p${String(++this.next).padStart(3, '0')}`;
    this.record(nationalId, {
      type: 'PersonEnrolled',
      data: {
        nationalId,
        name: { given: nationalId, father: 'محمد', grandfather: 'سالم', family: 'العبيدي' },
        sex,
        dateOfBirth,
        placeOfBirth: 'LY-BA-01',
        nationality: 'LY',
        residency: 'citizen',
        ...(parents.mother && { motherId: parents.mother }),
        ...(parents.father && { fatherId: parents.father }),
        source: { kind: 'legacy-register', reference: `register page ${this.next}` },
      },
    });
    return nationalId;
  }

  marry(husband: string, wife: string, date: string): string {
    const marriageId = `m-${husband}-${wife}`;
    this.record(husband, married(marriageId, wife, date));
    this.record(wife, married(marriageId, husband, date));
    return marriageId;
  }

  divorce(husband: string, wife: string, date: string): void {
    const marriageId = `m-${husband}-${wife}`;
    for (const [one, other] of [[husband, wife], [wife, husband]]) {
      this.record(one, { type: 'DivorceRegistered', data: { marriageId, spouseId: other, date, courtReference: 'court 1' } });
    }
  }

  die(nationalId: string, dateOfDeath: string): void {
    this.record(nationalId, {
      type: 'DeathRegistered',
      data: { dateOfDeath, placeOfDeath: 'LY-BA-03', causeIcd10: 'I21.9', certifier: { kind: 'hospital', reference: 'H-1' } },
    });
  }

  correct(nationalId: string, eventId: string, field: string, from: unknown, to: unknown): string {
    return this.record(nationalId, {
      type: 'RecordCorrected',
      data: { correctedEventId: eventId, changes: [{ field, from, to }], reason: 'clerical error', authorityReference: 'NR-1', documents: [], date: '2026-01-01' },
    }).eventId;
  }

  annul(nationalId: string, eventId: string): void {
    this.record(nationalId, { type: 'RegistrationAnnulled', data: { annulledEventId: eventId, courtReference: 'court 2', reason: 'void', date: '2026-01-01' } });
  }

  eventOf(nationalId: string, type: PersonEvent['type']): string {
    return this.logs.get(nationalId)!.find(({ event }) => event.type === type)!.eventId;
  }

  /** Everyone's state at `point`, and the children each log ever named, as the read model keeps them. */
  kinAt(point: ReadPoint = {}): Kinfolk {
    const children = new Map<string, string[]>();
    for (const [id, log] of this.logs) {
      for (const parent of new Set(log.flatMap(({ event }) => parentsEverNamed(event)))) children.set(parent, [...(children.get(parent) ?? []), id]);
    }
    return {
      person: (id) => (this.logs.has(id) ? stateAt(this.logs.get(id)!, point) : undefined),
      childrenOf: (id) => children.get(id) ?? [],
    };
  }

  registered(nationalId: string, point: ReadPoint = {}): RegisteredPerson {
    return this.kinAt(point).person(nationalId) as RegisteredPerson;
  }

  deceased(nationalId: string): DeceasedPerson {
    return this.registered(nationalId) as DeceasedPerson;
  }
}
