import type { Sex } from '../domain/person/person-events';
import { familyOrder } from './family-order';
import { Prng } from './prng';
import type { Person } from './synth-person';

/** Only what the order reads: sex and parents. */
const person = (sex: Sex, mother = -1, father = -1) => ({ sex, mother, father }) as Person;

describe('the base population in family order', () => {
  it('puts a couple’s children, oldest first, right after the second parent, and theirs after both of theirs', () => {
    const persons = [
      person('M'), // 0, married to 1
      person('F'), // 1
      person('M'), // 2, married to 3
      person('F'), // 3
      person('M', 1, 0), // 4, married to 5
      person('F', 3, 2), // 5
      person('M'), // 6, no family
      person('F', 5, 4), // 7
      person('F', 1, 0), // 8
    ];
    expect([...familyOrder(persons, 0, persons.length)]).toEqual([0, 1, 4, 8, 2, 3, 5, 7, 6]);
  });

  it('places every person once, after both parents, whatever the families', () => {
    const random = new Prng('family order');
    const persons: Person[] = [];
    const couples: [number, number][] = [];
    for (let i = 0; i < 5_000; i++) {
      const sex: Sex = random.chance(0.5) ? 'M' : 'F';
      const [father, mother] = couples.length > 0 && random.chance(0.6) ? random.pick(couples) : [-1, -1];
      persons.push(person(sex, mother, father));
      const husband = random.int(i + 1);
      if (sex === 'F' && persons[husband]!.sex === 'M' && random.chance(0.7)) couples.push([husband, i]);
    }
    const order = [...familyOrder(persons, 0, persons.length)];
    expect([...order].sort((a, b) => a - b)).toEqual(persons.map((_, i) => i));
    const at = new Map(order.map((p, n) => [p, n]));
    const before = order.filter((p) => [persons[p]!.mother, persons[p]!.father].some((parent) => parent >= 0 && at.get(parent)! > at.get(p)!));
    expect(before).toEqual([]);
  });
});
