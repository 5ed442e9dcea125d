import type { Person } from './synth-person';

/**
 * The base persons `first`…`end - 1` (oldest first) in the order their families are enrolled:
 * each person without parents in its turn, and right after a couple's second parent its
 * children, oldest first, each followed in turn by its own children once their other parent is
 * in. Every parent still comes before its children, but a family's enrolments are close
 * together: oldest first over the whole country put a million persons' parents hundreds of
 * thousands of enrolments before them, so each child read both back from the recorder's packed
 * tier.
 */
export function familyOrder(persons: readonly Person[], first: number, end: number): Int32Array {
  const count = end - first;
  // Each parent's children, a list threaded through arrays: a mother's by `nextOfMother`, a father's by `nextOfFather`.
  const firstChild = new Int32Array(count).fill(-1);
  const nextOfMother = new Int32Array(count).fill(-1);
  const nextOfFather = new Int32Array(count).fill(-1);
  for (let i = end - 1; i >= first; i--) {
    const { mother, father } = persons[i]!;
    if (mother >= first) {
      nextOfMother[i - first] = firstChild[mother - first]!;
      firstChild[mother - first] = i;
    }
    if (father >= first) {
      nextOfFather[i - first] = firstChild[father - first]!;
      firstChild[father - first] = i;
    }
  }

  const order = new Int32Array(count);
  const placed = new Uint8Array(count);
  let next = 0;
  const place = (i: number): void => {
    order[next++] = i;
    placed[i - first] = 1;
    const asMother = persons[i]!.sex === 'F';
    for (let child = firstChild[i - first]!; child >= 0; child = (asMother ? nextOfMother : nextOfFather)[child - first]!) {
      const other = asMother ? persons[child]!.father : persons[child]!.mother;
      // Placed already if this parent's own children led to the other parent: the generator marries no
      // relatives, but the order must not place anyone twice if it did.
      if (!placed[child - first] && (other < first || placed[other - first])) place(child);
    }
  };
  for (let i = first; i < end; i++) {
    const { mother, father } = persons[i]!;
    if (mother < first && father < first) place(i);
  }
  if (next !== count) throw new Error(`${count - next} base persons have a parent who is not enrolled before them`);
  return order;
}
