import fc from 'fast-check';
import { defaultPolicy } from '../policy/jurisdiction-policy';
import { DomainError } from '../shared/domain-error';
import { decide } from '../person/person-decide';
import type { PersonEvent, Sex } from '../person/person-events';
import { kinOf } from '../person/person-queries';
import type { PersonState } from '../person/person-state';
import { isCurrentOn } from '../person/rules/marriage-rules';
import { command, enrolment, nid, personOf, recordedEvolve } from '../testing/person-fixtures';
import { divorceCommand, marriageCommand } from '../testing/marriage-fixtures';
import { decideMarriage } from './marriage-decide';

/** A small family: 1 & 2 parents of 3 and 4; 3 & 5 parents of 6 and 7; 8–11 unrelated. */
const FAMILY: Array<[n: number, sex: Sex, born: string, mother?: number, father?: number]> = [
  [1, 'M', '1930'], [2, 'F', '1935'], [3, 'M', '1955', 2, 1], [4, 'F', '1958', 2, 1], [5, 'F', '1960'],
  [6, 'F', '1982', 5, 3], [7, 'M', '1984', 5, 3], [8, 'M', '1950'], [9, 'F', '1962'], [10, 'F', '1970'], [11, 'M', '1975'],
];
const parents = new Map(FAMILY.map(([n, , , m, f]) => [n, [m, f].filter((p): p is number => p !== undefined)]));
const grandparents = (n: number) => parents.get(n)!.flatMap((p) => parents.get(p)!);
const siblings = (a: number, b: number) => parents.get(a)!.some((p) => parents.get(b)!.includes(p));
/** The prohibited degrees from the ground truth, independently of the code under test. */
function prohibited(a: number, b: number): boolean {
  return [[a, b], [b, a]].some(
    ([x, y]) => parents.get(x)!.includes(y!) || grandparents(x!).includes(y!) || siblings(x!, y!) || parents.get(x!)!.some((p) => siblings(p, y!)),
  );
}

function population(): Map<number, PersonState> {
  return new Map(
    FAMILY.map(([n, sex, born, m, f]) => [n, personOf(enrolment({ nationalId: nid(n), sex, dateOfBirth: born, motherId: m ? nid(m) : undefined, fatherId: f ? nid(f) : undefined }))]),
  );
}

const person = fc.integer({ min: 1, max: FAMILY.length });
const day = fc.date({ min: new Date('1975-01-01T00:00:00Z'), max: new Date('2026-11-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
type Step = { kind: 'marry'; a: number; b: number; date: string } | { kind: 'divorce'; a: number; pick: number; date: string } | { kind: 'die'; a: number; date: string };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('marry' as const), a: person, b: person, date: day }) },
  fc.record({ kind: fc.constant('divorce' as const), a: person, pick: fc.nat(), date: day }),
  fc.record({ kind: fc.constant('die' as const), a: person, date: day }),
);

function apply(people: Map<number, PersonState>, s: Step, index: number): void {
  const state = (n: number) => people.get(n)!;
  const byId = (id: string) => Number(id.slice(1, 11));
  const record = (decision: Record<string, PersonEvent[]>) => {
    for (const [id, events] of Object.entries(decision)) people.set(byId(id), events.reduce(recordedEvolve, state(byId(id))));
  };
  const kin = (n: number) => {
    const self = state(n);
    const spouses = self.status === 'unregistered' ? [] : self.marriages.map((m) => state(byId(m.spouseId)));
    return kinOf(self, (parents.get(n) ?? []).map(state), spouses);
  };
  if (s.kind === 'marry') {
    record(decideMarriage(marriageCommand([state(s.a), state(s.b)], { marriageId: `m${index}`, date: s.date, kin: { [nid(s.a)]: kin(s.a), [nid(s.b)]: kin(s.b) } }), defaultPolicy));
  } else if (s.kind === 'divorce') {
    const self = state(s.a);
    const marriage = self.status === 'unregistered' ? undefined : self.marriages[s.pick % Math.max(1, self.marriages.length)];
    if (marriage) record(decideMarriage(divorceCommand([self, state(byId(marriage.spouseId))], marriage.marriageId, s.date), defaultPolicy));
  } else {
    const death = command('RegisterDeath', { dateOfDeath: s.date, placeOfDeath: 'LY-BA-03', causeIcd10: 'I21.9', certifier: { kind: 'hospital', reference: 'H' } });
    record({ [nid(s.a)]: decide(death, state(s.a), defaultPolicy) });
  }
}

describe('any sequence of marriages, divorces and deaths in a small population', () => {
  it('never yields more concurrent spouses than the policy, a marriage within prohibited degrees, or one after a death', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 30 }), (steps) => {
        const people = population();
        steps.forEach((s, i) => {
          try {
            apply(people, s, i);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
          }
        });
        const deaths = Object.fromEntries([...people.values()].flatMap((p) => (p.status === 'deceased' ? [[p.nationalId, p.dateOfDeath]] : [])));
        for (const [n, p] of people) {
          if (p.status === 'unregistered') continue;
          for (const m of p.marriages) {
            expect(prohibited(n, Number(m.spouseId.slice(1, 11)))).toBe(false);
            expect(p.marriages.filter((other) => isCurrentOn(other, m.date, deaths)).length).toBeLessThanOrEqual(defaultPolicy.concurrentSpouses[p.sex]);
            if (p.status === 'deceased') expect(m.date <= p.dateOfDeath).toBe(true);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
