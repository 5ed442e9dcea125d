import { ageOn, birthday, yearOf, type Day } from './civil-days';
import { related } from './family-graph';
import { findHusband, marry } from './marriages';
import { spouseIn } from './synth-person';
import type { SynthWorld } from './synth-world';

/** Share of women of a given age married at the start (the rest single, or widowed off the register). */
function baseMarriedShare(age: number): number {
  if (age < 20) return 0.1;
  if (age < 25) return 0.35;
  if (age < 30) return 0.6;
  if (age < 35) return 0.75;
  if (age < 60) return 0.82;
  if (age < 70) return 0.65;
  return 0.4;
}

/**
 * Links the base persons `first`…`end - 1` into families: couples married before the first day
 * `y0`, then children to those couples, and each wife in her husband's area.
 */
export function linkBaseFamilies(w: SynthWorld, first: number, end: number, y0: Day): void {
  const menByYear = new Map<number, number[]>();
  for (let i = first; i < end; i++) {
    const p = w.persons[i]!;
    if (p.sex !== 'M') continue;
    const year = yearOf(p.birth);
    (menByYear.get(year) ?? menByYear.set(year, []).get(year)!).push(i);
  }
  const marriedWomenByYear = marryBaseCouples(w, first, end, y0, menByYear);
  linkBaseChildren(w, first, end, marriedWomenByYear);
  // A married man's wives follow his family's area, set when he was linked.
  for (const m of w.marriages) {
    w.persons[m.wife]!.area = w.persons[m.husband]!.area;
    m.place = w.persons[m.husband]!.area;
  }
}

/** Couples married before the start, by the women's age: the married women by birth year. */
function marryBaseCouples(w: SynthWorld, first: number, end: number, y0: Day, menByYear: Map<number, number[]>): Map<number, number[]> {
  const marriedWomenByYear = new Map<number, number[]>();
  for (let i = first; i < end; i++) {
    const wife = w.persons[i]!;
    if (wife.sex !== 'F') continue;
    const age = ageOn(wife.birth, y0);
    if (age < 19 || !w.random.chance(baseMarriedShare(age))) continue;
    const date = Math.min(y0 - 1, birthday(wife.birth, 18 + Math.floor(w.random.next() * Math.min(age - 18, 12))) + w.random.int(300));
    const husband = findHusband(w, i, date, menByYear, () => true);
    if (husband < 0) continue;
    wife.area = w.persons[husband]!.area;
    marry(w, husband, i, Math.max(date, w.persons[husband]!.lastMarriageDay + 1), -1);
    const year = yearOf(wife.birth);
    (marriedWomenByYear.get(year) ?? marriedWomenByYear.set(year, []).get(year)!).push(i);
  }
  return marriedWomenByYear;
}

/** Children linked to those couples: a mother 18–42 years older, married before the birth. */
function linkBaseChildren(w: SynthWorld, first: number, end: number, marriedWomenByYear: Map<number, number[]>): void {
  for (let i = first; i < end; i++) {
    const child = w.persons[i]!;
    const birthYear = yearOf(child.birth);
    for (let attempt = 0; attempt < 8; attempt++) {
      const bucket = marriedWomenByYear.get(birthYear - 18 - Math.floor(w.random.next() ** 1.5 * 24));
      if (!bucket) continue;
      const mother = w.random.pick(bucket);
      const m = w.marriages[w.persons[mother]!.marriages[0]!]!;
      if (m.date > child.birth || w.persons[mother]!.children >= 9 || ageOn(w.persons[mother]!.birth, child.birth) < 18) continue;
      const parents = [mother, m.husband];
      if (child.marriages.some((k) => related(w.persons, i, spouseIn(w.marriages[k]!, i), parents))) continue;
      if (parents.includes(i)) continue;
      const father = w.persons[m.husband]!;
      child.mother = mother;
      child.father = m.husband;
      child.fatherName = father.given;
      child.grandfatherName = father.fatherName;
      // A married woman lives with her husband; everyone else with the family.
      if (!(child.sex === 'F' && child.marriages.length > 0)) child.area = w.persons[mother]!.area;
      child.family = father.family;
      w.persons[mother]!.children++;
      w.persons[mother]!.lastBirthDay = Math.max(w.persons[mother]!.lastBirthDay, child.birth);
      break;
    }
  }
}
