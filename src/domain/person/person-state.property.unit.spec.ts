import fc from 'fast-check';
import { comparePartialDates } from '../shared/partial-date';
import { anyEvent, anyEventNaming, attributeEvent } from '../testing/person-arbitraries';
import { enrolment, NOW } from '../testing/person-fixtures';
import type { Collections } from './person-collections';
import { occurredOn, type PersonEvent, type RecordedPersonEvent } from './person-events';
import { isAmendment, isRegistration, type Fact, type Registration } from './person-facts';
import { foldFact, withStatus, type Death, type PersonRecord, type PersonState } from './person-record';
import { stateOf } from './person-state';

/**
 * The fold as DOMAIN.md states it, written for clarity and not for speed: `stateOf` must give
 * exactly its state, key order included (documents are serialised from it).
 */
function referenceStateOf(log: RecordedPersonEvent[]): PersonState {
  const annulled = new Set(log.flatMap(({ event }) => (event.type === 'RegistrationAnnulled' ? [event.data.annulledEventId] : [])));
  const byId = new Map<string, Fact>(
    log.map(({ eventId, recordedAt, event }) => [eventId, { eventId, recordedAt, event, annulled: annulled.has(eventId), correctedBy: [] }]),
  );
  for (const { eventId, event } of log) {
    const target = event.type === 'RecordCorrected' ? byId.get(event.data.correctedEventId) : undefined;
    if (event.type !== 'RecordCorrected' || !target || annulled.has(eventId)) continue;
    const data = { ...target.event.data } as Record<string, unknown>;
    for (const change of event.data.changes) data[change.field] = change.to;
    target.event = { ...target.event, data } as PersonEvent;
    target.correctedBy = [...target.correctedBy, eventId];
  }
  const facts = [...byId.values()];
  const counting = facts
    .filter((fact) => !fact.annulled && !isAmendment(fact.event))
    .sort((a, b) => comparePartialDates(occurredOn(a.event), occurredOn(b.event)));
  const registration = counting.find((fact): fact is Fact<Registration> => isRegistration(fact.event));
  if (!registration) {
    const annulledRegistration = log.find(({ event }) => isRegistration(event))?.event as Registration | undefined;
    return { status: 'unregistered', log, facts, ...(annulledRegistration && { nationalId: annulledRegistration.data.nationalId }) };
  }
  const { data } = registration.event;
  const person: PersonRecord = {
    log,
    facts,
    nationalId: data.nationalId,
    registrationEventId: registration.eventId,
    name: data.name,
    sex: data.sex,
    dateOfBirth: data.dateOfBirth,
    placeOfBirth: data.placeOfBirth,
    nationalities: [data.nationality],
    residency: registration.event.type === 'PersonEnrolled' ? registration.event.data.residency : 'citizen',
    motherId: data.motherId,
    fatherId: data.fatherId,
    motherName: data.motherName,
    ...referenceCollections(counting),
  };
  let death: Death | undefined;
  for (const fact of counting) death = foldFact(person, fact, death);
  return withStatus(person, death);
}

function referenceCollections(facts: Fact[]): Collections {
  const ofType = (type: PersonEvent['type']) => facts.filter((fact) => fact.event.type === type) as Array<Fact<any>>;
  const ending = (type: PersonEvent['type'], key: string, value: unknown) => ofType(type).find((f) => f.event.data[key] === value);
  return {
    marriages: ofType('MarriageRegistered').map(({ eventId, event: { data } }) => {
      const divorce = ending('DivorceRegistered', 'marriageId', data.marriageId);
      return { marriageId: data.marriageId, spouseId: data.spouseId, date: data.date, place: data.place, eventId, ...(divorce && { divorce: { date: divorce.event.data.date, eventId: divorce.eventId } }) };
    }),
    employments: ofType('EmploymentStarted').map(({ eventId, event: { data } }) => {
      const end = ending('EmploymentEnded', 'employmentId', data.employmentId);
      return {
        employmentId: data.employmentId,
        employer: data.employer,
        occupation: data.occupation,
        sector: data.sector,
        startedOn: data.date,
        eventId,
        ...(end && { ended: { date: end.event.data.date, reason: end.event.data.reason, eventId: end.eventId } }),
      };
    }),
    cards: ofType('IdentityCardIssued').map(({ eventId, event: { data } }) => {
      const report = ending('IdentityCardReported', 'cardNumber', data.cardNumber);
      return {
        cardNumber: data.cardNumber,
        issuedOn: data.date,
        expiresOn: data.expiresOn,
        office: data.office,
        eventId,
        ...(report && { reported: { date: report.event.data.date, reason: report.event.data.reason, eventId: report.eventId } }),
      };
    }),
    education: ofType('EducationRecorded').map(({ eventId, event: { data } }) => ({ ...data, eventId })),
  };
}

/** Partial dates next to full days of the same year, so first-day ties are broken by the last day. */
const partialDated = fc
  .tuple(attributeEvent, fc.constantFrom('1976', '1976-01', '1976-01-01', '1976-01-31', '1976-12-31'))
  .map(([event, date]) => ({ ...event, data: { ...event.data, date } }) as PersonEvent);
const entriesAndEndings = anyEventNaming(fc.constant('a')).filter((e) => /^(Marriage|Divorce|Employment|IdentityCard)/.test(e.type));
const registration = fc.constantFrom('1975', '1975-06', '1976-01-01').map((dateOfBirth) => enrolment({ dateOfBirth }));

/**
 * Streams as the log may hold them: the registration anywhere or twice, facts recorded late,
 * corrections and annulments of any fact (an annulled registration too), and sometimes the one
 * pending ID a decision's hypotheses share.
 */
const stream = fc
  .tuple(fc.array(fc.oneof(anyEvent, entriesAndEndings, attributeEvent, partialDated, registration), { maxLength: 14 }), registration, fc.nat(14), fc.boolean())
  .map(([events, first, at, pending]): RecordedPersonEvent[] =>
    [...events.slice(0, at), first, ...events.slice(at)].map((event, i) => ({
      eventId: pending && i >= events.length - 1 ? 'pending' : `e${i + 1}`,
      recordedAt: NOW,
      event,
    })),
  );

describe('stateOf', () => {
  it('gives the state of the straightforward fold for any stream, key order included', () => {
    fc.assert(
      fc.property(stream, (log) => {
        const state = stateOf(log);
        const reference = referenceStateOf(log);
        expect(state).toStrictEqual(reference);
        expect(JSON.stringify(state)).toBe(JSON.stringify(reference));
      }),
      { numRuns: 2000 },
    );
  });
});
