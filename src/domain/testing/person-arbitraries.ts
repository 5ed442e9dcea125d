import fc from 'fast-check';
import type { PersonEvent } from '../person/person-events';
import { nid } from './person-fixtures';

export const day = fc
  .date({ min: new Date('1975-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
export const eventId = fc.integer({ min: 1, max: 8 }).map((n) => `e${n}`);
export const id = fc.constantFrom('a', 'b', 'c');
const nidOf = (n: string) => nid(Number(n));

/** Facts as the log may hold them, unchecked: an older policy may have accepted what the rules now refuse. */
export const anyEvent = anyEventNaming(id);

/** `anyEvent` with the employments, cards and marriages named from `ids`: one ID makes endings meet their entries. */
export function anyEventNaming(ids: fc.Arbitrary<string>): fc.Arbitrary<PersonEvent> {
  return fc.oneof(
    day.map((d): PersonEvent => ({ type: 'DeathRegistered', data: { dateOfDeath: d, placeOfDeath: 'LY-BA-03', causeIcd10: 'I21.9', certifier: { kind: 'hospital', reference: 'H' } } })),
    day.map((d): PersonEvent => ({ type: 'ResidenceChanged', data: { area: 'LY-BA-03', date: d } })),
    fc.tuple(ids, day).map(([e, d]): PersonEvent => ({ type: 'EmploymentStarted', data: { employmentId: e, employer: 'E', occupation: '2', sector: 'private', date: d } })),
    fc.tuple(ids, day).map(([e, d]): PersonEvent => ({ type: 'EmploymentEnded', data: { employmentId: e, date: d, reason: 'r' } })),
    fc.tuple(ids, day, day).map(([c, d, e]): PersonEvent => ({ type: 'IdentityCardIssued', data: { cardNumber: c, date: d, expiresOn: e, office: 'O' } })),
    fc.tuple(ids, day).map(([c, d]): PersonEvent => ({ type: 'IdentityCardReported', data: { cardNumber: c, reason: 'lost', date: d } })),
    fc.tuple(ids, fc.constantFrom('2', '3'), day).map(([m, s, d]): PersonEvent => ({ type: 'MarriageRegistered', data: { marriageId: m, spouseId: nidOf(s), date: d, place: 'LY-BA-03' } } as PersonEvent)),
    fc.tuple(ids, day).map(([m, d]): PersonEvent => ({ type: 'DivorceRegistered', data: { marriageId: m, date: d } } as PersonEvent)),
    fc.tuple(eventId, fc.constantFrom('date', 'dateOfDeath', 'dateOfBirth', 'expiresOn'), day).map(([target, field, to]): PersonEvent => ({
      type: 'RecordCorrected',
      data: { correctedEventId: target, changes: [{ field, from: null, to }], reason: 'r', authorityReference: 'a', documents: [], date: '2026-01-01' },
    } as PersonEvent)),
    eventId.map((target): PersonEvent => ({ type: 'RegistrationAnnulled', data: { annulledEventId: target, courtReference: 'c', reason: 'r', date: '2026-01-01' } })),
  );
}

/** Facts no rule reads beyond their date: names, moves, nationalities, education. */
export const attributeEvent: fc.Arbitrary<PersonEvent> = fc.oneof(
  day.map((d): PersonEvent => ({ type: 'NameChanged', data: { name: { given: 'سارة', father: 'علي', grandfather: 'عمر', family: 'الفيتوري' }, reason: 'r', authorityReference: 'a', date: d } })),
  day.map((d): PersonEvent => ({ type: 'Emigrated', data: { country: 'TN', date: d } })),
  day.map((d): PersonEvent => ({ type: 'Immigrated', data: { country: 'TN', area: 'LY-BA-01', date: d } })),
  fc.tuple(fc.constantFrom('LY', 'TN'), day).map(([n, d]): PersonEvent => ({ type: 'NationalityGranted', data: { nationality: n, decisionReference: 'd', date: d } })),
  fc.tuple(fc.integer({ min: 1, max: 8 }), day).map(([level, d]): PersonEvent => ({ type: 'EducationRecorded', data: { level, institution: 'U', status: 'completed', date: d } })),
);
