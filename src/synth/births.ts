import type { Sex } from '../domain/person/person-events';
import { isoDay, yearOf, type Day } from './civil-days';
import { die } from './deaths';
import { recordedName } from './register-defects';
import { ageOnJanuaryFirst, type Person } from './synth-person';
import { deathProbability, maritalFertility } from './synth-rates';
import type { YearFigures } from './synth-summary';
import type { SynthWorld } from './synth-world';

/** One year's deliveries: women 15–49 by marital or non-marital fertility, twins at the rates' share. */
export function births(w: SynthWorld, year: number, y0: Day, y1: Day, count: number, figures: YearFigures): void {
  for (let i = 0; i < count; i++) {
    const mother = w.persons[i]!;
    if (mother.sex !== 'F' || mother.abroad || mother.death < y0) continue;
    const age = ageOnJanuaryFirst(mother, year);
    if (age < 15 || age >= 50) continue;
    const date = y0 + w.random.int(y1 - y0);
    if (date > mother.death || date - mother.lastBirthDay < 300) continue;
    const marriage = w.currentMarriages(i, date)[0];
    const p = marriage ? maritalFertility(w.rates, age) : w.rates.nonMaritalFertility;
    figures.expectedDeliveries += p;
    if (!w.random.chance(p)) continue;
    const plurality = w.random.chance(w.rates.twinShare) ? 2 : 1;
    mother.lastBirthDay = date;
    figures.deliveries++;
    if (plurality === 2) w.counts.twinDeliveries++;
    for (let order = 1; order <= plurality; order++) birth(w, i, marriage?.husband ?? -1, date, plurality, order, y1, figures);
  }
}

/** What every record of a newborn opens with, the name as the register writes it. */
function newborn(w: SynthWorld, child: Person) {
  return { nationalId: child.id, name: recordedName(w, child), sex: child.sex, dateOfBirth: isoDay(child.birth), placeOfBirth: w.areas[child.area]! };
}

/** A child born, registered within days (or late, years later, as an enrolment), and perhaps dying in infancy. */
function birth(w: SynthWorld, motherIndex: number, fatherIndex: number, date: Day, plurality: number, birthOrder: number, y1: Day, figures: YearFigures): void {
  const mother = w.persons[motherIndex]!;
  const sex: Sex = w.random.chance(w.rates.sexRatioAtBirth / (1 + w.rates.sexRatioAtBirth)) ? 'M' : 'F';
  const child = w.newPerson(sex, date, mother.area, { mother: motherIndex, father: fatherIndex });
  if (fatherIndex < 0) child.family = mother.family;
  const index = w.register(child);
  mother.children++;
  figures.births++;
  w.counts.births++;
  if (sex === 'M') w.counts.birthsBySex.M++;
  else w.counts.birthsBySex.F++;
  const father = fatherIndex >= 0 ? w.persons[fatherIndex] : undefined;
  const parents = father ? [mother, father] : [mother];
  const late = w.random.chance(w.rates.defects.lateRegistration);
  if (late) {
    // Registered years later, as an enrolment: nothing about the child is recorded before it.
    const day = date + 365 * (1 + w.random.int(w.rates.defects.lateYearsMax)) + w.random.int(300);
    child.lastDay = Math.max(day, ...parents.map((x) => x.lastDay));
    w.schedule(child.lastDay, {
      type: 'EnrolPerson',
      key: w.key(),
      agency: w.agencyFor(child.area),
      data: {
        ...newborn(w, child),
        nationality: father?.nationality ?? mother.nationality,
        residency: 'citizen',
        motherId: mother.id,
        ...(father && { fatherId: father.id }),
        source: { kind: 'late-registration', reference: `${w.areas[child.area]} late registration ${yearOf(day)}/${w.counts.lateRegistrations + 1}` },
      },
    });
    w.counts.lateRegistrations++;
    w.counts.enrolments++;
  } else {
    const day = w.recordDay(date, 30, child, ...parents);
    w.schedule(day, {
      type: 'RegisterBirth',
      key: w.key(),
      agency: w.agencyFor(child.area),
      data: {
        ...newborn(w, child),
        motherId: mother.id,
        ...(father && { fatherId: father.id }),
        plurality,
        ...(plurality > 1 && { birthOrder }),
        weightGrams: Math.round(3250 - (plurality - 1) * 700 + (w.random.next() + w.random.next() + w.random.next() - 1.5) * 900),
        attendant: w.random.chance(0.95) ? 'physician' : 'midwife',
        declarant: father ? 'father' : 'mother',
      },
    });
    w.counts.registeredBirths++;
  }
  // Deaths in the rest of the first year of life (the infant term is concentrated here).
  const q = deathProbability(w.rates, sex, 0, true) * Math.min(1, (y1 - date) / 365 + 0.5);
  figures.expectedDeaths += Math.min(1, q);
  if (w.random.chance(q)) die(w, index, date + w.random.int(Math.max(1, y1 - date)), figures);
}
