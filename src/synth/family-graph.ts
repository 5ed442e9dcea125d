import type { Person } from './synth-person';

function parentsOf(persons: Person[], i: number): number[] {
  const p = persons[i]!;
  return [p.mother, p.father].filter((x) => x >= 0);
}

/**
 * DOMAIN.md's prohibited degrees over the links the ledger knows (as `prohibited-degrees.ts`).
 * `aParents` stands in for a's parents when a is about to be linked to them.
 */
export function related(persons: Person[], a: number, b: number, aParents = parentsOf(persons, a)): boolean {
  const bParents = parentsOf(persons, b);
  const aGrand = aParents.flatMap((x) => parentsOf(persons, x));
  const bGrand = bParents.flatMap((x) => parentsOf(persons, x));
  const shares = (x: number[], y: number[]) => x.some((v) => y.includes(v));
  return (
    aParents.includes(b) || bParents.includes(a) || aGrand.includes(b) || bGrand.includes(a) ||
    shares(aParents, bParents) || shares(aParents, bGrand) || shares(bParents, aGrand)
  );
}
