import { birthday, isoDay, yearOf, type Day } from './civil-days';
import { findHusband, marriageRecordDay, marry, scheduleMarriage, spousesOf } from './marriages';
import { changeResidence } from './residence';
import { ageOnJanuaryFirst, NEVER } from './synth-person';
import { firstMarriageHazard } from './synth-rates';
import type { SynthWorld } from './synth-world';

/** One year's weddings: women 17–49 marry by the first-marriage or remarriage hazard, and move to the husband's area. */
export function yearMarriages(w: SynthWorld, year: number, y0: Day, y1: Day, count: number): void {
  const menByYear = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const p = w.persons[i]!;
    if (p.sex !== 'M' || p.death < y1 || p.abroad) continue;
    const y = yearOf(p.birth);
    (menByYear.get(y) ?? menByYear.set(y, []).get(y)!).push(i);
  }
  for (let i = 0; i < count; i++) {
    const wife = w.persons[i]!;
    if (wife.sex !== 'F' || wife.abroad || wife.death < y0 || wife.marriedInYear === year) continue;
    const age = ageOnJanuaryFirst(wife, year);
    if (age < 17 || age >= 50) continue;
    const hazard = wife.marriages.length === 0 ? firstMarriageHazard(w.rates, Math.max(age, 18)) : w.rates.remarriageHazard;
    if (!w.random.chance(hazard)) continue;
    const from = Math.max(y0, birthday(wife.birth, 18), ...wife.marriages.map((k) => w.marriages[k]!.end + 1));
    const to = Math.min(y1, wife.death);
    if (from >= to) continue;
    const date = from + w.random.int(to - from);
    if (w.currentMarriages(i, date).length > 0) continue;
    const husband = findHusband(w, i, date, menByYear, (h) => h.death > date);
    if (husband < 0) {
      w.counts.unmatchedBrides++;
      continue;
    }
    const m = marry(w, husband, i, date, year);
    scheduleMarriage(w, m, 0);
    const h = w.persons[husband]!;
    if (wife.area !== h.area) changeResidence(w, wife, h.area, date);
  }
}

/** One year's divorces, half as likely after ten years of marriage; not while a spouse is abroad. */
export function divorces(w: SynthWorld, y0: Day, y1: Day): void {
  for (const m of w.marriages) {
    if (m.end < NEVER || m.date >= y1) continue;
    const years = (y0 - m.date) / 365;
    if (!w.random.chance(years < 10 ? w.rates.divorceHazard : w.rates.divorceHazard / 2)) continue;
    const h = w.persons[m.husband]!;
    const wife = w.persons[m.wife]!;
    if (h.abroad || wife.abroad) continue;
    const from = Math.max(y0, m.date + 1);
    const to = Math.min(y1, h.death, wife.death);
    if (from >= to) continue;
    const date = from + w.random.int(to - from);
    m.end = date;
    w.schedule(marriageRecordDay(w, m, date, 30, m.lastDay), {
      type: 'RegisterDivorce',
      key: w.key(),
      agency: w.agencyFor(m.place),
      spouses: spousesOf(w, m),
      data: { marriageId: m.id, date: isoDay(date), courtReference: `Court of ${w.areas[m.place]}, ${yearOf(date)}/${w.counts.divorces + 1}` },
    });
    w.counts.divorces++;
  }
}
