import type { MotherName, PersonName } from '../domain/shared/person-name';
import { dayOf, isoDay } from './civil-days';
import { misspell } from './names/spelling-variants';
import { motherNameOf, nameOf, randomMotherName } from './synth-names';
import type { Person } from './synth-person';
import type { SynthWorld } from './synth-world';

/** The name as a register writes it: now and then one part in another spelling. */
export function recordedName(w: SynthWorld, p: Person): PersonName {
  const name = nameOf(p);
  if (!w.random.chance(w.rates.defects.spellingVariant)) return name;
  return misspelt(w, name);
}

function misspelt(w: SynthWorld, name: PersonName): PersonName {
  const parts = (['given', 'father', 'grandfather', 'family'] as const).filter((part) => misspell(name[part], w.random) !== undefined);
  if (parts.length === 0) return name;
  const part = w.random.pick(parts);
  const variant = misspell(name[part], w.random)!;
  w.counts.spellingVariants[variant.variant] = (w.counts.spellingVariants[variant.variant] ?? 0) + 1;
  return { ...name, [part]: variant.text };
}

/** The date of birth an old register gives: now and then only the year, or the year and month. */
export function registeredBirthDate(w: SynthWorld, p: Person): string {
  const { defects } = w.rates;
  const full = isoDay(p.birth);
  const r = w.random.next();
  const dateOfBirth = r < defects.partialBirthDateYear ? full.slice(0, 4) : r < defects.partialBirthDateYear + defects.partialBirthDateMonth ? full.slice(0, 7) : full;
  if (dateOfBirth.length === 4) w.counts.partialBirthDates.year++;
  if (dateOfBirth.length === 7) w.counts.partialBirthDates.month++;
  return dateOfBirth;
}

/** The same person enrolled again from another register: another ID, a name or date written differently. */
export function scheduleDuplicate(w: SynthWorld, p: Person, original: { name: PersonName; dateOfBirth: string; motherName?: MotherName; placeOfBirth: string }): void {
  const id = w.newNationalId();
  const name = w.random.chance(0.6) ? misspelt(w, nameOf(p)) : nameOf(p);
  const dateOfBirth = w.random.chance(0.5) ? original.dateOfBirth.slice(0, 4) : original.dateOfBirth;
  const motherName = original.motherName ?? (p.mother >= 0 ? motherNameOf(nameOf(w.persons[p.mother]!)) : randomMotherName(w.random, p.family));
  const last = dayOf(w.endYear + 1) - 1;
  const day = p.lastDay + w.random.int(Math.max(1, last - p.lastDay));
  w.schedule(day, {
    type: 'EnrolPerson',
    key: w.key(),
    agency: w.agencyFor(p.area),
    data: {
      nationalId: id,
      name,
      sex: p.sex,
      dateOfBirth,
      placeOfBirth: original.placeOfBirth,
      nationality: p.nationality,
      residency: 'citizen',
      motherName,
      source: { kind: 'legacy-register', reference: `${original.placeOfBirth} civil register ${1 + w.random.int(30)}, entry ${1 + w.random.int(5000)}` },
    },
  });
  w.counts.duplicates++;
  w.counts.enrolments++;
  w.duplicatePairs.push([p.id, id]);
}
