import { isoDay, yearOf, type Day } from './civil-days';
import { ageOnJanuaryFirst, NEVER, spouseIn } from './synth-person';
import { deathProbability } from './synth-rates';
import type { YearFigures } from './synth-summary';
import type { SynthWorld } from './synth-world';

const CAUSES = ['I21.9', 'I64', 'E14.9', 'C34.9', 'J18.9', 'V89.2', 'P07.3', 'N18.9', 'K74.6', 'A41.9'];

/** One year's deaths among those born before it (infants die in `birth`). */
export function deaths(w: SynthWorld, year: number, y0: Day, y1: Day, count: number, figures: YearFigures): void {
  for (let i = 0; i < count; i++) {
    const p = w.persons[i]!;
    if (p.death < NEVER || p.abroad || p.birth >= y0) continue;
    const q = deathProbability(w.rates, p.sex, ageOnJanuaryFirst(p, year), false);
    figures.expectedDeaths += q;
    if (!w.random.chance(q)) continue;
    die(w, i, y0 + w.random.int(y1 - y0), figures);
  }
}

export function die(w: SynthWorld, i: number, date: Day, figures: YearFigures): void {
  const p = w.persons[i]!;
  p.death = date;
  const day = w.recordDay(date, 10, p);
  const certifier = w.random.pick(['hospital', 'hospital', 'hospital', 'physician', 'forensic-medicine'] as const);
  w.schedule(day, {
    type: 'RegisterDeath',
    key: w.key(),
    agency: w.agencyFor(p.area),
    nationalId: p.id,
    data: { dateOfDeath: isoDay(date), placeOfDeath: w.areas[p.area]!, causeIcd10: w.random.pick(CAUSES), certifier: { kind: certifier, reference: `${certifier}/${yearOf(date)}/${w.counts.deaths + 1}` } },
  });
  w.counts.deaths++;
  figures.deaths++;
  // Widowhood ends the marriages; the spouses' later facts are recorded after the death.
  for (const k of p.marriages) {
    const m = w.marriages[k]!;
    if (m.end > date) {
      m.end = date;
      const spouse = w.persons[spouseIn(m, i)]!;
      spouse.lastDay = Math.max(spouse.lastDay, day);
      m.lastDay = Math.max(m.lastDay, day);
    }
  }
}
