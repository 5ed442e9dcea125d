import type { Sex } from '../domain/person/person-events';
import { dayOf, isoDay, type Day } from './civil-days';
import { endEmployment } from './employment';
import { foreignNationalities } from './names/arabic-names';
import { recordedName } from './register-defects';
import { changeResidence } from './residence';
import { randomMotherName } from './synth-names';
import { ageOnJanuaryFirst } from './synth-person';
import type { YearFigures } from './synth-summary';
import type { SynthWorld } from './synth-world';

const EMIGRATION_COUNTRIES = ['TN', 'EG', 'TR', 'IT', 'DE', 'GB', 'AE', 'MT', 'MY', 'US', 'CA', 'FR'];

/** Another area to move to: two times in three one in the same region, when there is one. */
function otherArea(w: SynthWorld, area: number): number {
  const region = w.areas[area]!.split('-').slice(0, 2).join('-');
  const near = w.areas.map((code, k) => (k !== area && code.startsWith(`${region}-`) ? k : -1)).filter((k) => k >= 0);
  if (near.length > 0 && w.random.chance(2 / 3)) return w.random.pick(near);
  let other = w.random.weighted(w.areaWeights);
  if (other === area) other = (area + 1) % w.areas.length;
  return other;
}

/** One year of moves: emigrants return, adults move within the country or (single, 18–45) emigrate, foreigners arrive. */
export function migration(w: SynthWorld, year: number, y0: Day, y1: Day, count: number, figures: YearFigures): void {
  const { rates } = w;
  let population = 0;
  for (let i = 0; i < count; i++) {
    const p = w.persons[i]!;
    if (p.death < y1) continue;
    if (p.abroad) {
      if (!w.random.chance(rates.returnRate)) continue;
      const date = y0 + w.random.int(y1 - y0);
      const country = p.abroad;
      p.abroad = undefined;
      p.area = w.random.chance(0.7) ? p.area : w.random.weighted(w.areaWeights);
      const day = w.recordDay(date, 30, p);
      w.schedule(day, { type: 'RecordImmigration', key: w.key(), agency: w.agencyFor(p.area), nationalId: p.id, data: { country, area: w.areas[p.area]!, date: isoDay(date) } });
      w.counts.returns++;
      figures.returns++;
      continue;
    }
    population++;
    const age = ageOnJanuaryFirst(p, year);
    if (w.areas.length > 1 && age >= 18 && w.random.chance(rates.moveRate)) {
      const from = Math.max(y0, p.lastMarriageDay + 1);
      if (from < y1) changeResidence(w, p, otherArea(w, p.area), from + w.random.int(y1 - from));
      continue;
    }
    if (age < 18 || age > 45 || w.currentMarriages(i, y1 - 1).length > 0 || p.lastMarriageDay >= y0) continue;
    if (!w.random.chance(rates.emigrationRate)) continue;
    const date = Math.max(y0 + w.random.int(y1 - y0), p.employment?.start ?? 0);
    if (p.employment) endEmployment(w, p, date, 'emigration');
    if (p.studying >= 0) p.studying = -1;
    const country = w.random.pick(EMIGRATION_COUNTRIES);
    p.abroad = country;
    const day = w.recordDay(date, 30, p);
    w.schedule(day, { type: 'RecordEmigration', key: w.key(), agency: w.agencyFor(p.area), nationalId: p.id, data: { country, date: isoDay(date) } });
    w.counts.emigrations++;
    figures.emigrations++;
  }
  // Foreign residents, enrolled on a residence permit when they arrive.
  const expected = (population * rates.immigrationPerThousand) / 1000;
  const arrivals = Math.floor(expected) + (w.random.chance(expected - Math.floor(expected)) ? 1 : 0);
  for (let n = 0; n < arrivals; n++) immigrant(w, year, y0, y1, figures);
}

function immigrant(w: SynthWorld, year: number, y0: Day, y1: Day, figures: YearFigures): void {
  const country = foreignNationalities[w.random.weighted(foreignNationalities.map((c) => c.weight))]!.code;
  const sex: Sex = w.random.chance(0.75) ? 'M' : 'F';
  const age = 20 + w.random.int(26);
  const birth = dayOf(year - age - 1) + 1 + w.random.int(364);
  const p = w.newPerson(sex, birth, w.random.weighted(w.areaWeights));
  p.nationality = country;
  p.completed = 2;
  w.register(p);
  const date = y0 + w.random.int(y1 - y0);
  const day = w.recordDay(date, 20, p);
  w.schedule(day, {
    type: 'EnrolPerson',
    key: w.key(),
    agency: w.agencyFor(p.area),
    data: {
      nationalId: p.id,
      name: recordedName(w, p),
      sex,
      dateOfBirth: isoDay(birth),
      placeOfBirth: country,
      nationality: country,
      residency: 'resident',
      motherName: randomMotherName(w.random, p.family),
      source: { kind: 'residence-permit', reference: `Residence permit ${year}/${w.counts.immigrants + 1}` },
    },
  });
  w.schedule(day, { type: 'RecordImmigration', key: w.key(), agency: w.agencyFor(p.area), nationalId: p.id, data: { country, area: w.areas[p.area]!, date: isoDay(date) } });
  w.counts.enrolments++;
  w.counts.immigrants++;
  figures.immigrants++;
}
