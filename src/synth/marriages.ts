import { ageOn, isoDay, yearOf, type Day } from './civil-days';
import { related } from './family-graph';
import { synthMarriageId } from './synth-ids';
import { NEVER, type Marriage, type Person } from './synth-person';
import type { SynthWorld } from './synth-world';

/** Marries them in the simulation (not yet recorded); `year` keeps the woman from marrying twice in it. */
export function marry(w: SynthWorld, husband: number, wife: number, date: Day, year: number): Marriage {
  const h = w.persons[husband]!;
  const wf = w.persons[wife]!;
  const index = w.marriages.length;
  const m: Marriage = { id: synthMarriageId(w.seed, index), index, husband, wife, date, end: NEVER, place: h.area, lastDay: 0 };
  if (w.currentMarriages(husband, date).length > 0) w.counts.polygamousMarriages++;
  w.marriages.push(m);
  h.marriages.push(w.marriages.length - 1);
  wf.marriages.push(w.marriages.length - 1);
  h.lastMarriageDay = date;
  wf.lastMarriageDay = date;
  h.marriedInYear = year;
  wf.marriedInYear = year;
  w.counts.marriages++;
  return m;
}

/**
 * The registration day of a fact about `m` on `date`, not before `minDay` nor the spouses' earlier
 * facts: their later facts, and the marriage's, are recorded after it.
 */
export function marriageRecordDay(w: SynthWorld, m: Marriage, date: Day, maxDelay: number, minDay: Day): Day {
  const h = w.persons[m.husband]!;
  const wf = w.persons[m.wife]!;
  const day = Math.max(minDay, w.recordDay(date, maxDelay, h, wf));
  h.lastDay = wf.lastDay = m.lastDay = day;
  return day;
}

export function spousesOf(w: SynthWorld, m: Marriage): [string, string] {
  return [w.persons[m.husband]!.id, w.persons[m.wife]!.id];
}

export function scheduleMarriage(w: SynthWorld, m: Marriage, minDay: Day): void {
  w.schedule(marriageRecordDay(w, m, m.date, 14, minDay), {
    type: 'RegisterMarriage',
    key: w.key(),
    agency: w.agencyFor(m.place),
    spouses: spousesOf(w, m),
    data: { marriageId: m.id, date: isoDay(m.date), place: w.areas[m.place]!, contractReference: `${w.areas[m.place]}/${yearOf(m.date)}/${m.index + 1}` },
  });
}

/**
 * A husband for `wife` on `date` from the men bucketed by birth year, the age gap drawn from the
 * rates: a married man with fewer than four wives when the marriage is to be polygamous (else an
 * unmarried one), never a relative. -1 when none is found.
 */
export function findHusband(w: SynthWorld, wife: number, date: Day, menByYear: Map<number, number[]>, eligible: (man: Person) => boolean): number {
  const bride = w.persons[wife]!;
  const { min, max } = w.rates.husbandAgeGap;
  const polygamous = w.random.chance(w.rates.polygamyRate);
  for (const seekMarried of polygamous ? [true, false] : [false]) {
    for (let attempt = 0; attempt < 25; attempt++) {
      const bucket = menByYear.get(yearOf(bride.birth) - min - w.random.int(max - min + 1));
      if (!bucket) continue;
      const man = bucket[w.random.int(bucket.length)]!;
      const h = w.persons[man]!;
      if (!w.alive(h, date) || !eligible(h) || ageOn(h.birth, date) < 18 || h.lastMarriageDay >= date) continue;
      const wives = w.currentMarriages(man, date).length;
      if (seekMarried ? wives === 0 || wives >= 4 : wives > 0) continue;
      if (related(w.persons, wife, man)) continue;
      return man;
    }
  }
  return -1;
}
