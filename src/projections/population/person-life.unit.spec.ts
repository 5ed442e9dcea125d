import { keptEvent, lifeOf, type KeptEvent } from './person-life';

const registrations: Array<[type: string, data: Record<string, unknown>]> = [
  ['BirthRegistered', { sex: 'F', dateOfBirth: '2020-04-30', placeOfBirth: 'LY-BA-01', motherId: '2' }],
  ['PersonEnrolled', { sex: 'M', dateOfBirth: '1961-03', placeOfBirth: 'LY-TB-01', source: { kind: 'legacy-register', reference: 'r' } }],
  ['PersonEnrolled', { sex: 'F', dateOfBirth: '1975', placeOfBirth: 'LY-BA-03', source: { kind: 'residence-permit', reference: 'p' } }],
];

describe('a life derived from kept facts', () => {
  it.each(registrations)('of a %s alone is the one the domain derives from it', (type, data) => {
    const registration = keptEvent('r1', type, data, [])!;
    // A correction that changes nothing: the domain's derivation of the facts that count, same facts.
    const unchanged = keptEvent('c1', 'RecordCorrected', { correctedEventId: 'r1', changes: [], date: '2026-01-01' }, [registration])!;
    const derived: KeptEvent[] = [registration, unchanged];
    expect(lifeOf([registration])).toEqual(lifeOf(derived));
    expect(lifeOf([registration], { year: 1990, monthDay: 501 })).toEqual(lifeOf(derived, { year: 1990, monthDay: 501 }));
  });

  it("counts a birth at the mother's age on the day of birth", () => {
    const [, data] = registrations[0]!;
    const registration = keptEvent('r1', 'BirthRegistered', data, [])!;
    expect(lifeOf([registration])!.flows[0]).toEqual(['birth', 'LY-BA-01', expect.any(Number), -1]);
    expect(lifeOf([registration], { year: 1990, monthDay: 501 })!.flows[0]![3]).toBe(29);
    expect(lifeOf([registration], { year: 1990, monthDay: 430 })!.flows[0]![3]).toBe(30);
  });
});
