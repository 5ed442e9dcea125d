import { issueNationalId } from '../src/domain/shared/national-id';
import type { PersonEvent } from '../src/domain/person/person-events';
import { personEventVersions } from '../src/domain/events/upcasters';
import { newEventId } from '../src/event-store/event-id';
import type { EventStore, NewEvent, StreamWrite } from '../src/event-store/event-store.port';
import { personStreamId } from '../src/ledger/person-stream';
import { random } from './seeded-random';

export interface PersonLogOptions {
  /** Roughly how many events to append (default 300,000). */
  events?: number;
  /** Persons per append: one transaction for all of their streams (default 200). */
  personsPerAppend?: number;
  seed?: number;
}

const GIVEN = { F: ['فاطمة', 'خديجة', 'مريم', 'عائشة', 'زينب', 'سعاد'], M: ['محمد', 'علي', 'حسن', 'عمر', 'سالم', 'خالد'] };
const FAMILIES = ['العبيدي', 'الترهوني', 'المصراتي', 'الفيتوري', 'الزوي', 'المقريف', 'البرعصي', 'الورفلي'];
const AREAS = ['LY-BA-01', 'LY-BA-03', 'LY-TB-01'];

/**
 * Fills a log with realistic person streams through the store's batched multi-stream appends:
 * enrolments of adults, then per person education, employment, moves, cards, and for some a
 * marriage (in both spouses' streams) and a death. Returns the number of events appended.
 */
export async function generatePersonLog(store: EventStore, options: PersonLogOptions = {}): Promise<number> {
  const target = options.events ?? 300_000;
  const perAppend = options.personsPerAppend ?? 200;
  const next = random(options.seed ?? 42);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
  const digit = () => Math.floor(next() * 10);
  // 8 × 10^10 possible IDs collide about six times among a million persons: draw again, as the register would.
  const issued = new Set<string>();
  const newNationalId = (): string => {
    let id = issueNationalId(digit);
    while (issued.has(id)) id = issueNationalId(digit);
    issued.add(id);
    return id;
  };
  let appended = 0;
  while (appended < target) {
    const persons = Array.from({ length: perAppend }, () => ({ id: newNationalId(), sex: next() < 0.5 ? ('F' as const) : ('M' as const), events: [] as PersonEvent[] }));
    for (const person of persons) {
      const year = 1940 + Math.floor(next() * 60);
      const born = `${year}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`;
      person.events.push({
        type: 'PersonEnrolled',
        data: {
          nationalId: person.id,
          name: { given: pick(GIVEN[person.sex]), father: pick(GIVEN.M), grandfather: pick(GIVEN.M), family: pick(FAMILIES) },
          sex: person.sex,
          dateOfBirth: next() < 0.1 ? String(year) : born,
          placeOfBirth: pick(AREAS),
          nationality: 'LY',
          residency: 'citizen',
          motherName: { given: pick(GIVEN.F), father: pick(GIVEN.M), family: pick(FAMILIES) },
          source: { kind: 'legacy-register', reference: `register ${Math.floor(next() * 900)}, page ${Math.floor(next() * 400)}` },
        },
      });
      const at = (offset: number) => `${year + offset}-06-01`;
      person.events.push({ type: 'EducationRecorded', data: { level: 1 + Math.floor(next() * 7), institution: 'University of Benghazi', status: 'completed', date: at(20) } });
      if (next() < 0.6) {
        person.events.push({
          type: 'EmploymentStarted',
          data: { employmentId: newEventId(), employer: 'Ministry of Health', occupation: '2211', sector: 'public', date: at(24) },
        });
      }
      if (next() < 0.5) person.events.push({ type: 'ResidenceChanged', data: { area: pick(AREAS), date: at(26) } });
      person.events.push({ type: 'IdentityCardIssued', data: { cardNumber: `C${person.id}`, date: at(18), expiresOn: at(28), office: 'LY-BA-03-OFF1' } });
    }
    const men = persons.filter((p) => p.sex === 'M');
    const women = persons.filter((p) => p.sex === 'F');
    for (let i = 0; i < Math.min(men.length, women.length) && next() < 0.8; i++) {
      const marriageId = newEventId();
      const data = (spouseId: string) => ({ marriageId, spouseId, date: '2024-01-01', place: 'LY-BA-03', contractReference: `MC-${marriageId.slice(-6)}` });
      men[i].events.push({ type: 'MarriageRegistered', data: data(women[i].id) });
      women[i].events.push({ type: 'MarriageRegistered', data: data(men[i].id) });
    }
    for (const person of persons) {
      if (next() < 0.1) {
        person.events.push({
          type: 'DeathRegistered',
          data: { dateOfDeath: '2025-03-01', placeOfDeath: 'LY-BA-03', causeIcd10: 'I21', certifier: { kind: 'hospital', reference: 'H-1' } },
        });
      }
    }
    const writes: StreamWrite[] = persons.map((person) => ({
      streamId: personStreamId(person.id),
      expectedRevision: 'no_stream',
      events: person.events.map(toNewEvent),
    }));
    await store.appendToStreams(writes);
    appended += writes.reduce((sum, write) => sum + write.events.length, 0);
  }
  return appended;
}

const toNewEvent = (event: PersonEvent): NewEvent => ({
  id: newEventId(),
  type: event.type,
  data: event.data,
  metadata: { schemaVersion: personEventVersions[event.type], office: 'LY-BA-03-OFF1', registrar: 'registrar-17', commandId: newEventId() },
});
